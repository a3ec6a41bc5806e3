/**
 * The scripting interface killed with SIGKILL while it delivers: every delivery its store marked done was
 * written out first, so the restarted process sends the rest and none is lost.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { botEnv } from '../support/run-cli.ts';

const ENTRY = new URL('../../src/main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'nec-jsonl-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bot on `input`; with `killAfterLines`, kills it with SIGKILL a moment after that many lines. */
function run(input: string, killAfterLines?: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENTRY, '--jsonl', '--now', '2026-11-23T10:00:00+01:00'], {
      env: botEnv({ STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}` }),
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (killAfterLines !== undefined && out.split('\n').length > killAfterLines)
        setTimeout(() => child.kill('SIGKILL'), 30);
    });
    child.on('close', () => resolve(out));
    child.stdin.end(input);
  });
}

/** The reminders delivered in an output, complete lines or not: their task, and whether said in doubt. */
function delivered(out: string): Array<{ task: string; inDoubt: boolean }> {
  return [...out.matchAll(/\{"to":[^{}]*"text":"⏰ Reminder: (task \d+)"[^{}]*\}/g)].map((m) => ({
    task: m[1] as string,
    inDoubt: m[0].includes('"in_doubt":true'),
  }));
}

it('loses no delivery to a kill -9 in the middle of an advance_to', async () => {
  const people = Array.from({ length: 200 }, (_, i) => i);
  const schedule = people
    .map((i) => JSON.stringify({ user: `u${i}`, text: `remind me to task ${i} tomorrow at 9:00` }))
    .join('\n');
  const advance = JSON.stringify({ advance_to: '2026-11-24T12:00' });
  // Killed while the advance_to delivers (the 200 reminders are set, their answers written).
  const first = await run(`${schedule}\n${advance}\n`, people.length);
  const second = await run(`${advance}\n`);
  const before = delivered(first).map((d) => d.task);
  const after = delivered(second);
  expect(new Set([...before, ...after.map((d) => d.task)])).toEqual(new Set(people.map((i) => `task ${i}`)));
  // Only what was on its way at the instant of the kill (written, not yet marked done) comes twice — and
  // then it says it is in doubt, with its job id, for a script to drop.
  const twice = after.filter((d) => before.includes(d.task));
  expect(twice.length).toBeLessThanOrEqual(2);
  expect(twice.every((d) => d.inDoubt)).toBe(true);
}, 90_000);
