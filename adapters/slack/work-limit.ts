/**
 * At most `limit` pieces of work at a time, the others waiting their turn in arrival order. Waiting costs the
 * event loop nothing, so a burst of messages cannot starve the acknowledgements Slack needs within 3 seconds.
 */
export class WorkLimit {
  readonly #limit: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Runs `work` once a slot is free; resolves or rejects as it does. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so the count never drops below what is running.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
