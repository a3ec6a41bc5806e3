/**
 * Questions the FAQ could not answer, kept to improve it: the anonymised text (no user id), counted per
 * day with one atomic counter per question that expires after 90 days, so replicas lose no count and the
 * store forgets them without a clean-up job. A question is counted once per event (src/core/once.ts): a turn
 * run again after its process died counts it, and lists it in the person's records, only once.
 *
 * "Forget me" must erase the questions a person typed too: the person's records keep, for 90 days, which
 * day's question they asked — as a digest, never the text — so their counts can be taken back and a
 * question only they asked is deleted.
 */
import { createHash } from 'node:crypto';
import { dayIn } from '../../rules/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { addOnce, type TurnEvent } from '../core/once.ts';
import { normalize } from '../core/text.ts';
import type { AtomicOps } from '../store/atomic.ts';
import type { UserKey, UserRecords } from '../store/user-records.ts';

const KEEP_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_LENGTH = 200;
/** The person's record listing the questions they asked (day and digest). */
export const ASKED_RECORD = 'faq-unanswered';

/** One unanswered question and how often it was asked in the last 90 days. */
export interface UnansweredCount {
  question: string;
  count: number;
}

/** A question a person asked, as kept in their records: the day, and the text's digest. */
interface Asked {
  day: string;
  digest: string;
  /** The platform event it came with, so a turn run again does not list it twice. */
  event?: string;
}

export class UnansweredLog {
  readonly #atomic: AtomicOps;
  readonly #clock: Clock;
  readonly #records: UserRecords;
  /** The last day this process deleted the question lists that ran out of time. */
  #prunedDay = '';

  constructor(atomic: AtomicOps, clock: Clock, records: UserRecords) {
    this.#atomic = atomic;
    this.#clock = clock;
    this.#records = records;
  }

  /**
   * Counts a question (anonymised: e-mail addresses and phone numbers are blanked) asked by `user`, once for
   * the turn's `event`.
   */
  async record(text: string, user: UserKey, event: TurnEvent): Promise<void> {
    const question = anonymise(text);
    if (question === '') return;
    const now = this.#clock.now();
    const day = dayIn(now, 'UTC');
    await addOnce(this.#atomic, event, countKey(day, question), 1, KEEP_DAYS * DAY_MS);
    await this.#atomic.setAdd(dayKey(day), question);
    // The person's own record, written inside their turn (one turn at a time per person).
    const since = dayIn(new Date(now.getTime() - KEEP_DAYS * DAY_MS), 'UTC');
    const asked = ((await this.#records.get<Asked[]>(user, ASKED_RECORD)) ?? []).filter((a) => a.day > since);
    if (event === undefined || !asked.some((a) => a.event === event)) {
      const entry: Asked = { day, digest: digest(question), ...(event !== undefined && { event }) };
      await this.#records.set(user, ASKED_RECORD, [...asked, entry]);
    }
    await this.#prune(now);
  }

  /**
   * Adds one day's counts kept by an earlier release (`question → count`, no person attached): the
   * start-up migration of the old keyv keys (src/ops/keyv-migration.ts).
   */
  async adopt(day: string, counts: Record<string, number>): Promise<void> {
    const left = Date.parse(`${day}T00:00:00Z`) + KEEP_DAYS * DAY_MS - this.#clock.now().getTime();
    if (left <= 0) return;
    for (const [question, count] of Object.entries(counts)) {
      await this.#atomic.increment(countKey(day, question), count, left);
      await this.#atomic.setAdd(dayKey(day), question);
    }
  }

  /** Takes back what a forgotten person asked (`erased`: their records, read before they were erased). */
  async forget(erased: Record<string, unknown>): Promise<number> {
    const asked = (erased[ASKED_RECORD] as Asked[] | undefined) ?? [];
    for (const { day, digest: wanted } of asked) {
      const question = (await this.#atomic.setMembers(dayKey(day))).find((q) => digest(q) === wanted);
      if (question === undefined) continue;
      if ((await this.#atomic.increment(countKey(day, question), -1)) > 0) continue;
      // Nobody else asked it that day: the text goes.
      await this.#atomic.delete(countKey(day, question));
      await this.#atomic.setRemove(dayKey(day), question);
    }
    return asked.length;
  }

  /** The most asked questions of the last 90 days, most frequent first. */
  async top(limit: number): Promise<UnansweredCount[]> {
    const now = this.#clock.now().getTime();
    const totals = new Map<string, number>();
    for (let i = 0; i < KEEP_DAYS; i++) {
      const day = dayIn(new Date(now - i * DAY_MS), 'UTC');
      for (const question of await this.#atomic.setMembers(dayKey(day))) {
        const count = Number((await this.#atomic.readVersioned(countKey(day, question))).value ?? 0);
        if (count > 0) totals.set(question, (totals.get(question) ?? 0) + count);
      }
    }
    return [...totals]
      .map(([question, count]) => ({ question, count }))
      .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question))
      .slice(0, limit);
  }

  /** Once a day, deletes the lists of questions of the month past the 90 days (their counts expired alone). */
  async #prune(now: Date): Promise<void> {
    const today = dayIn(now, 'UTC');
    if (today === this.#prunedDay) return;
    this.#prunedDay = today;
    for (let i = KEEP_DAYS; i < KEEP_DAYS + 31; i++)
      await this.#atomic.delete(dayKey(dayIn(new Date(now.getTime() - i * DAY_MS), 'UTC')));
  }
}

function dayKey(day: string): string {
  return `faq:unanswered:${day}`;
}

function countKey(day: string, question: string): string {
  return `faq:unanswered:${day}:${digest(question)}`;
}

function digest(question: string): string {
  return createHash('sha256').update(question).digest('base64url').slice(0, 22);
}

function anonymise(text: string): string {
  return normalize(text)
    .replace(/\S+@\S+/g, '<email>')
    .replace(/\+?\d[\d .-]{7,}\d/g, '<phone>')
    .slice(0, MAX_LENGTH);
}
