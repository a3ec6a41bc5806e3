/**
 * Weekly activity counts for the console's charts: per call, dialogs started and completed and verdicts
 * eligible per benefit; FAQ questions answered and fallen back. Counts only, nothing about people, one
 * atomic counter per week and name in the shared store, so every replica adds to the same figures; a turn
 * adds to each once per event (src/core/once.ts).
 */
import { dayIn } from '../../rules/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { addOnce, type TurnEvent } from '../core/once.ts';
import type { AtomicOps } from '../store/atomic.ts';

const DAY_MS = 24 * 3600_000;
/** Long enough to compare with the same weeks a year earlier. */
const KEEP_MS = 400 * DAY_MS;

/** One week's counts, by counter name (`call:<id>:started`, `call:<id>:eligible:<benefit>`, `faq:answered`…). */
export interface WeekCounts {
  /** The Monday that starts the week, YYYY-MM-DD (UTC). */
  week: string;
  counts: Record<string, number>;
}

export class Activity {
  readonly #atomic: AtomicOps;
  readonly #clock: Clock;

  constructor(atomic: AtomicOps, clock: Clock) {
    this.#atomic = atomic;
    this.#clock = clock;
  }

  async dialog(callId: string, event: 'started' | 'completed', turn: TurnEvent): Promise<void> {
    await this.#count(`call:${callId}:${event}`, 1, turn);
  }

  async eligible(callId: string, benefit: string, turn: TurnEvent): Promise<void> {
    await this.#count(`call:${callId}:eligible:${benefit}`, 1, turn);
  }

  /** Counts a turn's FAQ replies of one outcome (all at once: once per event). */
  async faq(outcome: 'answered' | 'fallback', count: number, turn: TurnEvent): Promise<void> {
    await this.#count(`faq:${outcome}`, count, turn);
  }

  /** The last `count` weeks, oldest first (a week without activity has no counts). */
  async weeks(count: number): Promise<WeekCounts[]> {
    const current = weekStart(this.#clock.now());
    const weeks: WeekCounts[] = [];
    for (let i = count - 1; i >= 0; i--) {
      const week = dayIn(new Date(Date.parse(`${current}T00:00:00Z`) - i * 7 * DAY_MS), 'UTC');
      const counts: Record<string, number> = {};
      for (const name of await this.#atomic.setMembers(`activity:${week}`)) {
        // Adding nothing reads the counter.
        counts[name] = await this.#atomic.increment(`activity:${week}:${name}`, 0, KEEP_MS);
      }
      weeks.push({ week, counts });
    }
    return weeks;
  }

  async #count(name: string, by: number, turn: TurnEvent): Promise<void> {
    const week = weekStart(this.#clock.now());
    await this.#atomic.setAdd(`activity:${week}`, name);
    await addOnce(this.#atomic, turn, `activity:${week}:${name}`, by, KEEP_MS);
  }
}

/** The Monday of an instant's week, in UTC. */
function weekStart(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return dayIn(day, 'UTC');
}
