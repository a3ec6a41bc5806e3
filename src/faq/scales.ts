/**
 * The scale an event of a topic's kind is said to be held at, next to the topic's name (« le NEC *national* »,
 * "the *European* NEC"): which event of the kind is meant. A card speaks of that event only when it says the scale
 * next to the name too (« participer au NEC national »); the upcoming local NECs' card does not answer « le prochain
 * NEC national ».
 */
import type { KnowledgeBase } from './knowledge-base.ts';
import { words } from './terms.ts';
import type { TopicFinder } from './topics.ts';

const SCALES = new Set(
  'national nationale nationaux european europeen europeenne international internationale regional regionale'.split(
    ' ',
  ),
);
// How far from a topic's name a card's scale still qualifies it (« l'événement national annuel Numérique en
// Commun[s] »); a question's qualifies it right next to it (« le mail des Interconnectés pour l'international »
// asks for their international contact, not for an international Interconnectés).
const NEAR_IN_CARD = 3;

/** The scale words of folded words said within `near` words of a topic's name (`nameWords`: their positions). */
export function scalesNearName(typed: string[], nameWords: Set<number>, within = 1): string[] {
  const near = (at: number) => [...nameWords].some((n) => Math.abs(n - at) <= within);
  return [...new Set(typed.filter((w, at) => SCALES.has(w) && !nameWords.has(at) && near(at)))];
}

/** For each scale word, the entries saying it next to their topic's name (in their text, questions or keywords). */
export function scaledEntries(kb: KnowledgeBase, topics: TopicFinder): Map<string, Set<string>> {
  const scaled = new Map<string, Set<string>>();
  for (const entry of kb.entries) {
    const texts = [
      entry.answer.fr,
      entry.answer.en,
      entry.title.fr,
      entry.title.en,
      ...entry.questions.fr,
      ...entry.questions.en,
      ...entry.keywords.fr,
      ...entry.keywords.en,
    ];
    for (const text of texts) {
      const typed = words(text);
      for (const scale of scalesNearName(typed, topics.find(typed).nameWords, NEAR_IN_CARD)) {
        const ids = scaled.get(scale) ?? new Set<string>();
        scaled.set(scale, ids.add(entry.id));
      }
    }
  }
  return scaled;
}
