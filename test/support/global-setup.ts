/**
 * Starts real Redis and PostgreSQL servers on 127.0.0.1 for the whole test run, from the Debian packages
 * (`.ci/run` installs them), and finds Debian's Chromium for the browser tests. Where a binary is absent,
 * its tests are skipped with the reason printed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string | null;
    postgresUrl: string | null;
    serverSkipReasons: string[];
    /** Debian's Chromium, for the console's browser tests; null when it is not installed. */
    chromiumPath: string | null;
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not start within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function findBinary(candidates: string[]): string | undefined {
  return candidates.find((c) => existsSync(c));
}

function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'postgres')));
}

function tryConnect(port: number): boolean {
  try {
    execFileSync('bash', ['-c', `exec 3<>/dev/tcp/127.0.0.1/${port}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const children: ChildProcess[] = [];
  const cleanups: Array<() => void> = [];
  const skipReasons: string[] = [];

  const redis = findBinary(['/usr/bin/redis-server', '/usr/local/bin/redis-server']);
  let redisUrl: string | null = null;
  if (redis) {
    const port = await freePort();
    const child = spawn(
      redis,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    children.push(child);
    await waitFor(() => tryConnect(port), 'redis-server');
    redisUrl = `redis://127.0.0.1:${port}`;
  } else {
    skipReasons.push('Redis tests skipped: redis-server is not installed (apt-get install -y redis-server)');
  }

  const pgBin = postgresBinDir();
  let postgresUrl: string | null = null;
  if (pgBin) {
    const dataDir = mkdtempSync(join(tmpdir(), 'nec-pg-'));
    chmodSync(dataDir, 0o777);
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    // PostgreSQL refuses to run as root: run it as the postgres user when we are root.
    const asPostgres = (cmd: string, args: string[]) =>
      process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const data = join(dataDir, 'data');
    const [initCmd, initArgs] = asPostgres(join(pgBin, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
    ]);
    execFileSync(initCmd as string, initArgs as string[], { stdio: 'ignore' });
    const port = await freePort();
    const [pgCmd, pgArgs] = asPostgres(join(pgBin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dataDir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ]);
    const child = spawn(pgCmd as string, pgArgs as string[], { stdio: 'ignore' });
    children.push(child);
    await waitFor(() => tryConnect(port), 'postgres');
    // The server accepts connections a moment before it accepts queries.
    await new Promise((r) => setTimeout(r, 500));
    postgresUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  } else {
    skipReasons.push(
      'PostgreSQL tests skipped: no server under /usr/lib/postgresql (apt-get install -y postgresql)',
    );
  }

  const chromium = findBinary(['/usr/bin/chromium', '/usr/bin/chromium-browser']) ?? null;
  if (!chromium)
    skipReasons.push('Browser tests skipped: chromium is not installed (apt-get install -y chromium)');

  for (const reason of skipReasons) console.warn(reason);
  project.provide('chromiumPath', chromium);
  project.provide('redisUrl', redisUrl);
  project.provide('postgresUrl', postgresUrl);
  project.provide('serverSkipReasons', skipReasons);

  return async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    );
    for (const cleanup of cleanups) cleanup();
  };
}
