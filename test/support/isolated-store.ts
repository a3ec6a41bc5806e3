/**
 * A store of its own on the shared test servers: the job index is global to a server, so a test that
 * claims "every due job" would take (and mark in doubt) other test files' jobs. Redis gets one of its
 * numbered databases, PostgreSQL a database created for the purpose.
 */
import pg from 'pg';

/** One Redis database per isolated suite (0 is the shared one). */
const REDIS_DATABASES = {
  'job-stores': 1,
  replicas: 2,
  console: 3,
  migration: 4,
  'by-call': 5,
  'mid-turn': 6,
  'run-again': 7,
  'killed-run-again': 8,
  'matrix-file': 9,
} as const;

export type IsolatedSuite = keyof typeof REDIS_DATABASES;

export async function isolatedStoreUrl(url: string, suite: IsolatedSuite): Promise<string> {
  if (/^rediss?:/.test(url)) return `${url.replace(/\/\d*$/, '')}/${REDIS_DATABASES[suite]}`;
  const name = `nec_${suite.replace(/-/g, '_')}_${process.pid}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return url.replace(/\/[^/]*$/, `/${name}`);
}
