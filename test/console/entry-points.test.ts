/**
 * The console from the real entry point (`node src/main.ts`): the scripting interface serves it when PORT is
 * set (and only then), and the interactive terminal prints the operator's sign-in link on 127.0.0.1 and PORT.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConsoleClient, inputValue, pageText } from '../support/console-client.ts';
import { freePort } from '../support/free-port.ts';
import { botEnv, ScriptedBot } from '../support/run-cli.ts';

type Output = { replies: Array<{ intent: string; text: string; data?: { url?: string } }> };

describe('the scripting interface (--jsonl)', () => {
  it('serves the console with PORT set: a link from a manager line, an edit the next lines see', async () => {
    const port = await freePort();
    const bot = new ScriptedBot(['--now', '2026-11-23T10:00'], botEnv({ PORT: String(port) }));
    const asked = (await bot.send({ user: 'cm', text: 'console', manager: true })) as Output;
    const link = asked.replies[0]?.data?.url ?? '';
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/console/sign-in\\?token=`));
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

    const manager = await ConsoleClient.signIn(link);
    const form = await manager.get('/console/calls/meae-nir');
    const saved = await manager.post('/console/calls/meae-nir', {
      version: inputValue(form.html, 'version') ?? '',
      'figures.closes': '2026-12-15',
      action: 'save',
    });
    expect(pageText(saved.html)).toContain('Version 1 enregistrée');
    const calls = (await bot.send({ user: 'o', text: 'appels' })) as Output;
    expect(calls.replies[0]?.text).toMatch(/meae-nir[^\n]*: ouvert/);
    expect(await bot.end()).toBe(0);
  });

  it('serves nothing without PORT, and says so to a manager asking for the console', async () => {
    const bot = new ScriptedBot([], botEnv());
    const asked = (await bot.send({ user: 'cm', text: 'console', manager: true })) as Output;
    expect(asked.replies[0]?.intent).toBe('console:unavailable');
    expect(await bot.end()).toBe(0);
  });
});

// `script` (util-linux) gives the bot a real terminal, as a person running `npm start` has.
describe.skipIf(!existsSync('/usr/bin/script'))('npm start in a terminal, with no platform token', () => {
  it('prints the operator’s sign-in link on 127.0.0.1 and PORT, which opens the console', async () => {
    // The documented default (docs/console.md); the test sets a free one so it never meets another bot.
    expect(loadConfig({}).PORT).toBe(3000);
    const home = mkdtempSync(join(tmpdir(), 'nec-console-tty-'));
    const port = await freePort();
    const entry = new URL('../../src/main.ts', import.meta.url).pathname;
    const child = spawn('/usr/bin/script', ['-qfc', `'${process.execPath}' '${entry}'`, '/dev/null'], {
      cwd: home,
      env: botEnv({ PORT: String(port) }),
    });
    let screen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
    });
    const shown = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((resolve) => {
        const check = () => {
          const found = pattern.exec(screen);
          if (found) resolve(found);
        };
        child.stdout.on('data', check);
        check();
      });
    const [, link = ''] = await shown(/Console web\u00a0: (\S+)\r?\n/);
    await shown(/Ctrl-D/);
    expect(link).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/console/sign-in\\?token=[\\w-]+&lang=fr$`),
    );
    const manager = await ConsoleClient.signIn(link);
    const homePage = await manager.get('/console/');
    expect(pageText(homePage.html)).toMatch(/Connecté·e comme \S+ \(shell\)/);
    child.stdin.write('\u0004');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(home, { recursive: true, force: true });
  });
});
