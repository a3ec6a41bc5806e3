/**
 * A kept event whose process died mid-turn is run again by whoever takes it over (src/ops/inbox.ts): the
 * shared counters the turn adds to — the unanswered log, the dialog funnel, the activity charts, the
 * per-person rate limit — count it once, and the turn run again decides as the first did. "Killed before
 * the turn's own write" is played by putting the person's state back as it was before the turn.
 */

import { afterEach, describe, expect, inject, it } from 'vitest';
import { ApplicationStore } from '../../dialogs/application.ts';
import { ConversationStore } from '../../src/core/conversation.ts';
import type { IncomingMessage, Reply } from '../../src/core/message.ts';
import { RATE_LIMIT_MESSAGES } from '../../src/core/rate-limit.ts';
import { ASKED_RECORD, UnansweredLog } from '../../src/faq/unanswered.ts';
import { Activity } from '../../src/ops/activity.ts';
import { DialogFunnel } from '../../src/ops/funnel.ts';
import { userKey } from '../../src/store/user-records.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

const QUESTION = 'what is the weather like in Brussels tomorrow?';

/** Runs an event's turn, puts the person's state back as a kill before its write leaves it, and runs it again. */
function rerunner(app: TestApp, userId: string, extra: Partial<IncomingMessage> = {}) {
  const user = userKey('slack', userId, 'T1');
  const conversations = new ConversationStore(app.records);
  const event = (eventId: string, text: string): IncomingMessage => ({
    ref: { platform: 'slack', workspace: 'T1', roomId: `D${userId}`, userId, isDirect: true },
    userId,
    text,
    eventId,
    kept: true,
    timestamp: app.clock.now(),
    ...extra,
  });
  /** `meanwhile`: what happens between the kill and the run again (another replica's tick). */
  return async (eventId: string, text: string, meanwhile?: () => Promise<void>): Promise<Reply[][]> => {
    const before = await conversations.load(user);
    const first = await app.bot.handle(event(eventId, text));
    await conversations.save(user, before);
    await meanwhile?.();
    return [first, await app.bot.handle(event(eventId, text))];
  };
}

describe('a turn run again after its process died mid-turn', () => {
  it('adds nothing twice to the shared counters, and decides the same way', async () => {
    app = await createTestApp({ env: { BOT_LANG: 'en' } });
    const runTwice = rerunner(app, 'UONCE');

    // As many messages as the rate limit lets through in one window: each counted once, none held back.
    // The dialog last (its answers are left out: the application they change is not this test's subject).
    const texts = [QUESTION, QUESTION];
    while (texts.length < RATE_LIMIT_MESSAGES - 2) texts.push(`${QUESTION} (${texts.length})`);
    texts.push('apply', '1');
    const runs: Reply[][][] = [];
    for (const [i, text] of texts.entries()) runs.push(await runTwice(`EvOnce${i}`, text));
    const intents = runs.flat(2).map((r) => r.intent);
    expect(intents).not.toContain('rate-limited');
    expect(intents).toContain('dialog:local-nec:start');
    // The first message over the limit is held back, on both runs.
    const [over, overAgain] = await runTwice('EvOnceOver', QUESTION);
    expect(over?.map((r) => r.intent)).toEqual(['rate-limited']);
    expect(overAgain).toEqual(over);
    for (const [first, again] of runs)
      expect(again?.map((r) => r.intent)).toEqual(first?.map((r) => r.intent));

    const asked = await new UnansweredLog(app.backend.atomic, app.clock, app.records).top(100);
    expect(asked.find((q) => q.question === QUESTION.toLowerCase())?.count).toBe(2);
    // Listed once each in the person's records, so that "forget me" takes each back once.
    expect(await app.records.get(userKey('slack', 'UONCE', 'T1'), ASKED_RECORD)).toHaveLength(
      RATE_LIMIT_MESSAGES - 2,
    );
    const funnel = (await new DialogFunnel(app.backend.atomic).all())['local-nec'];
    expect(funnel).toMatchObject({ started: 1, completed: 0, abandoned: 0 });
    expect(Object.values(funnel?.steps ?? {})).toEqual([1]);
    const [week] = await new Activity(app.backend.atomic, app.clock).weeks(1);
    expect(week?.counts).toMatchObject({
      'call:local-nec:started': 1,
      'faq:fallback': RATE_LIMIT_MESSAGES - 2,
    });
  });

  it('keeps the reminder and the broadcast it scheduled, under the id it gave', async () => {
    app = await createTestApp({ env: { BOT_LANG: 'en' } });
    const runTwice = rerunner(app, 'UJOBS', { isManager: true });
    const ids = (runs: Reply[][]) => runs.map((replies) => replies.map((r) => r.data?.id));

    const reminded = await runTwice('EvRemind', 'remind me tomorrow at 10am to call the town hall');
    expect(ids(reminded)[1]).toEqual(ids(reminded)[0]);
    expect(await app.scheduler.listForUser(userKey('slack', 'UJOBS', 'T1'))).toHaveLength(1);

    await app.bot.handle({
      ref: { platform: 'slack', workspace: 'T1', roomId: 'DUJOBS', userId: 'UJOBS', isDirect: true },
      userId: 'UJOBS',
      text: 'broadcast #general tomorrow 9am Applications close on Friday',
      isManager: true,
      timestamp: app.clock.now(),
    });
    const confirmed = await runTwice('EvConfirm', 'yes');
    const [broadcast] = ids(confirmed)[0] ?? [];
    expect(confirmed.flat().map((r) => r.intent)).toEqual(['broadcast:scheduled', 'broadcast:scheduled']);
    expect(ids(confirmed)[1]).toEqual([broadcast]);
    expect(await app.scheduler.listByOwner(`broadcast:${broadcast}`)).toHaveLength(1);
  });

  it('applies a dialog answer once: the call chosen opens one application, a name is not the next answer', async () => {
    app = await createTestApp();
    const runTwice = rerunner(app, 'UDIALOG');
    for (const [i, text] of ['candidater', '1', 'Association Les Tilleuls'].entries())
      await runTwice(`EvDialog${i}`, text);
    const applications = await new ApplicationStore(app.records).list(userKey('slack', 'UDIALOG', 'T1'));
    expect(applications).toHaveLength(1);
    expect(applications[0]?.answers).toEqual({ organizer_name: 'Association Les Tilleuls' });
    expect(applications[0]?.currentSlot).toBe('legal_entity');
  });
});

const stores = [
  ['SQLite', 'sqlite://:memory:'],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

describe.each(stores)('a turn run again on %s', (_name, url) => {
  it.skipIf(!url)(
    'does not send again a broadcast its first run scheduled and that was sent meanwhile',
    async () => {
      // Its own database: the tick below claims every due job of the store.
      const storeUrl = url?.startsWith('sqlite') ? url : await isolatedStoreUrl(url as string, 'run-again');
      app = await createTestApp({ env: { BOT_LANG: 'en' }, storeUrl });
      const posted: string[] = [];
      app.outbox.register({
        platform: 'slack',
        start: async () => {},
        stop: async () => {},
        send: async (delivery) => {
          posted.push(delivery.reply.text);
        },
      });
      const manager = `UNOW${Date.now().toString(36).toUpperCase()}`;
      const runTwice = rerunner(app, manager, { isManager: true });
      const text = `Doors open in ten minutes (${manager})`;
      await app.bot.handle({
        ref: { platform: 'slack', workspace: 'T1', roomId: `D${manager}`, userId: manager, isDirect: true },
        userId: manager,
        text: `broadcast <#CNOW|general> now ${text}`,
        isManager: true,
        timestamp: app.clock.now(),
      });
      // The first run's broadcast is due at once: another replica's tick sends it before the turn runs again.
      const confirmed = await runTwice(`EvNow${manager}`, 'yes', () => app.scheduler.tick(app.clock.now()));
      await app.scheduler.tick(app.clock.now());
      expect(posted).toEqual([`📣 ${text}`]);
      // Said the same way both times, under the id the first run gave it.
      expect(confirmed.flat().map((r) => r.intent)).toEqual(['broadcast:scheduled', 'broadcast:scheduled']);
      expect(confirmed[1]?.[0]?.data?.id).toBe(confirmed[0]?.[0]?.data?.id);
    },
  );
});
