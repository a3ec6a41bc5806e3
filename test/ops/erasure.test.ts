/**
 * "Forget me" erases, down to the bytes: the real entry point on a SQLite file, a person who set a
 * reminder, asked a question the FAQ could not answer, filled free text in an application and exported
 * their data; after the erasure — while the process still runs, and after it exits — neither the database
 * nor its write-ahead log holds their id or anything they typed, and their exported files are gone.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { storeFileBytes } from '../support/raw-store.ts';
import { botEnv, ScriptedBot } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nec-erasure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSON = 'zoe-4711';
const TYPED = 'Zorglubette';

const storeBytes = () => storeFileBytes(dir);

it('leaves neither the person’s id nor their words in the store files, nor their exports on disk', async () => {
  const exportsDir = join(dir, 'exports');
  const bot = new ScriptedBot(
    ['--now', '2026-11-23T10:00:00+01:00'],
    botEnv({ STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`, EXPORTS_DIR: exportsDir }),
  );
  const say = (text: string) => bot.send({ user: PERSON, text });
  await say(`remind me to call ${TYPED} tomorrow at 9:00`);
  await say(`who is ${TYPED} kraken of the seas?`);
  await say('candidater local-nec');
  await say(`${TYPED} association`);
  const exported = await say('my data');
  const files = (exported.replies as Array<{ files?: string[] }>).flatMap((r) => r.files ?? []);
  expect(files.length).toBeGreaterThan(0);
  expect(files.every((f) => existsSync(f))).toBe(true);
  // Someone else's question and data stay.
  await bot.send({ user: 'bob', text: 'help' });
  expect(storeBytes()).toContain(TYPED);

  await say('forget me');
  const done = await say('yes');
  expect((done.replies as Array<{ intent: string }>)[0]?.intent).toBe('privacy:forgotten');
  expect(files.some((f) => existsSync(f))).toBe(false);
  for (const bytes of [storeBytes()]) {
    expect(bytes).not.toContain(PERSON);
    expect(bytes).not.toContain(TYPED);
    expect(bytes.toLowerCase()).not.toContain(TYPED.toLowerCase());
  }
  expect(await bot.end()).toBe(0);
  const after = storeBytes();
  expect(after).not.toContain(PERSON);
  expect(after.toLowerCase()).not.toContain(TYPED.toLowerCase());
  expect(after).toContain('bob');
}, 60_000);
