/** The adapter boundary: an adapter turns platform events into `bot.handle` calls and delivers what the core sends. */
import type { Delivery, Platform } from './message.ts';

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

  async deliver(delivery: Delivery): Promise<void> {
    const adapter = this.#adapters.get(delivery.ref.platform);
    if (!adapter) throw new Error(`no adapter running for platform ${delivery.ref.platform}`);
    await adapter.send(delivery);
  }
}
