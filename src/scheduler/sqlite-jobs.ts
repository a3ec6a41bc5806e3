/** Jobs in the embedded SQLite file, next to the key-value table: an indexed table per concern. */
import type { DatabaseSync } from 'node:sqlite';
import { type Job, type JobOutcome, type JobStore, type PutResult, parseJob } from './job.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS nec_jobs (
  id TEXT PRIMARY KEY,
  run_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  user_key TEXT,
  owner TEXT NOT NULL,
  holder TEXT,
  data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nec_jobs_due ON nec_jobs (run_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS nec_jobs_user ON nec_jobs (user_key) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS nec_jobs_owner ON nec_jobs (owner) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS nec_jobs_ended ON nec_jobs (run_at) WHERE status <> 'pending';
`;

type Row = { data: string };

function jobs(rows: unknown[]): Job[] {
  return rows.map((row) => parseJob(JSON.parse((row as Row).data)));
}

/** The SQLite job store; one process per file, so a claim is a plain UPDATE inside a transaction. */
export class SqliteJobStore implements JobStore {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    db.exec(SCHEMA);
  }

  async put(job: Job): Promise<PutResult> {
    const result = this.#db
      .prepare(
        `INSERT INTO nec_jobs (id, run_at, status, user_key, owner, holder, data)
         VALUES (?, ?, 'pending', ?, ?, NULL, ?)
         ON CONFLICT (id) DO UPDATE SET run_at = excluded.run_at, user_key = excluded.user_key,
           owner = excluded.owner, holder = NULL, data = excluded.data
         WHERE nec_jobs.status = 'pending'`,
      )
      .run(job.id, job.dueAt, job.user ?? null, job.owner, JSON.stringify(job));
    if (Number(result.changes) > 0) return { scheduled: true };
    // Refused: the id ended. Read in the same synchronous step (one process per file): nothing comes between.
    const ended = this.#db
      .prepare(`SELECT json_extract(data, '$.origin') AS origin FROM nec_jobs WHERE id = ?`)
      .get(job.id) as { origin: string | null } | undefined;
    return { scheduled: false, endedOrigin: ended?.origin ?? undefined };
  }

  async get(id: string): Promise<Job | undefined> {
    const row = this.#db.prepare(`SELECT data FROM nec_jobs WHERE id = ? AND status = 'pending'`).get(id);
    return row ? jobs([row])[0] : undefined;
  }

  async delete(ids: readonly string[]): Promise<void> {
    const statement = this.#db.prepare(`DELETE FROM nec_jobs WHERE id = ? AND status = 'pending'`);
    for (const id of ids) statement.run(id);
  }

  async nextDue(): Promise<number | undefined> {
    const row = this.#db
      .prepare(`SELECT run_at FROM nec_jobs WHERE status = 'pending' ORDER BY run_at LIMIT 1`)
      .get() as { run_at: number } | undefined;
    return row ? Number(row.run_at) : undefined;
  }

  async claimDue(now: number, limit: number, holder: string, leaseMs: number): Promise<Job[]> {
    // A job still held by another claimer was never settled: its claimer died, maybe mid-send.
    const rows = this.#db
      .prepare(
        `UPDATE nec_jobs SET run_at = ?, holder = ?,
           data = CASE WHEN holder IS NULL THEN data ELSE json_set(data, '$.inDoubt', json('true')) END
         WHERE id IN (
           SELECT id FROM nec_jobs WHERE status = 'pending' AND run_at <= ? ORDER BY run_at LIMIT ?
         ) RETURNING data`,
      )
      .all(now + leaseMs, holder, now, limit);
    return jobs(rows).sort((a, b) => a.dueAt - b.dueAt);
  }

  async extend(ids: readonly string[], holder: string, until: number): Promise<void> {
    this.#db
      .prepare(
        `UPDATE nec_jobs SET run_at = ?
         WHERE holder = ? AND status = 'pending' AND id IN (SELECT value FROM json_each(?))`,
      )
      .run(until, holder, JSON.stringify(ids));
  }

  async release(
    id: string,
    holder: string,
    runAt: number,
    attempts: number,
    inDoubt: boolean,
  ): Promise<void> {
    this.#db
      .prepare(
        `UPDATE nec_jobs SET run_at = ?, holder = NULL,
           data = json_set(data, '$.attempts', ?, '$.inDoubt', json(?))
         WHERE id = ? AND holder = ? AND status = 'pending'`,
      )
      .run(runAt, attempts, String(inDoubt), id, holder);
  }

  async purgeEnded(before: number, limit: number): Promise<number> {
    const result = this.#db
      .prepare(
        `DELETE FROM nec_jobs WHERE id IN (
           SELECT id FROM nec_jobs WHERE status <> 'pending' AND run_at < ? LIMIT ?
         )`,
      )
      .run(before, limit);
    return Number(result.changes);
  }

  async listByUser(user: string): Promise<Job[]> {
    return this.#list('user_key', user);
  }

  async listByOwner(owner: string): Promise<Job[]> {
    return this.#list('owner', owner);
  }

  async close(): Promise<void> {}

  async finish(id: string, holder: string, status: JobOutcome): Promise<void> {
    // The row stays as a tombstone, so the same idempotency key cannot be scheduled and sent again. It keeps
    // only the id and the origin (a digest of the turn that made it, so that turn run again knows it was
    // sent): the person and the text are no longer needed, and "forget me" must leave nothing behind.
    this.#db
      .prepare(
        `UPDATE nec_jobs SET status = ?, holder = NULL, user_key = NULL, owner = '',
           data = CASE WHEN json_extract(data, '$.origin') IS NULL THEN '{}'
             ELSE json_object('origin', json_extract(data, '$.origin')) END
         WHERE id = ? AND holder = ? AND status = 'pending'`,
      )
      .run(status, id, holder);
  }

  #list(column: 'user_key' | 'owner', value: string): Job[] {
    const rows = this.#db
      .prepare(`SELECT data FROM nec_jobs WHERE ${column} = ? AND status = 'pending'`)
      .all(value);
    return jobs(rows).sort((a, b) => a.dueAt - b.dueAt);
  }
}
