import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';
import { botEnv, runBot, ScriptedBot } from '../support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'nec-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start -- --jsonl (the scripting interface)', () => {
  it('answers one input line with exactly one JSON line whose reply has intent help', async () => {
    const { code, stdout } = await runBot(['--jsonl'], '{"user":"u","text":"help"}\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const output = JSON.parse(lines[0] as string);
    expect(output.replies[0].intent).toBe('help');
    expect(output.deliveries).toEqual([]);
  });

  it('writes the exports of a scripted run to a temporary folder when no STORE_URL is set, and says where', async () => {
    const { code, stdout, stderr } = await runBot(
      ['--jsonl'],
      '{"user":"u","text":"mes données"}\n',
      botEnv({ LOG_LEVEL: 'info' }),
    );
    expect(code).toBe(0);
    const files: string[] = JSON.parse(stdout.trim()).replies.flatMap(
      (r: { files?: string[] }) => r.files ?? [],
    );
    expect(files).toHaveLength(1);
    const folder = files[0]?.slice(0, files[0].indexOf('/u/')) ?? '';
    expect(folder.startsWith(join(tmpdir(), 'nec-bot-exports-'))).toBe(true);
    expect(existsSync(files[0] as string)).toBe(true);
    expect(stderr).toContain(folder);
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers bad lines with an error line and goes on', async () => {
    const input = [
      'not json',
      '{"text":"no user"}',
      '{"advance_to":"2027-01-01"}',
      '{"user":"u","text":"aide"}',
    ];
    const { code, stdout } = await runBot(['--jsonl'], `${input.join('\n')}\n`);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].error).toMatch(/JSON/);
    expect(lines[1].error).toMatch(/user/);
    expect(lines[2].error).toMatch(/--now/);
    expect(lines[3].replies[0].intent).toBe('help');
  });

  it('refuses to move a manual clock backwards', async () => {
    const input = '{"advance_to":"2026-12-01T09:00"}\n{"advance_to":"2026-11-01T09:00"}\n';
    const { stdout } = await runBot(['--jsonl', '--now', '2026-11-23T10:00'], input);
    const [forward, backward] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(forward).toEqual({ replies: [], deliveries: [] });
    expect(backward.error).toMatch(/backwards/);
  });
});

describe('start-up', () => {
  it('stops with one line naming a wrong variable', async () => {
    const { code, stderr } = await runBot(['--jsonl'], '', botEnv({ BOT_TIMEZONE: 'Mars/Olympus' }));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('BOT_TIMEZONE');
  });

  const entry = new URL('../../src/main.ts', import.meta.url).pathname;

  it('with no token and no input (a container, a service: /dev/null), says what to set or do instead of idling', () => {
    const result = spawnSync(process.execPath, [entry], {
      env: botEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('SLACK_BOT_TOKEN');
    expect(result.stderr).toContain('MATRIX_ACCESS_TOKEN');
    expect(result.stderr).toContain("printf 'bonjour\\n' | npm start");
  });

  it('with no token and lines piped in, chats them: each line, then its replies, and nothing else', async () => {
    const home = mkdtempSync(join(tmpdir(), 'nec-piped-'));
    const result = spawnSync(process.execPath, [entry], {
      cwd: home,
      env: botEnv({ PORT: String(await freePort()) }),
      input: 'bonjour\nhelp\n',
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('> bonjour');
    expect(lines[1]).toMatch(/^Bonjour\u202f! Je suis nec-bot/);
    expect(lines.indexOf('> help')).toBeGreaterThan(1);
    expect(result.stdout).toContain('Ce que vous pouvez faire');
    // No banner, prompt, console link or log path among the replies.
    expect(result.stdout).not.toMatch(/Ctrl-D|^> $|Console web|Journal/m);
    rmSync(home, { recursive: true, force: true });
  });

  it('reads a .env file in the working directory (but not for scripted runs)', () => {
    const service = mkdtempSync(join(tmpdir(), 'nec-env-'));
    writeFileSync(join(service, '.env'), 'BOT_TIMEZONE=Mars/Olympus\n');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [entry, ...args], {
        cwd: service,
        env: botEnv(),
        input: '',
        encoding: 'utf8',
      });
    expect(run([]).stderr).toContain('BOT_TIMEZONE');
    expect(run(['--jsonl']).status).toBe(0);
    rmSync(service, { recursive: true, force: true });
  });

  const oldNode = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' });
  const oldMajor = Number(oldNode.stdout?.match(/^v(\d+)/)?.[1] ?? 99);
  it.skipIf(oldMajor >= 22)('on an older Node, stops at once with one line saying what to install', () => {
    const result = spawnSync('/usr/bin/node', ['scripts/require-node.mjs'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Node.js >= 22.13');
  });
});

describe('a crash loses nothing', () => {
  it('keeps each user’s language and active dialog across kill -9 and a restart', async () => {
    const env = botEnv({ STORE_URL: `sqlite://${join(dir, 'crash.sqlite')}` });
    const first = new ScriptedBot([], env);
    await first.send({ user: 'ana', text: 'langue fr' });
    await first.send({ user: 'bob', text: 'language en' });
    await first.send({ user: 'bob', text: 'apply local-nec' });
    await first.send({ user: 'bob', text: 'Open Lab Co' });
    await first.crash();

    const second = new ScriptedBot([], env);
    const ana = (await second.send({ user: 'ana', text: 'help' })) as { replies: Array<{ text: string }> };
    const bob = (await second.send({ user: 'bob', text: 'aide' })) as { replies: Array<{ text: string }> };
    expect(ana.replies[0]?.text).toContain('Ce que vous pouvez faire');
    // Bob's help is the English help of the step his dialog was on (the legal entity).
    expect(bob.replies[0]?.text).toContain('type of organiser');
    // The dialog resumes at the step it was on: the legal entity, step 2.
    const next = (await second.send({ user: 'bob', text: 'association' })) as {
      replies: Array<{ intent: string }>;
    };
    expect(next.replies.map((r) => r.intent)).toContain('dialog:local-nec:event_date');
    expect(await second.end()).toBe(0);
  });
});

describe('SIGHUP', () => {
  it('re-reads the call files, like a manager’s reload', async () => {
    const calls = join(dir, 'calls');
    cpSync(new URL('../../rules/calls', import.meta.url).pathname, calls, { recursive: true });
    const bot = new ScriptedBot([], botEnv({ CALLS_DIR: calls, BOT_LANG: 'en' }));
    const rulesText = async () =>
      ((await bot.send({ user: 'm', text: 'eligibility local-nec' })) as { replies: Array<{ text: string }> })
        .replies[0]?.text ?? '';
    expect(await rulesText()).toContain('150');

    const file = join(calls, 'local-nec.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('min_attendance: 150', 'min_attendance: 120'));
    bot.child.kill('SIGHUP');
    // The reload runs beside the chat: ask until it shows, a bounded number of times.
    let text = '';
    for (let attempt = 0; attempt < 50 && !text.includes('120'); attempt++) {
      await new Promise((r) => setTimeout(r, 100));
      text = await rulesText();
    }
    expect(text).toContain('120');
    expect(text).not.toContain('150 ');
    expect(await bot.end()).toBe(0);
  });
});

// `script` (util-linux) gives the bot a real terminal, as a person running `npm start` has.
describe.skipIf(!existsSync('/usr/bin/script'))('npm start in a terminal', () => {
  it('keeps the logs off the chat: they go to ./data/nec-bot.log, named once under the banner', async () => {
    const home = mkdtempSync(join(tmpdir(), 'nec-tty-'));
    const entry = new URL('../../src/main.ts', import.meta.url).pathname;
    const child = spawn('/usr/bin/script', ['-qfc', `'${process.execPath}' '${entry}'`, '/dev/null'], {
      cwd: home,
      env: botEnv({ LOG_LEVEL: 'info', PORT: String(await freePort()) }),
    });
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
    });
    const shown = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => screen.includes(text) && resolve();
        child.stdout.on('data', check);
        check();
      });
    await shown('Ctrl-D');
    child.stdin.write('bonjour\r');
    await shown('Mes rappels');
    child.stdin.write('\u0004');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(screen).toContain('Journal\u00a0: ./data/nec-bot.log');
    expect(screen).not.toContain('"level"');
    expect(readFileSync(join(home, 'data', 'nec-bot.log'), 'utf8')).toContain('nec-bot started');
    rmSync(home, { recursive: true, force: true });
  });
});
