import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/core/message.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

const DAY = 86_400_000;

/** Records what the scheduler delivers on the terminal platform. */
function captureDeliveries(target: TestApp): Delivery[] {
  const sent: Delivery[] = [];
  target.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async (delivery) => {
      sent.push(delivery);
    },
  });
  return sent;
}

async function advanceDays(days: number): Promise<void> {
  app.clock.advanceTo(new Date(app.clock.now().getTime() + days * DAY));
  await app.scheduler.tick(app.clock.now());
}

async function startDialog(user: string): Promise<string> {
  for (const text of ['apply', '1', 'Tiers-lieu du Port']) await app.say(user, text);
  const state = await app.records.get<{ activeApplication?: string }>(`shell:-:${user}`, 'conversation');
  return state?.activeApplication ?? '';
}

describe('unfinished dialogs expire after DIALOG_TTL_DAYS, with one warning', () => {
  it('warns a week before, then erases the application and frees the person', async () => {
    app = await createTestApp({ env: { DIALOG_TTL_DAYS: '30' } });
    const sent = captureDeliveries(app);
    const id = await startDialog('a');
    expect(id).not.toBe('');
    expect((await app.scheduler.listForUser('shell:-:a')).map((j) => j.kind)).toEqual(
      expect.arrayContaining(['dialog-expiry-warning', 'dialog-expired']),
    );

    await advanceDays(22);
    expect(sent).toHaveLength(0);
    await advanceDays(1.5);
    expect(sent.map((d) => d.reply.intent)).toEqual(['reminder:dialog-expiry-warning']);
    expect(sent[0]?.reply.text).toContain(id);
    expect(await app.records.get('shell:-:a', `application:${id}`)).toBeDefined();

    // The expiry falls a day after the TTL (the plan is refreshed at most once a day).
    await advanceDays(6);
    expect(sent).toHaveLength(1);
    await advanceDays(2);
    expect(sent.map((d) => d.reply.intent)).toEqual([
      'reminder:dialog-expiry-warning',
      'reminder:dialog-expired',
    ]);
    expect(await app.records.get('shell:-:a', `application:${id}`)).toBeUndefined();
    const state = await app.records.get<{ activeApplication?: string }>('shell:-:a', 'conversation');
    expect(state?.activeApplication).toBeUndefined();
    expect(await app.metrics.render()).toContain(
      'nec_dialogs_abandoned_total{call="local-nec",reason="expired"} 1',
    );
  });

  it('pushes the expiry back each time the person answers', async () => {
    app = await createTestApp({ env: { DIALOG_TTL_DAYS: '30' } });
    const sent = captureDeliveries(app);
    const id = await startDialog('a');
    await advanceDays(20);
    await app.say('a', '1');
    await advanceDays(20);
    expect(sent).toHaveLength(0);
    expect(await app.records.get('shell:-:a', `application:${id}`)).toBeDefined();
  });

  it('drops the pending expiry when the person cancels the dialog', async () => {
    app = await createTestApp();
    const sent = captureDeliveries(app);
    await startDialog('a');
    await app.say('a', 'cancel');
    await app.say('a', 'yes');
    expect(
      (await app.scheduler.listForUser('shell:-:a')).filter((j) => j.kind.startsWith('dialog-')),
    ).toEqual([]);
    await advanceDays(100);
    expect(sent).toEqual([]);
  });
});

describe('completed applications', () => {
  it('are kept until 90 days after their event, then erased with a notice', async () => {
    app = await createTestApp();
    const sent = captureDeliveries(app);
    const start = await app.say('a', 'candidater');
    await driveToSummary(app, 'a', [...start, ...(await app.say('a', '1'))], ELIGIBLE_LOCAL_NEC);
    const jobs = await app.scheduler.listForUser('shell:-:a');
    const purge = jobs.find((j) => j.kind === 'application-purged');
    // Event on 23 March 2027, plus 90 days.
    expect(new Date(purge?.dueAt ?? 0).toISOString().slice(0, 10)).toBe('2027-06-21');
    expect(jobs.some((j) => j.kind === 'dialog-expired')).toBe(false);
    const id = purge?.owner.replace('retention:', '') ?? '';
    expect(await app.records.get('shell:-:a', `application:${id}`)).toMatchObject({ status: 'complete' });

    app.clock.advanceTo(new Date('2027-06-22T08:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    expect(sent.map((d) => d.reply.intent)).toContain('reminder:application-purged');
    expect(await app.records.get('shell:-:a', `application:${id}`)).toBeUndefined();
    const [stats] = await app.say('m', 'stats', { isManager: true });
    expect(stats?.data?.funnel).toMatchObject({ 'local-nec': { started: 1, completed: 1 } });
  });
});
