/** Jobs in PostgreSQL: indexed tables shared by every replica; claims skip rows another replica locked. */
import pg from 'pg';
import { type Job, type JobOutcome, type JobStore, type PutResult, parseJob } from './job.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS nec_jobs (
  id TEXT PRIMARY KEY,
  run_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  user_key TEXT,
  owner TEXT NOT NULL,
  holder TEXT,
  data JSONB NOT NULL
);
CREATE INDEX IF NOT EXISTS nec_jobs_due ON nec_jobs (run_at) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS nec_jobs_user ON nec_jobs (user_key) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS nec_jobs_owner ON nec_jobs (owner) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS nec_jobs_ended ON nec_jobs (run_at) WHERE status <> 'pending';
`;

function jobs(rows: Array<{ data: unknown }>): Job[] {
  return rows.map((row) => parseJob(row.data)).sort((a, b) => a.dueAt - b.dueAt);
}

/** Opens a pool on `url` and makes sure the tables exist (replicas may race: the advisory lock serialises them). */
export async function openPostgresJobs(url: string): Promise<PostgresJobStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(4242)');
    await client.query(SCHEMA);
    await client.query('SELECT pg_advisory_unlock(4242)');
  } finally {
    client.release();
  }
  return new PostgresJobStore(pool);
}

export class PostgresJobStore implements JobStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async put(job: Job): Promise<PutResult> {
    const result = await this.#pool.query(
      `INSERT INTO nec_jobs (id, run_at, status, user_key, owner, holder, data)
       VALUES ($1, $2, 'pending', $3, $4, NULL, $5)
       ON CONFLICT (id) DO UPDATE SET run_at = excluded.run_at, user_key = excluded.user_key,
         owner = excluded.owner, holder = NULL, data = excluded.data
       WHERE nec_jobs.status = 'pending'`,
      [job.id, job.dueAt, job.user ?? null, job.owner, JSON.stringify(job)],
    );
    if ((result.rowCount ?? 0) > 0) return { scheduled: true };
    // Refused: the id ended. Its tombstone is written once, by the UPDATE that ended it, and never changes:
    // read after the refusal, it is the one the refusal saw.
    const ended = await this.#pool.query(
      `SELECT data->>'origin' AS origin FROM nec_jobs WHERE id = $1 AND status <> 'pending'`,
      [job.id],
    );
    return {
      scheduled: false,
      endedOrigin: (ended.rows[0] as { origin: string | null } | undefined)?.origin ?? undefined,
    };
  }

  async get(id: string): Promise<Job | undefined> {
    const result = await this.#pool.query(`SELECT data FROM nec_jobs WHERE id = $1 AND status = 'pending'`, [
      id,
    ]);
    return jobs(result.rows)[0];
  }

  async delete(ids: readonly string[]): Promise<void> {
    await this.#pool.query(`DELETE FROM nec_jobs WHERE id = ANY($1) AND status = 'pending'`, [ids]);
  }

  async nextDue(): Promise<number | undefined> {
    const result = await this.#pool.query(
      `SELECT run_at FROM nec_jobs WHERE status = 'pending' ORDER BY run_at LIMIT 1`,
    );
    const row = result.rows[0] as { run_at: string } | undefined;
    return row ? Number(row.run_at) : undefined;
  }

  async claimDue(now: number, limit: number, holder: string, leaseMs: number): Promise<Job[]> {
    // A job still held by another claimer was never settled: its claimer died, maybe mid-send.
    const result = await this.#pool.query(
      `UPDATE nec_jobs SET run_at = $1, holder = $2,
         data = CASE WHEN holder IS NULL THEN data ELSE jsonb_set(data, '{inDoubt}', 'true') END
       WHERE id IN (
         SELECT id FROM nec_jobs WHERE status = 'pending' AND run_at <= $3 ORDER BY run_at LIMIT $4
         FOR UPDATE SKIP LOCKED
       ) RETURNING data`,
      [now + leaseMs, holder, now, limit],
    );
    return jobs(result.rows);
  }

  async extend(ids: readonly string[], holder: string, until: number): Promise<void> {
    await this.#pool.query(
      `UPDATE nec_jobs SET run_at = $1 WHERE holder = $2 AND status = 'pending' AND id = ANY($3)`,
      [until, holder, ids],
    );
  }

  async release(
    id: string,
    holder: string,
    runAt: number,
    attempts: number,
    inDoubt: boolean,
  ): Promise<void> {
    await this.#pool.query(
      `UPDATE nec_jobs SET run_at = $1, holder = NULL,
         data = data || jsonb_build_object('attempts', $2::int, 'inDoubt', $5::boolean)
       WHERE id = $3 AND holder = $4 AND status = 'pending'`,
      [runAt, attempts, id, holder, inDoubt],
    );
  }

  async purgeEnded(before: number, limit: number): Promise<number> {
    // SKIP LOCKED: two replicas purging at once take different rows.
    const result = await this.#pool.query(
      `DELETE FROM nec_jobs WHERE id IN (
         SELECT id FROM nec_jobs WHERE status <> 'pending' AND run_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED
       )`,
      [before, limit],
    );
    return result.rowCount ?? 0;
  }

  async listByUser(user: string): Promise<Job[]> {
    const result = await this.#pool.query(
      `SELECT data FROM nec_jobs WHERE user_key = $1 AND status = 'pending'`,
      [user],
    );
    return jobs(result.rows);
  }

  async listByOwner(owner: string): Promise<Job[]> {
    const result = await this.#pool.query(
      `SELECT data FROM nec_jobs WHERE owner = $1 AND status = 'pending'`,
      [owner],
    );
    return jobs(result.rows);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }

  async finish(id: string, holder: string, status: JobOutcome): Promise<void> {
    // The row stays as a tombstone, so the same idempotency key cannot be scheduled and sent again. It keeps
    // only the id and the origin (a digest of the turn that made it, so that turn run again knows it was
    // sent): the person and the text are no longer needed, and "forget me" must leave nothing behind.
    await this.#pool.query(
      `UPDATE nec_jobs SET status = $1, holder = NULL, user_key = NULL, owner = '',
         data = jsonb_strip_nulls(jsonb_build_object('origin', data->'origin'))
       WHERE id = $2 AND holder = $3 AND status = 'pending'`,
      [status, id, holder],
    );
  }
}
