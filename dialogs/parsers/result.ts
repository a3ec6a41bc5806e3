/** What every parser returns, and the input checks they all share. */
import type { Localized } from '../../src/core/i18n.ts';
import { hasControlCharacters } from '../../src/core/text.ts';

/** A question back to the person when an answer has two readings, with each reading as a button. */
export interface Clarification {
  question: Localized;
  options: Array<{ id: string; label: Localized }>;
  /** Why the answer as typed cannot be taken (a day gone), said before the question. */
  refused?: Localized;
}

/**
 * A parsed answer with the bot's understanding in words (and what the sentence said besides, `rest`), or a
 * kind refusal that repeats what is expected — with a clarifying question when two readings are close.
 */
export type Parsed<T> =
  | { ok: true; value: T; echo: Localized; rest?: string }
  | { ok: false; error: Localized; clarify?: Clarification };

/** Longest answer a step reads: longer texts are refused rather than cut, so nothing is silently lost. */
export const MAX_ANSWER_LENGTH = 2000;

/** Refuses an empty, too long or control-character answer; undefined when the text can be read. */
export function unreadable(text: string): Localized | undefined {
  if (text.trim() === '') return { fr: 'Je n’ai reçu aucune réponse.', en: 'I did not receive an answer.' };
  if (text.length > MAX_ANSWER_LENGTH)
    return {
      fr: `Votre réponse est trop longue (${text.length} caractères, au plus ${MAX_ANSWER_LENGTH}). Pouvez-vous la résumer ?`,
      en: `Your answer is too long (${text.length} characters, at most ${MAX_ANSWER_LENGTH}). Could you summarise it?`,
    };
  if (hasControlCharacters(text))
    return {
      fr: 'Votre réponse contient des caractères invisibles que je ne sais pas lire. Pouvez-vous la retaper ?',
      en: 'Your answer contains invisible characters I cannot read. Could you type it again?',
    };
  return undefined;
}

/** A refusal that adds what is expected to the reason. */
export function refuse(reason: Localized | undefined, expected: Localized): { ok: false; error: Localized } {
  return {
    ok: false,
    error: reason ? { fr: `${reason.fr} ${expected.fr}`, en: `${reason.en} ${expected.en}` } : expected,
  };
}

/** A refusal that is a question: which of these readings did you mean? */
export function clarify(
  question: Localized,
  options: Clarification['options'],
  refused?: Localized,
): {
  ok: false;
  error: Localized;
  clarify: Clarification;
} {
  const error = refused
    ? { fr: `${refused.fr} ${question.fr}`, en: `${refused.en} ${question.en}` }
    : question;
  return { ok: false, error, clarify: { question, options, ...(refused ? { refused } : {}) } };
}

/** Asked of an answer said of a past time (« l'an dernier on était 60 »): the one for this time is wanted. */
export const PAST_TIME_ANSWER: Localized = {
  fr: 'Cela, c’était une fois passée : et pour celle-ci ? (ou « je ne sais pas encore »)',
  en: 'That was a past time: and this time? (or “I don’t know yet”)',
};
