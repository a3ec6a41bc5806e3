/**
 * `npm run chaos`: two replicas on Redis and on PostgreSQL (real servers on 127.0.0.1, started here),
 * sharing due jobs while one of them is killed with SIGKILL at random and restarted, with hung and failing
 * platform calls. Prints, per store: jobs delivered once / twice / lost / late (> 60 s after due), and the
 * shared counter and set: expected (acknowledged increments) vs stored. Bounded: about a minute per store.
 * With `--adapters`, through the real Slack and Matrix adapters instead (adapters.ts, about three minutes).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openJobs } from '../../src/scheduler/open-jobs.ts';
import { openStore } from '../../src/store/open-store.ts';
import setup from '../../test/support/global-setup.ts';
import { chaosThroughAdapters } from './adapters.ts';
import { describe, tally } from './tally.ts';

const JOBS = 120;
const CHAOS_MS = 30_000;
const SETTLE_MS = 45_000;
const REPLICA = new URL('./replica.ts', import.meta.url).pathname;
/** `npm run chaos -- --adapters`: the replicas run the real entry point and platform adapters (adapters.ts). */
const throughAdapters = process.argv.includes('--adapters');
/** `npm run chaos -- redis` (or `postgres`): that store only. */
const only = process.argv.slice(2).find((arg) => arg === 'redis' || arg === 'postgres');

const urls: Record<string, unknown> = {};
const stopServers = await setup({ provide: (key: string, value: unknown) => (urls[key] = value) } as never);
const dir = mkdtempSync(join(tmpdir(), 'nec-chaos-'));

async function chaos(name: string, url: string): Promise<void> {
  const tag = `${name}-${Date.now()}`;
  const out = join(dir, `${tag}.posts`);
  const acks = join(dir, `${tag}.acks`);
  const due = Date.now();
  const backend = await openStore(url);
  const { jobs } = await openJobs(backend);
  for (let i = 0; i < JOBS; i++)
    await jobs.put({
      id: `${tag}-${i}`,
      kind: 'broadcast',
      dueAt: due + Math.floor((i / JOBS) * CHAOS_MS),
      owner: `chaos:${tag}`,
      ref: { platform: 'shell', roomId: `room-${i % 12}`, isDirect: false },
      reply: { intent: 'broadcast', text: `job ${i}` },
      lang: 'en',
      timezone: 'UTC',
      attempts: 0,
    });
  const env = (faults: boolean) => ({
    ...process.env,
    STORE_URL: url,
    OUT: out,
    ACKS: acks,
    TAG: tag,
    COUNTS: '200',
    HANG_RATE: faults ? '0.03' : '0',
    FAIL_RATE: faults ? '0.05' : '0',
  });
  const start = (faults: boolean): ChildProcess =>
    spawn(process.execPath, [REPLICA], { env: env(faults), stdio: 'ignore' });
  const replicas = [start(true), start(true)];
  let kills = 0;
  for (const end = Date.now() + CHAOS_MS; Date.now() < end; ) {
    await sleep(1_000 + Math.random() * 3_000);
    const victim = Math.floor(Math.random() * replicas.length);
    replicas[victim]?.kill('SIGKILL');
    kills++;
    replicas[victim] = start(true);
  }
  // The faults stop: replicas without them finish what is left.
  for (const r of replicas) r.kill('SIGKILL');
  const calm = [start(false), start(false)];
  await sleep(SETTLE_MS);
  for (const r of calm) r.kill('SIGTERM');
  await sleep(1_000);

  const lines = existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').filter(Boolean) : [];
  const posts = new Map<string, number[]>();
  for (const line of lines) {
    const [id = '', at = '0'] = line.split(' ');
    posts.set(id, [...(posts.get(id) ?? []), Number(at)]);
  }
  const figures = tally(
    Array.from({ length: JOBS }, (_, i) => ({
      id: `${tag}-${i}`,
      dueAt: due + Math.floor((i / JOBS) * CHAOS_MS),
    })),
    posts,
  );
  const acked = existsSync(acks) ? readFileSync(acks, 'utf8').trim().split('\n').filter(Boolean).length : 0;
  const counter = Number((await backend.atomic.readVersioned(`chaos:${tag}:counter`)).value ?? 0);
  const members = (await backend.atomic.setMembers(`chaos:${tag}:set`)).length;
  await jobs.close();
  await backend.close();
  console.log(
    `${name}: ${JOBS} jobs, ${kills} kills — ${describe(figures)}; ` +
      `counter expected ≥ ${acked} stored ${counter}; set expected ≥ ${acked} stored ${members}`,
  );
}

try {
  for (const [name, key] of [
    ['redis', 'redisUrl'],
    ['postgres', 'postgresUrl'],
  ] as const) {
    const url = urls[key];
    if (only && only !== name) continue;
    if (typeof url !== 'string') console.log(`${name}: skipped (server not installed)`);
    else if (throughAdapters) await chaosThroughAdapters(name, url);
    else await chaos(name, url);
  }
} finally {
  await stopServers();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
