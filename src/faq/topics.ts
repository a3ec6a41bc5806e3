/**
 * Which topic a question is about: each topic's names and mentions (« nec ess », "soga", « quai d'orsay »…)
 * looked for in the question's folded words, longest first, a typo allowed in long words (« interconectés »).
 */
import type { KnowledgeBase } from './knowledge-base.ts';
import { words as splitWords } from './terms.ts';
import { withinOneTypo } from './typos.ts';

interface Alias {
  topic: string;
  words: string[];
  /** A name of the topic (left out of the matching), not a mention (kept). */
  name: boolean;
}

/** The topics a question speaks of, and which of its words only name a topic. */
export interface TopicsFound {
  /** In the order the question names them. */
  topics: string[];
  /** Positions (in the question's words) of the topic names. */
  nameWords: Set<number>;
  /** Positions of every name and mention: proper names, which say nothing of the question's language. */
  spans: Set<number>;
}

export class TopicFinder {
  readonly #aliases: Alias[];

  constructor(kb: KnowledgeBase) {
    this.#aliases = kb.topics
      .flatMap((topic) => [
        ...topic.names.map((alias) => ({ topic: topic.id, words: splitWords(alias), name: true })),
        ...topic.mentions.map((alias) => ({ topic: topic.id, words: splitWords(alias), name: false })),
      ])
      // Longest first: « nec ess » is NEC ESS before « nec » is a local NEC.
      .sort((a, b) => b.words.join(' ').length - a.words.join(' ').length);
  }

  /** Finds the topics a question's words name or mention; each word counts for one alias at most. */
  find(words: string[]): TopicsFound {
    const taken = new Array<boolean>(words.length).fill(false);
    const found: { topic: string; at: number }[] = [];
    const nameWords = new Set<number>();
    const spans = new Set<number>();
    for (const alias of this.#aliases) {
      for (let at = 0; at + alias.words.length <= words.length; at++) {
        const span = alias.words.map((_, k) => at + k);
        if (span.some((i) => taken[i])) continue;
        if (!alias.words.every((w, k) => sameName(words[at + k] ?? '', w))) continue;
        for (const i of span) {
          taken[i] = true;
          spans.add(i);
          if (alias.name) nameWords.add(i);
        }
        found.push({ topic: alias.topic, at });
      }
    }
    const topics = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.topic))];
    return { topics, nameWords, spans };
  }
}

/** A word of the question against a word of a name: as typed, or one typo off in a long word. */
function sameName(word: string, name: string): boolean {
  if (word === name) return true;
  // A plural (« interconnectés », "necs") names the same thing.
  if (word === `${name}s` || `${word}s` === name) return true;
  return name.length >= 6 && withinOneTypo(word, name);
}
