/**
 * Everything stored about one person, kept under keys that name them and listed in an index, so that
 * "my data" can export it all and "forget me" can delete it all without scanning the store. The index is
 * an atomic set: records added at once (a turn, a delivery hook on another replica) are all listed.
 */
import { createHash } from 'node:crypto';
import type { Keyv } from 'keyv';
import { Recent } from '../core/recent.ts';
import type { AtomicOps } from './atomic.ts';

/** Identifies a person across the deployment: platform, workspace and the platform's user id. */
export type UserKey = string;

export function userKey(platform: string, userId: string, workspace?: string): UserKey {
  return `${platform}:${workspace ?? '-'}:${userId}`;
}

/**
 * A stand-in for the person in short-lived keys (rate-limit windows, turn locks): the store then shows no
 * one's id in them, so nothing of an erased person is left there while they run out.
 */
export function personDigest(user: UserKey): string {
  // Asked on every message (the rate limit's window): the recent people's digests are kept, in this process only.
  return DIGESTS.get(user, () => createHash('sha256').update(user).digest('base64url').slice(0, 22));
}

const DIGESTS = new Recent<string>(4096);

/**
 * Drops the person's digest kept in this process ("forget me"): its key is their id. Called last in the
 * erasure, as everything before it (the rate-limit windows, the channel welcomes) asks for the digest again.
 */
export function forgetDigest(user: UserKey): void {
  DIGESTS.delete(user);
}

/** The set of the names of a person's records. */
export function recordsIndexKey(user: UserKey): string {
  return `user:${user}:__index`;
}

/**
 * An index of some records across people (e.g. the applications of each call), kept in step with the records:
 * told before a record is written and after records are deleted, so that it lists at least every stored one.
 */
export interface RecordIndex {
  written(user: UserKey, name: string, value: unknown): Promise<void>;
  removed(user: UserKey, names: readonly string[]): Promise<void>;
}

export class UserRecords {
  readonly #kv: Keyv;
  readonly #atomic: AtomicOps;
  readonly #indexes: readonly RecordIndex[];

  constructor(kv: Keyv, atomic: AtomicOps, indexes: readonly RecordIndex[] = []) {
    this.#kv = kv;
    this.#atomic = atomic;
    this.#indexes = indexes;
  }

  async get<T>(user: UserKey, name: string): Promise<T | undefined> {
    return (await this.#kv.get<T>(this.#key(user, name))) ?? undefined;
  }

  async set<T>(user: UserKey, name: string, value: T): Promise<void> {
    await this.#atomic.setAdd(this.#indexKey(user), name);
    for (const index of this.#indexes) await index.written(user, name, value);
    await this.#kv.set(this.#key(user, name), value);
  }

  async delete(user: UserKey, name: string): Promise<void> {
    await this.#kv.delete(this.#key(user, name));
    // Before the name leaves the person's index: a process killed in between leaves it for `forget` to find.
    for (const index of this.#indexes) await index.removed(user, [name]);
    await this.#atomic.setRemove(this.#indexKey(user), name);
  }

  /** The names of the records held for a person, sorted. */
  async names(user: UserKey): Promise<string[]> {
    return this.#atomic.setMembers(this.#indexKey(user));
  }

  /** Every record of a person, by name. */
  async all(user: UserKey): Promise<Record<string, unknown>> {
    const result: Record<string, unknown> = {};
    for (const name of await this.names(user)) result[name] = await this.#kv.get(this.#key(user, name));
    return result;
  }

  /** Deletes every record of a person; returns the names deleted. */
  async forget(user: UserKey): Promise<string[]> {
    const names = await this.names(user);
    await this.#kv.deleteMany(names.map((n) => this.#key(user, n)));
    for (const index of this.#indexes) await index.removed(user, names);
    await this.#atomic.delete(this.#indexKey(user));
    return names;
  }

  #key(user: UserKey, name: string): string {
    return `user:${user}:${name}`;
  }

  #indexKey(user: UserKey): string {
    return recordsIndexKey(user);
  }
}
