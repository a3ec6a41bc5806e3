/**
 * The dialog completion funnel kept in the shared store (counts only, nothing about people), so the `stats`
 * command shows the same figures on every replica and after a restart — Prometheus counters cannot.
 */
import type { Keyv } from 'keyv';

/** The figures of one call's dialog. */
export interface CallFunnel {
  started: number;
  completed: number;
  abandoned: number;
  /** How many passes reached each step, in the order steps were first reached. */
  steps: Record<string, number>;
}

type FunnelEvent = 'started' | 'completed' | 'abandoned';

const INDEX = 'stats:dialogs:__calls';

export class DialogFunnel {
  readonly #kv: Keyv;
  /** Calls already in the stored index: it only grows, so each process checks it once per call. */
  readonly #indexed = new Set<string>();

  constructor(kv: Keyv) {
    this.#kv = kv;
  }

  /** Counts a dialog event of a call. */
  async count(callId: string, event: FunnelEvent): Promise<void> {
    await this.#update(callId, (funnel) => {
      funnel[event]++;
    });
  }

  /** Counts a pass through a step of a call's dialog. */
  async step(callId: string, step: string): Promise<void> {
    await this.#update(callId, (funnel) => {
      funnel.steps[step] = (funnel.steps[step] ?? 0) + 1;
    });
  }

  /** Every call's funnel, by call id. */
  async all(): Promise<Record<string, CallFunnel>> {
    const result: Record<string, CallFunnel> = {};
    for (const callId of (await this.#kv.get<string[]>(INDEX)) ?? [])
      result[callId] = await this.#read(callId);
    return result;
  }

  // A read-modify-write: two replicas counting the same call at the same instant may lose one count, an
  // acceptable error for statistics (Prometheus keeps the exact per-replica counters).
  async #update(callId: string, change: (funnel: CallFunnel) => void): Promise<void> {
    if (!this.#indexed.has(callId)) {
      const calls = (await this.#kv.get<string[]>(INDEX)) ?? [];
      if (!calls.includes(callId)) await this.#kv.set(INDEX, [...calls, callId]);
      this.#indexed.add(callId);
    }
    const funnel = await this.#read(callId);
    change(funnel);
    await this.#kv.set(this.#key(callId), funnel);
  }

  async #read(callId: string): Promise<CallFunnel> {
    const stored = await this.#kv.get<CallFunnel>(this.#key(callId));
    return stored ?? { started: 0, completed: 0, abandoned: 0, steps: {} };
  }

  #key(callId: string): string {
    return `stats:dialogs:${callId}`;
  }
}
