/**
 * Openings and commands as strangers write them (eval/dialog-answers-12.yaml), on the real app: a habit told in
 * the present (« on fait un NEC local chaque année ») starts nothing; a fact said with a doubt (« probablement
 * hybride ») is not noted as sure; the wish to apply said again mid-dialog says the dialog is open and is never
 * the step's answer; an edit in plain words opens its step; a yes to a closed call that says more keeps it.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, ELIGIBLE_LOCAL_NEC, ESS, intentsOf, MEAE } from './support.ts';

const { start, answers, reach } = appPerTest();

describe('a habit told in the present tense is not an application', () => {
  it.each([
    'Nous organisons déjà un NEC local tous les ans depuis 2022.',
    'Tous les ans on monte un NEC local à Saint-Brieuc avec les centres sociaux.',
    'We run a local NEC every year in Toulouse, it’s always great fun.',
    'We organise a local NEC each autumn with the library',
    'We already run a local NEC, we just wanted to say thanks for the support last year!',
    'Every year we hold a local NEC in Caen with the social centres.',
    'We apply to the foreign ministry’s call every year with our twin town.',
  ])('« %s » starts nothing', async (text) => {
    const bot = await start();
    const r = await bot.say('u', text);
    expect(intentsOf(r).some((i) => i.endsWith(':start') || i === 'confirm:dialog-closed-call')).toBe(false);
  });

  it.each([
    'Bonjour, nous accueillons chaque année un NEC local, et cette année nous voulons candidater pour la subvention.',
    'Bonjour, nous sommes une SCOP et nous organisons un NEC local le 4 novembre 2027 à Metz',
  ])('« %s » starts the local NEC (a wish, or a dated event)', async (text) => {
    const bot = await start();
    const r = await bot.say('u', text);
    expect(intentsOf(r)).toContain('dialog:local-nec:start');
  });
});

describe('a fact said with a doubt in an opening is not noted as sure', () => {
  it.each([
    [
      'bonjour, nous souhaiterions candidater pour un nec local, probablement hybride, le 9 avril 2027',
      'event_format',
    ],
    [
      'Hi there! We’re a charity in Lille and we’d like to run a local NEC on 12 May 2027, probably hybrid',
      'event_format',
    ],
    [
      'hey, we’re a small nonprofit, want to do a local nec, not sure about the format yet, maybe online',
      'event_format',
    ],
    [
      'Coucou ! On hésite entre en ligne et hybride, mais on veut organiser un NEC local, on est une association',
      'event_format',
    ],
    [
      'Nous voudrions organiser un NEC local sur l’inclusion numérique, sans doute le 15 juin 2027.',
      'event_date',
    ],
  ])('« %s » leaves %s to ask', async (text, slot) => {
    const bot = await start();
    const r = await bot.say('u', text);
    expect(intentsOf(r)).toContain('dialog:local-nec:start');
    expect((await answers('u'))[slot]).toBeUndefined();
  });

  it('the sure facts beside the doubted one are kept', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'bonjour, nous souhaiterions candidater pour un nec local, probablement hybride, le 9 avril 2027',
    );
    expect((await answers('u')).event_date).toBe('2027-04-09');
  });
});

describe('the wish to apply said again mid-dialog', () => {
  it.each([
    ['local-nec', 'audience', 'Hi! I want to organise a local NEC please'],
    ['local-nec', 'resources', 'hi again, we’d like to submit an application for a local NEC'],
    ['local-nec', 'event_format', 'bonjour, je voudrais déposer une candidature pour un NEC local'],
    ['meae-nir', 'project_summary', 'Hello, we want to apply for the NIR call'],
    ['nec-ess-travel', 'organisation_name', 'hi, I want to apply for the travel allowance'],
    ['nec-ess-travel', 'distance_km', 'Bonjour, je voudrais demander le défraiement NEC ESS'],
  ])('at the %s’s %s, « %s » says the dialog is open and asks the step again', async (dialog, slot, text) => {
    const bot = await start();
    await reach('u', dialog, slot, { ...ELIGIBLE_LOCAL_NEC, ...MEAE, ...ESS });
    const r = await bot.say('u', text);
    expect(intentsOf(r)).toContain('dialog:busy');
    expect((await answers('u'))[slot]).toBeUndefined();
    expect(askedSlot(r)).toBe(slot);
  });
});

describe('an edit in plain words', () => {
  it.each([
    ['session_formats', 'il faudrait corriger le nom de la structure', 'organizer_name'],
    ['themes', 'attendez, je veux modifier la date', 'event_date'],
  ])('at the %s, « %s » opens %s', async (slot, text, edited) => {
    const bot = await start();
    await reach('u', 'local-nec', slot, ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', text);
    expect(askedSlot(r)).toBe(edited);
    expect((await answers('u'))[slot]).toBeUndefined();
  });
});

describe('a yes to a closed call that says more', () => {
  it('a plain « oui » keeps the opening’s facts as they were', async () => {
    const bot = await start();
    await bot.say('u', 'I want to apply for NEC ESS travel costs, our organisation is Tech for Good Lille');
    await bot.say('u', 'oui');
    expect((await answers('u')).organisation_name).toBe('Tech for Good Lille');
  });

  it('« ok. we’re “Les Connecteurs”, an association, first time for us » keeps its facts', async () => {
    const bot = await start();
    await bot.say('u', 'je veux demander le défraiement NEC ESS');
    const r = await bot.say('u', 'ok. we’re “Les Connecteurs”, an association, first time for us');
    expect(intentsOf(r)).toContain('dialog:nec-ess-travel:start');
    const got = await answers('u');
    expect(got.organisation_name).toBe('Les Connecteurs');
    expect(got.first_participation).toBe(true);
  });
});

describe('facts of an opening said in other words', () => {
  it.each([
    [
      'local-nec',
      'Hello! We’d like to host a local NEC on 7 October 2027 in Dijon: 150 attendees expected, the hall takes 180.',
      { expected_attendance: 150, venue_capacity: 180 },
    ],
    [
      'local-nec',
      'Morning! We’re a SCIC, hoping to organise a local NEC in Grenoble on 16 June 2027 for 200 people, venue capacity 250.',
      { expected_attendance: 200, venue_capacity: 250 },
    ],
    [
      'nec-ess-travel',
      'Hi! We’d like the NEC ESS travel allowance: we’re coming to Brussels, 90 km away, never been before',
      { first_participation: true, distance_km: 90 },
    ],
    [
      'meae-nir',
      'Bonjour, la ville de Besançon souhaite déposer un projet à l’appel MEAE avec Douroula (Burkina Faso)',
      { foreign_partner: true },
    ],
  ])('the %s’s « %s » fills %o', async (dialog, text, filled) => {
    const bot = await start();
    let r = await bot.say('u', text);
    if (r.some((x) => x.intent === 'confirm:dialog-closed-call')) r = await bot.say('u', 'oui');
    expect(intentsOf(r)).toContain(`dialog:${dialog}:start`);
    expect(await answers('u')).toMatchObject(filled);
  });

  it('« how detailed should this be? » at the goal gets the step’s help', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'how detailed should this be?');
    expect(intentsOf(r)).toContain('dialog:step-help');
    expect(askedSlot(r)).toBe('goal');
  });
});
