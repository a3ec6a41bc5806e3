/**
 * The scheduler: claims due jobs, sends them through the rate-limited queue, and marks each one delivered as
 * soon as the platform confirms. Claim before send, mark right after: a restart never re-sends a confirmed job.
 *
 * Missed-job policy (the bot was down): a job whose `expiresAt` has passed is dropped with a log line; any
 * other job is delivered at once, its text marked "(late)" when it is more than LATE_AFTER_MS overdue.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DueWork } from '../core/clock.ts';
import type { Lang, Localized } from '../core/i18n.ts';
import type { Delivery, Reply } from '../core/message.ts';
import { retryAfterOf } from '../core/retry-after.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { UserKey } from '../store/user-records.ts';
import type { DeliveryQueue } from './delivery-queue.ts';
import type { Job, JobStore, NewJob } from './job.ts';

/** A job claimed by a replica stays hidden from the others this long: longer than any wait the queue holds. */
export const CLAIM_LEASE_MS = 5 * 60_000;
/** The longest rate-limit wait spent in process before a job is handed back for later. */
export const MAX_QUEUE_WAIT_MS = 60_000;
/** Overdue by more than this, a delivered text says it is late. */
export const LATE_AFTER_MS = 5 * 60_000;
/** Jobs claimed per round of a tick. */
const BATCH = 200;
/** A delivery that keeps failing (not a rate limit) is given up after this many attempts, with a log line. */
const MAX_ATTEMPTS = 5;

const LATE: Localized = { fr: '(en retard)', en: '(late)' };

export interface SchedulerOptions {
  store: JobStore;
  queue: DeliveryQueue;
  logger: Logger;
  metrics?: Metrics;
  /** Who claims: unique per process, so replicas never finish each other's claims. */
  holder?: string;
}

export class Scheduler implements DueWork {
  readonly #store: JobStore;
  readonly #queue: DeliveryQueue;
  readonly #logger: Logger;
  readonly #metrics: Metrics | undefined;
  readonly holder: string;
  /** The tick in progress: the real-clock timer must not start a second one over it. */
  #running: Promise<void> | undefined;

  constructor(options: SchedulerOptions) {
    this.#store = options.store;
    this.#queue = options.queue;
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Adds or replaces a pending job (same id = same job); false if that id was already delivered. */
  async schedule(job: NewJob): Promise<boolean> {
    const added = await this.#store.put({ ...job, attempts: job.attempts ?? 0 });
    if (added) this.#metrics?.remindersScheduled.inc({ kind: job.kind });
    return added;
  }

  async cancel(id: string): Promise<void> {
    await this.#store.delete([id]);
  }

  get(id: string): Promise<Job | undefined> {
    return this.#store.get(id);
  }

  listForUser(user: UserKey): Promise<Job[]> {
    return this.#store.listByUser(user);
  }

  listByOwner(owner: string): Promise<Job[]> {
    return this.#store.listByOwner(owner);
  }

  /** Deletes every pending job for a person ("forget me"); returns how many. */
  async removeByUser(user: UserKey): Promise<number> {
    const jobs = await this.#store.listByUser(user);
    await this.#store.delete(jobs.map((j) => j.id));
    return jobs.length;
  }

  /** Deletes every pending job of an application, broadcast or subscription; returns how many. */
  async removeByOwner(owner: string): Promise<number> {
    const jobs = await this.#store.listByOwner(owner);
    await this.#store.delete(jobs.map((j) => j.id));
    return jobs.length;
  }

  async nextDue(): Promise<Date | undefined> {
    const next = await this.#store.nextDue();
    return next === undefined ? undefined : new Date(next);
  }

  /** Delivers every job due at `now`; each claimed job ends delivered, retried later, or dropped — never left due. */
  tick(now: Date): Promise<void> {
    if (!this.#running) {
      this.#running = this.#deliverDue(now.getTime()).finally(() => {
        this.#running = undefined;
      });
    }
    return this.#running;
  }

  async close(): Promise<void> {
    await this.#running;
    await this.#store.close();
  }

  async #deliverDue(now: number): Promise<void> {
    for (;;) {
      const jobs = await this.#store.claimDue(now, BATCH, this.holder, CLAIM_LEASE_MS);
      if (jobs.length === 0) return;
      // Started in due order; the queue spaces them out per room and overall.
      await Promise.all(jobs.map((job) => this.#deliverOne(job, now)));
      if (jobs.length < BATCH) return;
    }
  }

  async #deliverOne(job: Job, now: number): Promise<void> {
    if (job.expiresAt !== undefined && now > job.expiresAt) {
      this.#logger.info(
        { job: job.id, kind: job.kind, dueAt: new Date(job.dueAt).toISOString() },
        'scheduled message dropped: its deadline passed while the bot was down',
      );
      await this.#store.discard(job.id, this.holder);
      return;
    }
    const delivery: Delivery = {
      ref: job.ref,
      reply: this.#reply(job, now),
      jobId: job.id,
      lang: job.lang,
    };
    try {
      await this.#queue.deliver(delivery);
    } catch (error) {
      await this.#retryLater(job, now, error);
      return;
    }
    await this.#store.complete(job.id, this.holder);
    this.#metrics?.remindersDelivered.inc({ kind: job.kind });
    if (now - job.dueAt > LATE_AFTER_MS) this.#metrics?.remindersLate.inc({ kind: job.kind });
  }

  #reply(job: Job, now: number): Reply {
    const reply = job.reply as Reply;
    if (now - job.dueAt <= LATE_AFTER_MS) return reply;
    return { ...reply, text: `${LATE[job.lang as Lang]} ${reply.text}` };
  }

  async #retryLater(job: Job, now: number, error: unknown): Promise<void> {
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) {
      // The platform's own delay: not a failure, so it does not count as an attempt.
      // At least a second later, so a tick always moves past it.
      await this.#store.release(job.id, this.holder, now + Math.max(retryAfter, 1000), job.attempts);
      return;
    }
    const attempts = job.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      this.#logger.error(
        { err: error, job: job.id, attempts },
        'scheduled message given up after repeated failures',
      );
      await this.#store.discard(job.id, this.holder);
      this.#metrics?.remindersFailed.inc({ kind: job.kind });
      return;
    }
    this.#logger.warn({ err: error, job: job.id, attempts }, 'scheduled message failed; will retry');
    // 1, 4, 16, 64 minutes: a platform outage is ridden out without hammering it.
    await this.#store.release(job.id, this.holder, now + 60_000 * 4 ** (attempts - 1), attempts);
  }
}
