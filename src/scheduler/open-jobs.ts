/** Opens the job store and leases on the backend the state lives in (same SQLite file, Redis or PostgreSQL server). */
import type { Backend } from '../store/open-store.ts';
import type { JobStore, Leases } from './job.ts';
import { SqliteJobStore, SqliteLeases } from './sqlite-jobs.ts';

export async function openJobs(backend: Backend): Promise<{ jobs: JobStore; leases: Leases }> {
  // Server drivers load only when configured, so the embedded default starts fast.
  if (backend.kind === 'redis') return (await import('./redis-jobs.ts')).openRedisJobs(backend.url);
  if (backend.kind === 'postgres') return (await import('./postgres-jobs.ts')).openPostgresJobs(backend.url);
  if (!backend.sqlite) throw new Error('the SQLite backend has no database handle for the job store');
  return { jobs: new SqliteJobStore(backend.sqlite), leases: new SqliteLeases(backend.sqlite) };
}
