/** Opens the job store on the backend the state lives in (same SQLite file, Redis or PostgreSQL server); leases are the backend's. */
import type { Backend } from '../store/open-store.ts';
import type { JobStore, Leases } from './job.ts';
import { SqliteJobStore } from './sqlite-jobs.ts';

export async function openJobs(backend: Backend): Promise<{ jobs: JobStore; leases: Leases }> {
  return { jobs: await openJobStore(backend), leases: backend.leases };
}

async function openJobStore(backend: Backend): Promise<JobStore> {
  // Server drivers load only when configured, so the embedded default starts fast.
  if (backend.kind === 'redis') return (await import('./redis-jobs.ts')).openRedisJobs(backend.url);
  if (backend.kind === 'postgres') return (await import('./postgres-jobs.ts')).openPostgresJobs(backend.url);
  if (!backend.sqlite) throw new Error('the SQLite backend has no database handle for the job store');
  return new SqliteJobStore(backend.sqlite);
}
