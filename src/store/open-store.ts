/** Opens the store that STORE_URL names: the embedded SQLite file, Redis or PostgreSQL, all behind keyv. */
import type { DatabaseSync } from 'node:sqlite';
import { Keyv } from 'keyv';
import { redactSecrets } from '../logger.ts';
import { type AtomicOps, type AtomicStore, atomicOps, type Leases } from './atomic.ts';
import { serializeFaster } from './serialize.ts';
import { ATOMIC_SCHEMA, SqlAtomicStore } from './sql-atomic.ts';
import { openSqliteDatabase, SqliteKeyvStore, sqliteRunner } from './sqlite-store.ts';

export type StoreKind = 'sqlite' | 'redis' | 'postgres';

/** The opened backend: the key-value store every feature uses, and what other stores (jobs) need to share it. */
export interface Backend {
  kind: StoreKind;
  url: string;
  kv: Keyv;
  /** Atomic operations for state that replicas update at once (counters, sets, de-duplication, locks). */
  atomic: AtomicOps;
  /** Expiring named leases on the same store (the Matrix sync, the scheduler's claims). */
  leases: Leases;
  /** The SQLite database, shared with the job store so both live in one file. */
  sqlite?: DatabaseSync;
  /**
   * After an erasure: leaves no copy of erased data in the store's own files. On SQLite, the write-ahead
   * log still holds the pages as they were before the delete: a checkpoint writes them back (zeroed by
   * secure_delete) and truncates the log. The servers keep no such copy the bot could reach.
   */
  scrub(): Promise<void>;
  close(): Promise<void>;
}

/** How long start-up waits for a store server before giving up with a clear error. */
const CONNECT_TIMEOUT_MS = 5_000;

/** The default embedded store, relative to the working directory. */
export const DEFAULT_STORE_URL = 'sqlite://./data/nec-bot.sqlite';

/** `sqlite://:memory:` or `sqlite://path` (relative, or absolute with a third slash: `sqlite:///var/lib/x`). */
export function sqlitePath(url: string): string {
  return url.slice('sqlite://'.length) || ':memory:';
}

export async function openStore(url: string): Promise<Backend> {
  const kind = storeKind(url);
  if (kind === 'sqlite') {
    const sqlite = openSqliteDatabase(sqlitePath(url));
    const kv = new Keyv({ store: new SqliteKeyvStore(sqlite), namespace: 'nec' });
    sqlite.exec(ATOMIC_SCHEMA);
    return backend(kind, url, kv, new SqlAtomicStore(sqliteRunner(sqlite)), sqlite, async () => {
      if (sqlite.isOpen) sqlite.close();
    });
  }
  // Not shown: a password holding `/`, `?` or `#` is where the parser saw a path, so no redaction finds it.
  if (!URL.canParse(url))
    throw new Error(
      `STORE_URL is not a valid ${kind} URL: characters such as / ? # @ in its user name or password must be percent-encoded (%2F %3F %23 %40)`,
    );
  // Server drivers load only when used, so the embedded store starts fast.
  const kv =
    kind === 'redis'
      ? (await import('@keyv/redis')).createKeyv(url, {
          namespace: 'nec',
          throwOnConnectError: true,
          connectionTimeout: CONNECT_TIMEOUT_MS,
        })
      : new Keyv({ store: new (await import('@keyv/postgres')).default({ uri: url }), namespace: 'nec' });
  // Fail at start-up, not on the first message, when the server cannot be reached.
  kv.throwOnErrors = true;
  let store: AtomicStore;
  try {
    await kv.get('__ping__');
    store =
      kind === 'redis'
        ? await (await import('./redis-atomic.ts')).RedisAtomicStore.open(url, CONNECT_TIMEOUT_MS)
        : new SqlAtomicStore(
            await (await import('./postgres-runner.ts')).openPostgresRunner(url, CONNECT_TIMEOUT_MS),
          );
  } catch (error) {
    await kv.disconnect().catch(() => {});
    throw new Error(redactSecrets(`cannot reach the ${kind} store at ${url}: ${(error as Error).message}`));
  }
  return backend(kind, url, kv, store, undefined, async () => {
    // @keyv/postgres shares one pool per URL within a process: a second backend on the same URL finds it ended.
    await Promise.all([kv.disconnect().catch(() => {}), store.close()]);
  });
}

function backend(
  kind: StoreKind,
  url: string,
  kv: Keyv,
  store: AtomicStore,
  sqlite: DatabaseSync | undefined,
  close: () => Promise<void>,
): Backend {
  const atomic = atomicOps(store);
  serializeFaster(kv);
  const scrub = async () => {
    if (sqlite?.isOpen) sqlite.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  };
  return { kind, url, kv, atomic, leases: atomic, sqlite, scrub, close };
}

export function storeKind(url: string): StoreKind {
  if (url.startsWith('sqlite://')) return 'sqlite';
  if (/^rediss?:\/\//.test(url)) return 'redis';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  throw new Error(`STORE_URL must start with sqlite://, redis:// or postgres:// (got ${url.split(':')[0]}:)`);
}
