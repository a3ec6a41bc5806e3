/** A scheduled message (reminder, broadcast, announcement) and the store that finds due ones by time. */
import { z } from 'zod';
import type { ConversationRef, Reply } from '../core/message.ts';
import { conversationRefSchema } from '../core/ref-schema.ts';

const replySchema = z.looseObject({ text: z.string(), intent: z.string() });

/** The stored form of a job: plain JSON, times in UTC epoch milliseconds. */
export const jobSchema = z.object({
  /** The stable idempotency key: scheduling the same id again replaces the pending job, never duplicates it. */
  id: z.string().min(1),
  /** What the job is (`personal`, `funding-deadline`, `broadcast`…): the delivery's intent derives from it. */
  kind: z.string().min(1),
  dueAt: z.number(),
  /** After this instant the message is no longer useful: a job still pending then is dropped with a log line. */
  expiresAt: z.number().optional(),
  /** The person it is for (personal and application reminders), for listing and "forget me". */
  user: z.string().optional(),
  /** What it belongs to: `application:<id>`, `broadcast:<id>`, `call:<id>:<room>`, `personal`. */
  owner: z.string().min(1),
  ref: conversationRefSchema,
  reply: replySchema,
  /** Language of the text, for the "(late)" mark. */
  lang: z.enum(['fr', 'en']),
  /** The time zone the due time was computed in, to show it back in local time. */
  timezone: z.string(),
  /**
   * The turn that created it (a digest of its platform event and what the job is for in it): the turn run
   * again after its process died finds this job under the same id and keeps it instead of adding a twin.
   */
  origin: z.string().optional(),
  /** Failed delivery attempts so far. */
  attempts: z.number().int().default(0),
  /** An earlier send may have reached the platform unanswered (timeout, crash): check before posting again. */
  inDoubt: z.boolean().optional(),
});

export type Job = z.infer<typeof jobSchema>;
/** A job as callers create it (attempts start at zero). */
export type NewJob = Omit<Job, 'attempts'> & { attempts?: number };

/** How a claimed job ended. */
export type JobOutcome = 'done' | 'dropped';

/**
 * What `put` did: scheduled the job (added it, or replaced the pending job of that id), or refused it because
 * that id already ended (delivered or dropped: never scheduled again). A refusal gives the `origin` the ended
 * job had, which its tombstone keeps: a turn run again learns that the job its first run made was sent.
 */
export type PutResult = { scheduled: true } | { scheduled: false; endedOrigin?: string };

/**
 * Whether a job is one of the person's reminders. The bot's own bookkeeping for them (retention's erasure notices,
 * owner `retention:<id>`) is theirs too — "my data" shows it — but is no reminder: never listed, cancelled or
 * snoozed as one, so the reminders offered and those listed count the same.
 */
export function isPersonalReminder(job: Pick<Job, 'owner'>): boolean {
  return !job.owner.startsWith('retention:');
}

/** Narrow a stored value back to a Job (the reply keeps its full Reply shape). */
export function parseJob(value: unknown): Job & { reply: Reply; ref: ConversationRef } {
  return jobSchema.parse(value) as Job & { reply: Reply; ref: ConversationRef };
}

/**
 * How long a tombstone (an ended job's id and origin) is kept: then it is forgotten, and the id may be
 * scheduled again. Two things read tombstones. A turn run again after its process died (it learns that the
 * job its first run made was sent): the inbox keeps an event one hour at most (`REMEMBER_MS`), so no turn is
 * run again later than that. And jobs whose ids derive from what they remind of (`app:<application>:<kind>:
 * <day>`, a subscription's `<owner>:<date>:<days before>:<day>`): they are made again only while they are
 * still due in the future, and a job ends at or after its due time; only a change of the person's time zone
 * (at most 26 hours) moves the same id later. Thirty days leaves ample room for both.
 */
export const TOMBSTONE_MS = 30 * 24 * 3600_000;

/**
 * Where jobs live, with a due-time index so a tick costs the same with 100 or 100,000 pending jobs.
 * A claimed job keeps its place in the index, moved to the end of its lease: if the claimer dies, the job
 * falls due again once the lease runs out and another tick (or replica) delivers it.
 */
export interface JobStore {
  /** Adds or replaces a pending job; an id already delivered or dropped is left alone (see PutResult). */
  put(job: Job): Promise<PutResult>;
  get(id: string): Promise<Job | undefined>;
  /** Removes pending jobs by id. */
  delete(ids: readonly string[]): Promise<void>;
  /** The earliest time a pending job falls due (or its lease runs out). */
  nextDue(): Promise<number | undefined>;
  /**
   * Atomically takes up to `limit` jobs due at `now` for `holder`, hiding them for `leaseMs`. A job whose
   * previous claim was never settled (its claimer died) comes back `inDoubt`.
   */
  claimDue(now: number, limit: number, holder: string, leaseMs: number): Promise<Job[]>;
  /** Keeps `holder`'s claims on `ids` hidden until `until` (the heartbeat of a live claimer). */
  extend(ids: readonly string[], holder: string, until: number): Promise<void>;
  /**
   * Ends a claimed job, delivered (`done`) or not (`dropped`: expired or failed for good): it leaves the
   * index, and a tombstone keeps its id — and its `origin`, nothing else — so it can never be scheduled again.
   */
  finish(id: string, holder: string, outcome: JobOutcome): Promise<void>;
  /**
   * Forgets at most `limit` tombstones of jobs that ended before `before` (their last claim's lease, which
   * ends at most a lease after they did); returns how many. Redis forgets each on its own (a TTL of
   * TOMBSTONE_MS) and returns 0.
   */
  purgeEnded(before: number, limit: number): Promise<number>;
  /** Gives a claimed job back, due again at `dueAt`-independent `runAt` (a retry), with its attempt count. */
  release(id: string, holder: string, runAt: number, attempts: number, inDoubt: boolean): Promise<void>;
  /** Pending jobs of a person, in due order. */
  listByUser(user: string): Promise<Job[]>;
  /** Pending jobs of an owner, in due order. */
  listByOwner(owner: string): Promise<Job[]>;
  close(): Promise<void>;
}

export type { Leases } from '../store/atomic.ts';
