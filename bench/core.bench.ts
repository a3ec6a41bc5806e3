/**
 * Core benchmark: the whole pipeline (de-dup, rate limit, router, FAQ, dialog step, store write) for 10,000
 * messages from 1,000 simulated Slack users, on the embedded SQLite store and on Redis (when redis-server is
 * installed). Prints messages/s, p50/p99 latency, peak RSS and start-up time. Targets: p99 < 20 ms and
 * ≥ 1,000 msg/s on one core with SQLite. Each scenario runs in its own process (`--scenario`), with this
 * process's node flags: `npm run bench` gives those of `npm start`, `node bench/core.bench.ts` none.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/core/clock.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/main.ts';
import { freePort } from '../test/support/free-port.ts';
import { describeFlags } from './start-flags.ts';

const USERS = 1_000;
/** What each simulated user says, in order: a greeting, a question, then the first steps of an application. */
const SCRIPT = (user: number): string[] => [
  'bonjour',
  [
    'Quand a lieu Numérique en Commun ?',
    'How do I organise a local NEC event?',
    'Quel est le montant de l’aide au déplacement ?',
  ][user % 3] as string,
  'candidater',
  '1',
  `Association des Tilleuls ${user}`,
  '1',
  '12/06/2027',
  '2',
  '1, 3',
  'Lyon',
];
const MESSAGES = USERS * SCRIPT(0).length;
const ENTRY = join(import.meta.dirname, '..', 'src', 'main.ts');

interface ScenarioResult {
  store: string;
  messages: number;
  seconds: number;
  /** CPU time the process used: on a shared machine, messages per CPU-second is the one-core capacity. */
  cpuSeconds: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  peakRssMb: number;
  appStartMs: number;
}

/** Runs the 10,000 messages against one store, one message at a time, as one process would. */
async function runScenario(storeUrl: string, store: string): Promise<ScenarioResult> {
  const clock = new ManualClock(new Date('2026-11-23T10:00:00+01:00'));
  const appStart = performance.now();
  const app = await createApp({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    clock,
    logger: createLogger('silent'),
    storeUrl,
  });
  const appStartMs = performance.now() - appStart;
  const latencies: number[] = [];
  let errors = 0;
  const scripts = Array.from({ length: USERS }, (_, u) => SCRIPT(u));
  const began = performance.now();
  const cpuBefore = process.cpuUsage();
  // Round by round: every user sends their k-th message, then a second passes (as a crowd would type).
  for (let step = 0; step < (scripts[0]?.length ?? 0); step++) {
    for (let u = 0; u < USERS; u++) {
      const userId = `U${u}`;
      const t0 = performance.now();
      const replies = await app.bot.handle({
        ref: { platform: 'slack', workspace: 'TBENCH', roomId: `D${u}`, userId, isDirect: true },
        userId,
        text: scripts[u]?.[step] ?? '',
        eventId: `Ev${u}-${step}`,
        timestamp: clock.now(),
      });
      latencies.push(performance.now() - t0);
      if (replies.some((r) => r.intent === 'error' || r.intent === 'rate-limited')) errors++;
    }
    clock.advanceTo(new Date(clock.now().getTime() + 1_000));
  }
  const seconds = (performance.now() - began) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await app.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    store,
    messages: latencies.length,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
    errors,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    appStartMs,
  };
}

/** Time from launching `npm start -- --jsonl` to its first answer: what a restart costs. */
function measureStartup(): number {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const result = spawnSync(process.execPath, [...process.execArgv, ENTRY, '--jsonl'], {
      input: '{"user":"u1","text":"aide"}\n',
      env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    if (result.status === 0 && result.stdout.includes('"help"')) runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? Number.NaN;
}

/** Starts a throw-away redis-server on loopback, if the binary is installed. */
async function startRedis(): Promise<{ url: string; child: ChildProcess } | undefined> {
  const binary = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((b) => existsSync(b));
  if (!binary) return undefined;
  const port = await freePort();
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    const ready = spawnSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`], { stdio: 'ignore' });
    if (ready.status === 0) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  return undefined;
}

/** Runs one scenario in a fresh process and reads its JSON result. */
function scenarioInChild(storeUrl: string, store: string): ScenarioResult | string {
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, import.meta.filename, '--scenario', store, storeUrl],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as ScenarioResult;
  } catch {
    return `failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')}`;
  }
}

function row(cells: Array<string | number>): string {
  return `| ${cells.map(String).join(' | ')} |`;
}

async function main(): Promise<void> {
  const scenario = process.argv.indexOf('--scenario');
  if (scenario >= 0) {
    const [store, url] = process.argv.slice(scenario + 1);
    process.stdout.write(`${JSON.stringify(await runScenario(url as string, store as string))}\n`);
    return;
  }
  console.log(
    `core benchmark — ${MESSAGES} messages from ${USERS} users, one at a time | node ${process.version} | ${
      cpus().length
    } CPU(s): ${cpus()[0]?.model ?? 'unknown'} | node flags: ${describeFlags(process.execArgv)}`,
  );
  const results: Array<ScenarioResult | string> = [];
  const dir = mkdtempSync(join(tmpdir(), 'nec-bench-'));
  try {
    results.push(scenarioInChild(`sqlite://${join(dir, 'bench.sqlite')}`, 'sqlite (file)'));
    const redis = await startRedis();
    if (redis) {
      results.push(scenarioInChild(redis.url, 'redis (loopback)'));
      redis.child.kill();
    } else {
      results.push('redis: skipped, redis-server is not installed');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    row([
      'store',
      'messages',
      'msg/s',
      'msg per CPU-s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'errors',
      'peak RSS MB',
      'app ready ms',
    ]),
  );
  console.log(row(Array(10).fill('---')));
  for (const r of results) {
    if (typeof r === 'string') {
      console.log(`| ${r} |`);
      continue;
    }
    console.log(
      row([
        r.store,
        r.messages,
        Math.round(r.messages / r.seconds),
        Math.round(r.messages / r.cpuSeconds),
        r.p50.toFixed(2),
        r.p99.toFixed(2),
        r.max.toFixed(1),
        r.errors,
        Math.round(r.peakRssMb),
        Math.round(r.appStartMs),
      ]),
    );
  }
  console.log(
    `start-up to first reply (npm start -- --jsonl, median of 3): ${Math.round(measureStartup())} ms`,
  );
  console.log('targets (SQLite, one core): p99 < 20 ms, ≥ 1,000 msg/s');
}

main().catch((error: unknown) => {
  // A benchmark reports; it never fails the run.
  console.log(`core benchmark could not run: ${error instanceof Error ? error.message : String(error)}`);
});
