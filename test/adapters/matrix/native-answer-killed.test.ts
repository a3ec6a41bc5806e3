/**
 * Native answers survive a crash (issue 14). A real process (`node src/main.ts`, the real MatrixClient
 * against the fake homeserver) killed with SIGKILL while closing the poll a vote answered: the vote is kept,
 * and the next start answers it once (the poll closed once). And a turn run again after a crash offers its
 * question again without closing it, nor a question asked after it (NativeQuestions on the real MatrixClient).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatrixClient } from 'matrix-bot-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NativeQuestions, type Posted } from '../../../adapters/matrix/native-questions.ts';
import type { OutgoingReply } from '../../../src/core/port.ts';
import { FakeHomeserver, type SentEvent } from '../../support/fake-homeserver.ts';
import { killSpawnedMatrixBots, spawnMatrixBot } from '../../support/spawned-matrix-bot.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

const ALICE_DM = '!alice-dm:test.local';
const ALICE = '@alice:test.local';
const POLL_START = 'org.matrix.msc3381.poll.start';
const POLL_END = 'org.matrix.msc3381.poll.end';

let server: FakeHomeserver;
let dir: string;
let app: TestApp | undefined;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(ALICE_DM, { [ALICE]: 100 });
  server.invite(ALICE_DM, ALICE, true);
  dir = mkdtempSync(join(tmpdir(), 'nec-matrix-vote-killed-'));
});
afterEach(async () => {
  killSpawnedMatrixBots();
  await app?.close();
  app = undefined;
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const messages = () =>
  server.sent
    .filter((e) => e.room_id === ALICE_DM && e.type === 'm.room.message')
    .map((e) => String(e.content.body));

describe('a vote on a Matrix poll, the process killed while it closes the poll', () => {
  it.each([true, false])(
    'is answered once by the next start (poll end stored: %s)',
    async (stored) => {
      const first = spawnMatrixBot(server, `sqlite://${join(dir, 'store.sqlite')}`, dir);
      await server.until(
        'the bot joins',
        () => server.membership(ALICE_DM, server.botUserId) === 'join',
        30_000,
      );
      await server.ask(ALICE_DM, ALICE, 'apply local-nec', 20_000);
      const asked = await server.ask(ALICE_DM, ALICE, 'Les Liens', 20_000);
      const poll = asked.find((e) => e.type === POLL_START) as SentEvent;
      expect(poll).toBeDefined();

      // The vote's first send (before the fix: the poll's end, the open question already deleted) hangs.
      server.holdSendsAfter(0, 1, stored);
      const relation = { 'm.relates_to': { rel_type: 'm.reference', event_id: poll.event_id } };
      server.post(ALICE_DM, ALICE, { ...relation, 'm.selections': ['association'] }, 'm.poll.response');
      await server.until(
        'the poll end sent',
        () => server.sendRequests.includes(`${poll.event_id}.end`),
        20_000,
      );
      first.child.kill('SIGKILL');
      expect(await first.exited).toBeNull();

      const second = spawnMatrixBot(server, `sqlite://${join(dir, 'store.sqlite')}`, dir);
      await server.until(
        'the vote answered',
        () => messages().some((b) => b.includes('Noted: association')),
        40_000,
      );
      // Whatever runs after the answer (the next step) is sent before the process is stopped.
      await server.until('the next step', () => messages().some((b) => b.includes('Step 3')), 20_000);
      // The poll is closed by the answer, once (its end's transaction id is the poll's).
      await server.until('the poll closed', () => server.sent.some((e) => e.type === POLL_END), 20_000);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      expect(messages().filter((b) => b.includes('Noted: association'))).toHaveLength(1);
      expect(server.sent.filter((e) => e.type === POLL_END)).toHaveLength(1);
    },
    120_000,
  );
});

describe('a turn run again offers its question again', () => {
  async function openQuestions(): Promise<{
    questions: NativeQuestions;
    post: (n: number) => Promise<Posted>;
  }> {
    app = await createTestApp({
      env: { MATRIX_HOMESERVER_URL: server.url, MATRIX_ACCESS_TOKEN: server.accessToken },
    });
    const client = new MatrixClient(server.url, server.accessToken);
    await client.joinRoom(ALICE_DM);
    const post = async (n: number): Promise<Posted> => {
      const txnId = `$m${n}.0`;
      const eventId = await client.sendEvent(ALICE_DM, 'm.room.message', {
        msgtype: 'm.notice',
        body: `q${n}`,
      });
      return { roomId: ALICE_DM, eventId, txnId, place: (content) => content };
    };
    return { questions: new NativeQuestions(app.port, () => client), post };
  }
  const choiceReply = (text: string): OutgoingReply =>
    ({
      text,
      lang: 'en',
      input: { kind: 'choice' },
      choices: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    }) as OutgoingReply;
  const person = { platform: 'matrix' as const, workspace: 'test.local', userId: ALICE };
  const ends = () => server.sent.filter((e) => e.type === POLL_END);

  it('without closing its own poll, nor one asked by a later message', async () => {
    const { questions, post } = await openQuestions();
    const t0 = new Date('2027-01-10T10:00:00Z');
    const first = await post(1);
    await questions.offer(person, choiceReply('first?'), first, { at: t0, index: 0 });
    // The same turn again (the process died before the message was done): its poll stays open, once.
    await questions.offer(person, choiceReply('first?'), first, { at: t0, index: 0 });
    expect(ends()).toEqual([]);
    expect(server.sent.filter((e) => e.type === POLL_START)).toHaveLength(1);

    // A later message asked the next question; the first turn run again after it leaves that one open.
    const second = await post(2);
    await questions.offer(person, choiceReply('second?'), second, {
      at: new Date(t0.getTime() + 5000),
      index: 0,
    });
    expect(ends()).toHaveLength(1);
    await questions.offer(person, choiceReply('first?'), first, { at: t0, index: 0 });
    expect(ends()).toHaveLength(1);
    const secondPoll = server.sent.filter((e) => e.type === POLL_START).at(-1) as SentEvent;
    const vote = {
      type: 'm.poll.response',
      event_id: '$vote',
      sender: ALICE,
      content: {
        'm.relates_to': { rel_type: 'm.reference', event_id: secondPoll.event_id },
        'm.selections': ['b'],
      },
    };
    expect((await questions.take(person, ALICE_DM, vote as never))?.choiceId).toBe('b');
  });
});
