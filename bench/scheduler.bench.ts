/**
 * Scheduler benchmark (`node bench/scheduler.bench.ts`, or `npm run bench`): the cost of a tick with 100 and
 * with 100,000 pending jobs (the due-time index keeps them equal), and the wall time to deliver a broadcast to
 * 1,000 channels through a fake API limited to 1 message/s per channel and 50/s overall, against the limit.
 * SQLite always; Redis and PostgreSQL too with BENCH_REDIS_URL / BENCH_POSTGRES_URL (throwaway servers).
 */
import { DatabaseSync } from 'node:sqlite';
import { RetryAfterError } from '../src/core/retry-after.ts';
import { createLogger } from '../src/logger.ts';
import { DeliveryQueue } from '../src/scheduler/delivery-queue.ts';
import type { Job, JobStore } from '../src/scheduler/job.ts';
import { openJobs } from '../src/scheduler/open-jobs.ts';
import { Scheduler } from '../src/scheduler/scheduler.ts';
import { SqliteJobStore } from '../src/scheduler/sqlite-jobs.ts';
import { openStore } from '../src/store/open-store.ts';

const logger = createLogger('silent');
const T0 = Date.parse('2027-01-01T00:00:00Z');
const DUE_PER_TICK = 10;

function job(id: string, dueAt: number, roomId = 'r'): Job {
  return {
    id,
    kind: 'broadcast',
    dueAt,
    owner: 'bench',
    ref: { platform: 'slack', roomId, isDirect: false },
    reply: { intent: 'broadcast', text: 'hello' },
    lang: 'en',
    timezone: 'Europe/Paris',
    attempts: 0,
  };
}

/** Mean milliseconds per tick delivering DUE_PER_TICK jobs, with `pending` jobs waiting further ahead. */
async function tickCost(store: JobStore, pending: number): Promise<number> {
  const run = Math.random().toString(36).slice(2, 8);
  const ids = Array.from({ length: pending }, (_, i) => `bench-${run}-p${i}`);
  for (let i = 0; i < ids.length; i += 1000)
    await Promise.all(
      ids.slice(i, i + 1000).map((id, j) => store.put(job(id, T0 + 365 * 86_400_000 + i + j))),
    );
  const queue = new DeliveryQueue({ send: async () => {}, maxWaitMs: 60_000, limits: { slack: undefined } });
  const scheduler = new Scheduler({ store, queue, logger });
  const rounds = 200;
  let total = 0;
  for (let round = 0; round < rounds; round++) {
    const now = T0 + round * 60_000;
    for (let i = 0; i < DUE_PER_TICK; i++) await store.put(job(`bench-${run}-d${round}-${i}`, now));
    const start = performance.now();
    await scheduler.tick(new Date(now));
    total += performance.now() - start;
  }
  for (let i = 0; i < ids.length; i += 1000) await store.delete(ids.slice(i, i + 1000));
  return total / rounds;
}

/** Tick costs on a backend with 100 and 100,000 pending jobs, after a warm-up round, and their ratio. */
async function tickRows(name: string, open: () => Promise<{ store: JobStore; close(): Promise<void> }>) {
  const costs: number[] = [];
  for (const pending of [100, 100, 100_000]) {
    const { store, close } = await open();
    costs.push(await tickCost(store, pending));
    await close();
  }
  const [, small = 0, large = 0] = costs;
  return [
    { measure: `${name}: tick, 100 pending (+${DUE_PER_TICK} due)`, value: `${small.toFixed(3)} ms` },
    { measure: `${name}: tick, 100,000 pending (+${DUE_PER_TICK} due)`, value: `${large.toFixed(3)} ms` },
    { measure: `${name}: ratio 100,000 / 100`, value: (large / small).toFixed(2) },
  ];
}

/** A store on a server named by URL (a throwaway one: the bench writes 100,000 jobs, then deletes them). */
async function serverStore(url: string) {
  const backend = await openStore(url);
  const { jobs } = await openJobs(backend);
  return {
    store: jobs,
    close: async () => {
      await jobs.close();
      await backend.close();
    },
  };
}

/** A fake chat API enforcing 1 msg/s per channel and 50 msg/s overall, answering 429 with Retry-After. */
function fakeApi() {
  const lastByChannel = new Map<string, number>();
  const window: number[] = [];
  let refused = 0;
  return {
    refused: () => refused,
    send: async (channel: string) => {
      const now = performance.now();
      while (window.length > 0 && (window[0] as number) <= now - 1000) window.shift();
      const last = lastByChannel.get(channel);
      if (last !== undefined && now - last < 1000) {
        refused++;
        throw new RetryAfterError(Math.ceil(1000 - (now - last)));
      }
      if (window.length >= 50) {
        refused++;
        throw new RetryAfterError(Math.ceil((window[0] as number) + 1000 - now));
      }
      window.push(now);
      lastByChannel.set(channel, now);
    },
  };
}

async function broadcastWallTime(channels: number): Promise<{ seconds: number; refused: number }> {
  const store = new SqliteJobStore(new DatabaseSync(':memory:'));
  for (let i = 0; i < channels; i++) await store.put(job(`b-${i}`, T0, `C${i}`));
  const api = fakeApi();
  const queue = new DeliveryQueue({
    send: (delivery) => api.send(delivery.ref.roomId),
    maxWaitMs: 60_000,
    limits: { slack: { perRoomPerSecond: 1, overallPerSecond: 50 } },
  });
  const scheduler = new Scheduler({ store, queue, logger });
  const start = performance.now();
  await scheduler.tick(new Date(T0));
  const seconds = (performance.now() - start) / 1000;
  if ((await store.nextDue()) !== undefined) throw new Error('broadcast incomplete');
  return { seconds, refused: api.refused() };
}

const rows = await tickRows('sqlite', async () => ({
  store: new SqliteJobStore(new DatabaseSync(':memory:')),
  close: async () => {},
}));
for (const [name, url] of [
  ['redis', process.env.BENCH_REDIS_URL],
  ['postgres', process.env.BENCH_POSTGRES_URL],
] as const) {
  if (url) rows.push(...(await tickRows(name, () => serverStore(url))));
}
const channels = 1_000;
const broadcast = await broadcastWallTime(channels);
const floor = channels / 50;

console.log('scheduler');
console.table([
  ...rows,
  {
    measure: `broadcast to ${channels} channels (1/s/channel, 50/s overall)`,
    value: `${broadcast.seconds.toFixed(2)} s`,
  },
  { measure: 'limit itself (channels / 50 per s)', value: `${floor.toFixed(2)} s` },
  { measure: 'wall time / limit', value: (broadcast.seconds / floor).toFixed(3) },
  { measure: '429 answers from the fake API', value: String(broadcast.refused) },
]);
