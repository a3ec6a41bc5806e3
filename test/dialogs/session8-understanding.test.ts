/**
 * What a stranger found in session 8, as conversation scripts on the real app: a common word read as a typo of
 * an option, a name followed by what the body is, a hedge before a clear answer, a month said ahead without its
 * day, and an edit that brings a benefit back within reach.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, ELIGIBLE_LOCAL_NEC, intentsOf, textsOf } from './support.ts';

const { start, answers, reach } = appPerTest();

describe('a word of its own is no typo of an option', () => {
  it('« on attend environ 120 personnes » at the themes takes the attendance and asks the themes again', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'on attend environ 120 personnes');
    expect(textsOf(r)).not.toContain('écologique');
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
    expect(intentsOf(r)).not.toContain('confirm:dialog-skip-offer');
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
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
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
    expect(textsOf(r)).toContain('mars 2027');
    await bot.say('u', 'Les Liens');
    const date = await bot.say('u', 'association');
    expect(askedSlot(date)).toBe('event_date');
    expect(date.at(-1)?.text).toContain('mars 2027');
    // The day alone is a day of that month.
    await bot.say('u', 'le 23');
    expect((await answers('u')).event_date).toBe('2027-03-23');
  });
});

describe('a month said at the date step', () => {
  it('« mi-juin » asks which day of June 2027, and « le 15 » is then the 15th of June', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'mi-juin');
    expect(intentsOf(r)).toEqual(['dialog:local-nec:clarify']);
    expect(r[0]?.text).toContain('juin 2027');
    await bot.say('u', 'le 15');
    expect((await answers('u')).event_date).toBe('2027-06-15');
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
    expect(textsOf(w)).toContain('de nouveau à votre portée');
  });
});

describe('non-answers a stranger writes, never stored', () => {
  const MEAE = { authority_name: 'Nantes', applicant_type: '1', foreign_partner: 'non', fields: '1' };
  const TRAVEL = { organisation_name: 'Les Liens', first_participation: 'oui' };

  it('asks back a value said with a doubt and a question mark (« pas sûr, peut-être 100 ? », "maybe 14 May 2027?")', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'expected_attendance', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', 'pas sûr, peut-être 100 ?'))).toEqual(['dialog:local-nec:clarify']);
    expect((await answers('u')).expected_attendance).toBeUndefined();
    await reach('w', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('w', 'maybe 14 May 2027?');
    expect(intentsOf(r)).toEqual(['dialog:local-nec:clarify']);
    expect(r[0]?.choices?.map((c) => c.id)).toEqual(['2027-05-14']);
    expect((await answers('w')).event_date).toBeUndefined();
  });

  it('"no idea, …" at a yes/no step is not a no, and "no title yet" corrects nothing', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'first_participation', TRAVEL);
    expect(intentsOf(await bot.say('u', 'no idea, I only joined in September'))).toEqual([
      'confirm:dialog-skip-offer',
    ]);
    expect((await answers('u')).first_participation).toBeUndefined();
    await reach('w', 'meae-nir', 'project_title', MEAE);
    expect(intentsOf(await bot.say('w', 'no title yet, sorry'))).toEqual(['confirm:dialog-skip-offer']);
    expect((await answers('w')).foreign_partner).toBe(false);
  });

  it('a question about which option, after a hedge too, gets the step’s help', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_format', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', 'lequel vous conseillez ?'))[0]).toBe('dialog:step-help');
    await reach('w', 'meae-nir', 'fields', MEAE);
    expect(intentsOf(await bot.say('w', 'je sais pas, lequel est le plus financé ?'))[0]).toBe(
      'dialog:step-help',
    );
  });

  it('« on hésite entre les deux » of two options asks which, with both as buttons', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'venue', TRAVEL);
    const r = await bot.say('u', 'on hésite entre les deux');
    expect(intentsOf(r)).toEqual(['dialog:nec-ess-travel:clarify']);
    expect(r[0]?.choices?.map((c) => c.id)).toEqual(['brussels', 'paris']);
  });

  it('never stores "still drafting it with the team", « je vous envoie ça demain » or « bonne question lol »', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    for (const text of [
      'still drafting it with the team',
      'je vous envoie ça demain',
      'bonne question lol',
    ]) {
      await bot.say('u', text);
      expect((await answers('u')).goal).toBeUndefined();
    }
  });
});
