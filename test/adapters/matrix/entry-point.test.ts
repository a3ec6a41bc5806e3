/**
 * `npm start` with MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN set: the real entry point loads the Matrix
 * adapter, joins, answers over HTTP, and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
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
let dir: string | undefined;

afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('starts the Matrix adapter from the environment, answers, and exits 0 on SIGTERM', async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(ROOM, { [ALICE]: 100 });
  server.invite(ROOM, ALICE);
  dir = mkdtempSync(join(tmpdir(), 'nec-matrix-'));
  const child = spawn(process.execPath, [ENTRY], {
    env: botEnv({
      MATRIX_HOMESERVER_URL: server.url,
      MATRIX_ACCESS_TOKEN: server.accessToken,
      STORE_URL: `sqlite://${join(dir, 'store.sqlite')}`,
    }),
    stdio: 'ignore',
  });
  try {
    await server.until('the bot joins', () => server?.membership(ROOM, server.botUserId) === 'join', 30_000);
    const replies = await server.ask(ROOM, ALICE, '!nec aide');
    expect(String(replies[0]?.content.body)).toContain('Ce que vous pouvez faire');
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  }
});
