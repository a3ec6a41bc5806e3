/**
 * The Matrix entry point killed with SIGKILL and started again at once (issue 14: the new process waited about
 * 60 s for the dead one's sync lease): it syncs again within the lease's 15 s and a few seconds more, answers
 * what was written while it was down once, and does not answer again what was answered before the kill.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FakeHomeserver } from '../../support/fake-homeserver.ts';
import { botEnv } from '../../support/run-cli.ts';

const ENTRY = new URL('../../../src/main.ts', import.meta.url).pathname;
const ROOM = '!community:test.local';
const ALICE = '@alice:test.local';

let server: FakeHomeserver | undefined;
const dir = mkdtempSync(join(tmpdir(), 'nec-matrix-kill-'));
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('syncs again within seconds of a kill -9 and a restart, answering what came meanwhile once', async () => {
  const homeserver = await new FakeHomeserver().start();
  server = homeserver;
  homeserver.createRoom(ROOM, { [ALICE]: 100 });
  homeserver.invite(ROOM, ALICE);
  const start = () => {
    const child = spawn(process.execPath, [ENTRY], {
      env: botEnv({
        MATRIX_HOMESERVER_URL: homeserver.url,
        MATRIX_ACCESS_TOKEN: homeserver.accessToken,
        STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
      }),
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  };

  const first = start();
  await homeserver.until(
    'the bot joins',
    () => homeserver.membership(ROOM, homeserver.botUserId) === 'join',
    30_000,
  );
  // A room of two is the person's DM: answers come without a thread, one message each.
  expect(await homeserver.ask(ROOM, ALICE, '!nec help')).toHaveLength(1);
  const answeredBefore = homeserver.sent.length;
  const killed = once(first, 'exit');
  first.kill('SIGKILL');
  await killed;

  const restarted = Date.now();
  const second = start();
  homeserver.say(ROOM, ALICE, '!nec aide');
  await homeserver.until(
    'the answer after the restart',
    () => homeserver.sent.length > answeredBefore,
    45_000,
  );
  // The dead process's lease lasts 15 s from its last renewal; then the next sync, start-up and the turn.
  expect(Date.now() - restarted).toBeLessThan(25_000);
  // Neither answered again: the first was before the stored sync token, the second is answered once.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(homeserver.sent).toHaveLength(answeredBefore + 1);

  const exited = once(second, 'exit');
  second.kill('SIGTERM');
  expect((await exited)[0]).toBe(0);
}, 90_000);
