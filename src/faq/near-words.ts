/**
 * An index of known words for typo and prefix look-ups, so that a question's word is compared with the few
 * known words it could be a typo of — same first letter, a length one or two off — rather than with the whole
 * vocabulary: the cost of a new word stays bounded however large the knowledge base grows.
 */
import { distance } from 'fastest-levenshtein';
import { withinOneTypo } from './typos.ts';

export class NearWords {
  /** Known words by first letter and length. */
  readonly #buckets = new Map<string, string[]>();
  /** Known words in order, for the words starting with a prefix. */
  readonly #sorted: string[];

  constructor(words: Iterable<string>) {
    const unique = [...new Set(words)];
    for (const word of unique) {
      const key = bucketKey(word[0] ?? '', word.length);
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(word);
      else this.#buckets.set(key, [word]);
    }
    this.#sorted = unique.sort();
  }

  /**
   * Known words at most one typo off `word` (typos.ts: first letter kept, or the first two swapped), or two
   * edits off when `edits` is 2 (first letter kept). The word itself is not returned.
   */
  typos(word: string, edits: 1 | 2 = 1): string[] {
    const first = word[0] ?? '';
    const found: string[] = [];
    for (let length = word.length - edits; length <= word.length + edits; length++) {
      for (const known of this.#buckets.get(bucketKey(first, length)) ?? []) {
        if (known === word) continue;
        if (edits === 1 ? withinOneTypo(word, known) : distance(word, known) <= edits) found.push(known);
      }
    }
    // The first two letters swapped (« amil » / « mail »): another first letter, the same length.
    if (edits === 1 && word.length > 1 && word[1] !== first)
      for (const known of this.#buckets.get(bucketKey(word[1] ?? '', word.length)) ?? [])
        if (withinOneTypo(word, known)) found.push(known);
    return found;
  }

  /** Known words starting with `prefix`, itself excepted. */
  startingWith(prefix: string): string[] {
    let low = 0;
    let high = this.#sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.#sorted[mid] ?? '') < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < this.#sorted.length && this.#sorted[i]?.startsWith(prefix); i++) {
      const known = this.#sorted[i] ?? '';
      if (known !== prefix) found.push(known);
    }
    return found;
  }
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}
