/**
 * The language a question is written in, read robustly to the proper names it holds: « Territoire Numérique
 * Libre », « Numérique en Commun[s] » or "SOGA" say nothing of the asker's language, so the topics' names and
 * mentions are set aside before the detector reads the rest. A single word left is looked up in the knowledge
 * base's own French and English wording (« critères » is only French there, "winners" only English).
 */
import { detectLanguage, LANGS, type Lang } from '../core/i18n.ts';
import { normalize } from '../core/text.ts';
import { readableText } from './input.ts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { properNames } from './question.ts';
import { ADDRESSES, words } from './terms.ts';
import type { TopicFinder } from './topics.ts';

const QUOTED = /«[^«»]*»/gu;

export class QuestionLanguage {
  readonly #topics: TopicFinder;
  /** The words the knowledge base uses in one language and never in the other. */
  readonly #onlyIn: Map<string, Lang>;

  constructor(kb: KnowledgeBase, topics: TopicFinder) {
    this.#topics = topics;
    const vocabulary = (lang: Lang) =>
      new Set(
        kb.entries.flatMap((e) =>
          words([...e.questions[lang], ...e.keywords[lang], e.title[lang], e.answer[lang]].join(' ')),
        ),
      );
    const [fr, en] = LANGS.map(vocabulary) as [Set<string>, Set<string>];
    this.#onlyIn = new Map([
      ...[...fr].filter((w) => !en.has(w)).map((w) => [w, 'fr'] as const),
      ...[...en].filter((w) => !fr.has(w)).map((w) => [w, 'en'] as const),
    ]);
  }

  /**
   * The question's language, `reliable` when at least two words besides the names told it (then it wins over
   * the conversation's language); `undefined` when nothing is left to tell (« contact ? », « interconnectés ? »).
   * A lone word is a hint only: French people type "deadline?" too.
   */
  of(asked: string): { lang: Lang; reliable: boolean } | undefined {
    // A title quoted in guillemets (« Dites-le nous une fois ») is a name too, in whatever language it was given.
    const text = readableText(asked).replace(QUOTED, ' ');
    // The same split as words(), before folding, so that accents still count for the detector.
    const raw = text
      .replace(ADDRESSES, ' ')
      .normalize('NFC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const folded = words(text);
    // The two splits only part ways on unusual input (decomposed accents): the whole text is read then.
    const spans = raw.length === folded.length ? this.#topics.find(folded).spans : new Set<number>();
    // Other proper names too (« the 2026 Congrès des Maires »), with the small words joining their parts, as long
    // as two words are left to tell the language.
    const named = raw.length === folded.length ? nameSpans(raw, properNames(text)) : new Set<number>();
    const unnamed = raw.filter((_, i) => !spans.has(i) && !named.has(i));
    const rest = unnamed.length >= 2 ? unnamed : raw.filter((_, i) => !spans.has(i));
    if (rest.length >= 2) {
      const lang = detectLanguage(rest.join(' '));
      return lang && { lang, reliable: true };
    }
    const [word] = folded.filter((_, i) => !spans.has(i));
    const lang = word === undefined ? undefined : this.#onlyIn.get(word);
    return lang && { lang, reliable: false };
  }
}

// The small words joining the parts of a name (« Congrès *des* Maires », "Ministry *of* Culture").
const NAME_JOINTS = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'd',
  'l',
  'en',
  'et',
  'of',
  'the',
  'and',
  'for',
]);

/**
 * Positions of the words written as proper names (`properNames`, a capital other than at a sentence's start; a
 * lone letter, "I", apart) and of the small words between two of them.
 */
function nameSpans(raw: string[], names: Set<string>): Set<number> {
  const isName = (i: number) => {
    const w = raw[i] ?? '';
    return w.length > 1 && /^\p{Lu}/u.test(w) && names.has(normalize(w));
  };
  const spans = new Set<number>();
  raw.forEach((_, i) => {
    if (isName(i)) spans.add(i);
  });
  raw.forEach((w, i) => {
    if (!NAME_JOINTS.has(w.toLowerCase())) return;
    let next = i + 1;
    while (NAME_JOINTS.has((raw[next] ?? '').toLowerCase())) next++;
    if (spans.has(i - 1) && isName(next)) for (let k = i; k < next; k++) spans.add(k);
  });
  return spans;
}
