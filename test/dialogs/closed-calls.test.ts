/** Closed calls said first, past events in the past tense, and no past edition's date in a later application. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, driveToSummary, ELIGIBLE_LOCAL_NEC, MEAE, reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('a closed call, said before the first step (today: 23 November 2026)', () => {
  it('the call lists of `candidater` and `appels` carry each call’s status', async () => {
    app = await createTestApp();
    const choose = reply(await app.say('u', 'candidater'), 'dialog:choose-call');
    const labels = choose.choices?.map((c) => c.label).join('\n') ?? '';
    expect(labels).toMatch(/Numérique Inclusif et Responsable.* — clos depuis le 13 mars 2024/);
    expect(labels).toMatch(/NEC ESS Europe 2025 — clos depuis le 27 novembre 2025/);
    expect(labels).toMatch(/NEC local .* — ouvert — édition 2023/);
    expect(choose.text).toContain('clos depuis le 13 mars 2024');
    const calls = reply(await app.say('u', 'appels'), 'calls');
    expect(calls.choices?.map((c) => c.label).join('\n')).toContain('clos depuis le 13 mars 2024');
  });

  it('says since when by the source and what its edition did, then stops or prepares it for a next edition', async () => {
    app = await createTestApp();
    let r = await app.say('u', 'candidater meae-nir');
    const question = reply(r, 'confirm:dialog-closed-call').text;
    expect(question).toContain('est clos depuis le 13 mars 2024');
    expect(question).toContain('§ IV. Calendrier');
    expect(question).toContain(
      'Pour l’édition 2024, l’appel a ouvert le 10 janvier 2024, il a fermé le 13 mars 2024',
    );
    expect(question).toContain('prochaine édition');
    // No step is asked before the person chooses.
    expect(askedSlot(r)).toBeUndefined();
    r = await app.say('u', 'non');
    expect(reply(r, 'confirm:dialog-closed-call:declined').text).toContain('je m’arrête là');
    expect(reply(await app.say('u', 'candidatures'), 'dialog:list').text).toContain('aucune candidature');

    r = await app.say('u', 'candidater meae-nir');
    r = await app.say('u', 'oui');
    expect(askedSlot(r)).toBe('authority_name');
    const { summary } = await driveToSummary(app, 'u', r, MEAE);
    // The summary of a closed call never says to send the file.
    expect(summary.text).not.toContain('Envoyez le dossier');
    expect(summary.text).toContain('n’envoyez pas ce dossier');
    expect(summary.text).toContain('Pour savoir si une nouvelle édition est prévue : Morgane Millon');
    // The 2024 days are that edition's, said in the past tense, not key dates of this application.
    expect(summary.text).not.toMatch(/• 13 mars 2024 :/);
    expect(summary.text).toContain('_Pour l’édition 2024, l’appel a ouvert le 10 janvier 2024');
    expect(summary.data?.keyDates).toEqual([]);
    // Closed, said, and the other criteria still worked out: what the next round would give.
    expect(summary.text).toMatch(/: ❌ non éligible \(appel clos\) — sinon : (✅|❓|❔) /);
    expect(summary.text).toContain('Cet appel est clos depuis le 13 mars 2024');
    const files = reply(await app.say('u', 'exporter'), 'dialog:meae-nir:export').attachments ?? [];
    expect(files[2]?.content).not.toContain('BEGIN:VEVENT');
    expect(files[0]?.content).toContain('n’envoyez pas ce dossier');
  });

  it('speaks of a past event in the past tense', async () => {
    app = await createTestApp();
    await app.say('t', 'apply nec-ess-travel', { langHint: 'en' });
    let r = await app.say('t', 'yes');
    r = await app.say('t', 'Tiers-lieu du Nord');
    r = await app.say('t', 'yes');
    expect(askedSlot(r)).toBe('venue');
    const venue = reply(r, 'dialog:nec-ess-travel:venue').text;
    expect(venue).toContain('The 2025 edition was held in Brussels');
    expect(venue).not.toContain('will you attend');
  });

  it('a channel subscribed to a closed call is told so, and nothing is announced', async () => {
    app = await createTestApp();
    const [r] = await app.say('max', 'abonner meae-nir', { room: 'announces', isManager: true });
    expect(r?.intent).toBe('subscribe:closed');
    expect(r?.text).toContain('est clos depuis le 13 mars 2024');
    expect(await app.subscriptions.list()).toEqual([]);
    expect(await app.scheduler.listByOwner('subscription:shell:-:announces:meae-nir')).toEqual([]);
    // A call without any dated deadline says why nothing is announced.
    const [open] = await app.say('max', 'abonner local-nec', { room: 'announces', isManager: true });
    expect(open?.text).toContain('aucune échéance à venir');
  });
});

describe('no past edition’s date in a later year’s application', () => {
  it('a 2027 local NEC: no « 31 décembre 2023 » key date, reminder or calendar event; the summary says what 2023 did', async () => {
    app = await createTestApp();
    const start = await app.say('u', 'candidater local-nec');
    const { summary } = await driveToSummary(app, 'u', start, ELIGIBLE_LOCAL_NEC);
    expect(summary.data?.keyDates).toEqual([
      { id: 'funding_deadline', date: '2026-11-23' },
      { id: 'event', date: '2027-03-23' },
    ]);
    expect(summary.text).not.toMatch(/• 31 décembre 2023/);
    expect(summary.text).toContain(
      'Pour l’édition 2023, la convention avec l’ANCT courait jusqu’au 31 décembre 2023 ; la date de votre édition n’est pas dans nos sources.',
    );
    await app.say('u', 'oui');
    const reminders = reply(await app.say('u', 'rappels'), 'reminders');
    expect(reminders.text).not.toContain('convention');
    const files = reply(await app.say('u', 'exporter'), 'dialog:local-nec:export').attachments ?? [];
    expect(files[2]?.content).not.toContain('20231231');
    expect(JSON.parse(files[1]?.content ?? '{}').keyDates.map((d: { id: string }) => d.id)).toEqual([
      'funding_deadline',
      'event',
    ]);
  });
});
