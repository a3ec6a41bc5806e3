/**
 * Sends deliveries within each platform's rate limits (per room and overall), and waits as long as the platform
 * asks after a refusal (HTTP 429 Retry-After, Matrix M_LIMIT_EXCEEDED). Nothing is dropped: a wait longer than
 * `maxWaitMs` is handed back to the scheduler as a RetryAfterError, so the job is retried later rather than
 * held past its lease.
 *
 * Every send is bounded: at most `perRoomInFlight` sends at once to one room (one, so a room gets its
 * messages in order) and `perPlatformInFlight` to one platform, and a send that has not answered after
 * `sendTimeoutMs` is abandoned with a DeliveryTimeoutError — its outcome unknown, so the job is retried
 * as "in doubt" and the adapter checks before posting again. One hung call never holds the others.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import type { Delivery, Platform } from '../core/message.ts';
import { RetryAfterError, retryAfterOf } from '../core/retry-after.ts';

/** Messages per second a platform accepts. */
export interface RateLimit {
  perRoomPerSecond: number;
  overallPerSecond: number;
}

/**
 * Default limits: Slack posts at most about one message per second per channel; Matrix homeservers throttle
 * senders, so the bot stays well below; the terminal has none.
 */
export const PLATFORM_LIMITS: Record<Platform, RateLimit | undefined> = {
  slack: { perRoomPerSecond: 1, overallPerSecond: 50 },
  matrix: { perRoomPerSecond: 1, overallPerSecond: 10 },
  shell: undefined,
};

/** Refusals with a delay a delivery rides out in process before the job goes back to the store. */
const MAX_REFUSALS = 5;
/** A platform call that has not answered by then is abandoned (Slack and Matrix answer within seconds). */
export const SEND_TIMEOUT_MS = 20_000;
/**
 * Sends at once to one platform: enough to keep up with its rate limit, few enough to stay polite. The
 * terminal and scripting interface write one at a time, so at most one delivery is ever written and not
 * yet marked done when the process is killed.
 */
export const IN_FLIGHT_PER_PLATFORM: Record<Platform, number> = { slack: 8, matrix: 8, shell: 1 };

/** A send that did not answer in time: it may still have reached the platform. */
export class DeliveryTimeoutError extends Error {
  override name = 'DeliveryTimeoutError';
  constructor(ms: number) {
    super(`the platform did not answer within ${ms} ms`);
  }
}

/** How one delivery is followed: a signal to abandon it (shutdown), and a call when the send starts. */
export interface DeliverOptions {
  signal?: AbortSignal;
  /** Called right before the platform call: from then on the outcome can be unknown. */
  onSend?: () => void;
}

export interface DeliveryQueueOptions {
  send(delivery: Delivery): Promise<void>;
  limits?: Partial<Record<Platform, RateLimit | undefined>>;
  /** The longest wait spent in process; must stay well below the scheduler's claim lease. */
  maxWaitMs: number;
  /** Told each time a send must wait for a platform's limit (a metric). */
  onWait?: (platform: Platform) => void;
  sendTimeoutMs?: number;
  perPlatformInFlight?: Partial<Record<Platform, number>>;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class DeliveryQueue {
  readonly #send: DeliveryQueueOptions['send'];
  readonly #limits: Record<Platform, RateLimit | undefined>;
  readonly #maxWaitMs: number;
  readonly #onWait: (platform: Platform) => void;
  readonly #now: () => number;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #sendTimeoutMs: number;
  readonly #rooms = new Gates(() => 1);
  readonly #platforms: Gates;
  /** Earliest start of the next send, per platform and per room (slots are handed out in call order). */
  readonly #nextOverall = new Map<Platform, number>();
  readonly #nextRoom = new Map<string, number>();

  constructor(options: DeliveryQueueOptions) {
    this.#send = options.send;
    this.#limits = { ...PLATFORM_LIMITS, ...options.limits };
    this.#maxWaitMs = options.maxWaitMs;
    this.#onWait = options.onWait ?? (() => {});
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms, signal) => sleep(ms, undefined, { signal }));
    this.#sendTimeoutMs = options.sendTimeoutMs ?? SEND_TIMEOUT_MS;
    const inFlight = { ...IN_FLIGHT_PER_PLATFORM, ...options.perPlatformInFlight };
    this.#platforms = new Gates((platform) => inFlight[platform as Platform] ?? 1);
  }

  /**
   * Resolves once the platform confirmed the delivery; throws RetryAfterError when it must wait longer,
   * DeliveryTimeoutError when the platform did not answer, the signal's reason when abandoned first.
   */
  async deliver(delivery: Delivery, options: DeliverOptions = {}): Promise<void> {
    const { signal } = options;
    const room = `${delivery.ref.platform}:${delivery.ref.workspace ?? ''}:${delivery.ref.roomId}`;
    const leaveRoom = await this.#rooms.enter(room, signal);
    try {
      await this.#deliverInRoom(delivery, options);
    } finally {
      leaveRoom();
    }
  }

  async #deliverInRoom(delivery: Delivery, { signal, onSend }: DeliverOptions): Promise<void> {
    for (let refusals = 0; ; refusals++) {
      const wait = this.#reserve(delivery);
      if (wait > 0) {
        this.#onWait(delivery.ref.platform);
        await this.#sleep(wait, signal);
      }
      const leavePlatform = await this.#platforms.enter(delivery.ref.platform, signal);
      try {
        onSend?.();
        await this.#bounded(this.#send(delivery));
        return;
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        // A platform that keeps refusing is left to the scheduler, which retries the job later.
        if (retryAfter === undefined || refusals >= MAX_REFUSALS) throw error;
        // The platform speaks for the whole account: every later send on it waits too.
        const resume = this.#now() + retryAfter;
        const platform = delivery.ref.platform;
        this.#nextOverall.set(platform, Math.max(this.#nextOverall.get(platform) ?? 0, resume));
      } finally {
        leavePlatform();
      }
    }
  }

  /** The send, or a DeliveryTimeoutError once it has taken too long (the call itself is left to end alone). */
  async #bounded(send: Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DeliveryTimeoutError(this.#sendTimeoutMs)), this.#sendTimeoutMs);
    });
    try {
      await Promise.race([send, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Books the next free slot for this room and returns how long to wait for it. */
  #reserve({ ref }: Delivery): number {
    const now = this.#now();
    const limit = this.#limits[ref.platform];
    const overall = this.#nextOverall.get(ref.platform) ?? 0;
    const roomKey = `${ref.platform}:${ref.workspace ?? ''}:${ref.roomId}`;
    const room = this.#nextRoom.get(roomKey) ?? 0;
    const start = Math.max(now, overall, room);
    const wait = start - now;
    if (wait > this.#maxWaitMs)
      throw new RetryAfterError(wait, 'rate-limit wait longer than the queue holds');
    if (limit) {
      if (this.#nextRoom.size > 10_000) this.#forgetPastSlots(now);
      this.#nextOverall.set(ref.platform, start + 1000 / limit.overallPerSecond);
      this.#nextRoom.set(roomKey, start + 1000 / limit.perRoomPerSecond);
    }
    return wait;
  }

  /** Rooms whose next slot is already free need no entry; keeps the map small over a long run. */
  #forgetPastSlots(now: number): void {
    for (const [key, next] of this.#nextRoom) if (next <= now) this.#nextRoom.delete(key);
  }
}

/** At most `size(name)` holders per name at once; the others wait in arrival order. */
class Gates {
  readonly #size: (name: string) => number;
  readonly #gates = new Map<string, { inside: number; waiting: Array<() => void> }>();

  constructor(size: (name: string) => number) {
    this.#size = size;
  }

  /** Waits for a place under `name` and returns the function that gives it back. */
  async enter(name: string, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    let gate = this.#gates.get(name);
    if (!gate) {
      gate = { inside: 0, waiting: [] };
      this.#gates.set(name, gate);
    }
    if (gate.inside >= this.#size(name)) {
      const waiting = gate.waiting;
      await new Promise<void>((resolve, reject) => {
        const admit = () => {
          signal?.removeEventListener('abort', abandon);
          resolve();
        };
        const abandon = () => {
          waiting.splice(waiting.indexOf(admit), 1);
          reject(signal?.reason);
        };
        waiting.push(admit);
        signal?.addEventListener('abort', abandon, { once: true });
      });
    } else {
      gate.inside++;
    }
    const held = gate;
    return () => {
      const next = held.waiting.shift();
      // The place passes straight to the next in line; an empty gate is dropped so the map stays small.
      if (next) next();
      else if (--held.inside === 0) this.#gates.delete(name);
    };
  }
}
