/**
 * Atomic operations on SQL: the same statements run on SQLite and PostgreSQL (both read `$1`-style
 * parameters and `INSERT … ON CONFLICT … RETURNING`), each operation one statement — or one transaction —
 * so concurrent callers never lose an update. Expired keys count as absent and are purged now and then.
 */
import type { AtomicStore, Once, VersionedValue } from './atomic.ts';

export type Row = Record<string, unknown>;

/** A statement with positional `$n` parameters. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * A transaction's body: it yields its statements one by one and is handed each one's rows. A generator, so
 * that SQLite runs it whole without giving way to other work on its single connection (nothing else slips
 * into the transaction), and PostgreSQL awaits each statement on the transaction's own connection.
 */
export type TransactionBody<T> = () => Generator<Statement, T, Row[]>;

/** Runs statements with positional `$n` parameters and returns their rows. */
export interface SqlRunner {
  query(sql: string, params: unknown[]): Promise<Row[]>;
  /** Runs the body in one transaction, committed if it returns, rolled back if it throws. */
  transaction<T>(body: TransactionBody<T>): Promise<T>;
  close(): Promise<void>;
}

export const ATOMIC_SCHEMA = `
CREATE TABLE IF NOT EXISTS nec_atomic (key TEXT PRIMARY KEY, value TEXT NOT NULL, version BIGINT NOT NULL, expires_at BIGINT);
CREATE INDEX IF NOT EXISTS nec_atomic_expiry ON nec_atomic (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS nec_atomic_sets (key TEXT NOT NULL, member TEXT NOT NULL, PRIMARY KEY (key, member));
CREATE TABLE IF NOT EXISTS nec_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at BIGINT NOT NULL);
`;

// $1 key, $2 value, $3 expiry (or null), $4 now. An expired row is taken over as if absent.
const SET_IF_ABSENT = `
INSERT INTO nec_atomic (key, value, version, expires_at) VALUES ($1, $2, 1, $3)
ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = nec_atomic.version + 1, expires_at = excluded.expires_at
WHERE nec_atomic.expires_at IS NOT NULL AND nec_atomic.expires_at <= $4
RETURNING version`;

// $1 key, $2 amount as text, $3 expiry (or null), $4 now. An expired counter restarts with a new window.
const INCREMENT = `
INSERT INTO nec_atomic (key, value, version, expires_at) VALUES ($1, $2, 1, $3)
ON CONFLICT (key) DO UPDATE SET
  value = CASE WHEN nec_atomic.expires_at <= $4 THEN excluded.value
          ELSE CAST(CAST(nec_atomic.value AS BIGINT) + CAST(excluded.value AS BIGINT) AS TEXT) END,
  version = nec_atomic.version + 1,
  expires_at = CASE WHEN nec_atomic.expires_at <= $4 THEN excluded.expires_at ELSE nec_atomic.expires_at END
RETURNING value`;

// $1 marker, $2 the value its addition gave.
const MARK = `UPDATE nec_atomic SET value = $2 WHERE key = $1`;

const READ = `SELECT value, version FROM nec_atomic WHERE key = $1 AND (expires_at IS NULL OR expires_at > $2)`;

// $1 key, $2 value, $3 expected version, $4 now.
const WRITE_VERSIONED = `
UPDATE nec_atomic SET value = $2, version = version + 1, expires_at = NULL
WHERE key = $1 AND version = $3 AND (expires_at IS NULL OR expires_at > $4)
RETURNING version`;

// $1 name, $2 holder, $3 expiry, $4 now.
const ACQUIRE = `
INSERT INTO nec_leases (name, holder, expires_at) VALUES ($1, $2, $3)
ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
WHERE nec_leases.holder = excluded.holder OR nec_leases.expires_at <= $4
RETURNING holder`;

/** Expired rows are deleted at most this often, on the way of a write. */
const PURGE_EVERY_MS = 60_000;

function placeholders(count: number, from: number): string[] {
  return Array.from({ length: count }, (_, i) => `$${from + i}`);
}

export class SqlAtomicStore implements AtomicStore {
  readonly #sql: SqlRunner;
  #purgedAt = 0;

  constructor(sql: SqlRunner) {
    this.#sql = sql;
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    const now = this.#now();
    const rows = await this.#sql.query(SET_IF_ABSENT, [key, value, expiry(now, ttlMs), now]);
    return rows.length > 0;
  }

  async increment(key: string, by = 1, ttlMs?: number): Promise<number> {
    const now = this.#now();
    const rows = await this.#sql.query(INCREMENT, [key, String(by), expiry(now, ttlMs), now]);
    return Number(rows[0]?.value);
  }

  async incrementOnce(once: Once, key: string, by = 1, ttlMs?: number): Promise<number> {
    const now = this.#now();
    // The marker is taken first: a caller with the same marker waits on its row (PostgreSQL) or cannot
    // start (SQLite's one writer) until this commits, then finds it taken and reads the value it holds.
    return this.#sql.transaction(function* () {
      const marked = yield { sql: SET_IF_ABSENT, params: [once.marker, '', now + once.ttlMs, now] };
      if (marked.length === 0) {
        const [given] = yield { sql: READ, params: [once.marker, now] };
        return Number(given?.value);
      }
      const [counted] = yield { sql: INCREMENT, params: [key, String(by), expiry(now, ttlMs), now] };
      yield { sql: MARK, params: [once.marker, counted?.value] };
      return Number(counted?.value);
    });
  }

  async setAdd(key: string, ...members: string[]): Promise<void> {
    const values = placeholders(members.length, 2).map((p) => `($1, ${p})`);
    await this.#sql.query(
      `INSERT INTO nec_atomic_sets (key, member) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
      [key, ...members],
    );
  }

  async setRemove(key: string, ...members: string[]): Promise<void> {
    await this.#sql.query(
      `DELETE FROM nec_atomic_sets WHERE key = $1 AND member IN (${placeholders(members.length, 2).join(', ')})`,
      [key, ...members],
    );
  }

  async setMembers(key: string): Promise<string[]> {
    const rows = await this.#sql.query('SELECT member FROM nec_atomic_sets WHERE key = $1 ORDER BY member', [
      key,
    ]);
    return rows.map((row) => String(row.member));
  }

  async readVersioned(key: string): Promise<VersionedValue> {
    const [row] = await this.#sql.query(READ, [key, Date.now()]);
    return row
      ? { value: String(row.value), version: Number(row.version) }
      : { value: undefined, version: 0 };
  }

  async writeVersioned(key: string, expectedVersion: number, value: string): Promise<number | undefined> {
    const now = this.#now();
    const rows =
      expectedVersion === 0
        ? await this.#sql.query(SET_IF_ABSENT, [key, value, null, now])
        : await this.#sql.query(WRITE_VERSIONED, [key, value, expectedVersion, now]);
    return rows[0] ? Number(rows[0].version) : undefined;
  }

  async delete(key: string): Promise<void> {
    await this.#sql.query('DELETE FROM nec_atomic WHERE key = $1', [key]);
    await this.#sql.query('DELETE FROM nec_atomic_sets WHERE key = $1', [key]);
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = this.#now();
    return (await this.#sql.query(ACQUIRE, [name, holder, now + ttlMs, now])).length > 0;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.#sql.query('DELETE FROM nec_leases WHERE name = $1 AND holder = $2', [name, holder]);
  }

  close(): Promise<void> {
    return this.#sql.close();
  }

  /** The time of a write, which also purges expired rows when the last purge is old enough. */
  #now(): number {
    const now = Date.now();
    if (now - this.#purgedAt >= PURGE_EVERY_MS) {
      this.#purgedAt = now;
      // Expired keys hold people's ids (rate limits): they must not stay in the file or on the server.
      void this.#sql.query('DELETE FROM nec_atomic WHERE expires_at <= $1', [now]).catch(() => {});
      void this.#sql.query('DELETE FROM nec_leases WHERE expires_at <= $1', [now]).catch(() => {});
    }
    return now;
  }
}

function expiry(now: number, ttlMs: number | undefined): number | null {
  return ttlMs === undefined ? null : now + Math.max(1, Math.round(ttlMs));
}
