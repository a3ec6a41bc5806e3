/** `/healthz`: is the store reachable, is every adapter connected, is the scheduler ticking. */
import type { Adapter } from '../core/adapter.ts';
import type { Clock } from '../core/clock.ts';
import type { Backend } from '../store/open-store.ts';

/** How long a store ping may take before the store counts as unreachable. */
const STORE_TIMEOUT_MS = 2_000;
/** The key the store check reads (it is never written: absent is a fine answer). */
const PROBE_KEY = 'health:probe';

export interface HealthReport {
  ok: boolean;
  store: { ok: boolean; kind: string; error?: string };
  adapters: Array<{ platform: string; connected: boolean }>;
  scheduler: { ok: boolean; lastTick?: string };
}

export interface HealthOptions {
  backend: Backend;
  clock: Clock;
  adapters: () => readonly Adapter[];
}

export class Health {
  readonly #options: HealthOptions;
  readonly #startedAt: Date;
  #ping: Promise<HealthReport['store']> | undefined;
  #lastTick?: Date;
  #tickIntervalMs?: number;

  constructor(options: HealthOptions) {
    this.#options = options;
    this.#startedAt = options.clock.now();
  }

  /** Says the scheduler is driven every `intervalMs`; until then it is not checked (scripts, tests). */
  expectTicks(intervalMs: number): void {
    this.#tickIntervalMs = intervalMs;
  }

  /** Records a finished scheduler tick. */
  ticked(at: Date): void {
    this.#lastTick = at;
  }

  async check(): Promise<HealthReport> {
    const store = await this.#pingStore();
    const adapters = this.#options.adapters().map((a) => ({
      platform: a.platform,
      connected: a.isConnected?.() ?? true,
    }));
    const scheduler = this.#schedulerStatus();
    const ok = store.ok && adapters.every((a) => a.connected) && scheduler.ok;
    return { ok, store, adapters, scheduler };
  }

  /** Ticking when the last tick (or start-up) is no older than three intervals. */
  #schedulerStatus(): HealthReport['scheduler'] {
    const lastTick = this.#lastTick?.toISOString();
    if (this.#tickIntervalMs === undefined) return { ok: true, lastTick };
    const since = (this.#lastTick ?? this.#startedAt).getTime();
    return { ok: this.#options.clock.now().getTime() - since <= 3 * this.#tickIntervalMs, lastTick };
  }

  /** Probes arriving together share one store round trip: a burst of probes costs the store one read. */
  #pingStore(): Promise<HealthReport['store']> {
    this.#ping ??= this.#readStore().finally(() => {
      this.#ping = undefined;
    });
    return this.#ping;
  }

  async #readStore(): Promise<HealthReport['store']> {
    const { kind, atomic } = this.#options.backend;
    let timer: NodeJS.Timeout | undefined;
    try {
      // A read, never a write: the atomic operations' drivers report a store failure as an error (keyv may
      // not), so reading a key that need not exist proves the store answers.
      const read = atomic.readVersioned(PROBE_KEY);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), STORE_TIMEOUT_MS);
      });
      await Promise.race([read, timeout]);
      return { ok: true, kind };
    } catch (error) {
      return { ok: false, kind, error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }
}
