/**
 * The dialog completion funnel kept in the shared store (counts only, nothing about people), so the `stats`
 * command shows the same figures on every replica and after a restart — Prometheus counters cannot. Every
 * figure is its own atomic counter, so replicas counting at the same instant lose nothing, and a turn adds
 * to each once per event (src/core/once.ts), so a turn run again after its process died counts nothing twice.
 */
import { addOnce, type TurnEvent } from '../core/once.ts';
import type { AtomicOps } from '../store/atomic.ts';

/** The figures of one call's dialog. */
export interface CallFunnel {
  started: number;
  completed: number;
  abandoned: number;
  /** How many passes reached each step, in the order steps were first reached. */
  steps: Record<string, number>;
}

type FunnelEvent = 'started' | 'completed' | 'abandoned';

const PREFIX = 'stats:dialogs:';
const CALLS = `${PREFIX}__calls`;
/** Steps are listed as `<order>:<step>`, the order padded so the set's sorting keeps it. */
const ORDER_DIGITS = 6;

export class DialogFunnel {
  readonly #atomic: AtomicOps;
  /** Calls already in the stored set: it only grows, so each process adds each call once. */
  readonly #indexed = new Set<string>();

  constructor(atomic: AtomicOps) {
    this.#atomic = atomic;
  }

  /** Counts a dialog event of a call, once for the turn's event (`turn`; each time when undefined). */
  async count(callId: string, event: FunnelEvent, turn?: TurnEvent): Promise<void> {
    await this.#index(callId);
    await addOnce(this.#atomic, turn, `${PREFIX}${callId}:${event}`);
  }

  /** Counts a pass through a step of a call's dialog, once for the turn's event. */
  async step(callId: string, step: string, turn: TurnEvent): Promise<void> {
    await this.#index(callId);
    await this.#addStep(callId, step, 1, turn);
  }

  /**
   * Adds a call's funnel counted by an earlier release (one document per call): the start-up migration of
   * the old keyv keys (src/ops/keyv-migration.ts). Its steps keep their order after any counted since.
   */
  async adopt(callId: string, funnel: CallFunnel): Promise<void> {
    await this.#index(callId);
    for (const event of ['started', 'completed', 'abandoned'] as const) {
      if (funnel[event] > 0) await this.#atomic.increment(`${PREFIX}${callId}:${event}`, funnel[event]);
    }
    for (const [step, count] of Object.entries(funnel.steps))
      await this.#addStep(callId, step, count, undefined);
  }

  /** Every call's funnel, by call id. */
  async all(): Promise<Record<string, CallFunnel>> {
    const result: Record<string, CallFunnel> = {};
    for (const callId of await this.#atomic.setMembers(CALLS)) result[callId] = await this.#read(callId);
    return result;
  }

  async #addStep(callId: string, step: string, count: number, turn: TurnEvent): Promise<void> {
    // Whoever counts a step first gives it its place in the order (a turn run again sees the same figures,
    // so it gives the same place, and the set keeps one member).
    if ((await addOnce(this.#atomic, turn, `${PREFIX}${callId}:step:${step}`, count)) !== count) return;
    const order = await addOnce(this.#atomic, turn, `${PREFIX}${callId}:step-order`);
    await this.#atomic.setAdd(
      `${PREFIX}${callId}:steps`,
      `${String(order).padStart(ORDER_DIGITS, '0')}:${step}`,
    );
  }

  async #index(callId: string): Promise<void> {
    if (this.#indexed.has(callId)) return;
    await this.#atomic.setAdd(CALLS, callId);
    this.#indexed.add(callId);
  }

  async #read(callId: string): Promise<CallFunnel> {
    const steps: Record<string, number> = {};
    for (const member of await this.#atomic.setMembers(`${PREFIX}${callId}:steps`)) {
      const step = member.slice(ORDER_DIGITS + 1);
      steps[step] = await this.#counter(`${callId}:step:${step}`);
    }
    return {
      started: await this.#counter(`${callId}:started`),
      completed: await this.#counter(`${callId}:completed`),
      abandoned: await this.#counter(`${callId}:abandoned`),
      steps,
    };
  }

  async #counter(name: string): Promise<number> {
    return Number((await this.#atomic.readVersioned(`${PREFIX}${name}`)).value ?? 0);
  }
}
