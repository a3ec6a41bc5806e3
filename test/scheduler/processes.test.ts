/** Real processes: a bot killed with SIGKILL after a delivery does not send it again; two replicas share jobs. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openJobs } from '../../src/scheduler/open-jobs.ts';
import { openStore } from '../../src/store/open-store.ts';

const CHILD = join(import.meta.dirname, 'fixtures', 'tick-child.ts');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nec-sched-'));
  dirs.push(dir);
  return dir;
}

function start(env: Record<string, string>): {
  child: ChildProcess;
  ticked: Promise<void>;
  sending: Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const printed = (word: string) => {
    const seen = new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.includes(word)) resolve();
      };
      child.stdout?.on('data', check);
      check();
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before printing ${word}`)));
    });
    // A test awaits only the words it needs: a child killed before printing the others is no failure.
    seen.catch(() => {});
    return seen;
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ticked: printed('ticked'), sending: printed('sending'), exited };
}

function delivered(out: string): string[] {
  return existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean) : [];
}

describe('scheduler across processes', () => {
  it('does not deliver again after kill -9 and a restart', async () => {
    const dir = tempDir();
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`, OUT: join(dir, 'out.txt') };
    const first = start({ ...env, NOW: '2026-11-23T10:00:00Z', SCHEDULE: 'job-once', HOLD: '1' });
    await first.ticked;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    expect(delivered(env.OUT)).toEqual(['job-once']);

    // Restarted well after the claim lease ran out: a job left claimed would be due again by then.
    const second = start({ ...env, NOW: '2026-11-23T11:00:00Z' });
    await second.ticked;
    expect(await second.exited).toBe(0);
    expect(delivered(env.OUT)).toEqual(['job-once']);
  }, 90_000);

  it('hands a killed process’s claim to the next start within seconds, marked in doubt', async () => {
    const dir = tempDir();
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`, OUT: join(dir, 'out.txt') };
    const first = start({ ...env, NOW: '2026-11-23T10:00:00Z', SCHEDULE: 'job-hung', HANG: '1', HOLD: '1' });
    await first.sending;
    first.child.kill('SIGKILL');
    await first.exited;
    // 30 s later by the jobs' clock: the claim of the dead process no longer hides the job.
    const second = start({ ...env, NOW: '2026-11-23T10:00:30Z' });
    expect(await second.exited).toBe(0);
    expect(delivered(env.OUT)).toEqual(['job-hung in-doubt']);
  }, 90_000);

  it('on SIGTERM gives a hung send a short grace, then hands its claim back at once and exits 0', async () => {
    const dir = tempDir();
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`, OUT: join(dir, 'out.txt') };
    const first = start({ ...env, NOW: '2026-11-23T10:00:00Z', SCHEDULE: 'job-term', HANG: '1', HOLD: '1' });
    await first.sending;
    const signalled = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    // Restarted 15 s later: the claim was given back (not left to run out), once the hung send had settled.
    const second = start({ ...env, NOW: '2026-11-23T10:00:15Z' });
    expect(await second.exited).toBe(0);
    expect(delivered(env.OUT)).toEqual(['job-term in-doubt']);
  }, 90_000);

  const servers: Array<[string, string | null]> = [
    ['Redis', inject('redisUrl')],
    ['PostgreSQL', inject('postgresUrl')],
  ];
  describe.each(servers)('on %s', (_name, url) => {
    it.skipIf(!url)(
      'delivers each job once with two replicas on the same server',
      async () => {
        const dir = tempDir();
        const out = join(dir, 'out.txt');
        const prefix = `replica-${Date.now()}-`;
        const due = Date.parse('2026-11-23T10:00:00Z');
        const backend = await openStore(url as string);
        const { jobs } = await openJobs(backend);
        const ids = Array.from({ length: 60 }, (_, i) => `${prefix}${i}`);
        for (const id of ids) {
          await jobs.put({
            id,
            kind: 'broadcast',
            dueAt: due,
            owner: `${prefix}owner`,
            ref: { platform: 'shell', roomId: `room-${id}`, isDirect: false },
            reply: { intent: 'broadcast', text: id },
            lang: 'en',
            timezone: 'Europe/Paris',
            attempts: 0,
          });
        }
        await jobs.close();
        await backend.close();
        const env = { STORE_URL: url as string, OUT: out, NOW: '2026-11-23T10:00:30Z' };
        const replicas = [start(env), start(env)];
        expect(await Promise.all(replicas.map((r) => r.exited))).toEqual([0, 0]);
        const mine = delivered(out).filter((id) => id.startsWith(prefix));
        expect(mine.sort()).toEqual([...ids].sort());
      },
      90_000,
    );
  });
});
