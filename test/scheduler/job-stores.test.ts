/** The job store contract, on each backend: SQLite, and real Redis and PostgreSQL servers. */

import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Job, type JobStore, type Leases, TOMBSTONE_MS } from '../../src/scheduler/job.ts';
import { openJobs } from '../../src/scheduler/open-jobs.ts';
import { type Backend, openStore } from '../../src/store/open-store.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';

const backends: Array<[string, string | null]> = [
  ['sqlite', 'sqlite://:memory:'],
  ['redis', inject('redisUrl')],
  ['postgres', inject('postgresUrl')],
];

describe.each(backends)('job store on %s', (_kind, url) => {
  let backend: Backend;
  let jobs: JobStore;
  let leases: Leases;
  const tag = `t${Math.random().toString(36).slice(2, 8)}`;
  const job = (n: number, dueAt: number, user = `${tag}-user`): Job => ({
    id: `${tag}-${n}`,
    kind: 'personal',
    dueAt,
    user,
    owner: `${tag}-owner`,
    ref: { platform: 'shell', roomId: 'r', isDirect: false },
    reply: { intent: 'reminder:personal', text: `job ${n}` },
    lang: 'en',
    timezone: 'Europe/Paris',
    attempts: 0,
  });
  const T = 9_000_000_000_000 + Math.floor(Math.random() * 1e9);
  // Its own database on a shared server: claims here must see this test's jobs only.
  const open = async () =>
    openStore(url?.startsWith('sqlite') ? url : await isolatedStoreUrl(url as string, 'job-stores'));

  afterEach(async () => {
    await jobs?.close();
    await backend?.close();
  });

  it.skipIf(!url)('claims due jobs once, in due order, and never re-sends a delivered id', async () => {
    backend = await open();
    ({ jobs, leases } = await openJobs(backend));
    await jobs.put(job(2, T + 2));
    await jobs.put(job(1, T + 1));
    await jobs.put(job(3, T + 1000));
    expect(await jobs.listByUser(`${tag}-user`)).toHaveLength(3);
    const claimed = await jobs.claimDue(T + 10, 10, 'a', 60_000);
    expect(claimed.filter((j) => j.id.startsWith(tag)).map((j) => j.id)).toEqual([`${tag}-1`, `${tag}-2`]);
    // Claimed jobs are hidden from another claimer until the lease runs out.
    expect((await jobs.claimDue(T + 10, 10, 'b', 60_000)).filter((j) => j.id.startsWith(tag))).toEqual([]);
    await jobs.finish(`${tag}-1`, 'a', 'done');
    expect(await jobs.put(job(1, T + 5))).toEqual({ scheduled: false });
    // A lease that ran out gives the job to the next claimer; the old holder can no longer finish it.
    const retaken = await jobs.claimDue(T + 70_000, 10, 'b', 60_000);
    const mine = retaken.filter((j) => j.id.startsWith(tag));
    expect(mine.map((j) => j.id)).toEqual([`${tag}-2`, `${tag}-3`]);
    // The dead claimer may have sent job 2 before dying; job 3 was never claimed.
    expect(mine.map((j) => j.inDoubt ?? false)).toEqual([true, false]);
    await jobs.finish(`${tag}-2`, 'a', 'done');
    expect(await jobs.get(`${tag}-2`)).toBeDefined();
    // A live claimer's heartbeat keeps its claim hidden past the first lease.
    await jobs.extend([`${tag}-3`], 'b', T + 500_000);
    await jobs.extend([`${tag}-2`], 'a', T + 500_000);
    const later = await jobs.claimDue(T + 140_000, 10, 'c', 60_000);
    expect(later.filter((j) => j.id.startsWith(tag)).map((j) => j.id)).toEqual([`${tag}-2`]);
    await jobs.release(`${tag}-2`, 'c', T + 200_000, 1, true);
    const released = await jobs.get(`${tag}-2`);
    expect([released?.attempts, released?.inDoubt]).toEqual([1, true]);
    expect(
      (await jobs.claimDue(T + 200_000, 10, 'd', 60_000)).find((j) => j.id === `${tag}-2`)?.inDoubt,
    ).toBe(true);
    await jobs.delete([`${tag}-2`, `${tag}-3`]);
    expect(await jobs.listByOwner(`${tag}-owner`)).toEqual([]);
  });

  it.skipIf(!url)(
    'keeps the origin of a delivered job: its id put again is refused, with that origin',
    async () => {
      backend = await open();
      ({ jobs, leases } = await openJobs(backend));
      const origin = `${tag}-origin`;
      expect(await jobs.put({ ...job(7, T + 1), origin })).toEqual({ scheduled: true });
      // Put again while pending: the same job, replaced.
      expect(await jobs.put({ ...job(7, T + 2), origin })).toEqual({ scheduled: true });
      const [claimed] = (await jobs.claimDue(T + 10, 10, 'a', 60_000)).filter((j) => j.id === `${tag}-7`);
      expect(claimed?.origin).toBe(origin);
      await jobs.finish(`${tag}-7`, 'a', 'done');
      // The turn that made it, run again, learns it was sent; a job of another origin under that id, too.
      expect(await jobs.put({ ...job(7, T + 3), origin })).toEqual({ scheduled: false, endedOrigin: origin });
      expect(await jobs.put({ ...job(7, T + 3), origin: 'another' })).toEqual({
        scheduled: false,
        endedOrigin: origin,
      });
      expect(await jobs.get(`${tag}-7`)).toBeUndefined();
      // The tombstone keeps the origin and nothing of the person or the text.
      expect(await jobs.listByUser(`${tag}-user`)).toEqual([]);
    },
  );

  it.skipIf(!url)(
    'forgets tombstones once they are TOMBSTONE_MS old, a bounded batch at a time (Redis: by their TTL)',
    async () => {
      backend = await open();
      ({ jobs, leases } = await openJobs(backend));
      // Earlier than the other tests' jobs (the server's database outlives a test): these tombstones alone.
      const E = T - 1_000_000_000;
      for (const n of [11, 12, 13, 14]) await jobs.put(job(n, E + 1));
      const claimed = (await jobs.claimDue(E + 10, 10, 'a', 60_000)).filter((j) => j.id.startsWith(tag));
      expect(claimed).toHaveLength(4);
      for (const n of [11, 12, 13]) await jobs.finish(`${tag}-${n}`, 'a', 'done');
      const ended = E + 10 + 60_000;
      if (backend.kind === 'redis') {
        // Redis needs no purge: each tombstone expires on its own, TOMBSTONE_MS after the job ended.
        expect(await jobs.purgeEnded(Number.MAX_SAFE_INTEGER, 10)).toBe(0);
        const redis = createClient({ url: backend.url });
        await redis.connect();
        const ttl = await redis.pTTL(`nec:jobs:done:${tag}-11`);
        await redis.close();
        expect(ttl).toBeGreaterThan(TOMBSTONE_MS - 60_000);
        expect(ttl).toBeLessThanOrEqual(TOMBSTONE_MS);
        return;
      }
      // Younger than TOMBSTONE_MS: kept, the ids still refused.
      expect(await jobs.purgeEnded(ended - 1, 10)).toBe(0);
      expect(await jobs.put(job(11, E + 5))).toEqual({ scheduled: false });
      // Older: forgotten, at most `limit` per call; the pending job (14, claimed) is never touched.
      expect(await jobs.purgeEnded(ended + 1, 2)).toBe(2);
      expect(await jobs.purgeEnded(ended + 1, 2)).toBe(1);
      expect(await jobs.purgeEnded(ended + 1, 2)).toBe(0);
      expect((await jobs.listByOwner(`${tag}-owner`)).map((j) => j.id)).toEqual([`${tag}-14`]);
      expect(await jobs.put(job(11, E + 5))).toEqual({ scheduled: true });
    },
  );

  it.skipIf(!url)('gives a lease to one holder at a time', async () => {
    backend = await open();
    ({ jobs, leases } = await openJobs(backend));
    expect(await leases.acquire(`${tag}-sync`, 'a', 60_000)).toBe(true);
    expect(await leases.acquire(`${tag}-sync`, 'b', 60_000)).toBe(false);
    expect(await leases.acquire(`${tag}-sync`, 'a', 60_000)).toBe(true);
    await leases.release(`${tag}-sync`, 'a');
    expect(await leases.acquire(`${tag}-sync`, 'b', 60_000)).toBe(true);
  });
});
