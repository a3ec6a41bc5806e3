/**
 * The Matrix adapter with the real MatrixClient (matrix-bot-sdk) against a homeserver on 127.0.0.1:
 * invites, entry points, what the bot ignores, rendering, threads, rate limits, deliveries and restarts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { RetryAfterError } from '../../../src/core/retry-after.ts';
import { FakeHomeserver } from '../../support/fake-homeserver.ts';
import { type MatrixBot, startMatrixBot } from '../../support/matrix-bot.ts';

const ROOM = '!community:test.local';
const ALICE = '@alice:test.local';
const BOB = '@bob:elsewhere.org';

let server: FakeHomeserver;
let bot: MatrixBot | undefined;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(ROOM, { [ALICE]: 100, [BOB]: 0 });
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await server.close();
});

/** Starts the bot and waits until it has joined `room` (invited by `inviter`). */
async function joinedBot(room = ROOM, inviter = ALICE, env: Record<string, string> = {}): Promise<MatrixBot> {
  server.invite(room, inviter);
  bot = await startMatrixBot(server, { env });
  await server.until('the bot joins', () => server.membership(room, server.botUserId) === 'join');
  return bot;
}

describe('invites', () => {
  it('joins a room it is invited to', async () => {
    await joinedBot();
    expect(server.membership(ROOM, server.botUserId)).toBe('join');
  });

  it('declines invites from servers and users not allowed', async () => {
    server.createRoom('!other:test.local', { [BOB]: 100 });
    server.invite('!other:test.local', BOB);
    await joinedBot(ROOM, ALICE, { MATRIX_ALLOWED_SERVERS: 'test.local' });
    await server.until(
      'the bot declines',
      () => server.membership('!other:test.local', server.botUserId) === 'leave',
    );
  });

  it('accepts an allowed user from another server', async () => {
    server.createRoom('!bobs:elsewhere.org', { [BOB]: 100 });
    server.invite('!bobs:elsewhere.org', BOB);
    await joinedBot(ROOM, ALICE, { MATRIX_ALLOWED_SERVERS: 'test.local', MATRIX_ALLOWED_USERS: BOB });
    await server.until(
      'the bot joins',
      () => server.membership('!bobs:elsewhere.org', server.botUserId) === 'join',
    );
  });

  it('leaves a room once everyone else has left', async () => {
    await joinedBot();
    server.leave(ROOM, BOB);
    server.leave(ROOM, ALICE);
    await server.until('the bot leaves', () => server.membership(ROOM, server.botUserId) === 'leave');
  });
});

describe('entry points', () => {
  it('answers `!nec help` in a room, as an HTML notice in a thread on the question', async () => {
    await joinedBot();
    const question = server.say(ROOM, ALICE, '!nec help');
    const [reply] = await server.sentAfter(0);
    expect(reply?.content).toMatchObject({
      msgtype: 'm.notice',
      format: 'org.matrix.custom.html',
      'm.relates_to': { rel_type: 'm.thread', event_id: question, 'm.in_reply_to': { event_id: question } },
    });
    expect(reply?.content.body).toContain('What you can do');
    expect(reply?.content.formatted_body).toContain('<strong>What you can do</strong>');
    expect(reply?.txnId).toBe(`${question}.0`);
  });

  it('stays in the thread a question was asked in', async () => {
    await joinedBot();
    const root = server.say(ROOM, ALICE, 'a thread about the event');
    const question = server.post(ROOM, ALICE, {
      msgtype: 'm.text',
      body: '!nec aide',
      'm.relates_to': { rel_type: 'm.thread', event_id: root },
    });
    const [reply] = await server.sentAfter(0);
    expect(reply?.content['m.relates_to']).toMatchObject({
      event_id: root,
      'm.in_reply_to': { event_id: question },
    });
  });

  it('answers a mention of the bot', async () => {
    await joinedBot();
    server.post(ROOM, ALICE, {
      msgtype: 'm.text',
      body: 'NEC bot: help',
      'm.mentions': { user_ids: [server.botUserId] },
    });
    const [reply] = await server.sentAfter(0);
    expect(reply?.content.body).toContain('What you can do');
  });

  it('answers any message in a DM, without a thread', async () => {
    server.createRoom('!dm:test.local', { [BOB]: 100 });
    server.invite('!dm:test.local', BOB, true);
    bot = await startMatrixBot(server);
    await server.until(
      'the bot joins the DM',
      () => server.membership('!dm:test.local', server.botUserId) === 'join',
    );
    server.say('!dm:test.local', BOB, 'help');
    const [reply] = await server.sentAfter(0);
    expect(reply?.room_id).toBe('!dm:test.local');
    expect(reply?.content['m.relates_to']).toBeUndefined();
  });

  it('ignores room chatter, notices from other bots, edits and its own messages', async () => {
    await joinedBot();
    server.say(ROOM, ALICE, 'hello everyone, what do you think of the venue?');
    server.post(ROOM, '@otherbot:test.local', { msgtype: 'm.notice', body: '!nec help' });
    server.post(ROOM, ALICE, {
      msgtype: 'm.text',
      body: '* !nec help',
      'm.new_content': { msgtype: 'm.text', body: '!nec help' },
      'm.relates_to': { rel_type: 'm.replace', event_id: '$old:test.local' },
    });
    server.post(ROOM, server.botUserId, { msgtype: 'm.text', body: '!nec help' });
    const last = server.say(ROOM, ALICE, '!nec help');
    await server.sentAfter(0);
    // Sync handles events in order: once the last question is answered, the others were passed over.
    await server.until('the bot to be idle', () => server.syncTokens.length >= 3);
    const replies = server.sent.filter((e) => e.content.msgtype === 'm.notice');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.content['m.relates_to']).toMatchObject({ event_id: last });
  });
});

describe('encrypted rooms without the native crypto module', () => {
  it('says once, in both languages, that it cannot read the room', async () => {
    await joinedBot();
    const encrypted = { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'AwgAEn', session_id: 's' };
    server.post(ROOM, ALICE, encrypted, 'm.room.encrypted');
    const [notice] = await server.sentAfter(0);
    expect(notice?.content.body).toContain('Je ne peux pas lire les messages chiffrés');
    expect(notice?.content.body).toContain('I cannot read the encrypted messages');
    server.post(ROOM, BOB, encrypted, 'm.room.encrypted');
    const question = server.say(ROOM, ALICE, '!nec help');
    const [next] = await server.sentAfter(1);
    expect(next?.content['m.relates_to']).toMatchObject({ event_id: question });
    expect(server.sent).toHaveLength(2);
  });
});

describe('sync position', () => {
  it('ignores the rooms’ history on the very first start', async () => {
    server.invite(ROOM, ALICE);
    const first = await startMatrixBot(server);
    await server.until('the bot joins', () => server.membership(ROOM, server.botUserId) === 'join');
    await first.stop();
    // A brand-new store: the bot has never synced, the room already has an unanswered question.
    server.say(ROOM, ALICE, '!nec help');
    bot = await startMatrixBot(server);
    await server.until('a first sync', () => server.syncTokens.filter((t) => t === undefined).length === 2);
    const question = server.say(ROOM, ALICE, '!nec aide');
    const [reply] = await server.sentAfter(0);
    expect(reply?.content['m.relates_to']).toMatchObject({ event_id: question });
    expect(server.sent).toHaveLength(1);
  });
});

const stores = [
  ['a SQLite file', 'sqlite-file'],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

describe.each(stores)('restart on %s', (_kind, url) => {
  it.skipIf(!url)('resumes from the stored sync token: no replay, nothing missed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nec-matrix-'));
    const storeUrl = url === 'sqlite-file' ? `sqlite://${join(dir, 'store.sqlite')}` : (url as string);
    try {
      server.invite(ROOM, ALICE);
      const first = await startMatrixBot(server, { storeUrl });
      await server.until('the bot joins', () => server.membership(ROOM, server.botUserId) === 'join');
      server.say(ROOM, ALICE, '!nec help');
      await server.sentAfter(0);
      await first.stop();

      const whileDown = server.say(ROOM, BOB, '!nec aide');
      const syncsBefore = server.syncTokens.length;
      bot = await startMatrixBot(server, { storeUrl });
      const [reply] = await server.sentAfter(1);
      expect(reply?.content['m.relates_to']).toMatchObject({ event_id: whileDown });
      // The restarted bot's first sync carried the stored token.
      expect(server.syncTokens[syncsBefore]).toMatch(/^s\d+$/);
      const third = server.say(ROOM, ALICE, '!nec help');
      const [next] = await server.sentAfter(2);
      expect(next?.content['m.relates_to']).toMatchObject({ event_id: third });
      expect(server.sent).toHaveLength(3);
    } finally {
      await bot?.stop();
      bot = undefined;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('delivery', () => {
  it('waits as asked when a reply is refused with M_LIMIT_EXCEEDED, and sends it once', async () => {
    const { app } = await joinedBot();
    server.rateLimitNextSends(1, 30);
    const question = server.say(ROOM, ALICE, '!nec help');
    const [reply] = await server.sentAfter(0);
    expect(reply?.txnId).toBe(`${question}.0`);
    expect(server.sent).toHaveLength(1);
    const waits = await app.metrics.platformRateLimitWaits.get();
    expect(waits.values).toEqual([expect.objectContaining({ labels: { platform: 'matrix' }, value: 1 })]);
  });

  it('hands M_LIMIT_EXCEEDED on a scheduled delivery back as RetryAfterError; the job id makes the retry idempotent', async () => {
    const { adapter } = await joinedBot();
    const delivery = {
      ref: { platform: 'matrix' as const, workspace: 'test.local', roomId: ROOM, isDirect: false },
      reply: { text: 'Reminder: **deadline** tomorrow', intent: 'reminder:test' },
      jobId: 'job-42',
      lang: 'en' as const,
    };
    server.rateLimitNextSends(1, 1234);
    const refused = await adapter.send(delivery).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RetryAfterError);
    expect((refused as RetryAfterError).retryAfterMs).toBe(1234);
    await adapter.send(delivery);
    await adapter.send(delivery); // a second attempt of the same job (e.g. after a crash) is dropped by the server
    expect(server.sent.map((e) => e.txnId)).toEqual(['job-42']);
    expect(server.sent[0]?.content.formatted_body).toContain('<strong>deadline</strong>');
  });

  it('uploads attachments to the media repository and sends them as m.file in the user’s DM', async () => {
    const { adapter } = await joinedBot();
    await adapter.send({
      ref: { platform: 'matrix', workspace: 'test.local', roomId: ROOM, userId: BOB, isDirect: false },
      reply: {
        text: 'Your dossier',
        intent: 'export',
        toDirect: true,
        attachments: [{ filename: 'dossier.md', mimeType: 'text/markdown', content: '# Dossier' }],
      },
      jobId: 'job-7',
      lang: 'en',
    });
    const [notice, file] = server.sent;
    expect(notice?.room_id).not.toBe(ROOM);
    expect(file).toMatchObject({ room_id: notice?.room_id, txnId: 'job-7.file0' });
    expect(file?.content).toMatchObject({
      msgtype: 'm.file',
      body: 'dossier.md',
      info: { mimetype: 'text/markdown' },
    });
    const upload = server.uploads.get(String(file?.content.url));
    expect(upload?.data.toString()).toBe('# Dossier');
    expect(upload?.filename).toBe('dossier.md');
  });
});
