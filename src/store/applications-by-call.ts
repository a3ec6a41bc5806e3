/**
 * The applications of each call, so that the console's preview of a call edit finds every application of the
 * call (not only those whose reminders are followed) without scanning people. One atomic set per call, whose
 * members name an application and its owner (the person's key and the application id, nothing else); it is
 * kept in step by `UserRecords` as the `application:<id>` records are written, deleted and forgotten, so every
 * path that changes an application (a dialog's save or completion, `supprimer`, the retention purge,
 * « garder ma candidature », « oublie-moi ») keeps it right, on every replica at once.
 *
 * Writes add the member before the record and deletions remove it after the record, so the index lists at
 * least every stored application; a process killed between the two leaves a member without a record, which
 * readers skip (and which the next deletion or erasure of that record name removes).
 */
import type { Keyv } from 'keyv';
import type { AtomicOps } from './atomic.ts';
import type { RecordIndex, UserKey } from './user-records.ts';

const RECORD_PREFIX = 'application:';
/** The ids of the calls that ever had an application: a removal looks in each, without reading the record. */
const CALLS_KEY = 'applications:calls';
/** Set once the applications stored before the index are indexed. */
export const INDEXED_MARKER = 'migration:applications-by-call';
/** Replicas starting together wait for the first one's scan of the store. */
const MIGRATION_LOCK = { ttlMs: 30_000, waitMs: 120_000 };
/** `user:<person>:application:<id>`, as `UserRecords` names its keys. */
const RECORD_KEY = /^user:(.+):(application:[^:]+)$/;

export interface IndexedApplication {
  user: UserKey;
  applicationId: string;
}

export function applicationsByCallKey(callId: string): string {
  return `applications:by-call:${callId}`;
}

export class ApplicationsByCall implements RecordIndex {
  readonly #atomic: AtomicOps;
  /** Calls this process already listed in {@link CALLS_KEY}: that set only grows, so once is enough. */
  readonly #listedCalls = new Set<string>();

  constructor(atomic: AtomicOps) {
    this.#atomic = atomic;
  }

  async written(user: UserKey, name: string, value: unknown): Promise<void> {
    const callId = callIdOf(name, value);
    if (callId === undefined) return;
    if (!this.#listedCalls.has(callId)) {
      await this.#atomic.setAdd(CALLS_KEY, callId);
      this.#listedCalls.add(callId);
    }
    await this.#atomic.setAdd(applicationsByCallKey(callId), member(user, name));
  }

  async removed(user: UserKey, names: readonly string[]): Promise<void> {
    const members = names.filter((n) => n.startsWith(RECORD_PREFIX)).map((n) => member(user, n));
    if (members.length === 0) return;
    for (const callId of await this.#atomic.setMembers(CALLS_KEY))
      await this.#atomic.setRemove(applicationsByCallKey(callId), ...members);
  }

  /** The applications of a call, in a stable order (by person, then id); some may have been deleted since. */
  async list(callId: string): Promise<IndexedApplication[]> {
    return (await this.#atomic.setMembers(applicationsByCallKey(callId))).map((m) => {
      const [user, applicationId] = JSON.parse(m) as [UserKey, string];
      return { user, applicationId };
    });
  }

  /**
   * Indexes the applications stored before this index existed, once: a scan of the store under a lock, then
   * a marker that later starts read instead. Returns how many were indexed (0 when already done).
   */
  async indexStored(kv: Keyv): Promise<number> {
    const atomic = this.#atomic;
    if ((await atomic.readVersioned(INDEXED_MARKER)).value !== undefined) return 0;
    return atomic.withLock(
      INDEXED_MARKER,
      async () => {
        if ((await atomic.readVersioned(INDEXED_MARKER)).value !== undefined) return 0;
        if (!kv.iterator) throw new Error('the store cannot list its keys: applications cannot be indexed');
        let indexed = 0;
        // keyv's iterator walks the store's own namespace, whatever it is given.
        for await (const [key, value] of kv.iterator(undefined)) {
          const [, user, name] = RECORD_KEY.exec(String(key)) ?? [];
          if (user === undefined || name === undefined || callIdOf(name, value) === undefined) continue;
          await this.written(user, name, value);
          indexed++;
        }
        await atomic.setIfAbsent(INDEXED_MARKER, new Date().toISOString());
        return indexed;
      },
      MIGRATION_LOCK,
    );
  }
}

/** JSON keeps the two parts apart whatever characters a platform's user ids hold. */
function member(user: UserKey, name: string): string {
  return JSON.stringify([user, name.slice(RECORD_PREFIX.length)]);
}

function callIdOf(name: string, value: unknown): string | undefined {
  if (!name.startsWith(RECORD_PREFIX) || typeof value !== 'object' || value === null) return undefined;
  const { callId } = value as { callId?: unknown };
  return typeof callId === 'string' && callId !== '' ? callId : undefined;
}
