import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/core/message.ts';
import { PRIVACY_NOTICE } from '../../src/ops/privacy.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { rawRows } from '../support/raw-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

/** A Slack direct message from `user`, with a platform event id. */
function slack(user: string, eventId: string): Partial<IncomingMessage> {
  return {
    ref: { platform: 'slack', workspace: 'T1', roomId: `D-${user}`, userId: user, isDirect: true },
    eventId,
  };
}

describe('first contact', () => {
  it('appends one privacy line to the first reply only, keeping its intent', async () => {
    app = await createTestApp();
    const [first] = await app.say('a', 'help');
    expect(first?.intent).toBe('help');
    expect(first?.text).toMatch(/my data.*forget me/);
    const [second] = await app.say('a', 'help');
    expect(second?.text).not.toContain(PRIVACY_NOTICE.en);
  });

  it('speaks French to a French speaker', async () => {
    app = await createTestApp();
    const [first] = await app.say('a', 'aide');
    expect(first?.text).toMatch(/mes données.*oublie-moi/);
  });
});

describe('my data', () => {
  it('exports everything stored about the person as a JSON file, in their DM', async () => {
    app = await createTestApp();
    await app.records.set('shell:-:a', 'application:x1', {
      id: 'x1',
      answers: { organizer_name: 'Tiers-lieu Zoé' },
    });
    await app.say('a', 'language en');
    const [reply] = await app.say('a', 'my data');
    expect(reply?.intent).toBe('privacy:export');
    expect(reply?.toDirect).toBe(true);
    const file = reply?.attachments?.[0];
    expect(file?.mimeType).toBe('application/json');
    const data = JSON.parse(file?.content ?? '{}');
    expect(data.user).toBe('shell:-:a');
    expect(data.records['application:x1'].answers.organizer_name).toBe('Tiers-lieu Zoé');
    expect(data.records.conversation.lang).toBe('en');
    expect(data).toHaveProperty('reminders');
  });

  it('answers `mes données` in French', async () => {
    app = await createTestApp();
    const [reply] = await app.say('a', 'mes données');
    expect(reply?.intent).toBe('privacy:export');
    expect(reply?.text).toContain('oublie-moi');
  });
});

describe('forget me', () => {
  it('asks first, and deletes nothing when declined', async () => {
    app = await createTestApp();
    await app.say('a', 'hello there');
    const [question] = await app.say('a', 'forget me');
    expect(question?.intent).toBe('confirm:forget-me');
    const [declined] = await app.say('a', 'no');
    expect(declined?.intent).toBe('confirm:forget-me:declined');
    expect(await app.records.names('shell:-:a')).toContain('conversation');
  });

  it('leaves nothing of the person in the store, and says what was deleted', async () => {
    app = await createTestApp();
    const user = 'slack:T1:U-zoe-4711';
    await app.say('U-zoe-4711', 'hello', slack('U-zoe-4711', 'ev-1'));
    await app.records.set(user, 'application:a1', { id: 'a1', answers: { budget_total: 12000 } });
    await app.records.set(user, 'application:a2', { id: 'a2', answers: {} });
    await app.say('bob', 'hello', slack('bob', 'ev-b'));
    expect(rawRows(app.backend).some((row) => row.includes('U-zoe-4711'))).toBe(true);

    const [question] = await app.say('U-zoe-4711', 'oublie-moi', slack('U-zoe-4711', 'ev-2'));
    expect(question?.intent).toBe('confirm:forget-me');
    const [done] = await app.say('U-zoe-4711', 'oui', slack('U-zoe-4711', 'ev-3'));
    expect(done?.intent).toBe('privacy:forgotten');
    expect(done?.text).toContain('2 applications and their answers');

    const left = rawRows(app.backend).filter((row) => row.includes('U-zoe-4711'));
    expect(left).toEqual([]);
    // Other people keep their data.
    expect(rawRows(app.backend).some((row) => row.includes('slack:T1:bob'))).toBe(true);
  });

  // Delivered and dropped reminders stay in the job store as tombstones (they keep an idempotency key from being
  // sent twice); forgetting a person must scrub them too, down to the key.
  it('leaves nothing after a completed application with reminders, some already delivered', async () => {
    app = await createTestApp();
    app.outbox.register({
      platform: 'shell',
      start: async () => {},
      stop: async () => {},
      send: async () => {},
    });
    const start = [...(await app.say('zoe4711', 'candidater')), ...(await app.say('zoe4711', '1'))];
    const { all } = await driveToSummary(app, 'zoe4711', start, ELIGIBLE_LOCAL_NEC);
    if (all.some((r) => r.intent.startsWith('confirm:'))) await app.say('zoe4711', 'oui');
    expect((await app.scheduler.listForUser('shell:-:zoe4711')).length).toBeGreaterThan(1);
    // The reminders' reload index names her too (it finds applications by call when a call file changes).
    expect(
      rawRows(app.backend).some((row) => row.includes('application-reminders') && row.includes('zoe4711')),
    ).toBe(true);
    app.clock.advanceTo(new Date('2027-03-25T10:00:00+01:00'));
    await app.scheduler.tick(app.clock.now());
    const [export_] = await app.say('zoe4711', 'mes données');
    expect(JSON.parse(export_?.attachments?.[0]?.content ?? '{}').reminders.length).toBeGreaterThan(0);

    await app.say('zoe4711', 'oublie-moi');
    const [done] = await app.say('zoe4711', 'oui');
    expect(done?.text).toMatch(/\d+ rappels?\b/);
    expect(rawRows(app.backend).filter((row) => row.includes('zoe4711'))).toEqual([]);
  });

  it('on Matrix, says uploaded files stay in the media store and runs the platform hook', async () => {
    app = await createTestApp();
    const forgotten: string[] = [];
    app.privacy.onForget(async (user) => {
      forgotten.push(user);
      return { fr: '3 messages masqués', en: 'redacted 3 messages that carried files' };
    });
    const matrix: Partial<IncomingMessage> = {
      ref: {
        platform: 'matrix',
        workspace: 'example.org',
        roomId: '!dm',
        userId: '@zoe:example.org',
        isDirect: true,
      },
    };
    await app.say('@zoe:example.org', 'forget me', matrix);
    const [done] = await app.say('@zoe:example.org', 'yes', matrix);
    expect(done?.text).toContain('media store');
    expect(done?.text).toContain('redacted 3 messages that carried files');
    expect(forgotten).toEqual(['matrix:example.org:@zoe:example.org']);
  });
});
