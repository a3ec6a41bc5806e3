/**
 * SIGTERM at any moment of the start (issue 14): the real entry point, spawned as Docker starts it, gets
 * SIGTERM while its modules load, while the app is built, and once it answers; each time it exits 0 (not by
 * the signal) within the 10 s a container runtime waits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FakeSlackApi } from '../support/fake-slack-api.ts';
import { freePort } from '../support/free-port.ts';
import { SIGNING_SECRET } from '../support/slack-requests.ts';

const ENTRY = new URL('../../src/main.ts', import.meta.url).pathname;

let fake: FakeSlackApi;
let dir: string;
beforeAll(async () => {
  fake = await FakeSlackApi.start();
  dir = mkdtempSync(join(tmpdir(), 'nec-starting-'));
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Spawns the bot, sends SIGTERM `afterMs` later (with `once`, only once its /healthz answered); resolves with
 * how it ended and how long after the signal.
 */
async function terminatedAfter(afterMs: number, once: 'up' | 'any' = 'any') {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      STORE_URL: `sqlite://${join(dir, `bot-${afterMs}.sqlite`)}`,
      EXPORTS_DIR: join(dir, 'exports'),
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-starting',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  await sleep(afterMs);
  const healthz = `http://127.0.0.1:${port}/healthz`;
  const probe = () =>
    fetch(healthz, { signal: AbortSignal.timeout(1_000) }).then(
      (r) => r.ok,
      () => false,
    );
  const up = once === 'up' && (await probe());
  const signalled = Date.now();
  child.kill('SIGTERM');
  const { code, signal } = await ended;
  return { code, signal, tookMs: Date.now() - signalled, up, stderr };
}

// From the modules' loading (the first 300 ms or so) to the app being built and the adapter starting.
it.each([200, 400, 600, 800, 1_000, 1_300, 1_700, 2_500])(
  'exits 0 within 10 s when SIGTERM comes %i ms after the start',
  async (afterMs) => {
    const ended = await terminatedAfter(afterMs);
    expect(ended.stderr).toBe('');
    expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 0, signal: null });
    expect(ended.tookMs).toBeLessThan(10_000);
  },
  30_000,
);

it('exits 0 within 10 s when SIGTERM comes once it answers', async () => {
  const ended = await terminatedAfter(5_000, 'up');
  expect(ended.up).toBe(true);
  expect({ code: ended.code, signal: ended.signal }).toEqual({ code: 0, signal: null });
  expect(ended.tookMs).toBeLessThan(10_000);
}, 30_000);
