/**
 * Two questions in one (« c'est quand le nec ess et c'est sur quel thème ? »): where a question's words split in
 * two, each side then matched on its own (matching.ts).
 */
import { readAsks } from './asks.ts';
import { searchTerms, words } from './terms.ts';
import type { TopicFinder } from './topics.ts';

// Where a question may turn into a second one.
const CONJUNCTIONS = new Set(['et', 'and']);
// Words that make a clause a question of its own (the folded words of « qu'est-ce », "what's" included).
const QUESTION_WORDS = new Set(
  (
    'qui quoi quel quelle quels quelles quand ou comment combien pourquoi qu est faut peut peuvent liste ' +
    'what whats who whom which when where how why is are can could do does did will list'
  ).split(' '),
);

/**
 * Where a question's words split into two questions: at « et » / "and" with words on both sides, not inside a
 * topic's name (« Numérique Inclusif et Responsable »), the second side itself a question (« … et quels thèmes
 * sont acceptés ? ») or both sides naming something of their own (« Territoir'Prod et Intercotour »).
 */
export function twoParts(typed: string[], topics: TopicFinder): [string[], string[]] | undefined {
  const { spans } = topics.find(typed);
  for (let at = 1; at < typed.length - 1; at++) {
    if (!CONJUNCTIONS.has(typed[at] ?? '') || spans.has(at)) continue;
    const left = typed.slice(0, at);
    const right = typed.slice(at + 1);
    if (searchTerms(left.join(' ')).length === 0 || searchTerms(right.join(' ')).length === 0) continue;
    const asksSomething = right.some((w) => QUESTION_WORDS.has(w)) || readAsks(right).asks.size > 0;
    const bothNamed = topics.find(left).spans.size > 0 && topics.find(right).spans.size > 0;
    if (asksSomething || bothNamed) return [left, right];
  }
  return undefined;
}

/**
 * Two questions written as two sentences (« NEC ESS : c'est gratuit ? et y a un défraiement ? »): split after the
 * first question mark followed by more words, when both sides have words of substance.
 */
export function twoSentences(text: string): [string[], string[]] | undefined {
  const at = text.search(/\?\s*(?=[\p{L}\p{N}])/u);
  if (at < 0) return undefined;
  const [left, right] = [words(text.slice(0, at)), words(text.slice(at + 1))];
  const substantial = (side: string[]) => searchTerms(side.join(' ')).length > 0;
  return substantial(left) && substantial(right) ? [left, right] : undefined;
}
