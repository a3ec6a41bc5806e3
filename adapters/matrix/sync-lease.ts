/**
 * The lease that lets one replica sync at a time (several may run the Matrix adapter on one store): short
 * and renewed often while its holder lives, so a replica standing by — or the process restarted after a
 * crash — takes a dead holder's sync over within seconds of the lease's end. A replica standing by still
 * delivers scheduled messages.
 */
import { randomUUID } from 'node:crypto';
import type { BotPort } from '../../src/core/port.ts';

/** The lease's name on the shared store; it expires if its holder stops renewing it (crash). */
const SYNC_LEASE = 'matrix-sync';
/**
 * How often a replica standing by (or a process just restarted) tries the lease: a dead holder's sync is
 * taken over within a second of its lease's end, for one cheap store write per second.
 */
const STANDBY_TRY_MS = 1_000;

/** How long a lease lasts, and how often it is renewed or, by a standby, tried. */
export interface LeaseTiming {
  ttlMs: number;
  renewMs: number;
}

/** Short and renewed often: a replica (or the restarted process) takes over a dead one's sync in seconds. */
export const DEFAULT_LEASE: LeaseTiming = { ttlMs: 15_000, renewMs: 5_000 };

/** What the lease starts and stops: the adapter's sync. */
export interface SyncTurns {
  /** The lease is ours: start syncing (a failure leaves the lease to be tried again on the next turn). */
  sync(): Promise<void>;
  /** Another replica took the lease: stop syncing and stand by. */
  standBy(): Promise<void>;
  /** Shutting down while syncing: stop, and let the batch in hand finish. */
  stopSyncing(): Promise<void>;
}

export class SyncLease {
  readonly #port: Pick<BotPort, 'leases' | 'logger'>;
  readonly #timing: LeaseTiming;
  readonly #turns: SyncTurns;
  readonly #holder = randomUUID();
  #started = false;
  #syncing = false;
  #timer?: NodeJS.Timeout;
  /** When the lease was last taken or renewed (tried). */
  #turnAt = 0;

  constructor(port: Pick<BotPort, 'leases' | 'logger'>, turns: SyncTurns, timing = DEFAULT_LEASE) {
    this.#port = port;
    this.#turns = turns;
    this.#timing = timing;
  }

  /** Takes the lease if it is free (and syncs), then renews or tries it for as long as the adapter runs. */
  async start(): Promise<void> {
    this.#started = true;
    await this.#takeTurn();
    // Ticks go on whatever a turn takes (a first sync may be slow): the lease never lapses behind it.
    this.#timer = setInterval(
      () => {
        if (this.#syncing && Date.now() - this.#turnAt < this.#timing.renewMs) return;
        this.#takeTurn().catch((error) =>
          this.#port.logger.error({ err: error }, 'matrix: sync lease failed'),
        );
      },
      Math.min(STANDBY_TRY_MS, this.#timing.renewMs),
    );
  }

  /** Stops syncing, if this replica was, and gives the lease up at once for another replica to take. */
  async stop(): Promise<void> {
    this.#started = false;
    clearInterval(this.#timer);
    if (!this.#syncing) return;
    this.#syncing = false;
    await this.#turns.stopSyncing();
    await this.#port.leases.release(SYNC_LEASE, this.#holder);
  }

  /**
   * Takes or renews the lease (renewed every `renewMs` while syncing, tried every second standing by);
   * starts syncing when it is ours, stands by when another replica took it.
   */
  async #takeTurn(): Promise<void> {
    this.#turnAt = Date.now();
    const held = await this.#port.leases.acquire(SYNC_LEASE, this.#holder, this.#timing.ttlMs);
    if (!this.#started) {
      // stop() ran while the lease was being taken.
      if (held) await this.#port.leases.release(SYNC_LEASE, this.#holder);
      return;
    }
    if (held && !this.#syncing) {
      this.#syncing = true;
      try {
        await this.#turns.sync();
      } catch (error) {
        this.#syncing = false;
        throw error;
      }
    } else if (!held && this.#syncing) {
      this.#syncing = false;
      await this.#turns.standBy();
      this.#port.logger.warn('matrix: sync lease lost, another replica syncs; standing by');
    }
  }
}
