/** Store URLs and other credentials never reach a log or error line, in any of the forms a URL carries them. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from '../../src/logger.ts';
import { botEnv, runBot } from '../support/run-cli.ts';

const SECRET = 's3cret-Pw';

describe('redactSecrets', () => {
  it.each([
    [`redis://:${SECRET}@cache.internal:6379/0`, 'redis://:***@cache.internal:6379/0'],
    [`rediss://default:${SECRET}@cache:6380`, 'rediss://default:***@cache:6380'],
    [`postgres://nec:${SECRET}@db/nec`, 'postgres://nec:***@db/nec'],
    [`postgresql://${SECRET}@db/nec`, 'postgresql://***@db/nec'],
    // An `@` inside the password: the credentials end at the last one, as URL parsers read it.
    [`redis://:${SECRET}@x@cache:6379`, 'redis://:***@cache:6379'],
    [`postgres://nec:@${SECRET}@db/nec see a@b.fr`, 'postgres://nec:***@db/nec see a@b.fr'],
    [
      `postgres://db/nec?user=nec&password=${SECRET}&sslmode=require`,
      'postgres://db/nec?user=nec&password=***&sslmode=require',
    ],
    [
      `https://hs.example.org/_matrix?access_token=${SECRET}`,
      'https://hs.example.org/_matrix?access_token=***',
    ],
    [
      `failed: connect to redis://u:${SECRET}@h:1 (ECONNREFUSED)`,
      'failed: connect to redis://u:***@h:1 (ECONNREFUSED)',
    ],
  ])('%s', (text, redacted) => {
    expect(redactSecrets(text)).toBe(redacted);
  });

  it('leaves text without credentials alone', () => {
    const text = 'see https://numerique-en-communs.fr/appel, https://medium.com/@nec and mail a@b.fr';
    expect(redactSecrets(text)).toBe(text);
  });
});

it('keeps credentials out of every logged string: message, error and stack', async () => {
  const stream = new PassThrough();
  let out = '';
  stream.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const logger = createLogger('info', stream);
  const url = `redis://:${SECRET}@cache:6379`;
  logger.error({ err: new Error(`cannot connect to ${url}`), where: url }, `store ${url} down`);
  logger.warn(`plain ${url}`);
  await new Promise((resolve) => setImmediate(resolve));
  expect(out).toContain('redis://:***@cache:6379');
  expect(out).not.toContain(SECRET);
});

it.each([
  [`redis://:${SECRET}@127.0.0.1:1`, /cannot reach the redis store/],
  [`redis://:${SECRET}@x@127.0.0.1:1`, /cannot reach the redis store/],
  [`postgres://nec:${SECRET}@127.0.0.1:1/nec`, /cannot reach the postgres store/],
  [`postgres://127.0.0.1:1/nec?password=${SECRET}`, /cannot reach the postgres store/],
  // A password holding a `/` or `#` not percent-encoded: no URL parser finds a password there.
  [`postgres://nec:${SECRET}/x@127.0.0.1:1/nec`, /STORE_URL is not a valid postgres URL.*percent-encoded/],
  [`redis://:${SECRET}#x@127.0.0.1:1`, /STORE_URL is not a valid redis URL/],
])(
  'a start-up that cannot reach %s says so without the password',
  async (url, says) => {
    const { code, stderr } = await runBot(['--jsonl'], '', botEnv({ STORE_URL: url }));
    expect(code).toBe(1);
    expect(stderr).toMatch(says);
    expect(stderr).not.toContain(SECRET);
  },
  30_000,
);

it('a crash while the bot runs is printed without the password', async () => {
  // An error thrown once the bot runs (after its first answer), its message carrying a store URL as a client
  // library's might; the password is put together at run time, so the stack's source line does not show it.
  const dir = mkdtempSync(join(tmpdir(), 'nec-crash-'));
  const preload = join(dir, 'crash.mjs');
  const [head, tail] = [SECRET.slice(0, 3), SECRET.slice(3)];
  writeFileSync(
    preload,
    [
      'const write = process.stdout.write.bind(process.stdout);',
      'process.stdout.write = (...args) => {',
      `  setImmediate(() => { throw new Error('lost redis://:' + '${head}' + '${tail}' + '@cache:6379'); });`,
      '  return write(...args);',
      '};',
    ].join('\n'),
  );
  try {
    const { code, stderr } = await runBot(
      ['--jsonl'],
      '{"user":"u","text":"help"}\n',
      botEnv({ NODE_OPTIONS: `--import=${preload}` }),
    );
    expect(code).toBe(1);
    expect(stderr).toContain('lost redis://:***@cache:6379');
    expect(stderr).not.toContain(SECRET);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
