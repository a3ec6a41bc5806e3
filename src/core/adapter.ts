/** The adapter boundary: an adapter turns platform events into `bot.handle` calls and delivers what the core sends. */
import type { Delivery, Platform } from './message.ts';
import { typeset } from './typography.ts';

export interface Adapter {
  readonly platform: Platform;
  /** Connects to the platform and starts feeding messages to the bot. */
  start(): Promise<void>;
  /** Stops taking messages and lets in-flight work finish. */
  stop(): Promise<void>;
  /** Delivers a scheduled message (reminder, broadcast); resolves once the platform confirmed it. */
  send(delivery: Delivery): Promise<void>;
  /** Whether the platform connection is up right now (for `/healthz`); adapters without one are always up. */
  isConnected?(): boolean;
}

/** Routes scheduled deliveries to the adapter of their platform. */
export class Outbox {
  readonly #adapters = new Map<Platform, Adapter>();
  readonly #beforeDelivery = new Map<string, DeliveryHook>();

  register(adapter: Adapter): void {
    this.#adapters.set(adapter.platform, adapter);
  }

  has(platform: Platform): boolean {
    return this.#adapters.has(platform);
  }

  /** The registered adapters (for `/healthz`). */
  list(): Adapter[] {
    return [...this.#adapters.values()];
  }

  /**
   * Runs `hook` before each delivery of `intent`: the work a scheduled notice announces (expire a dialog,
   * purge an application) happens at its due time, and the notice is dropped when the hook says it no
   * longer applies. Hooks must be idempotent: a failed delivery is retried.
   */
  beforeDelivery(intent: string, hook: DeliveryHook): void {
    this.#beforeDelivery.set(intent, hook);
  }

  async deliver(delivery: Delivery): Promise<void> {
    const adapter = this.#adapters.get(delivery.ref.platform);
    if (!adapter) throw new Error(`no adapter running for platform ${delivery.ref.platform}`);
    const hook = this.#beforeDelivery.get(delivery.reply.intent);
    if (hook && !(await hook(delivery))) return;
    // Scheduled messages leave the core here, not through a turn: French typography as for replies.
    await adapter.send({ ...delivery, reply: typeset(delivery.reply, delivery.lang) });
  }
}

/** Work done when a scheduled notice falls due; resolves false to drop the notice. */
export type DeliveryHook = (delivery: Delivery) => Promise<boolean>;
