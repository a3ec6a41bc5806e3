/** What every parser returns, and the input checks they all share. */
import type { Localized } from '../../src/core/i18n.ts';
import { hasControlCharacters, normalize } from '../../src/core/text.ts';

/** A parsed answer with the bot's understanding in words, or a kind refusal that repeats what is expected. */
export type Parsed<T> = { ok: true; value: T; echo: Localized } | { ok: false; error: Localized };

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

// Numbers written in words: people who write them are asked for digits, rather than being misread.
const NUMBER_WORDS =
  /\b(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|millions)\b/;

/** True when a text spells a number in French or English words. */
export function spellsNumber(text: string): boolean {
  return NUMBER_WORDS.test(normalize(text)) && !/\d/.test(text);
}

/** The polite request for digits, when the number was written in words. */
export const DIGITS_PLEASE: Localized = {
  fr: 'Merci d’écrire le nombre en chiffres (par exemple 150) : je lis mal les nombres en lettres.',
  en: 'Please write the number in digits (for example 150): I do not read numbers spelled out in words reliably.',
};
