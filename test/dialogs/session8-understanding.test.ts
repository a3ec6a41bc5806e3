/**
 * What a stranger found in session 8, as conversation scripts on the real app: a common word read as a typo of
 * an option, a name followed by what the body is, a hedge before a clear answer, a month said ahead without its
 * day, and an edit that brings a benefit back within reach.
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
const texts = (r: Reply[]) => r.map((x) => x.text).join('\n');
const answers = (user: string) => answersOf(app as TestApp, user);
const reach = (user: string, dialog: string, slot: string, route: Record<string, string>) =>
  reachStep(app as TestApp, user, dialog, slot, route);

describe('a word of its own is no typo of an option', () => {
  it('« on attend environ 120 personnes » at the themes takes the attendance and asks the themes again', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'on attend environ 120 personnes');
    expect(texts(r)).not.toContain('écologique');
    expect(askedSlot(r)).toBe('themes');
    const stored = await answers('u');
    expect(stored.expected_attendance).toBe(120);
    expect(stored.themes).toBeUndefined();
  });

  it('still forgives a real typo (« ecologi », « accesibilité ») and a word of the option (« environnement »)', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'l’accesibilité et l’environnement');
    expect((await answers('u')).themes).toEqual(['ecological_transition', 'accessibility']);
  });
});

describe('a name followed by what the body is', () => {
  it('« la Ville de Brest, on est une commune » stores the name alone and notes the kind', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'organizer_name', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'la Ville de Brest, on est une commune');
    expect(r[0]?.text).toContain('« Ville de Brest »');
    expect(r[0]?.text).toContain('collectivité territoriale');
    expect(askedSlot(r)).toBe('event_date');
    expect(await answers('u')).toMatchObject({
      organizer_name: 'Ville de Brest',
      legal_entity: 'local_authority',
    });
  });

  it('“Open Lab Rennes, we’re a nonprofit” in English too', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'organizer_name', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'Open Lab Rennes, we’re a nonprofit');
    expect(await answers('u')).toMatchObject({
      organizer_name: 'Open Lab Rennes',
      legal_entity: 'association',
    });
  });
});

describe('a hedge before a clear answer is not a non-answer', () => {
  it('« je sais pas trop, inclusion numérique et peut-être open data » takes the sure theme and asks about the doubtful one', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'je sais pas trop, inclusion numérique et peut-être open data');
    expect(intents(r)).not.toContain('confirm:dialog-skip-offer');
    expect((await answers('u')).themes).toEqual(['digital_inclusion']);
    const question = r.find((x) => x.intent === 'dialog:local-nec:clarify');
    expect(question?.text).toContain('logiciels libres et données ouvertes');
    expect(askedSlot(r)).toBe('themes');
    // « oui » adds it, and the dialog goes on.
    const yes = await bot.say('u', 'oui');
    expect((await answers('u')).themes).toEqual(['digital_inclusion', 'open_source_data']);
    expect(askedSlot(yes)).toBe('goal');
  });

  it('« non » keeps the sure ones only, and goes on', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'l’accessibilité, sans doute la cybersécurité');
    expect(intents(r)).toContain('dialog:local-nec:clarify');
    expect(askedSlot(r)).toBe('themes');
    expect((await answers('u')).themes).toEqual(['accessibility']);
    const no = await bot.say('u', 'non');
    expect((await answers('u')).themes).toEqual(['accessibility']);
    expect(askedSlot(no)).toBe('goal');
  });
});

describe('a month said ahead without its day', () => {
  it('« … à Brest en mars » notes the area and the month, then asks which day of March', async () => {
    const bot = await start();
    const r = await bot.say('u', 'Bonjour, on veut organiser un NEC local à Brest en mars');
    expect(texts(r)).toContain('mars 2027');
    await bot.say('u', 'Les Liens');
    const date = await bot.say('u', 'association');
    expect(askedSlot(date)).toBe('event_date');
    expect(date.at(-1)?.text).toContain('mars 2027');
    // The day alone is a day of that month.
    await bot.say('u', 'le 23');
    expect((await answers('u')).event_date).toBe('2027-03-23');
  });
});

describe('an edit that brings a benefit back within reach', () => {
  it('« modifier la date » to 20 avril 2027 says the grant is within reach again, with the rule’s source', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', { ...ELIGIBLE_LOCAL_NEC, event_date: '15/02/2027' });
    await bot.say('u', 'modifier la date');
    const r = await bot.say('u', '20 avril 2027');
    const back = r.find((x) => x.intent === 'dialog:local-nec:eligibility');
    expect(back?.text).toContain('de nouveau à votre portée');
    expect(back?.text).toContain('subvention de l’ANCT');
    expect(back?.text).toContain('(source : ANCT');
    // Said the same when the edit carries its value.
    await reach('w', 'local-nec', 'themes', { ...ELIGIBLE_LOCAL_NEC, event_date: '15/02/2027' });
    const w = await bot.say('w', 'modifier la date pour le 20 avril 2027');
    expect(texts(w)).toContain('de nouveau à votre portée');
  });
});
