/**
 * The scheduler: claims due jobs, sends them through the rate-limited queue, and marks each one delivered as
 * soon as the platform confirms. Claim before send, mark right after: a restart never re-sends a confirmed job.
 *
 * Claims follow liveness: a claim is short and renewed by a heartbeat while this process lives, so jobs a
 * killed process held fall due again within seconds, for a restarted process or another replica. A job
 * whose send may have reached the platform without an answer (timeout, crash, shutdown) comes back "in
 * doubt", and the adapter makes sure it was not posted before posting it again.
 *
 * Missed-job policy (the bot was down): a job whose `expiresAt` has passed is dropped with a log line; any
 * other job is delivered at once, its text marked "(late)" when it is more than LATE_AFTER_MS overdue.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DueWork } from '../core/clock.ts';
import type { Lang, Localized } from '../core/i18n.ts';
import type { Delivery, Reply } from '../core/message.ts';
import { retryAfterOf } from '../core/retry-after.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { UserKey } from '../store/user-records.ts';
import type { DeliveryQueue } from './delivery-queue.ts';
import { type Job, type JobStore, type NewJob, type PutResult, TOMBSTONE_MS } from './job.ts';

/** A claimed job stays hidden from the others this long after the claimer's last heartbeat. */
export const CLAIM_LEASE_MS = 20_000;
/** How often a live process renews the claims it still works on. */
const HEARTBEAT_MS = 5_000;
/** On shutdown, sends under way get this long to finish before their claims are given back. */
export const STOP_GRACE_MS = 4_000;
/**
 * A send still under way when its claim is given back may yet reach the platform (the adapters give up on
 * a call after 10 s): the job falls due again only once that is settled, so the replica that takes it over
 * finds the post if it landed.
 */
const IN_DOUBT_SETTLE_MS = 15_000;
/** The longest rate-limit wait spent in process before a job is handed back for later. */
export const MAX_QUEUE_WAIT_MS = 60_000;
/** Overdue by more than this, a delivered text says it is late. */
export const LATE_AFTER_MS = 5 * 60_000;
/** Jobs claimed per round of a tick. */
const BATCH = 200;
/** A delivery that keeps failing (not a rate limit) is given up after this many attempts, with a log line. */
const MAX_ATTEMPTS = 5;

/** How often a process forgets old tombstones (see TOMBSTONE_MS), and at most how many each time. */
const PURGE_EVERY_MS = 3600_000;
const PURGE_BATCH = 500;

const LATE: Localized = { fr: '(en retard)', en: '(late)' };

export interface SchedulerOptions {
  store: JobStore;
  queue: DeliveryQueue;
  logger: Logger;
  metrics?: Metrics;
  /** Who claims: unique per process, so replicas never finish each other's claims. */
  holder?: string;
  /** The clock jobs are due by (the heartbeat extends claims from it). */
  now?: () => number;
}

/** A claimed job being delivered by this process. */
interface InFlight {
  job: Job;
  /** The platform call has started: from then on the outcome may be unknown. */
  sending: boolean;
  abort: AbortController;
  done: Promise<void>;
}

export class Scheduler implements DueWork {
  readonly #store: JobStore;
  readonly #queue: DeliveryQueue;
  readonly #logger: Logger;
  readonly #metrics: Metrics | undefined;
  readonly holder: string;
  readonly #now: () => number;
  /** The claim in progress: ticks claim one after the other, but their deliveries run side by side. */
  #claiming: Promise<Array<Promise<void>>> | undefined;
  readonly #inFlight = new Map<string, InFlight>();
  #heartbeat: NodeJS.Timeout | undefined;
  #stopped = false;
  /** When this process last forgot old tombstones. */
  #purgedAt = Number.NEGATIVE_INFINITY;

  constructor(options: SchedulerOptions) {
    this.#store = options.store;
    this.#queue = options.queue;
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#now = options.now ?? Date.now;
  }

  /** Adds or replaces a pending job (same id = same job); refused if that id was already delivered or dropped. */
  async schedule(job: NewJob): Promise<PutResult> {
    const put = await this.#store.put({ ...job, attempts: job.attempts ?? 0 });
    if (put.scheduled) this.#metrics?.remindersScheduled.inc({ kind: job.kind });
    return put;
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

  /**
   * Delivers every job due at `now`; each claimed job ends delivered, retried later, or dropped — never left
   * due. Resolves once this tick's deliveries settled; a later tick does not wait for them.
   */
  async tick(now: Date): Promise<void> {
    if (this.#stopped) return;
    const previous = this.#claiming;
    const claiming = (async () => {
      await previous?.catch(() => {});
      return this.#claimDue(now.getTime());
    })();
    this.#claiming = claiming;
    try {
      await Promise.all(await claiming);
    } finally {
      if (this.#claiming === claiming) this.#claiming = undefined;
    }
    await this.#purgeTombstones(now.getTime());
  }

  /**
   * Once an hour, forgets up to PURGE_BATCH tombstones older than TOMBSTONE_MS: bounded, so a tick never
   * waits long, and the table of ended jobs stops growing for good (a backlog goes a batch an hour).
   */
  async #purgeTombstones(now: number): Promise<void> {
    if (now - this.#purgedAt < PURGE_EVERY_MS) return;
    this.#purgedAt = now;
    try {
      const purged = await this.#store.purgeEnded(now - TOMBSTONE_MS, PURGE_BATCH);
      if (purged > 0) this.#logger.info({ purged }, 'scheduler: old tombstones forgotten');
    } catch (error) {
      this.#logger.warn({ err: error }, 'scheduler: old tombstones not purged; tried again in an hour');
    }
  }

  /**
   * Stops taking work, gives sends under way `graceMs` to finish, then gives back every claim still held —
   * due at once, or, if its send had started, "in doubt" once that send is settled — so the next start or
   * another replica sends it.
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.#stopped = true;
    await this.#claiming?.catch(() => {});
    const settled = Promise.allSettled([...this.#inFlight.values()].map((f) => f.done));
    await Promise.race([settled, sleep(graceMs, undefined, { ref: false })]);
    const now = this.#now();
    await Promise.allSettled(
      [...this.#inFlight.values()].map(async ({ job, sending, abort }) => {
        abort.abort(new Error('shutting down'));
        this.#inFlight.delete(job.id);
        const runAt = sending ? now + IN_DOUBT_SETTLE_MS : now;
        await this.#store.release(job.id, this.holder, runAt, job.attempts, job.inDoubt || sending);
      }),
    );
    this.#stopBeating();
  }

  async close(): Promise<void> {
    await this.stop();
    await this.#store.close();
  }

  async #claimDue(now: number): Promise<Array<Promise<void>>> {
    const deliveries: Array<Promise<void>> = [];
    while (!this.#stopped) {
      const jobs = await this.#store.claimDue(now, BATCH, this.holder, CLAIM_LEASE_MS);
      // Started in due order; the queue spaces them out per room and overall, each on its own.
      for (const job of jobs) {
        // Already on its way from this process (the clock jumped past its claim): claimed again, sent once.
        if (!this.#inFlight.has(job.id)) deliveries.push(this.#track(job, now));
      }
      if (jobs.length < BATCH) break;
    }
    return deliveries;
  }

  #track(job: Job, now: number): Promise<void> {
    const flight: InFlight = { job, sending: false, abort: new AbortController(), done: Promise.resolve() };
    this.#inFlight.set(job.id, flight);
    this.#startBeating();
    flight.done = this.#deliverOne(flight, now)
      .catch((error: unknown) => {
        if (!this.#stopped) this.#logger.error({ err: error, job: job.id }, 'scheduled message not settled');
      })
      .finally(() => {
        if (this.#inFlight.get(job.id) === flight) this.#inFlight.delete(job.id);
        if (this.#inFlight.size === 0) this.#stopBeating();
      });
    return flight.done;
  }

  /** Renews the claims of the jobs this process still works on, while it has any. */
  #startBeating(): void {
    if (this.#heartbeat) return;
    this.#heartbeat = setInterval(() => {
      const ids = [...this.#inFlight.keys()];
      if (ids.length === 0) return;
      this.#store.extend(ids, this.holder, this.#now() + CLAIM_LEASE_MS).catch((error: unknown) => {
        this.#logger.warn({ err: error }, 'claims not renewed; another replica may take them over');
      });
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  #stopBeating(): void {
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
  }

  async #deliverOne(flight: InFlight, now: number): Promise<void> {
    const { job } = flight;
    if (job.expiresAt !== undefined && now > job.expiresAt) {
      this.#logger.info(
        { job: job.id, kind: job.kind, dueAt: new Date(job.dueAt).toISOString() },
        'scheduled message dropped: its deadline passed while the bot was down',
      );
      await this.#store.finish(job.id, this.holder, 'dropped');
      return;
    }
    const delivery: Delivery = {
      ref: job.ref,
      reply: this.#reply(job, now),
      jobId: job.id,
      inDoubt: job.inDoubt ?? false,
      lang: job.lang,
    };
    try {
      await this.#queue.deliver(delivery, {
        signal: flight.abort.signal,
        onSend: () => {
          flight.sending = true;
        },
      });
    } catch (error) {
      // Given back by stop(): nothing more to do here.
      if (flight.abort.signal.aborted) return;
      await this.#retryLater(job, now, error, flight.sending && retryAfterOf(error) === undefined);
      return;
    }
    await this.#store.finish(job.id, this.holder, 'done');
    this.#metrics?.remindersDelivered.inc({ kind: job.kind });
    if (now - job.dueAt > LATE_AFTER_MS) this.#metrics?.remindersLate.inc({ kind: job.kind });
  }

  #reply(job: Job, now: number): Reply {
    const reply = job.reply as Reply;
    if (now - job.dueAt <= LATE_AFTER_MS) return reply;
    return { ...reply, text: `${LATE[job.lang as Lang]} ${reply.text}` };
  }

  /** `mayHaveSent`: the platform may have received the post (a timeout, a reset, a 5xx after sending). */
  async #retryLater(job: Job, now: number, error: unknown, mayHaveSent: boolean): Promise<void> {
    const retryAfter = retryAfterOf(error);
    const inDoubt = (job.inDoubt ?? false) || mayHaveSent;
    if (retryAfter !== undefined) {
      // The platform's own delay: not a failure, so it does not count as an attempt.
      // At least a second later, so a tick always moves past it.
      await this.#store.release(job.id, this.holder, now + Math.max(retryAfter, 1000), job.attempts, inDoubt);
      return;
    }
    const attempts = job.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      this.#logger.error(
        { err: error, job: job.id, attempts },
        'scheduled message given up after repeated failures',
      );
      await this.#store.finish(job.id, this.holder, 'dropped');
      this.#metrics?.remindersFailed.inc({ kind: job.kind });
      return;
    }
    this.#logger.warn({ err: error, job: job.id, attempts }, 'scheduled message failed; will retry');
    // 1, 4, 16, 64 minutes: a platform outage is ridden out without hammering it.
    await this.#store.release(job.id, this.holder, now + 60_000 * 4 ** (attempts - 1), attempts, inDoubt);
  }
}
