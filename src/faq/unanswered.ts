/**
 * Questions the FAQ could not answer, kept to improve it: the text only (no user id), counted per day under
 * one key per day that expires after 90 days, so the store forgets them without a clean-up job.
 */
import type Keyv from 'keyv';
import { dayIn } from '../../rules/calendar.ts';
import type { Clock } from '../core/clock.ts';
import { normalize } from '../core/text.ts';

const KEEP_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_LENGTH = 200;

/** One unanswered question and how often it was asked in the last 90 days. */
export interface UnansweredCount {
  question: string;
  count: number;
}

export class UnansweredLog {
  readonly #kv: Keyv;
  readonly #clock: Clock;

  constructor(kv: Keyv, clock: Clock) {
    this.#kv = kv;
    this.#clock = clock;
  }

  /** Counts a question (anonymised: e-mail addresses and phone numbers are blanked). */
  async record(text: string): Promise<void> {
    const question = anonymise(text);
    if (question === '') return;
    const key = dayKey(this.#clock.now());
    const counts = (await this.#kv.get<Record<string, number>>(key)) ?? {};
    counts[question] = (counts[question] ?? 0) + 1;
    await this.#kv.set(key, counts, KEEP_DAYS * DAY_MS);
  }

  /** The most asked questions of the last 90 days, most frequent first. */
  async top(limit: number): Promise<UnansweredCount[]> {
    const now = this.#clock.now().getTime();
    const keys = Array.from({ length: KEEP_DAYS }, (_, i) => dayKey(new Date(now - i * DAY_MS)));
    const days = await this.#kv.getMany<Record<string, number>>(keys);
    const totals = new Map<string, number>();
    for (const day of days) {
      for (const [question, count] of Object.entries(day ?? {})) {
        totals.set(question, (totals.get(question) ?? 0) + count);
      }
    }
    return [...totals]
      .map(([question, count]) => ({ question, count }))
      .sort((a, b) => b.count - a.count || a.question.localeCompare(b.question))
      .slice(0, limit);
  }
}

function dayKey(instant: Date): string {
  return `faq:unanswered:${dayIn(instant, 'UTC')}`;
}

function anonymise(text: string): string {
  return normalize(text)
    .replace(/\S+@\S+/g, '<email>')
    .replace(/\+?\d[\d .-]{7,}\d/g, '<phone>')
    .slice(0, MAX_LENGTH);
}
