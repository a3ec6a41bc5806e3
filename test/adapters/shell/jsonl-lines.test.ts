/** The scripting interface's lines: `\n` only ends a line, and an over-long line is refused without being kept. */
import { existsSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { inputLines } from '../../../adapters/shell/jsonl-lines.ts';
import { runJsonl } from '../../support/jsonl.ts';
import { botEnv, ScriptedBot } from '../../support/run-cli.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

async function collect(input: Readable, maxBytes?: number) {
  const lines = [];
  for await (const line of inputLines(input, maxBytes)) lines.push(line);
  return lines;
}

describe('input lines', () => {
  it('keeps U+2028 and U+2029 inside a line, and drops the \\r of \\r\\n', async () => {
    const text = '{"user":"u","text":"a\u2028b\u2029c"}\r\n{"user":"u","text":"d"}\n';
    expect(await collect(Readable.from([Buffer.from(text)]))).toEqual([
      { text: '{"user":"u","text":"a\u2028b\u2029c"}' },
      { text: '{"user":"u","text":"d"}' },
    ]);
  });

  it('joins a line and a multi-byte character cut across chunks', async () => {
    const bytes = Buffer.from('{"text":"été"}\n');
    const chunks = [bytes.subarray(0, 11), bytes.subarray(11)];
    expect(await collect(Readable.from(chunks))).toEqual([{ text: '{"text":"été"}' }]);
  });

  it('reports an over-long line by its size, without keeping it, and reads on', async () => {
    const big = Buffer.alloc(5000, 'x');
    const chunks = [big.subarray(0, 2500), big.subarray(2500), Buffer.from('\nok\n')];
    expect(await collect(Readable.from(chunks), 1000)).toEqual([{ tooLong: 5000 }, { text: 'ok' }]);
  });
});

describe('the adapter', () => {
  let app: TestApp;
  afterEach(() => app.close());

  it('answers an over-long line with an error line, and the next one as usual', async () => {
    app = await createTestApp();
    const huge = `{"user":"u","text":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const lines = await runJsonl(app, `${huge}\n{"user":"u","text":"a\u2028b"}\n`);
    expect(lines).toHaveLength(2);
    const [refused, answered] = lines;
    expect(refused?.error).toMatch(/^line too long \(2097\d+ bytes; at most 1048576\): skipped$/);
    expect(answered?.replies ?? []).not.toHaveLength(0);
  });
});

/** The process's peak resident memory so far (Linux), in MB. */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

// Issue 14: a 100 MB line took 909 MB of memory.
const LINE_MB = 200;
it.skipIf(!existsSync('/proc/self/status'))(
  'reads a 200 MB line through the real entry point without holding it: its peak memory grows by less than half of it',
  async () => {
    const bot = new ScriptedBot([], botEnv());
    const pid = bot.child.pid as number;
    expect((await bot.send({ user: 'u', text: 'help' })).replies).toBeDefined();
    const before = peakRssMb(pid);
    const stdin = bot.child.stdin;
    const chunk = 'x'.repeat(1024 * 1024);
    stdin.write('{"user":"u","text":"');
    for (let i = 0; i < LINE_MB; i++)
      if (!stdin.write(chunk)) await new Promise((r) => stdin.once('drain', r));
    stdin.write('"}\n');
    const refused = await bot.read();
    expect(String(refused.error)).toMatch(/^line too long \(\d+ bytes; at most 1048576\): skipped$/);
    const after = peakRssMb(pid);
    expect((await bot.send({ user: 'u', text: 'help' })).replies).toBeDefined();
    expect(await bot.end()).toBe(0);
    // Measured: +55 MB for 100 MB, +65 MB for 300 MB (the read chunks V8 collects as they pile up).
    expect(after - before).toBeLessThan(LINE_MB / 2);
  },
  60_000,
);
