/**
 * The real bot process (`node src/main.ts`: the real Bolt app over signed HTTP) against the tests' fake Slack
 * Web API, for tests that kill it with SIGKILL and start it again on the same store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { FakeSlackApi, type RecordedCall } from './fake-slack-api.ts';
import { freePort } from './free-port.ts';
import { eventBody, SIGNING_SECRET } from './slack-requests.ts';

const ENTRY = new URL('../../src/main.ts', import.meta.url).pathname;

export interface SpawnedBot {
  child: ChildProcess;
  /** Its HTTP receiver (Slack events, /healthz). */
  url: string;
  /** The exit code, null when killed by a signal. */
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  fake: FakeSlackApi;
  storeUrl: string;
  exportsDir: string;
  /** A module the process loads before the bot (`node --import`): a test fixture. */
  preload?: string;
  env?: Record<string, string>;
}

const spawned: ChildProcess[] = [];

/**
 * The hooks of a test file spawning bots: one fake Web API for the file, reset for each test with a fresh
 * folder (`dir`, named from `prefix`) for its store and exports, and no process left running after a test.
 */
export function withSpawnedBots(prefix: string): { readonly fake: FakeSlackApi; readonly dir: string } {
  const context = {} as { fake: FakeSlackApi; dir: string };
  beforeAll(async () => {
    context.fake = await FakeSlackApi.start();
  });
  afterAll(() => context.fake.close());
  beforeEach(() => {
    context.dir = mkdtempSync(join(tmpdir(), prefix));
    context.fake.reset();
  });
  afterEach(() => {
    for (const child of spawned.splice(0)) child.kill('SIGKILL');
    rmSync(context.dir, { recursive: true, force: true });
  });
  return context;
}

/** A bot process on `storeUrl`, resolved once its HTTP receiver answers. */
export async function startSlackBot(options: SpawnOptions): Promise<SpawnedBot> {
  const port = await freePort();
  const preload = options.preload ? ['--import', options.preload] : [];
  const child = spawn(process.execPath, [...preload, ENTRY], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LOG_LEVEL: 'warn',
      BOT_LANG: 'en',
      STORE_URL: options.storeUrl,
      EXPORTS_DIR: options.exportsDir,
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-spawned',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: options.fake.apiUrl,
      ...options.env,
    },
  });
  spawned.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200);
  return { child, url, exited };
}

export async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await done())) await sleep(100);
}

/** A person's direct message to the bot, as Slack sends it. */
export function directMessage(user: string, text: string, eventId: string): string {
  return eventBody(
    { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts: '1800000000.000100' },
    eventId,
  );
}

/** The posts the fake API accepted in a channel. */
export function postsTo(fake: FakeSlackApi, channel: string): RecordedCall[] {
  return fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel && c.status === 200);
}

/** SIGKILL: the process dies where it stands. */
export async function killed(bot: SpawnedBot): Promise<void> {
  bot.child.kill('SIGKILL');
  expect(await bot.exited).toBeNull();
}

/** SIGTERM: the process finishes what it has in hand, so the posts counted after are all there will be. */
export async function stopped(bot: SpawnedBot): Promise<void> {
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
}
