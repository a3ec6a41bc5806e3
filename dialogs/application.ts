/** The application record a dialog fills in, kept per person through UserRecords as `application:<id>`. */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { conversationRefSchema } from '../src/core/ref-schema.ts';
import type { UserKey, UserRecords } from '../src/store/user-records.ts';

/** One answer: text or a day (`YYYY-MM-DD`), a number (euros, people), yes/no, or choice ids. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

const answerValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const applicationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  status: z.enum(['in_progress', 'complete']),
  answers: z.record(z.string(), answerValue),
  /** Optional steps the person chose to skip: recorded as missing. */
  skipped: z.array(z.string()),
  /** The step being asked; absent once the summary was reached. */
  currentSlot: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The direct conversation, where reminders go. */
  ref: conversationRefSchema,
  remindersAccepted: z.boolean().optional(),
  /** The step answered last: « non attendez, c'est 180 » corrects it. */
  lastSlot: z.string().optional(),
  /** « modifier » was said alone: the next message names the answer to change. */
  pendingEdit: z.boolean().optional(),
  /** A number said alone that several steps could take (« c'est 180 »): the next message says which. */
  pendingQuantity: z.object({ text: z.string(), slots: z.array(z.string()) }).optional(),
  /**
   * Facts said in part ahead, by slot: a month without its day (`2027-03` of « … en mars » in an opening). Its
   * step asks for the rest, and an answer giving only the rest (« le 23 ») is read with it.
   */
  partial: z.record(z.string(), z.string()).optional(),
  /** An unusual answer asked to be confirmed (12 000 attendees): typed again or confirmed, it is taken. */
  unconfirmed: z.object({ slot: z.string(), value: answerValue }).optional(),
  /**
   * The platform event of the turn that changed it last (src/core/once.ts): that turn run again after its
   * process died, before it wrote the person's state, finds its change made and does not make it again.
   */
  lastEvent: z.string().optional(),
  /** The day its owner asked to keep it until (`garder ma candidature`, written by `src/ops/retention.ts`). */
  keepUntil: z.string().optional(),
});

export type Application = z.infer<typeof applicationSchema>;

const PREFIX = 'application:';

/** Reads and writes a person's applications; a stored record that no longer fits the schema is ignored. */
export class ApplicationStore {
  readonly #records: UserRecords;

  constructor(records: UserRecords) {
    this.#records = records;
  }

  /**
   * A fresh id: short enough to type in `open <id>`, random so that ids never collide across people. With
   * `event` (the platform event of the turn that opens it) it is derived from it, so the turn run again after
   * its process died rewrites the application its first run opened instead of opening a second, empty one.
   */
  newId(event?: string): string {
    if (event) return createHash('sha256').update(event).digest('hex').slice(0, 6);
    return randomBytes(3).toString('hex');
  }

  async get(user: UserKey, id: string): Promise<Application | undefined> {
    const parsed = applicationSchema.safeParse(await this.#records.get(user, PREFIX + id.toLowerCase()));
    return parsed.success ? parsed.data : undefined;
  }

  async save(user: UserKey, application: Application): Promise<void> {
    await this.#records.set(user, PREFIX + application.id, application);
  }

  async delete(user: UserKey, id: string): Promise<void> {
    await this.#records.delete(user, PREFIX + id);
  }

  /** Every application of a person, most recently updated first. */
  async list(user: UserKey): Promise<Application[]> {
    const names = (await this.#records.names(user)).filter((n) => n.startsWith(PREFIX));
    const found = await Promise.all(names.map((n) => this.get(user, n.slice(PREFIX.length))));
    return found
      .filter((a) => a !== undefined)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.createdAt.localeCompare(a.createdAt));
  }
}
