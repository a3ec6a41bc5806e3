/** Reminders and broadcasts through the bot, on a manual clock, with deliveries recorded as the adapter sees them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Application } from '../../dialogs/application.ts';
import { ApplicationStore } from '../../dialogs/application.ts';
import type { Delivery } from '../../src/core/message.ts';
import { userKey } from '../../src/store/user-records.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp, withPlainSpaces } from '../support/test-app.ts';

let app: TestApp;
let deliveries: Delivery[];

/** Moves the clock like the scripting interface does: through each due time up to `iso`. */
async function advanceTo(iso: string): Promise<Delivery[]> {
  const target = new Date(iso);
  const before = deliveries.length;
  for (let due = await app.scheduler.nextDue(); due && due <= target; due = await app.scheduler.nextDue()) {
    if (due > app.clock.now()) app.clock.advanceTo(due);
    await app.scheduler.tick(app.clock.now());
  }
  app.clock.advanceTo(target);
  return deliveries.slice(before);
}

beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-23T10:00:00+01:00' });
  deliveries = [];
  app.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async (delivery) => {
      deliveries.push({
        ...delivery,
        reply: { ...withPlainSpaces(delivery.reply), data: { at: app.clock.now().toISOString() } },
      });
    },
  });
});
afterEach(() => app.close());

describe('personal reminders', () => {
  it('sets, lists and delivers a reminder in English, at 9:00 local', async () => {
    const [set] = await app.say('ann', 'remind me to send the budget on 12 March at 9:00');
    expect(set).toMatchObject({ intent: 'reminder:set', data: { at: '2027-03-12T08:00:00.000Z' } });
    const [list] = await app.say('ann', 'reminders');
    expect(list?.intent).toBe('reminders');
    expect(list?.text).toContain('send the budget');
    const sent = await advanceTo('2027-03-13T00:00:00+01:00');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.reply).toMatchObject({
      intent: 'reminder:personal',
      text: '⏰ Reminder: send the budget',
    });
    expect(sent[0]?.reply.data).toEqual({ at: '2027-03-12T08:00:00.000Z' });
    expect(sent[0]?.ref).toMatchObject({ roomId: 'ann', isDirect: true });
  });

  it('sets, postpones and cancels reminders in French', async () => {
    const [set] = await app.say('bea', 'rappelle-moi demain à 10h de relire le dossier');
    expect(set?.intent).toBe('reminder:set');
    expect(set?.text).toContain('relire le dossier');
    const id = String(set?.data?.id);
    const [snoozed] = await app.say('bea', `reporter ${id} 2 jours`);
    expect(snoozed).toMatchObject({ intent: 'reminder:snoozed', data: { at: '2026-11-26T09:00:00.000Z' } });
    expect(await advanceTo('2026-11-25T12:00:00+01:00')).toHaveLength(0);
    const [other] = await app.say('bea', 'rappelle-moi dans 2 semaines de relancer la mairie');
    const [cancelled] = await app.say('bea', `annuler rappel ${String(other?.data?.id)}`);
    expect(cancelled?.intent).toBe('reminder:cancelled');
    const sent = await advanceTo('2027-01-01T00:00:00+01:00');
    expect(sent.map((d) => d.reply.text)).toEqual(['⏰ Rappel : relire le dossier']);
  });

  it('refuses a time in the past, a missing time, and someone else’s reminder, saying why', async () => {
    const [past] = await app.say('ann', 'remind me on 1 March 2025 to send it');
    expect(past?.intent).toBe('reminder:refused');
    expect(past?.text).toMatch(/already past/);
    const [passe] = await app.say('bea', 'rappelle-moi aujourd’hui à 8h de partir');
    expect(passe?.text).toMatch(/déjà passé/);
    const [vague] = await app.say('ann', 'remind me to send it');
    expect(vague?.text).toMatch(/could not tell when/);
    const [set] = await app.say('ann', 'remind me tomorrow to call');
    const [foreign] = await app.say('bea', `annuler rappel ${String(set?.data?.id)}`);
    expect(foreign?.intent).toBe('reminder:refused');
  });

  it('follows the person’s own time zone', async () => {
    const [zone] = await app.say('gwada', 'fuseau guadeloupe');
    expect(zone?.text).toContain('America/Guadeloupe');
    const [set] = await app.say('gwada', 'rappelle-moi demain à 9h de préparer la salle');
    expect(set?.data?.at).toBe('2026-11-24T13:00:00.000Z');
  });
});

describe('relative dates in a message that arrives late', () => {
  // The clock reads 2026-11-23 10:00 (Paris). Slack gives each event the time it was written: a redelivery
  // after an outage comes with its old time.
  it('reads « demain » from now when the message was written long ago, and says so', async () => {
    const written = new Date('2026-11-20T18:00:00+01:00');
    const [set] = await app.say('bea', 'rappelle-moi demain à 10h de relire le dossier', {
      timestamp: written,
    });
    expect(set).toMatchObject({ intent: 'reminder:set', data: { at: '2026-11-24T09:00:00.000Z' } });
    expect(set?.text).toContain('vendredi 20 novembre 2026 à 18:00');
    expect(set?.text).toContain('à partir de maintenant');
    const [en] = await app.say('ann', 'remind me tomorrow at 10am to call', { timestamp: written });
    expect(en?.data?.at).toBe('2026-11-24T09:00:00.000Z');
    expect(en?.text).toContain('from now');
  });

  it('reads « demain » from when it was written when it arrives within minutes, past midnight', async () => {
    app.clock.advanceTo(new Date('2026-11-24T00:01:00+01:00'));
    const written = new Date('2026-11-23T23:59:00+01:00');
    const [set] = await app.say('bea', 'rappelle-moi demain à 10h de relire le dossier', {
      timestamp: written,
    });
    expect(set?.data?.at).toBe('2026-11-24T09:00:00.000Z');
    expect(set?.text).not.toContain('à partir de maintenant');
  });

  it('previews a late broadcast « tomorrow » from now', async () => {
    const manager = { room: 'general', isManager: true, timestamp: new Date('2026-11-20T18:00:00+01:00') };
    const [preview] = await app.say('max', 'broadcast tomorrow 9:00 Deadline soon', manager);
    expect(preview?.text).toContain('Tuesday, 24 November 2026');
    expect(preview?.text).toContain('from now');
  });
});

describe('application reminders', () => {
  const user = userKey('shell', 'org');
  const application = (eventDate: string): Application => ({
    id: 'a1b2c3',
    callId: 'local-nec',
    status: 'complete',
    answers: { organizer_name: 'Tiers-lieu du Port', event_date: eventDate },
    skipped: [],
    createdAt: '2026-11-23T09:00:00Z',
    updatedAt: '2026-11-23T09:00:00Z',
    ref: { platform: 'shell', roomId: 'org', userId: 'org', isDirect: true },
  });
  const due = async () =>
    (await app.scheduler.listForUser(user)).map((j) => [j.kind, new Date(j.dueAt).toISOString()]);

  it('fires at 9:00 local on both sides of the change of hour, each text citing its source', async () => {
    // Event 2 August 2027 → funding deadline 2 April 2027; summer time starts on 28 March 2027.
    await app.reminders.syncApplication(user, application('2027-08-02'), 'fr', 'Europe/Paris');
    expect(await due()).toEqual([
      ['funding-deadline', '2027-03-02T08:00:00.000Z'],
      ['funding-deadline', '2027-03-26T08:00:00.000Z'],
      ['funding-deadline', '2027-04-01T07:00:00.000Z'],
      // The eve of a Monday event is a Sunday: the Friday before.
      ['event-eve', '2027-07-30T07:00:00.000Z'],
      ['after-event', '2027-08-03T07:00:00.000Z'],
      ['national-nec', '2027-08-16T07:00:00.000Z'],
    ]);
    for (const job of await app.scheduler.listForUser(user))
      expect(job.reply.text).toMatch(/source\s: ANCT — NEC locaux, 2023 \(page en anglais\), § /);
  });

  it('fall on working days: one ahead of its day the working day before, saying the days really left', async () => {
    // Event Thursday 23 September 2027 → funding deadline Sunday 23 May 2027, so a week before is Sunday 16 May
    // and the day before is a Saturday; the eve is a Wednesday and the duties after are a Friday and a Thursday.
    const answers = { ...ELIGIBLE_LOCAL_NEC, event_date: '23/09/2027' };
    const { all } = await driveToSummary(app, 'org', await app.say('org', 'candidater local-nec'), answers);
    expect(all.at(-1)?.intent).toBe('confirm:reminders:accept');
    await app.say('org', 'oui');
    const [list] = await app.say('org', 'rappels');
    const days = list?.text.match(/^\d\. [^—]+/gm)?.map((line) => line.slice(3).trim());
    expect(days).toEqual([
      'vendredi 23 avril 2027 à 09:00',
      'vendredi 14 mai 2027 à 09:00',
      'vendredi 21 mai 2027 à 09:00',
      'mercredi 22 septembre 2027 à 09:00',
      'vendredi 24 septembre 2027 à 09:00',
      'jeudi 7 octobre 2027 à 09:00',
    ]);
    const sent = await advanceTo('2027-05-22T12:00:00+02:00');
    expect(sent.map((d) => [d.reply.data?.at, d.reply.text.match(/\(([^)]+)\)/)?.[1]])).toEqual([
      ['2027-04-23T07:00:00.000Z', 'dans un mois'],
      ['2027-05-14T07:00:00.000Z', 'dans 9 jours'],
      ['2027-05-21T07:00:00.000Z', 'dans 2 jours'],
    ]);
  });

  it('fires at 9:00 in Guadeloupe for an organizer there', async () => {
    await app.reminders.syncApplication(user, application('2027-08-02'), 'en', 'America/Guadeloupe');
    expect((await due())[0]).toEqual(['funding-deadline', '2027-03-02T13:00:00.000Z']);
    const sent = await advanceTo('2027-03-03T00:00:00Z');
    expect(sent[0]?.reply.intent).toBe('reminder:funding-deadline');
    expect(sent[0]?.reply.text).toContain('2 April 2027');
  });

  it('is offered after a summary, accepted with yes, moved with the event date and deleted with the application', async () => {
    const store = new ApplicationStore(app.records);
    await store.save(user, application('2027-08-02'));
    // The dialog calls offer() right after its summary; a command turn stands in for it here.
    app.bot.commands.add({
      id: 'test-offer',
      aliases: { en: ['test offer'], fr: ['test offre'] },
      summary: { fr: 't', en: 't' },
      run: async (turn) => app.reminders.offer(turn, application('2027-08-02')),
    });
    const [question] = await app.say('org', 'test offer');
    expect(question?.intent).toBe('confirm:reminders:accept');
    const [accepted] = await app.say('org', 'yes');
    expect(accepted).toMatchObject({ intent: 'reminder:accepted', data: { count: 6 } });
    expect((await store.get(user, 'a1b2c3'))?.remindersAccepted).toBe(true);

    await app.reminders.syncApplication(user, application('2027-09-15'), 'en', 'Europe/Paris');
    expect((await due())[0]).toEqual(['funding-deadline', '2027-04-15T07:00:00.000Z']);
    expect(await due()).toHaveLength(6);

    await app.reminders.removeApplication(user, 'a1b2c3');
    expect(await due()).toEqual([]);
  });
});

describe('application reminders and the time zone', () => {
  it('move with the organizer when they set a new time zone', async () => {
    const user = userKey('shell', 'org');
    const store = new ApplicationStore(app.records);
    const record: Application = {
      id: 'd4e5f6',
      callId: 'local-nec',
      status: 'complete',
      answers: { organizer_name: 'Médiathèque', event_date: '2027-08-02' },
      skipped: [],
      createdAt: '2026-11-23T09:00:00Z',
      updatedAt: '2026-11-23T09:00:00Z',
      ref: { platform: 'shell', roomId: 'org', userId: 'org', isDirect: true },
      remindersAccepted: true,
    };
    await store.save(user, record);
    await app.reminders.syncApplication(user, record, 'fr', 'Europe/Paris');
    await app.say('org', 'fuseau America/Guadeloupe');
    const first = (await app.scheduler.listForUser(user))[0];
    expect(first && new Date(first.dueAt).toISOString()).toBe('2027-03-02T13:00:00.000Z');
  });
});

describe('broadcasts', () => {
  it('refuses a broadcast to someone who is not a community manager', async () => {
    const [reply] = await app.say('zoe', 'broadcast tomorrow 9:00 Deadline soon', { room: 'general' });
    expect(reply?.intent).toBe('forbidden');
    const [fr] = await app.say('zoe', 'diffuser demain 9h Date limite', { room: 'general' });
    expect(fr?.intent).toBe('forbidden');
  });

  it('previews, asks, then delivers to each channel at the time given', async () => {
    const manager = { room: 'general', isManager: true };
    const [preview] = await app.say('max', 'broadcast #events #general tomorrow 9:00 Deadline soon', manager);
    expect(preview?.intent).toBe('confirm:broadcast:send');
    expect(preview?.text).toContain('Deadline soon');
    const [scheduled] = await app.say('max', 'yes', manager);
    expect(scheduled?.intent).toBe('broadcast:scheduled');
    const [list] = await app.say('max', 'broadcasts', manager);
    expect(list?.text).toContain(String(scheduled?.data?.id));
    const sent = await advanceTo('2026-11-25T00:00:00+01:00');
    expect(sent.map((d) => [d.ref.roomId, d.reply.intent, d.reply.text])).toEqual([
      ['events', 'broadcast', '📣 Deadline soon'],
      ['general', 'broadcast', '📣 Deadline soon'],
    ]);
  });

  it('cancels a scheduled broadcast', async () => {
    const manager = { room: 'general', isManager: true };
    await app.say('max', 'diffuser demain 9h Réunion', manager);
    const [scheduled] = await app.say('max', 'oui', manager);
    const [cancelled] = await app.say('max', `annuler diffusion ${String(scheduled?.data?.id)}`, manager);
    expect(cancelled?.intent).toBe('broadcast:cancelled');
    expect(await advanceTo('2026-11-26T00:00:00+01:00')).toEqual([]);
  });

  it('asks which broadcast to cancel when the id is left out, offering the scheduled ones', async () => {
    const manager = { room: 'general', isManager: true };
    const [none] = await app.say('max', 'annuler diffusion', manager);
    expect(none?.text).toMatch(/^Aucune diffusion programmée\./);
    await app.say('max', 'diffuser demain 9h Réunion', manager);
    const [scheduled] = await app.say('max', 'oui', manager);
    const [which] = await app.say('max', 'annuler diffusion', manager);
    expect(which).toMatchObject({
      intent: 'broadcast:which',
      text: 'Quelle diffusion annuler ?',
      choices: [
        {
          id: `annuler diffusion ${String(scheduled?.data?.id)}`,
          label: 'mardi 24 novembre 2026 à 09:00 — 📣 Réunion',
        },
      ],
    });
    const [cancelled] = await app.say('max', '1', manager);
    expect(cancelled?.intent).toBe('broadcast:cancelled');
  });
});
