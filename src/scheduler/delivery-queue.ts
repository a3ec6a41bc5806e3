/**
 * Sends deliveries within each platform's rate limits (per room and overall), and waits as long as the platform
 * asks after a refusal (HTTP 429 Retry-After, Matrix M_LIMIT_EXCEEDED). Nothing is dropped: a wait longer than
 * `maxWaitMs` is handed back to the scheduler as a RetryAfterError, so the job is retried later rather than
 * held past its lease.
 */

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

export interface DeliveryQueueOptions {
  send(delivery: Delivery): Promise<void>;
  limits?: Partial<Record<Platform, RateLimit | undefined>>;
  /** The longest wait spent in process; must stay well below the scheduler's claim lease. */
  maxWaitMs: number;
  /** Told each time a send must wait for a platform's limit (a metric). */
  onWait?: (platform: Platform) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class DeliveryQueue {
  readonly #send: DeliveryQueueOptions['send'];
  readonly #limits: Record<Platform, RateLimit | undefined>;
  readonly #maxWaitMs: number;
  readonly #onWait: (platform: Platform) => void;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  /** Earliest start of the next send, per platform and per room (slots are handed out in call order). */
  readonly #nextOverall = new Map<Platform, number>();
  readonly #nextRoom = new Map<string, number>();

  constructor(options: DeliveryQueueOptions) {
    this.#send = options.send;
    this.#limits = { ...PLATFORM_LIMITS, ...options.limits };
    this.#maxWaitMs = options.maxWaitMs;
    this.#onWait = options.onWait ?? (() => {});
    this.#now = options.now ?? Date.now;
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Resolves once the platform confirmed the delivery; throws RetryAfterError when it must wait longer. */
  async deliver(delivery: Delivery): Promise<void> {
    for (let refusals = 0; ; refusals++) {
      const wait = this.#reserve(delivery);
      if (wait > 0) {
        this.#onWait(delivery.ref.platform);
        await this.#sleep(wait);
      }
      try {
        await this.#send(delivery);
        return;
      } catch (error) {
        const retryAfter = retryAfterOf(error);
        // A platform that keeps refusing is left to the scheduler, which retries the job later.
        if (retryAfter === undefined || refusals >= MAX_REFUSALS) throw error;
        // The platform speaks for the whole account: every later send on it waits too.
        const resume = this.#now() + retryAfter;
        const platform = delivery.ref.platform;
        this.#nextOverall.set(platform, Math.max(this.#nextOverall.get(platform) ?? 0, resume));
      }
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
