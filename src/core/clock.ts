/** The injected clock: every "today" and "now" in the bot comes from here, so tests and scripts can move time. */

export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: `--now` in the scripting interface, and the tests. */
export class ManualClock implements Clock {
  #now: Date;

  constructor(start: Date) {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Moves the clock forward; moving backwards would re-open the past, so it is refused. */
  advanceTo(instant: Date): void {
    if (instant.getTime() < this.#now.getTime()) {
      throw new RangeError(`cannot move the clock backwards (now ${this.#now.toISOString()})`);
    }
    this.#now = new Date(instant);
  }
}

/** What the clock drivers (the timer, the scripting interface) need of the scheduler. */
export interface DueWork {
  /** When the next pending job falls due, if any. */
  nextDue(): Promise<Date | undefined>;
  /** Delivers every job due at `now`, in due order. */
  tick(now: Date): Promise<void>;
}
