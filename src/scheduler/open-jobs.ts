/** Opens the job store and leases on the backend the state lives in (same SQLite file, Redis or PostgreSQL server). */
import type { Backend } from '../store/open-store.ts';
import type { JobStore, Leases } from './job.ts';
import { openPostgresJobs } from './postgres-jobs.ts';
import { openRedisJobs } from './redis-jobs.ts';
import { SqliteJobStore, SqliteLeases } from './sqlite-jobs.ts';

export async function openJobs(backend: Backend): Promise<{ jobs: JobStore; leases: Leases }> {
  if (backend.kind === 'redis') return openRedisJobs(backend.url);
  if (backend.kind === 'postgres') return openPostgresJobs(backend.url);
  if (!backend.sqlite) throw new Error('the SQLite backend has no database handle for the job store');
  return { jobs: new SqliteJobStore(backend.sqlite), leases: new SqliteLeases(backend.sqlite) };
}
