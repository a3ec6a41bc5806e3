/**
 * Real processes (`node src/main.ts`, the real MatrixClient against the fake homeserver): a bot killed with
 * SIGKILL between two replies of a turn, then started again, answers that message once — each reply shown
 * once, the first one sent again under the same transaction id, which the homeserver recognises — and takes
 * the sync over within seconds of its predecessor's death (its sync lease is short), not a minute later.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHomeserver } from '../../support/fake-homeserver.ts';
import { killSpawnedMatrixBots, spawnMatrixBot } from '../../support/spawned-matrix-bot.ts';

/** Alice's and Bob's direct chats with the bot. */
const ALICE_DM = '!alice-dm:test.local';
const BOB_DM = '!bob-dm:test.local';
const ALICE = '@alice:test.local';
const BOB = '@bob:test.local';

let server: FakeHomeserver;
let dir: string;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(ALICE_DM, { [ALICE]: 100 });
  server.invite(ALICE_DM, ALICE, true);
  server.createRoom(BOB_DM, { [BOB]: 100 });
  server.invite(BOB_DM, BOB, true);
  dir = mkdtempSync(join(tmpdir(), 'nec-matrix-killed-'));
});
afterEach(async () => {
  killSpawnedMatrixBots();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The bodies of the messages the bot sent to Alice. */
const bodies = () =>
  server.sent
    .filter((e) => e.room_id === ALICE_DM && e.type === 'm.room.message')
    .map((e) => String(e.content.body));

describe('a Matrix bot killed between two replies, then started again', () => {
  // Stored: the second reply reached the homeserver, its answer never came; not stored: it never arrived.
  it.each([true, false])(
    'shows each reply once (second reply stored: %s)',
    async (stored) => {
      const first = spawnMatrixBot(server, `sqlite://${join(dir, 'store.sqlite')}`, dir);
      await server.until(
        'the bot joins',
        () => [ALICE_DM, BOB_DM].every((room) => server.membership(room, server.botUserId) === 'join'),
        30_000,
      );
      // The dialog's opening and its first question: the opening is sent, the question held.
      server.holdSendsAfter(1, 1, stored);
      const question = server.say(ALICE_DM, ALICE, 'apply local-nec');
      const requestsOf = (reply: number) => server.sendRequests.filter((t) => t === `${question}.${reply}`);
      await server.until('the second reply sent', () => requestsOf(1).length === 1, 30_000);
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();
      const killedAt = Date.now();
      expect(bodies()).toHaveLength(stored ? 2 : 1);

      const second = spawnMatrixBot(server, `sqlite://${join(dir, 'store.sqlite')}`, dir);
      // Someone's message written after the kill is answered once the new process syncs: it took the sync
      // lease over.
      const help = await server.ask(BOB_DM, BOB, 'help', 40_000);
      const tookOverIn = Date.now() - killedAt;
      expect(help.length).toBeGreaterThan(0);
      expect(tookOverIn).toBeLessThan(20_000);
      // The message the dead process was answering is answered again by its successor (inbox takeover), with
      // the same transaction ids: the homeserver shows the replies it already had once.
      await server.until('the question answered again', () => requestsOf(1).length === 2, 40_000);
      expect(requestsOf(0)).toHaveLength(2);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      const answers = server.sent.filter((e) => e.txnId.startsWith(`${question}.`));
      expect(answers.map((e) => e.txnId)).toEqual([`${question}.0`, `${question}.1`]);
      const [opening, step] = answers.map((e) => String(e.content.body));
      expect(bodies().filter((b) => b === opening)).toHaveLength(1);
      expect(bodies().filter((b) => b === step)).toHaveLength(1);
      expect(step).toContain('Step 1');
    },
    120_000,
  );
});
