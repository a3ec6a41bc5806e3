/**
 * Whether a typed word is at most one typo off a known word. The Levenshtein distance of `fastest-levenshtein`
 * (the one the understanding layer uses) counts a letter added, dropped or changed; a swap of two neighbouring
 * letters (« mial » / « mail »), as common a slip, is two edits for it and is checked apart. People rarely miss
 * a word's first letter, and a word differing there is most often another word (« doute » / « coûte », "Louvre"
 * / « ouvre »): the first letter must be kept, but for a swap of the first two.
 */
import { distance } from 'fastest-levenshtein';

export function withinOneTypo(typed: string, known: string): boolean {
  if (isSwap(typed, known)) return true;
  return typed[0] === known[0] && distance(typed, known) <= 1;
}

/** Whether two words differ only by two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}
