/**
 * Start-up migration of what the release before the atomic store kept under keyv keys that are now the
 * store's atomic keys: each is moved into its atomic form, then its keyv key is deleted. Once done, a marker
 * says so and later starts skip the scan. Replicas starting together take turns through one lock; the second
 * finds the marker. A process killed in the middle leaves the keys not yet moved to the next start; the one
 * key it was moving may then be counted twice (counts are added; sets and indexes are unions).
 *
 * Moved: event ids already handled, per-person rate-limit windows, the unanswered questions' daily counts,
 * the dialog funnels, the indexes of broadcasts, subscriptions and application reminders, the index of each
 * person's records. The old health probe key is deleted.
 */
import type { Keyv } from 'keyv';
import { eventKey, REMEMBER_MS } from '../core/dedup.ts';
import { RATE_LIMIT_WINDOW_MS, windowKey } from '../core/rate-limit.ts';
import type { UnansweredLog } from '../faq/unanswered.ts';
import { INDEX_KEY, type IndexEntry } from '../scheduler/application-reminders.ts';
import { BROADCASTS_KEY } from '../scheduler/broadcasts.ts';
import { SUBSCRIPTIONS_KEY, type Subscription } from '../scheduler/subscriptions.ts';
import { type AtomicOps, updateJson } from '../store/atomic.ts';
import { recordsIndexKey } from '../store/user-records.ts';
import type { CallFunnel, DialogFunnel } from './funnel.ts';

/** Set once every old key is moved; the migration then costs one read at start-up. */
const DONE = 'migration:keyv-to-atomic';
const LOCK = 'migration:keyv-to-atomic';
/** Replicas starting together wait for the first one's migration (a scan of the whole store). */
const LOCK_OPTIONS = { ttlMs: 30_000, waitMs: 120_000 };
const FUNNELS = 'stats:dialogs:__calls';
const FUNNEL = /^stats:dialogs:(.+)$/;
const UNANSWERED_DAY = /^faq:unanswered:(\d{4}-\d{2}-\d{2})$/;
const DEDUP = /^dedup:([^:]+):([^:]+):(.+)$/;
const RATE_LIMIT = /^ratelimit:(.+)$/;
const RECORDS_INDEX = /^user:(.+):__index$/;

export interface KeyvMigrationOptions {
  kv: Keyv;
  atomic: AtomicOps;
  unanswered: UnansweredLog;
  funnel: DialogFunnel;
  now(): number;
}

/** Moves the old keyv keys once; returns how many were moved (0 when already done). */
export async function migrateKeyvKeys(options: KeyvMigrationOptions): Promise<number> {
  const { kv, atomic } = options;
  if ((await atomic.readVersioned(DONE)).value !== undefined) return 0;
  return atomic.withLock(
    LOCK,
    async () => {
      if ((await atomic.readVersioned(DONE)).value !== undefined) return 0;
      // Read first, then moved: deleting while the store iterates could skip keys.
      const old: Array<[string, Move]> = [];
      if (!kv.iterator) throw new Error('the store cannot list its keys: the old keys cannot be migrated');
      // keyv's iterator walks the store's own namespace, whatever it is given.
      for await (const [key, value] of kv.iterator(undefined)) {
        const move = mover(options, String(key));
        if (move) old.push([String(key), () => move(value)]);
      }
      for (const [key, move] of old) {
        await move();
        await kv.delete(key);
      }
      await atomic.setIfAbsent(DONE, new Date(options.now()).toISOString());
      return old.length;
    },
    LOCK_OPTIONS,
  );
}

type Move = () => Promise<unknown>;

/** How one old key's content is written in its atomic form; undefined for a key that stays in keyv. */
function mover(
  { atomic, unanswered, funnel, now }: KeyvMigrationOptions,
  key: string,
): ((value: unknown) => Promise<unknown>) | undefined {
  if (key === BROADCASTS_KEY) return (ids) => atomic.setAdd(key, ...(ids as string[]));
  if (key === SUBSCRIPTIONS_KEY)
    return (old) =>
      updateJson<Subscription[]>(atomic, key, [], (current) =>
        union(current, old as Subscription[], (s) => `${JSON.stringify(s.ref)} ${s.callId}`),
      );
  if (key === INDEX_KEY)
    return (old) =>
      updateJson<IndexEntry[]>(atomic, key, [], (current) =>
        union(current, old as IndexEntry[], (e) => `${e.user} ${e.applicationId}`),
      );
  if (key === FUNNELS)
    return async (callIds) => {
      for (const callId of callIds as string[]) await funnel.adopt(callId, NO_COUNTS);
    };
  if (key === 'health:probe') return async () => {};
  const records = key.match(RECORDS_INDEX);
  if (records) return (names) => atomic.setAdd(recordsIndexKey(records[1] ?? ''), ...(names as string[]));
  const day = key.match(UNANSWERED_DAY)?.[1];
  if (day) return (counts) => unanswered.adopt(day, counts as Record<string, number>);
  const callId = key.match(FUNNEL)?.[1];
  if (callId) return (counts) => funnel.adopt(callId, counts as CallFunnel);
  const dedup = key.match(DEDUP);
  if (dedup)
    // A person's recently handled event ids, under `dedup:<platform>:<workspace>:<user id>`.
    return async (seen) => {
      for (const { id, at } of (seen as { ids: Array<{ id: string; at: number }> }).ids) {
        const left = at + REMEMBER_MS - now();
        if (left > 0) await atomic.setIfAbsent(eventKey(dedup[1] ?? '', dedup[2], id), '1', left);
      }
    };
  const user = key.match(RATE_LIMIT)?.[1];
  if (user)
    return async (window) => {
      const { start, count } = window as { start: number; count: number };
      if (now() - start < RATE_LIMIT_WINDOW_MS)
        await atomic.increment(windowKey(user, now()), count, 2 * RATE_LIMIT_WINDOW_MS);
    };
  return undefined;
}

function union<T>(current: T[], old: T[], identity: (item: T) => string): T[] {
  const known = new Set(current.map(identity));
  return [...current, ...old.filter((item) => !known.has(identity(item)))];
}

const NO_COUNTS: CallFunnel = { started: 0, completed: 0, abandoned: 0, steps: {} };
