/**
 * What people wrote in session 5's reports and tuning parts, as conversation scripts on the real app: every
 * yes/no prompt read the same way and kept when not understood, status asked in plain words, a correction sent
 * to the answer it names or replaced, hedges and sentences about the answer never stored, facts from openings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { answersOf, ELIGIBLE_LOCAL_NEC, reachStep } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const start = () => createTestApp({ now: '2026-12-01T10:00:00+01:00' });
const intents = (r: Reply[]) => r.map((x) => x.intent);
const answers = (user: string) => answersOf(app as TestApp, user);
const reach = (user: string, dialog: string, slot: string, route: Record<string, string>) =>
  reachStep(app as TestApp, user, dialog, slot, route);

const TRAVEL = { organisation_name: 'Les Liens', first_participation: 'oui', venue: '1', distance_km: '300' };
const MEAE = {
  authority_name: 'Nantes',
  applicant_type: '1',
  foreign_partner: 'oui',
  partner_name: 'Dakar, Sénégal',
  fields: '1',
};

describe('yes/no prompts of the bot', () => {
  it('takes « oui vas y » at the closed-call prompt, and keeps the question when nothing understood the message', async () => {
    app = await start();
    expect(intents(await app.say('u', 'candidater nec-ess-travel'))).toEqual(['confirm:dialog-closed-call']);
    const lost = await app.say('u', 'bof');
    expect(intents(lost)).toEqual(['confirm:dialog-closed-call']);
    expect(lost[0]?.text).toContain('oui ou par non');
    const r = await app.say('u', 'oui vas y');
    expect(intents(r)).toContain('dialog:nec-ess-travel:start');
  });

  it('asks a hedged yes back at a yes/no step instead of storing it', async () => {
    app = await start();
    await reach('u', 'local-nec', 'local_authority_support', ELIGIBLE_LOCAL_NEC);
    expect(intents(await app.say('u', 'euh je crois que oui, enfin…'))).toEqual(['dialog:local-nec:clarify']);
    expect(intents(await app.say('u', 'a priori oui mais je dois en parler au bureau'))).toEqual([
      'confirm:dialog-skip-offer',
    ]);
    expect((await answers('u')).local_authority_support).toBeUndefined();
  });
});

describe('questions and non-answers at a step', () => {
  it('shows the status for « il me manque quoi dans mon dossier ? » and a step’s help for its name', async () => {
    app = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    expect(intents(await app.say('u', 'il me manque quoi dans mon dossier ?'))[0]).toBe(
      'dialog:local-nec:status',
    );
    const territory = await app.say('u', 'c’est quoi le territoire ?');
    expect(intents(territory)).toEqual(['dialog:step-help', 'dialog:local-nec:themes']);
    expect(territory[0]?.text).toContain('territoire concerné');
    expect(intents(await app.say('u', 'et si notre thème n’est pas dans la liste ?'))[0]).toBe(
      'dialog:step-help',
    );
  });

  it('offers the skip for a sentence about the answer and for words of not knowing, and asks back a doubted value', async () => {
    app = await start();
    await reach('u', 'local-nec', 'partners', ELIGIBLE_LOCAL_NEC);
    expect(intents(await app.say('u', 'on en cherche encore'))).toEqual(['confirm:dialog-skip-offer']);
    await app.say('u', 'non');
    expect((await answers('u')).partners).toBeUndefined();
    app = await start();
    await reach('v', 'local-nec', 'expected_attendance', ELIGIBLE_LOCAL_NEC);
    expect(intents(await app.say('v', 'c’est encore flou'))).toEqual(['confirm:dialog-skip-offer']);
    await app.say('v', 'non');
    expect(intents(await app.say('v', 'peut-être 200'))).toEqual(['dialog:local-nec:clarify']);
    expect((await answers('v')).expected_attendance).toBeUndefined();
    await app.say('v', 'oui');
    expect((await answers('v')).expected_attendance).toBe(200);
  });

  it('says a day gone and asks for the day meant, with the next one as a button', async () => {
    app = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    const r = await app.say('u', 'le 12 octobre 2026');
    expect(intents(r)).toEqual(['dialog:local-nec:invalid', 'dialog:local-nec:clarify']);
    expect(r[1]?.choices?.map((c) => c.id)).toContain('2027-10-12');
  });
});

describe('corrections go to the answer they name', () => {
  it('changes the answer holding the old value, and both answers a message names', async () => {
    app = await start();
    await reach('u', 'nec-ess-travel', 'distance_km', TRAVEL);
    await app.say('u', 'ah non c’est Paris finalement, pas Bruxelles');
    expect((await answers('u')).venue).toBe('paris');
    app = await start();
    await reach('v', 'local-nec', 'charter', ELIGIBLE_LOCAL_NEC);
    const before = await answers('v');
    await app.say('v', 'non pardon, le budget c’est 9000, les 8000 c’est la subvention');
    expect(await answers('v')).toMatchObject({
      organizer_name: before.organizer_name,
      budget_total: 9000,
      grant_requested: 8000,
    });
    expect((await answers('v')).charter).toBeUndefined();
  });

  it('reads a city known only abroad as a foreign authority, and a partner named by its country', async () => {
    app = await start();
    await reach('u', 'meae-nir', 'applicant_type', MEAE);
    await app.say('u', 'la ville de Dakar');
    expect((await answers('u')).applicant_type).toBe('foreign_authority');
    app = await start();
    let r = await app.say(
      'v',
      'Bonjour, Brest métropole souhaiterait candidater à l’appel du MEAE avec la ville de Tanger au Maroc',
    );
    if (intents(r).includes('confirm:dialog-closed-call')) r = await app.say('v', 'oui');
    // A métropole is a grouping of local authorities: its kind is asked at its step (session 6).
    expect(await answers('v')).toMatchObject({ foreign_partner: true });
    expect((await answers('v')).applicant_type).toBeUndefined();
  });
});
