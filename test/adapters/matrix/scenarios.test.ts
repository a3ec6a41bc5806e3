/**
 * Conversations through Matrix end to end (real MatrixClient, homeserver on 127.0.0.1): reminders delivered
 * when the manual clock moves, the manager role on broadcasts, and one sync across replicas.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { FakeHomeserver } from '../../support/fake-homeserver.ts';
import { type MatrixBot, startMatrixBot } from '../../support/matrix-bot.ts';

const ROOM = '!community:test.local';
const OTHER_ROOM = '!announcements:test.local';
const ALICE = '@alice:test.local'; // room admin (power level 100)
const BOB = '@bob:elsewhere.org'; // ordinary member

let server: FakeHomeserver;
const bots: MatrixBot[] = [];

async function joinedBot(options: Parameters<typeof startMatrixBot>[1] = {}): Promise<MatrixBot> {
  const bot = await startMatrixBot(server, options);
  bots.push(bot);
  await server.until('the bot joins', () => server.membership(ROOM, server.botUserId) === 'join');
  return bot;
}

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(ROOM, { [ALICE]: 100, [BOB]: 0 });
  server.createRoom(OTHER_ROOM, { [ALICE]: 0, [BOB]: 0 });
  server.invite(ROOM, ALICE);
});

afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
  await server.close();
});

describe('reminders', () => {
  it('delivers a reminder in the person’s DM once the clock reaches it, honouring M_LIMIT_EXCEEDED', async () => {
    const { app } = await joinedBot();
    server.say(ROOM, BOB, '!nec remind me tomorrow at 10:00 to send the budget');
    const [noted] = await server.sentAfter(0);
    expect(noted?.room_id).toBe(ROOM);
    expect(noted?.content.body).toMatch(/Noted|noté/);

    await app.scheduler.tick(app.clock.now());
    expect(server.sent).toHaveLength(1); // not due yet

    app.clock.advanceTo(new Date('2026-11-24T10:00:00+01:00'));
    server.rateLimitNextSends(1, 25);
    await app.scheduler.tick(app.clock.now());
    const [reminder] = await server.sentAfter(1);
    expect(reminder?.room_id).not.toBe(ROOM);
    expect(server.membership(reminder?.room_id ?? '', BOB)).toBe('join');
    expect(reminder?.content).toMatchObject({ msgtype: 'm.notice', body: '⏰ Reminder: send the budget' });
    // The job id is the transaction id: a delivery retried after a crash is dropped by the homeserver.
    const jobId = /\(reminder ([\w-]+)\)/.exec(String(noted?.content.body))?.[1];
    expect(reminder?.txnId).toBe(jobId);
    expect(server.sent).toHaveLength(2);
  });
});

describe('broadcasts', () => {
  it('refuses a broadcast from a member without the manager power level', async () => {
    await joinedBot();
    server.say(ROOM, BOB, '!nec broadcast now The call opens on Monday');
    const [reply] = await server.sentAfter(0);
    expect(reply?.content.body).toMatch(/community managers/);
  });

  it('lets a room admin prepare a broadcast, but not to a room where they are not a manager', async () => {
    await joinedBot();
    const [preview] = await server.ask(ROOM, ALICE, '!nec broadcast now The call opens on Monday');
    expect(preview?.content.body).toMatch(/Preview|Aperçu/);

    await server.ask(ROOM, ALICE, '!nec no');
    const [refused] = await server.ask(
      ROOM,
      ALICE,
      `!nec broadcast ${OTHER_ROOM} now The call opens on Monday`,
    );
    expect(refused?.content.body).toMatch(/community managers/);
  });

  it('counts MATRIX_MANAGERS as managers everywhere', async () => {
    await joinedBot({ env: { MATRIX_MANAGERS: BOB } });
    server.say(ROOM, BOB, `!nec broadcast ${OTHER_ROOM} now The call opens on Monday`);
    const [preview] = await server.sentAfter(0);
    expect(preview?.content.body).toMatch(/Preview|Aperçu/);
  });
});

describe('scheduled deliveries whose answer was lost', () => {
  it('are sent again at once under the job’s transaction id, so the homeserver shows the message once', async () => {
    const { app } = await joinedBot();
    await app.scheduler.schedule({
      id: 'b-matrix-lost',
      kind: 'broadcast',
      dueAt: app.clock.now().getTime(),
      owner: 'broadcast:b-matrix-lost',
      ref: { platform: 'matrix', roomId: ROOM, isDirect: false },
      reply: { intent: 'broadcast', text: 'Lost answer' },
      lang: 'en',
      timezone: 'Europe/Paris',
    });
    server.resetAfterNextSends(1);
    await app.scheduler.tick(app.clock.now());
    expect(await app.scheduler.get('b-matrix-lost')).toBeUndefined();
    expect(server.sendRequests.filter((t) => t === 'b-matrix-lost')).toHaveLength(2);
    const posted = server.sent.filter((e) => JSON.stringify(e.content).includes('Lost answer'));
    expect(posted.map((e) => e.txnId)).toEqual(['b-matrix-lost']);
  });
});

describe('sync lease', () => {
  it('stops answering when another replica holds the lease, and resumes from the stored token when it is back', async () => {
    const { app } = await joinedBot({ lease: { ttlMs: 2_000, renewMs: 20 } });
    const acquire = app.leases.acquire.bind(app.leases);
    let refusals = 0;
    // Another replica takes the lease: every renewal is refused.
    app.leases.acquire = async () => {
      refusals++;
      return false;
    };
    await server.until('two refused renewals', () => refusals >= 2);
    const whileStandingBy = server.say(ROOM, ALICE, '!nec help');
    // A generous window (25 more renewals) in which a still-syncing bot would have answered.
    const seen = refusals;
    await server.until('more refused renewals', () => refusals >= seen + 25);
    expect(server.sent).toHaveLength(0);

    app.leases.acquire = acquire;
    const [reply] = await server.sentAfter(0);
    expect(reply?.content['m.relates_to']).toMatchObject({ event_id: whileStandingBy });
    const next = server.say(ROOM, ALICE, '!nec aide');
    const [second] = await server.sentAfter(1);
    expect(second?.content['m.relates_to']).toMatchObject({ event_id: next });
    expect(server.sent).toHaveLength(2);
  });
});

// PostgreSQL is left out: @keyv/postgres shares one pool per URL within a process, so two in-process "replicas"
// would close it twice; real replicas are separate processes (the restart tests cover that store).
const sharedStores = [
  ['a SQLite file', 'sqlite-file'],
  ['Redis', inject('redisUrl')],
] as const;

describe.each(sharedStores)('two replicas on %s', (_kind, url) => {
  it.skipIf(!url)('sync one at a time; the standby takes over when the syncing one stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nec-matrix-'));
    try {
      const storeUrl = url === 'sqlite-file' ? `sqlite://${join(dir, 'store.sqlite')}` : (url as string);
      const lease = { ttlMs: 2_000, renewMs: 50 };
      const first = await joinedBot({ storeUrl, lease });
      const second = await startMatrixBot(server, { storeUrl, lease });
      bots.push(second);
      const question = server.say(ROOM, ALICE, '!nec help');
      await server.sentAfter(0);
      server.say(ROOM, ALICE, '!nec aide');
      await server.sentAfter(1);
      expect(server.sent.map((e) => (e.content['m.relates_to'] as { event_id: string }).event_id)[0]).toBe(
        question,
      );
      expect(server.sent).toHaveLength(2);

      await first.stop();
      bots.splice(bots.indexOf(first), 1);
      const afterTakeover = server.say(ROOM, BOB, '!nec help');
      const [reply] = await server.sentAfter(2);
      expect(reply?.content['m.relates_to']).toMatchObject({ event_id: afterTakeover });
      expect(server.sent).toHaveLength(3);
    } finally {
      for (const bot of bots.splice(0)) await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
