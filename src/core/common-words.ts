/**
 * The common words of French and English (the stopwords-iso lists, accents folded): words of their own, which
 * the FAQ search drops when the knowledge base does not use them, and which the understanding layer never
 * reads as a typo of an option's name (« environ » is no « environnement »).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { normalize } from './text.ts';

// The file holds 58 languages: it is read rather than required, so that the other 56 are not kept for good in
// the module cache. Read once, at start-up.
const COMMON_WORDS = (() => {
  const file = createRequire(import.meta.url).resolve('stopwords-iso/stopwords-iso.json');
  const lists = JSON.parse(readFileSync(file, 'utf8')) as Record<'fr' | 'en', string[]>;
  return new Set([...lists.fr, ...lists.en].map(normalize));
})();

/** Whether a folded word is one of the two languages' common words. */
export function isCommonWord(word: string): boolean {
  return COMMON_WORDS.has(word);
}
