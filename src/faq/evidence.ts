/**
 * What a question's words tell beyond the ranking, for matching.ts to judge an answer on: whether the question is
 * mostly about what the sources never speak of, which topic the scene it sets belongs to, and which of the facts
 * it asks are finer ones that a broader fact it also asks may stand for.
 */
import type { Ask } from './ask-cues.ts';
import type { Asked } from './asks.ts';
import type { Question } from './question.ts';
import { type FaqIndex, isContext, type Ranked } from './retrieval.ts';
import { isContentWord, isFiller, searchTerms } from './terms.ts';

// A finer fact than another (a street address than a place, an hour than a day, an e-mail or a phone than a
// contact): asked with it, the broader one answers when the sources hold no finer one.
const REFINES: Partial<Record<Ask, Ask>> = {
  address: 'place',
  hours: 'date',
  email: 'contact',
  phone: 'contact',
};

/**
 * Whether more than half of what a question says, the topic's names and mentions and the scene apart, is words
 * the knowledge base has nowhere — content words the common-word lists hold too (« beau ») included.
 */
export function mostlyStrange(question: Question, index: FaqIndex): boolean {
  const said = question.said
    .filter((w) => !isFiller(w) || isContentWord(w))
    .flatMap((w) => searchTerms(w))
    .filter((term) => !isContext(term) && !question.mentionTerms.has(term));
  const strange = said.filter((term) => !index.knows(term));
  return strange.length > 0 && strange.length * 2 > said.length;
}

/**
 * The topic of the best-ranked entry holding every word of a question's subject, when they only set its scene
 * (a city, a venue): such words earn no coverage, but together they still point to where the question is.
 */
export function sceneTopic(question: Question, ranked: Ranked[], index: FaqIndex): string | undefined {
  const terms = searchTerms(question.text).filter((term) => !question.askTerms.has(term));
  if (terms.length === 0) return undefined;
  return ranked.find((r) => terms.every((term) => index.holds(r.entry.id, term)))?.entry.topic;
}

/**
 * The finer facts a question asks along with the broader one (« c'est où, l'adresse ? ») that the topic does not
 * hold (`held`): the broader fact answers, and they are said to be missing.
 */
export function finerUnknown(asked: Asked, held: (ask: Ask) => boolean): Ask[] {
  return [...asked.asks].filter((ask) => {
    const broader = REFINES[ask];
    return broader !== undefined && asked.asks.has(broader) && !held(ask);
  });
}
