/**
 * Atomic operations on the shared store, for state that several replicas update at once (event
 * de-duplication, counters, indexes, per-conversation turns). keyv only offers get and set, so a
 * read-modify-write through it loses updates between replicas; each operation here is one atomic step on
 * the server (Redis: Lua scripts, PostgreSQL and SQLite: one `INSERT … ON CONFLICT … RETURNING`, or one
 * transaction).
 *
 * The keys live apart from keyv's: a key written here is read back only through these operations.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export interface VersionedValue {
  value: string | undefined;
  /** 0 when the key is absent; every write adds one. */
  version: number;
}

/** Names one addition, so that asking for it again adds nothing (see {@link AtomicOps.incrementOnce}). */
export interface Once {
  marker: string;
  /** How long the marker is remembered: as long as the addition may be asked for again. */
  ttlMs: number;
}

export interface LockOptions {
  /** How long the lock outlives a holder that stopped renewing it (a killed process). */
  ttlMs?: number;
  /** How long to wait for the lock before giving up with a {@link LockTimeoutError}. */
  waitMs?: number;
}

export interface AtomicOps {
  /** Sets `key` unless it holds a value that has not expired; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /**
   * Adds `by` to the integer under `key` (absent or expired counts as 0) and returns the new value. `ttlMs`
   * applies when this call creates the key: an existing key keeps its expiry (a fixed window).
   */
  increment(key: string, by?: number, ttlMs?: number): Promise<number>;
  /**
   * {@link increment}, once per marker: the first call naming `once.marker` adds `by` and keeps the value
   * that gave under the marker; any later call with it adds nothing and returns that same value. Marker and
   * addition are one atomic step, so a turn run again after its process died, or callers racing with one
   * marker, count once — and see the same figure each time (a rate limit decides the same way).
   */
  incrementOnce(once: Once, key: string, by?: number, ttlMs?: number): Promise<number>;
  setAdd(key: string, ...members: string[]): Promise<void>;
  setRemove(key: string, ...members: string[]): Promise<void>;
  setMembers(key: string): Promise<string[]>;
  readVersioned(key: string): Promise<VersionedValue>;
  /** Writes `value` if the key is still at `expectedVersion` (0: still absent); the new version, or undefined on conflict. */
  writeVersioned(key: string, expectedVersion: number, value: string): Promise<number | undefined>;
  /**
   * Runs `fn` while holding the named lock, across every replica sharing the store. The lock is renewed
   * while `fn` runs, so it outlives a slow turn but not a dead process.
   */
  withLock<T>(name: string, fn: () => Promise<T>, options?: LockOptions): Promise<T>;
  /** Deletes the value and the set under `key`. */
  delete(key: string): Promise<void>;
}

/** Named, expiring leases: one holder at a time (the Matrix sync, singleton duties, locks). */
export interface Leases {
  /** Takes or renews the lease if free, expired, or already ours; true when `holder` now holds it. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` holds it. */
  release(name: string, holder: string): Promise<void>;
}

/** What each store implements; locks are built on its leases. */
export type AtomicStore = Omit<AtomicOps, 'withLock'> & Leases & { close(): Promise<void> };

export class LockTimeoutError extends Error {
  constructor(name: string, waitMs: number) {
    super(`lock ${name} still held by another turn after ${waitMs} ms`);
    this.name = 'LockTimeoutError';
  }
}

const DEFAULT_LOCK_TTL_MS = 15_000;
const DEFAULT_LOCK_WAIT_MS = 10_000;
/** Polling a held lock starts fast (turns are short) and backs off to this. */
const MAX_POLL_MS = 100;

/** The full set of operations on a store: its own, plus locks made of its leases. */
export function atomicOps(store: AtomicStore): AtomicOps & Leases {
  const withLock = async <T>(name: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> => {
    const ttlMs = options.ttlMs ?? DEFAULT_LOCK_TTL_MS;
    const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
    const lease = `lock:${name}`;
    const token = randomUUID();
    const deadline = Date.now() + waitMs;
    for (
      let pause = 2;
      !(await store.acquire(lease, token, ttlMs));
      pause = Math.min(pause * 2, MAX_POLL_MS)
    ) {
      const left = deadline - Date.now();
      if (left <= 0) throw new LockTimeoutError(name, waitMs);
      await sleep(Math.min(pause, left));
    }
    const renew = setInterval(() => store.acquire(lease, token, ttlMs).catch(() => {}), ttlMs / 3);
    renew.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await store.release(lease, token).catch(() => {});
    }
  };
  return {
    setIfAbsent: (key, value, ttlMs) => store.setIfAbsent(key, value, ttlMs),
    increment: (key, by = 1, ttlMs) => store.increment(key, by, ttlMs),
    incrementOnce: (once, key, by = 1, ttlMs) =>
      store.incrementOnce({ ...once, ttlMs: Math.max(1, Math.round(once.ttlMs)) }, key, by, ttlMs),
    setAdd: (key, ...members) => (members.length > 0 ? store.setAdd(key, ...members) : Promise.resolve()),
    setRemove: (key, ...members) =>
      members.length > 0 ? store.setRemove(key, ...members) : Promise.resolve(),
    setMembers: (key) => store.setMembers(key),
    readVersioned: (key) => store.readVersioned(key),
    writeVersioned: (key, expectedVersion, value) => store.writeVersioned(key, expectedVersion, value),
    withLock,
    delete: (key) => store.delete(key),
    acquire: (name, holder, ttlMs) => store.acquire(name, holder, Math.max(1, Math.round(ttlMs))),
    release: (name, holder) => store.release(name, holder),
  };
}

/** Concurrent writers retry this often at most before a document update gives up. */
const MAX_CONFLICTS = 100;

/** The JSON document under `key` (written by {@link updateJson}), or `empty` when absent. */
export async function readJson<T>(atomic: AtomicOps, key: string, empty: T): Promise<T> {
  const { value } = await atomic.readVersioned(key);
  return value === undefined ? empty : (JSON.parse(value) as T);
}

/**
 * Changes the JSON document under `key` and returns what was written. A write made on a stale read is
 * refused by the store and redone on a fresh one, so concurrent replicas never lose each other's changes.
 */
export async function updateJson<T>(
  atomic: AtomicOps,
  key: string,
  empty: T,
  change: (current: T) => T,
): Promise<T> {
  for (let conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
    const { value, version } = await atomic.readVersioned(key);
    const next = change(value === undefined ? empty : (JSON.parse(value) as T));
    if ((await atomic.writeVersioned(key, version, JSON.stringify(next))) !== undefined) return next;
  }
  throw new Error(`${key} kept changing under ${MAX_CONFLICTS} attempts to update it`);
}
