/**
 * What a question leans on when it names no topic: the person's previous question (a follow-up, « et la date
 * limite ? », or a bare fragment, « Ouidah ») or the call being prepared.
 */
import type { KnowledgeBase } from './knowledge-base.ts';
import type { FaqContext } from './match.ts';
import { QUESTION_WORDS, type Question } from './question.ts';
import { searchTerms, words } from './terms.ts';

// Words opening a follow-up question (« et la date limite ? », "and the fee?").
const FOLLOW_UP_OPENERS = new Set(['et', 'and', 'also', 'aussi', 'sinon']);

/**
 * The topic a question that names none leans on: the previous question's for a follow-up (« et la date
 * limite ? »: nothing but what is asked, or opening with « et » / "and"), else the current call's.
 */
export function leaningTopic(
  kb: KnowledgeBase,
  context: FaqContext,
  typed: string[],
  question: Question,
  followUp: boolean,
): string | undefined {
  const subjectless = searchTerms(question.subject).every(
    (term) => question.askTerms.has(term) || QUESTION_WORDS.has(term),
  );
  const continues = followUp || FOLLOW_UP_OPENERS.has(typed[0] ?? '') || subjectless || isFragment(question);
  if (context.previousTopic !== undefined && continues) return context.previousTopic;
  if (context.callId === undefined) return undefined;
  return kb.topics.find((t) => t.calls.includes(context.callId ?? ''))?.id;
}

/** A bare fragment (« Ouidah », "the fee"): one word of subject, no kind of fact asked. */
export function isFragment(question: Question): boolean {
  return (
    question.asked.asks.size === 0 &&
    searchTerms(question.subject).length === 1 &&
    words(question.said.join(' ')).length <= 2
  );
}
