/** A PostgreSQL pool running the SQL shared with SQLite, with the atomic tables created once. */
import pg from 'pg';
import { ATOMIC_SCHEMA, type SqlRunner } from './sql-atomic.ts';

/** Serialises schema creation between replicas starting together (CREATE … IF NOT EXISTS can race). */
const SCHEMA_LOCK = 4243;

export async function openPostgresRunner(url: string, connectTimeoutMs: number): Promise<SqlRunner> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: connectTimeoutMs });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end().catch(() => {});
    throw error;
  });
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    await client.query(ATOMIC_SCHEMA);
    await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
  } finally {
    client.release();
  }
  return {
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    transaction: async (body) => {
      const tx = await pool.connect();
      let broken = false;
      try {
        await tx.query('BEGIN');
        const steps = body();
        let step = steps.next();
        while (!step.done) step = steps.next((await tx.query(step.value.sql, step.value.params)).rows);
        await tx.query('COMMIT');
        return step.value;
      } catch (error) {
        // A connection that cannot even roll back is dropped, not handed to the next caller.
        broken = await tx.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        throw error;
      } finally {
        tx.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
