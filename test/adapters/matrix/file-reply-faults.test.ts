/**
 * Real processes (`node src/main.ts`, the real MatrixClient against the fake homeserver) on SQLite, Redis and
 * PostgreSQL: `my data`'s answer is a notice and then its file. The chaos run lost that file (issue 14) when
 * the notice's send reached the homeserver and its connection dropped: the answer was given up and its entry
 * dropped, the file never sent. It must reach the person once whatever happens to the notice's send — its
 * answer lost, or the process killed with SIGKILL while the file is on its way (then the next start sends it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { FakeHomeserver } from '../../support/fake-homeserver.ts';
import { isolatedStoreUrl } from '../../support/isolated-store.ts';
import {
  killSpawnedMatrixBots,
  type SpawnedMatrixBot,
  spawnMatrixBot,
} from '../../support/spawned-matrix-bot.ts';

const DM = '!camille-dm:test.local';
const CAMILLE = '@camille:test.local';

const stores = [
  ['SQLite', 'sqlite'],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

let server: FakeHomeserver;
let dir: string;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(DM, { [CAMILLE]: 100 });
  server.invite(DM, CAMILLE, true);
  dir = mkdtempSync(join(tmpdir(), 'nec-matrix-file-'));
});
afterEach(async () => {
  killSpawnedMatrixBots();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function storeUrlOf(store: string): Promise<string> {
  return store === 'sqlite'
    ? `sqlite://${join(dir, 'store.sqlite')}`
    : isolatedStoreUrl(store, 'matrix-file');
}

/** What the bot sent in the DM for the message `eventId`: its notices and its file messages. */
function answerTo(eventId: string) {
  const sent = server.sent.filter((e) => e.room_id === DM && e.txnId.startsWith(`${eventId}.`));
  return {
    notices: sent.filter((e) => e.content.msgtype === 'm.notice'),
    files: sent.filter((e) => e.content.msgtype === 'm.file'),
  };
}

async function joined(): Promise<void> {
  await server.until('the bot joins', () => server.membership(DM, server.botUserId) === 'join', 30_000);
}

/** Waits for the file of the answer to `asked`, stops `bot` (exit 0), then: one notice, one file. */
async function shownOnce(asked: string, bot: SpawnedMatrixBot, timeoutMs: number): Promise<void> {
  await server.until('the file sent', () => answerTo(asked).files.length > 0, timeoutMs);
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  const { notices, files } = answerTo(asked);
  expect(notices).toHaveLength(1);
  expect(files).toHaveLength(1);
}

describe.each(stores)('my data’s file on Matrix, %s', (_name, store) => {
  it.skipIf(!store)(
    'reaches the person once when the notice before it was stored but its answer lost',
    async () => {
      const bot = spawnMatrixBot(server, await storeUrlOf(store as string), dir);
      await joined();
      server.resetAfterNextSends(1);
      const asked = server.say(DM, CAMILLE, 'my data');
      await shownOnce(asked, bot, 30_000);
    },
    60_000,
  );

  it.skipIf(!store)(
    'is sent once by the next start when the process is killed while sending it',
    async () => {
      const storeUrl = await storeUrlOf(store as string);
      const first = spawnMatrixBot(server, storeUrl, dir);
      await joined();
      // The notice goes through; the file's send hangs without reaching the homeserver: then the kill.
      server.holdSendsAfter(1, 1, false);
      const asked = server.say(DM, CAMILLE, 'my data');
      await server.until('the file’s send', () => server.sendRequests.includes(`${asked}.0.file0`), 30_000);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      expect(answerTo(asked).files).toHaveLength(0);

      const second = spawnMatrixBot(server, storeUrl, dir);
      await shownOnce(asked, second, 60_000);
    },
    120_000,
  );
});
