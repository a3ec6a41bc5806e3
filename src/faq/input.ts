/**
 * Input the FAQ must not try to match: control characters, no letter at all (emoji, punctuation), a long paste,
 * keyboard mashing. A fuzzy search finds "something" in anything; these get the plain fallback instead.
 */
import { hasControlCharacters, withoutMentions } from '../core/text.ts';
import { words } from './terms.ts';

// A question is a sentence or two; past this it is a pasted text, whose words would match everything a little.
const MAX_QUESTION_CHARS = 400;
const MAX_QUESTION_WORDS = 60;

// Chat markup around a question's words: a link written [text](url) or <url|text>, an HTML tag, emphasis and
// code marks. Only the words people read are the question; a link's address says nothing of what is asked.
const MARKUP: [RegExp, string][] = [
  [/\[([^\]]*)\]\([^)]*\)/gu, ' $1 '],
  [/<(?:https?:|mailto:)[^>|]*\|([^>]*)>/gu, ' $1 '],
  [/<\/?[a-z][^>]*>/giu, ' '],
  [/[*_`~]{1,3}/gu, ' '],
];

/**
 * The words a question shows once its chat markup is set aside (« [cliquez ici](http://…) c'est quoi ? »), mention
 * tokens (`<!here>`, `@channel`) too: they are no word of the question, nor of its language.
 */
export function readableText(text: string): string {
  return MARKUP.reduce((shown, [pattern, by]) => shown.replace(pattern, by), withoutMentions(text));
}

/** Whether a text is not a question the FAQ can read. */
export function isUnreadable(text: string): boolean {
  if (hasControlCharacters(text)) return true;
  if (text.length > MAX_QUESTION_CHARS) return true;
  const typed = words(text);
  if (typed.length > MAX_QUESTION_WORDS) return true;
  const lettered = typed.filter((w) => /\p{L}/u.test(w));
  if (lettered.length === 0) return true;
  // Keyboard mashing: most words are no word of either language (no vowel, or a long run of consonants).
  const mashed = lettered.filter(looksMashed).length;
  return mashed * 2 > lettered.length;
}

function looksMashed(word: string): boolean {
  if (word.length < 4) return false;
  return !/[aeiouy]/.test(word) || /[^aeiouy\d]{5,}/.test(word) || /(.)\1\1/.test(word);
}
