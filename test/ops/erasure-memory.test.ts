/**
 * "Forget me" leaves nothing of the person in the running process either: the real entry point (scripting
 * interface, SQLite file), a person who set a reminder, asked what the FAQ cannot answer, began an application
 * and exported their data, then was forgotten; a heap snapshot of the process taken after that (Node's
 * `--heapsnapshot-signal`, which collects garbage first) holds neither their id nor a word they typed. The
 * in-process caches kept both: a digest keyed by the id, the last sentences read for a date.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, it } from 'vitest';
import { botEnv, ScriptedBot } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nec-erasure-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSON = 'zoe-4711';
const TYPED = 'Zorglubette';

/** The strings of the heap snapshot the process writes, once it is whole (it is written while we look). */
async function snapshotStrings(): Promise<string[]> {
  for (;;) {
    const name = readdirSync(dir).find((n) => n.endsWith('.heapsnapshot'));
    if (name) {
      try {
        return (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { strings: string[] }).strings;
      } catch {
        // Not whole yet.
      }
    }
    await sleep(200);
  }
}

it('keeps neither the person’s id nor their words in memory after forget me', async () => {
  const bot = new ScriptedBot(
    ['--now', '2026-11-23T10:00:00+01:00'],
    botEnv({
      STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}`,
      EXPORTS_DIR: join(dir, 'exports'),
      NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`,
    }),
  );
  const say = (text: string) => bot.send({ user: PERSON, text });
  await say(`remind me to call ${TYPED} tomorrow at 9:00`);
  await say(`who is ${TYPED} kraken of the seas?`);
  await say('candidater local-nec');
  await say(`${TYPED} association`);
  await say('my data');
  await say('forget me');
  await say('yes');
  // Someone else's turn after: what the erasure left in the caches would still be there.
  await bot.send({ user: 'bob', text: 'remind me to water the plants tomorrow at 9:00' });
  bot.child.kill('SIGUSR2');
  const strings = await snapshotStrings();
  expect(strings.some((s) => s.includes('water the plants'))).toBe(true);
  expect(strings.filter((s) => s.includes(PERSON) || s.toLowerCase().includes(TYPED.toLowerCase()))).toEqual(
    [],
  );
  expect(await bot.end()).toBe(0);
}, 120_000);
