import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dayIn } from '../../rules/calendar.ts';
import type { Delivery } from '../../src/core/message.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp, withPlainSpaces } from '../support/test-app.ts';

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
      sent.push({ ...delivery, reply: withPlainSpaces(delivery.reply) });
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

  it('warns again after a second silence, each warning once, across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nec-retention-'));
    const storeUrl = `sqlite://${join(dir, 'store.sqlite')}`;
    try {
      app = await createTestApp({ storeUrl, env: { DIALOG_TTL_DAYS: '30' } });
      const before = captureDeliveries(app);
      const id = await startDialog('a');
      await advanceDays(23.5);
      expect(before.map((d) => d.reply.intent)).toEqual(['reminder:dialog-expiry-warning']);
      // The person comes back, answers, and is silent again; the bot restarts meanwhile.
      await app.say('a', '1');
      const now = app.clock.now().toISOString();
      await app.close();
      app = await createTestApp({ storeUrl, now, env: { DIALOG_TTL_DAYS: '30' } });
      const after = captureDeliveries(app);
      await advanceDays(20);
      expect(after).toEqual([]);
      await advanceDays(3.5);
      expect(after.map((d) => [d.reply.intent, d.reply.text.includes(id)])).toEqual([
        ['reminder:dialog-expiry-warning', true],
      ]);
      await advanceDays(1);
      expect(after).toHaveLength(1);
      expect(await app.records.get('shell:-:a', `application:${id}`)).toBeDefined();
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
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
    // At the start of that day where its owner lives (Paris, summer time): 22:00 UTC the evening before.
    expect(new Date(purge?.dueAt ?? 0).toISOString()).toBe('2027-06-20T22:00:00.000Z');
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

describe('keeping a completed application longer', () => {
  /** A completed local NEC application of `user` (event 23 March 2027: erased on 21 June 2027); its id. */
  async function completed(user: string, lang: 'fr' | 'en' = 'fr'): Promise<string> {
    const start = await app.say(user, lang === 'fr' ? 'candidater' : 'apply', { langHint: lang });
    const { summary } = await driveToSummary(app, user, [...start, ...(await app.say(user, '1'))], {
      ...ELIGIBLE_LOCAL_NEC,
      ...(lang === 'en' ? { local_authority_support: 'yes', charter: 'yes' } : {}),
    });
    return String(summary.data?.application);
  }
  const purgeDay = async (user: string) => {
    const job = (await app.scheduler.listForUser(`shell:-:${user}`)).find(
      (j) => j.kind === 'application-purged',
    );
    return job ? dayIn(new Date(job.dueAt), job.timezone) : undefined;
  };

  it('« garder ma candidature » moves the erasure 90 days on: nothing is erased on the old day, once on the new one', async () => {
    app = await createTestApp();
    const sent = captureDeliveries(app);
    const id = await completed('a');
    expect(await purgeDay('a')).toBe('2027-06-21');

    const [kept] = await app.say('a', 'garder ma candidature');
    expect(kept?.intent).toBe('retention:kept');
    expect(kept?.text).toContain(
      `je garde votre candidature ${id} 90 jours de plus, jusqu’au 19 septembre 2027`,
    );
    expect(await purgeDay('a')).toBe('2027-09-19');
    // The summary and « mes données » say the new day.
    const summary = (await app.say('a', 'récapitulatif')).find((r) => r.intent.endsWith(':summary'));
    expect(summary?.text).toContain(
      'jusqu’à son effacement, le 19 septembre 2027, comme vous l’avez demandé',
    );
    expect(summary?.text).toContain(`« garder ma candidature ${id} »`);
    const mine = (await app.say('a', 'mes données')).find((r) => r.intent === 'privacy:export');
    // Named as people know it, never by its id, which the command does not need with one application.
    expect(mine?.text).toContain(
      '• NEC local (appel à participation de l’ANCT) — Association Les Liens : sera effacée le 19 septembre 2027',
    );
    expect(mine?.text).not.toContain(id);
    expect(mine?.text).toContain('« garder ma candidature »');

    app.clock.advanceTo(new Date('2027-06-22T08:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    expect(sent.filter((d) => d.reply.intent === 'reminder:application-purged')).toEqual([]);
    expect(await app.records.get('shell:-:a', `application:${id}`)).toMatchObject({
      keepUntil: '2027-09-19',
    });

    app.clock.advanceTo(new Date('2027-09-20T08:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    app.clock.advanceTo(new Date('2028-03-01T08:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    const purged = sent.filter((d) => d.reply.intent === 'reminder:application-purged');
    expect(purged).toHaveLength(1);
    expect(purged[0]?.reply.text).toContain(
      `Comme convenu, j’ai effacé votre candidature ${id} : vous aviez demandé à la garder jusqu’au 19 septembre 2027.`,
    );
    expect(await app.records.get('shell:-:a', `application:${id}`)).toBeUndefined();
  });

  it('"keep my application" adds 90 days each time, up to a year ahead of the day asked', async () => {
    app = await createTestApp();
    const id = await completed('e', 'en');
    let [r] = await app.say('e', `keep my application ${id}`);
    expect(r?.data?.until).toBe('2027-09-19');
    [r] = await app.say('e', 'keep my application');
    // 19 September + 90 days would be 18 December 2027: a year from 23 November 2026 is the most.
    expect(r?.intent).toBe('retention:kept');
    expect(r?.text).toContain('until 23 November 2027, as far ahead as I can (365 days from today)');
    expect(await purgeDay('e')).toBe('2027-11-23');
    [r] = await app.say('e', 'keep my application');
    expect(r?.intent).toBe('retention:kept-at-most');
    expect(r?.text).toContain('already kept until 23 November 2027');
    [r] = await app.say('e', 'keep my application 000000');
    expect(r?.intent).toBe('retention:keep-none');
    // Listed in help, in both languages.
    expect((await app.say('e', 'help my data'))[0]?.text).toContain('`keep my application [<id>]`');
    expect((await app.say('x', 'aide mes données'))[0]?.text).toContain('`garder ma candidature [<id>]`');
  });

  it('« oublie-moi » still erases a kept application at once, and nothing is erased later', async () => {
    app = await createTestApp();
    const sent = captureDeliveries(app);
    const id = await completed('f');
    await app.say('f', 'garder ma candidature');
    await app.say('f', 'oublie-moi');
    await app.say('f', 'oui');
    expect(await app.records.get('shell:-:f', `application:${id}`)).toBeUndefined();
    expect(await app.scheduler.listForUser('shell:-:f')).toEqual([]);
    app.clock.advanceTo(new Date('2028-01-01T08:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    expect(sent).toEqual([]);
  });
});
