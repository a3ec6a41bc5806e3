/**
 * What session 6's tuning part and strangers wrote, as conversation scripts on the real app: kinds of
 * organisation by their legal forms in either dialog, facts after `apply <call>`, days said without a month
 * or gone, edits in the plural.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { answersOf, askedSlot, ELIGIBLE_LOCAL_NEC, reachStep } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const start = async () => {
  app = await createTestApp({ now: '2026-12-01T10:00:00+01:00' });
  return app;
};
const intents = (r: Reply[]) => r.map((x) => x.intent);
const answers = (user: string) => answersOf(app as TestApp, user);
const reach = (user: string, dialog: string, slot: string, route: Record<string, string>) =>
  reachStep(app as TestApp, user, dialog, slot, route);

const MEAE = { authority_name: 'Nantes', applicant_type: '1', foreign_partner: 'oui', partner_name: 'Dakar' };

describe('kinds of organisation', () => {
  it('reads a legal form (« une sarl ») and a university at the foreign ministry call as at the local NEC', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'applicant_type', MEAE);
    expect(intents(await bot.say('u', 'une sarl'))).toContain('dialog:meae-nir:noted');
    expect((await answers('u')).applicant_type).toBe('company');
    const r = await bot.say('w', 'our university wants to apply to the MEAE decentralised cooperation call');
    if (intents(r).includes('confirm:dialog-closed-call')) await bot.say('w', 'yes');
    expect((await answers('w')).applicant_type).toBe('other');
  });
});

describe('facts said after the call’s name', () => {
  it('« apply for the travel allowance, … 680 km from Paris … » fills the venue and the distance', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'apply for the travel allowance, we are about 680 km from Paris and will attend the Paris days',
    );
    await bot.say('u', 'yes');
    expect(await answers('u')).toMatchObject({ venue: 'paris', distance_km: 680 });
  });

  it('« le département de la Martinique veut déposer un projet NIR … » starts the foreign ministry call', async () => {
    const bot = await start();
    const r = await bot.say(
      'u',
      'le département de la Martinique veut déposer un projet NIR avec une commune d’Haïti',
    );
    expect(intents(r)).toEqual(['confirm:dialog-closed-call']);
  });
});

describe('days', () => {
  it('asks which month for days said without one, and which day for one gone (« hier »)', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    expect(intents(await bot.say('u', 'the 2nd or the 9th, not sure'))).toEqual(['dialog:local-nec:clarify']);
    const gone = await bot.say('u', 'hier');
    expect(intents(gone)).toEqual(['dialog:local-nec:invalid', 'dialog:local-nec:clarify']);
    expect(gone[1]?.choices?.map((c) => c.id)).toContain('2027-11-30');
    expect((await answers('u')).event_date).toBeUndefined();
  });
});

describe('edits', () => {
  it('« the partners are wrong », « les thèmes ne sont pas bons » open those steps', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'budget_total', ELIGIBLE_LOCAL_NEC);
    expect(askedSlot(await bot.say('u', 'the partners are wrong'))).toBe('partners');
    expect(askedSlot(await bot.say('u', 'les thèmes ne sont pas bons'))).toBe('themes');
  });
});
