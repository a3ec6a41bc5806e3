/**
 * The event inbox: an incoming platform event is written to the shared store before the platform is told it
 * arrived, so a process killed after acknowledging it loses nothing. Slack does not redeliver an event it got
 * a 200 for, and a Matrix sync replayed after a crash brings back events the dead process had claimed.
 *
 * Keeping an event is its de-duplication claim: the event's claim key (`src/core/dedup.ts`) is set, if
 * absent, to the id of this acceptance, and its content is kept beside it. The process that kept it holds a
 * short lease on it, renewed by a heartbeat while it handles it, and drops the entry once the replies are
 * out. Every process looks at the entries now and then: one whose lease ran out (its process died) is taken
 * over by the first to take its lease, which handles it once. The turn itself is not run twice: the replies
 * of a kept event are saved with the person's state, in the turn's own write (`answeredMiddleware`), so a
 * turn that had finished is answered with its saved replies instead of being run again; their files are kept
 * beside the entry until it is dropped. A send that leaves nothing to look for afterwards (a private reply, a
 * file upload) is claimed first (`KeptEvent.firstSend`), so a takeover never sends it a second time.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Middleware } from '../core/bot.ts';
import { eventKey, REMEMBER_MS } from '../core/dedup.ts';
import type { Attachment, IncomingMessage, Platform, Reply } from '../core/message.ts';
import type { Logger } from '../logger.ts';
import { type AtomicOps, type Leases, readJson } from '../store/atomic.ts';

/** The entries not yet handled, by `<accepted at>|<acceptance id>|<claim key>` (short: set members are keys). */
const INDEX = 'inbox:pending';
const entryKey = (id: string) => `inbox:entry:${id}`;
const leaseOf = (id: string) => `inbox:${id}`;
/** The files of a kept event's replies, by reply index, while the event may be taken over. */
const filesOf = (claim: string) => `inbox:files:${claim}`;
/** The mark of one send of a kept event, claimed before that send. */
const sentMark = (claim: string, step: string) => `inbox:sent:${claim}:${step}`;

/**
 * A handler's lease: short, so a dead process's events are taken over within seconds; renewed four times
 * per lease while its process lives.
 */
export const INBOX_LEASE_MS = 20_000;
/** How often a process looks for events whose process died. */
const SCAN_MS = 5_000;
/** An entry listed but not yet claimed is another process accepting it: left alone this long. */
const ACCEPTING_MS = 60_000;
/** How many kept events' replies a person's state holds (a person's events are handled in order). */
const ANSWERED_KEPT = 3;

/** An event kept in the inbox, to handle and then mark done. */
export interface KeptEvent {
  /** The message for `handle`, marked `kept` (already claimed: the de-duplication step lets it through). */
  message: IncomingMessage;
  /** What the adapter kept with it to reply (where, through what), as it gave it. */
  context: unknown;
  /** Drops the entry: the event was handled (or given up on), nobody handles it again. */
  done(): Promise<void>;
  /**
   * Claims one send of this event's replies (`step` names it: the reply's place and what is sent): true for
   * the first caller, in any process, for an hour (the store's atomic set-if-absent). For a send that cannot
   * be looked for afterwards (a private reply, a file upload), claimed just before it: a process killed
   * between the claim and the send loses it, none sends it twice (at most once in doubt).
   */
  firstSend(step: string): Promise<boolean>;
}

/** What adapters use of the inbox (through the port). */
export interface Inbox {
  /**
   * Keeps an event before it is acknowledged: resolves with the event to handle now, or undefined when
   * it is a duplicate (or another process took it over in between: it answers it).
   */
  keep(message: IncomingMessage, context: unknown): Promise<KeptEvent | undefined>;
  /** How this process answers kept events of its platform whose process died; called once per event. */
  onAbandoned(platform: Platform, handle: (event: KeptEvent) => Promise<void>): void;
}

export interface EventInboxOptions {
  atomic: AtomicOps;
  leases: Leases;
  logger: Logger;
  /** Called for every duplicate (metrics). */
  onDuplicate?: (platform: string) => void;
  /** The lease a handler holds on an event (default {@link INBOX_LEASE_MS}); shorter in tests. */
  leaseMs?: number;
  /** Called once an event's entry is dropped (an erasure's event: the store is scrubbed again). */
  afterDone?: (message: IncomingMessage) => Promise<void>;
}

interface Listed {
  member: string;
  at: number;
  id: string;
  claim: string;
}

function parseMember(member: string): Listed | undefined {
  const [at, id, claim] = member.split('|');
  return at && id && claim ? { member, at: Number(at), id, claim } : undefined;
}

export class EventInbox implements Inbox {
  readonly #atomic: AtomicOps;
  readonly #leases: Leases;
  readonly #logger: Logger;
  readonly #onDuplicate: EventInboxOptions['onDuplicate'];
  readonly #leaseMs: number;
  readonly #afterDone: EventInboxOptions['afterDone'];
  /** This process, as the holder of leases: a restarted process is another holder. */
  readonly #holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  /** The entries this process handles, by acceptance id: their leases are renewed. */
  readonly #held = new Set<string>();
  readonly #handlers = new Map<Platform, (event: KeptEvent) => Promise<void>>();
  readonly #timers: NodeJS.Timeout[] = [];
  #scanning: Promise<void> = Promise.resolve();

  constructor(options: EventInboxOptions) {
    this.#atomic = options.atomic;
    this.#leases = options.leases;
    this.#logger = options.logger.child({ component: 'inbox' });
    this.#onDuplicate = options.onDuplicate;
    this.#leaseMs = options.leaseMs ?? INBOX_LEASE_MS;
    this.#afterDone = options.afterDone;
  }

  async keep(message: IncomingMessage, context: unknown): Promise<KeptEvent | undefined> {
    const { eventId, ref } = message;
    if (!eventId) throw new Error('an event without an id cannot be kept');
    const claim = eventKey(ref.platform, ref.workspace, eventId);
    const id = randomUUID();
    const member = `${Date.now()}|${id}|${claim}`;
    const kept = { ...message, kept: true };
    // Held from the start, so this process's own scan never takes it over from under this call.
    this.#held.add(id);
    const event = await this.#accept(kept, context, claim, member, id).catch((error: unknown) => {
      this.#held.delete(id);
      throw error;
    });
    if (!event) this.#held.delete(id);
    return event;
  }

  async #accept(
    kept: IncomingMessage,
    context: unknown,
    claim: string,
    member: string,
    id: string,
  ): Promise<KeptEvent | undefined> {
    // Content first, then listed, then claimed: whatever a kill leaves is either claimed and listed (taken
    // over) or not claimed (the platform was not answered yet, it redelivers).
    await this.#atomic.setIfAbsent(entryKey(id), JSON.stringify({ message: kept, context }), REMEMBER_MS);
    await this.#atomic.setAdd(INDEX, member);
    if (!(await this.#atomic.setIfAbsent(claim, id, REMEMBER_MS))) {
      await this.#drop(member, id);
      this.#onDuplicate?.(kept.ref.platform);
      return undefined;
    }
    if (!(await this.#leases.acquire(leaseOf(id), this.#holder, this.#leaseMs))) return undefined;
    return this.#kept(kept, context, { member, id, claim });
  }

  onAbandoned(platform: Platform, handle: (event: KeptEvent) => Promise<void>): void {
    this.#handlers.set(platform, handle);
    if (this.#timers.length > 0) return;
    const heartbeat = setInterval(() => void this.#renew(), this.#leaseMs / 4);
    const scan = setInterval(() => void this.scan(), SCAN_MS);
    heartbeat.unref();
    scan.unref();
    this.#timers.push(heartbeat, scan);
    // A restarted process looks at once: its predecessor's events are taken as soon as their leases end.
    void this.scan();
  }

  /**
   * Takes over the listed events whose process died (their lease ran out) and hands each to its platform's
   * handler; resolves once they are handled. One scan at a time per process.
   */
  scan(): Promise<void> {
    this.#scanning = this.#scanning.then(() =>
      this.#scanOnce().catch((error: unknown) => this.#logger.warn({ err: error }, 'inbox scan failed')),
    );
    return this.#scanning;
  }

  /** Stops looking for abandoned events (entries in hand keep their leases until they run out). */
  close(): void {
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
  }

  async #scanOnce(): Promise<void> {
    const work: Promise<void>[] = [];
    for (const listed of (await this.#atomic.setMembers(INDEX)).map(parseMember)) {
      if (!listed || this.#held.has(listed.id)) continue;
      const age = Date.now() - listed.at;
      const { value: owner } = await this.#atomic.readVersioned(listed.claim);
      if (owner !== listed.id) {
        // A duplicate's leftovers, or an acceptance killed before its claim: the platform redelivers it.
        if (owner !== undefined || age > ACCEPTING_MS) await this.#drop(listed.member, listed.id);
        continue;
      }
      await this.#take(listed, work);
    }
    await Promise.all(work);
  }

  /**
   * Takes a listed event if its lease is free and this process answers its platform; its handling joins
   * `work` (the events taken in one scan are answered side by side).
   */
  async #take(listed: Listed, work: Promise<void>[]): Promise<void> {
    const { member, id } = listed;
    const { value } = await this.#atomic.readVersioned(entryKey(id));
    if (value === undefined) return this.#drop(member, id);
    const { message, context } = JSON.parse(value) as { message: IncomingMessage; context: unknown };
    const handle = this.#handlers.get(message.ref.platform);
    if (!handle || !(await this.#leases.acquire(leaseOf(id), this.#holder, this.#leaseMs))) return;
    this.#held.add(id);
    const revived = { ...message, timestamp: new Date(message.timestamp) };
    this.#logger.info({ event: message.eventId, platform: message.ref.platform }, 'inbox: event taken over');
    const event = this.#kept(revived, context, listed);
    work.push(
      handle(event)
        .catch((error: unknown) => this.#logger.error({ err: error }, 'inbox: event taken over not answered'))
        .finally(() => event.done()),
    );
  }

  #kept(message: IncomingMessage, context: unknown, { member, id, claim }: Omit<Listed, 'at'>): KeptEvent {
    let done: Promise<void> | undefined;
    return {
      message,
      context,
      done: () => {
        done ??= (async () => {
          await this.#drop(member, id);
          await this.#atomic.delete(filesOf(claim));
          this.#held.delete(id);
          await this.#leases.release(leaseOf(id), this.#holder);
          await this.#afterDone?.(message);
        })();
        return done;
      },
      firstSend: (step) => this.#atomic.setIfAbsent(sentMark(claim, step), id, REMEMBER_MS),
    };
  }

  async #drop(member: string, id: string): Promise<void> {
    await this.#atomic.setRemove(INDEX, member);
    await this.#atomic.delete(entryKey(id));
  }

  async #renew(): Promise<void> {
    for (const id of this.#held) {
      await this.#leases.acquire(leaseOf(id), this.#holder, this.#leaseMs).catch(() => false);
    }
  }
}

/** A kept event's files, by the index of the reply that carries them. */
type KeptFiles = Record<string, Attachment[]>;

/**
 * Runs a kept event's turn once: its replies are saved with the person's state (the turn's own write), so
 * an event taken over after its process died is answered with them if its turn had finished, and run if
 * not. Goes before the de-duplication step, which lets kept events through (they are claimed already).
 *
 * Their files are kept apart, beside the inbox's entry (dropped with it): they can be large, and `my data`'s
 * file holds the state, so each would hold the previous ones. Written before the state, so a turn whose
 * replies were saved has its files too; a turn run again after a kill between the two keeps the first run's.
 */
export function answeredMiddleware(atomic: AtomicOps): Middleware {
  return async (turn, next) => {
    const { kept, eventId, ref } = turn.message;
    if (!kept || !eventId) return next();
    const claim = eventKey(ref.platform, ref.workspace, eventId);
    const answered = turn.state.answered?.find((a) => a.event === eventId);
    if (answered) {
      const files = await readJson<KeptFiles>(atomic, filesOf(claim), {});
      const replies = answered.replies as Reply[];
      turn.replies.push(...replies.map((reply, index) => withFiles(reply, files[index])));
      turn.discardState = true;
      return;
    }
    await next();
    const files: KeptFiles = {};
    for (const [index, reply] of turn.replies.entries())
      if (reply.attachments?.length) files[index] = reply.attachments;
    if (Object.keys(files).length > 0)
      await atomic.setIfAbsent(filesOf(claim), JSON.stringify(files), REMEMBER_MS);
    const replies = turn.replies.map(({ attachments: _files, ...reply }) => reply);
    const earlier = turn.state.answered ?? [];
    turn.state.answered = [{ event: eventId, replies }, ...earlier].slice(0, ANSWERED_KEPT);
  };
}

function withFiles(reply: Reply, attachments: Attachment[] | undefined): Reply {
  return attachments ? { ...reply, attachments } : reply;
}
