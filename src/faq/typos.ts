/** Typo distance between two words: the Damerau-Levenshtein distance, so a swap (« mial » / « mail ») is one typo. */
import damerauLevenshtein from 'damerau-levenshtein';

export function typoDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}
