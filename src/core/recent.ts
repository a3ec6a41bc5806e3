/**
 * The values last worked out for a few keys, oldest dropped first: for pure functions a turn (or the next
 * person's turn) asks again with the same arguments, whose work is dear (a `TZDate`'s month arithmetic, a
 * SHA-256), on the core benchmark's hot path (BENCHMARKS.md). Bounded, so a long-running bot keeps no more.
 */
export class Recent<V> {
  readonly #values = new Map<string, V>();
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  /** The value kept for `key`, or the one `make` gives, then kept. */
  get(key: string, make: () => V): V {
    if (this.#values.has(key)) return this.#values.get(key) as V;
    const value = make();
    if (this.#values.size >= this.#size) this.#values.delete(this.#values.keys().next().value as string);
    this.#values.set(key, value);
    return value;
  }

  /** Drops what is kept for `key` (a forgotten person's). */
  delete(key: string): void {
    this.#values.delete(key);
  }
}
