/**
 * Two replicas (two apps on the same Redis or PostgreSQL server) receiving at once what a busy deployment
 * receives: every broadcast stays in the index, every count is kept, an event is answered once, the rate
 * limit holds, and one person's changes made on both replicas are all kept.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { ConversationStore } from '../../src/core/conversation.ts';
import type { IncomingMessage } from '../../src/core/message.ts';
import { RATE_LIMIT_MESSAGES } from '../../src/core/rate-limit.ts';
import { UnansweredLog } from '../../src/faq/unanswered.ts';
import { DialogFunnel } from '../../src/ops/funnel.ts';
import { userKey } from '../../src/store/user-records.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const servers = [
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

describe.each(servers)('two replicas on %s', (_name, url) => {
  let a: TestApp;
  let b: TestApp;
  const tag = `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const replicas = () => [a, b] as const;
  const pick = (i: number) => replicas()[i % 2] as TestApp;

  beforeEach(async () => {
    if (!url) return;
    const storeUrl = await isolatedStoreUrl(url, 'replicas');
    [a, b] = await Promise.all([createTestApp({ storeUrl }), createTestApp({ storeUrl })]);
    for (const app of replicas())
      app.outbox.register({
        platform: 'shell',
        start: async () => {},
        stop: async () => {},
        send: async () => {},
      });
  });
  afterEach(async () => {
    if (!url) return;
    await a.close();
    await b.close();
  });

  const slack = (user: string, text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage => ({
    ref: { platform: 'slack', workspace: tag, roomId: `D-${user}`, userId: user, isDirect: true },
    userId: user,
    text,
    timestamp: a.clock.now(),
    ...extra,
  });

  it.skipIf(!url)('keeps every broadcast confirmed at once on either replica in the index', async () => {
    const managers = Array.from({ length: 30 }, (_, i) => `${tag}-m${i}`);
    const room = { room: `${tag}-general`, isManager: true };
    await Promise.all(managers.map((m, i) => pick(i).say(m, `broadcast tomorrow 9:00 news ${i}`, room)));
    const confirmed = await Promise.all(managers.map((m, i) => pick(i + 1).say(m, 'yes', room)));
    const ids = confirmed.map(([reply]) => String(reply?.data?.id));
    const listed = (await a.broadcasts.scheduled({ platform: 'shell', workspace: undefined })).map(
      (x) => x.id,
    );
    expect(ids.filter((id) => !listed.includes(id))).toEqual([]);
    // And each of them can be cancelled from the other replica.
    const [cancelled] = await b.say(managers[0] as string, `cancel broadcast ${ids[0]}`, room);
    expect(cancelled?.intent).toBe('broadcast:cancelled');
  });

  it.skipIf(!url)('answers a Slack event delivered to both replicas once', async () => {
    const answered = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        pick(i).bot.handle(slack(`${tag}-u${i % 15}`, 'help', { eventId: `${tag}-ev-${i % 15}` })),
      ),
    );
    expect(answered.filter((replies) => replies.length > 0)).toHaveLength(15);
  });

  it.skipIf(!url)('holds one person to the rate limit across replicas', async () => {
    const user = `${tag}-flood`;
    const replies = await Promise.all(
      Array.from({ length: 24 }, (_, i) => pick(i).bot.handle(slack(user, 'help'))),
    );
    const answered = replies.filter((r) => r.length > 0 && r[0]?.intent !== 'rate-limited');
    expect(answered).toHaveLength(RATE_LIMIT_MESSAGES);
    expect(replies.filter((r) => r[0]?.intent === 'rate-limited')).toHaveLength(1);
  });

  it.skipIf(!url)(
    'welcomes each newcomer to a channel once, the Slack event reaching both replicas',
    async () => {
      const channel = {
        ref: { platform: 'slack' as const, workspace: tag, roomId: `${tag}-C1`, isDirect: false },
      };
      await a.bot.handle(slack(`${tag}-manager`, 'welcome on', { ...channel, isManager: true }));
      const people = Array.from({ length: 5 }, (_, i) => `${tag}-new${i}`);
      const welcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          pick(i).port.memberJoined({
            ...channel,
            userId: people[i % 5] as string,
            timestamp: a.clock.now(),
          }),
        ),
      );
      expect(welcomes.filter(Boolean)).toHaveLength(5);
    },
  );

  it.skipIf(!url)('keeps both of one person’s changes made on two replicas at once', async () => {
    const people = Array.from({ length: 10 }, (_, i) => `${tag}-p${i}`);
    await Promise.all(
      people.flatMap((p) => [a.say(p, 'timezone America/Guadeloupe'), b.say(p, 'language en')]),
    );
    const conversations = new ConversationStore(a.records);
    for (const p of people) {
      const state = await conversations.load(userKey('shell', p));
      expect([state.timezone, state.lang]).toEqual(['America/Guadeloupe', 'en']);
    }
  });

  it.skipIf(!url)('counts every funnel event and unanswered question from both replicas', async () => {
    const call = `${tag}-call`;
    const funnels = replicas().map((app) => new DialogFunnel(app.backend.atomic));
    const logs = replicas().map((app) => new UnansweredLog(app.backend.atomic, app.clock, app.records));
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await funnels[i % 2]?.count(call, 'started');
        await funnels[i % 2]?.step(call, i % 4 === 0 ? 'first' : 'second', undefined);
        await logs[i % 2]?.record(`where is ${tag}?`, userKey('shell', `${tag}-asker${i}`), undefined);
      }),
    );
    const funnel = (await funnels[0]?.all())?.[call];
    expect(funnel).toEqual({ started: 40, completed: 0, abandoned: 0, steps: expect.any(Object) });
    expect(Object.values(funnel?.steps ?? {}).sort()).toEqual([10, 30]);
    const top = await logs[1]?.top(1000);
    expect(top?.find((q) => q.question.includes(tag))?.count).toBe(40);
  });
});
