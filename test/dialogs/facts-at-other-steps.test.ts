/**
 * What strangers typed in session 8 where another step's fact was meant, as conversation scripts on the real
 * app: a date or a distance given at the organisation's name, a head count at the date step, a yes to the
 * skip offer that answers the step itself, a doubt followed by a question about the step.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, ELIGIBLE_LOCAL_NEC, intentsOf, MEAE, reachStep, textsOf } from './support.ts';

const { start, answers } = appPerTest();

describe('a fact of another step typed at the organisation’s name', () => {
  it('« le 10 octobre » at the name of a local NEC is the event’s date, and the name is asked again', async () => {
    const bot = await start();
    const opening = await bot.say(
      'u',
      'Salut ! On est une petite asso à Quimper et on voudrait monter un NEC local cet automne',
    );
    expect(askedSlot(opening)).toBe('organizer_name');
    const r = await bot.say('u', 'le 10 octobre');
    const stored = await answers('u');
    expect(stored.organizer_name).toBeUndefined();
    expect(stored.event_date).toBe('2027-10-10');
    expect(textsOf(r)).toContain('10 octobre 2027');
    expect(askedSlot(r)).toBe('organizer_name');
    await bot.say('u', 'Association Ti Numérik');
    expect((await answers('u')).organizer_name).toBe('Association Ti Numérik');
  });

  it('"we are based in Lille, about 300km away" at the travel allowance’s organisation is the distance', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'nec-ess-travel', 'organisation_name', {});
    const r = await bot.say('u', 'we are based in Lille, about 300km away I guess');
    const stored = await answers('u');
    expect(stored.organisation_name).toBeUndefined();
    expect(stored.distance_km).toBe(300);
    expect(askedSlot(r)).toBe('organisation_name');
  });

  it('a name that holds a number is still a name (« Les 3 Petits Points »)', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'organizer_name', {});
    await bot.say('u', 'Les 3 Petits Points');
    expect((await answers('u')).organizer_name).toBe('Les 3 Petits Points');
  });
});

describe('a head count typed at the date step', () => {
  it('« on attend 50 personnes » is the attendance, and the date is asked again', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'on attend 50 personnes');
    expect((await answers('u')).expected_attendance).toBe(50);
    expect((await answers('u')).event_date).toBeUndefined();
    expect(askedSlot(r)).toBe('event_date');
  });
});

describe('the offer to leave a step for later', () => {
  it('"yes it is our first time" to the offer answers the step, it does not skip it', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'nec-ess-travel', 'first_participation', {
      organisation_name: 'The Good Network',
    });
    const offer = await bot.say('u', 'no idea yet');
    expect(intentsOf(offer)).toContain('confirm:dialog-skip-offer');
    await bot.say('u', 'yes it is our first time');
    expect((await answers('u')).first_participation).toBe(true);
  });

  it('a plain « oui » still leaves the step for later', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'nec-ess-travel', 'first_participation', {
      organisation_name: 'The Good Network',
    });
    await bot.say('u', 'aucune idée');
    const r = await bot.say('u', 'oui');
    expect((await answers('u')).first_participation).toBeUndefined();
    expect(textsOf(r)).toMatch(/plus tard|later/);
  });
});

describe('a doubt followed by a question', () => {
  it('"hmm not sure, is it per person?" at a yes/no step is answered, not offered to skip', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'nec-ess-travel', 'first_participation', {
      organisation_name: 'The Good Network',
    });
    const r = await bot.say('u', 'hmm not sure, is it per person?');
    expect(intentsOf(r)).not.toContain('confirm:dialog-skip-offer');
    expect(askedSlot(r)).toBe('first_participation');
  });
});

describe('an answer handed over for approval', () => {
  it('« tout le monde en fait je suppose, non » at the audience is asked back, not stored', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'audience', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'tout le monde en fait je suppose, non');
    expect((await answers('u')).audience).toBeUndefined();
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    await bot.say('u', 'oui');
    expect((await answers('u')).audience).toBe('tout le monde en fait je suppose, non');
  });
});

describe('a fact of another step typed at a step it does not answer (session 9 stranger run)', () => {
  it('« en présentiel » at the date step is the format, and the date is asked again', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'en présentiel');
    expect((await answers('u')).event_format).toBe('in_person');
    expect((await answers('u')).event_date).toBeUndefined();
    expect(textsOf(r)).toMatch(/présentiel/);
    expect(askedSlot(r)).toBe('event_date');
  });

  it('« oui la mairie nous soutient » at the themes is the local authority’s support, and the themes are asked again', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'oui la mairie nous soutient');
    expect((await answers('u')).local_authority_support).toBe(true);
    expect((await answers('u')).themes).toBeUndefined();
    expect(askedSlot(r)).toBe('themes');
  });

  it('a message that names no other step’s fact is still refused kindly at the date step', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'bleu');
    const stored = await answers('u');
    expect(stored.event_date).toBeUndefined();
    expect(stored.event_format).toBeUndefined();
    expect(askedSlot(r)).toBe('event_date');
  });
});

describe('a name said after « c est » without its apostrophe', () => {
  it('« c est le centre social Jean Vilar, une asso » keeps the name without « c est »', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'organizer_name', {});
    await bot.say('u', 'c est le centre social Jean Vilar, une asso');
    const stored = await answers('u');
    expect(stored.organizer_name).toBe('centre social Jean Vilar');
    expect(stored.legal_entity).toBe('association');
  });
});

describe('a month said at a step that asks something else', () => {
  it('« sûrement début avril » at the kind of organisation keeps April for the date, which then asks the day', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'legal_entity', { organizer_name: 'Les Connecteurs' });
    const r = await bot.say('u', 'sûrement début avril');
    expect(textsOf(r)).toMatch(/avril 2027, jour à préciser/);
    expect(askedSlot(r)).toBe('legal_entity');
    await bot.say('u', 'association');
    const day = await bot.say('u', 'le 9');
    expect((await answers('u')).event_date).toBe('2027-04-09');
    expect(askedSlot(day)).toBe('event_format');
  });
});

describe('a range said ahead', () => {
  it('"something like 80-100 people" at the kind of organisation stores no head count', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'legal_entity', { organizer_name: 'Les Connecteurs' });
    const r = await bot.say('u', 'something like 80-100 people');
    expect((await answers('u')).expected_attendance).toBeUndefined();
    expect(askedSlot(r)).toBe('legal_entity');
  });

  it('an opening « pour 80 à 100 personnes » notes the rest, not one bound', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'Bonjour, nous voulons organiser un NEC local hybride à Rennes pour 80 à 100 personnes',
    );
    const stored = await answers('u');
    expect(stored.event_format).toBe('hybrid');
    expect(stored.expected_attendance).toBeUndefined();
  });
});

describe('the kind of organisation in English', () => {
  it('"its a collective, not really registered yet" reads as « collectif », not as a local authority', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'legal_entity', { organizer_name: 'Les Connecteurs' });
    const r = await bot.say('u', 'its a collective, not really registered yet');
    expect(textsOf(r)).not.toMatch(/local authority|collectivité/);
  });
});

describe('one more item for a list answered before', () => {
  it('"accessibility too" at the goal adds the theme and asks the goal again', async () => {
    const bot = await start();
    await bot.say('u', 'we would like to host a local NEC on digital inclusion');
    await reachStep(bot, 'u', 'local-nec', 'goal', { ...ELIGIBLE_LOCAL_NEC, themes: 'digital inclusion' });
    const r = await bot.say('u', 'accessibility too');
    const stored = await answers('u');
    expect(stored.goal).toBeUndefined();
    expect(stored.themes).toEqual(['digital_inclusion', 'accessibility']);
    expect(askedSlot(r)).toBe('goal');
  });

  it('« et l’open data aussi » at the budget adds the theme', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'budget_total', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'et l’open data aussi');
    expect((await answers('u')).themes).toContain('open_source_data');
    expect((await answers('u')).budget_total).toBeUndefined();
  });

  it('a goal that mentions a theme with « aussi » in a sentence stays the goal', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    const goal =
      'Réunir les acteurs locaux et parler aussi d’accessibilité numérique avec les élus du territoire';
    await bot.say('u', goal);
    expect((await answers('u')).goal).toBe(goal);
  });
});

describe('a quantity that no step of the application takes', () => {
  it('« à peu près 40 000 euros » at the ministry call’s partner is not stored as the partner', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'meae-nir', 'partner_name', MEAE);
    const r = await bot.say('u', 'à peu près 40 000 euros');
    expect((await answers('u')).partner_name).toBeUndefined();
    expect(textsOf(r)).toMatch(/40 000 euros/);
    expect(askedSlot(r)).toBe('partner_name');
  });

  it('nor after a free text asked back (« Je note … comme … ? »)', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'meae-nir', 'partner_name', MEAE);
    await bot.say('u', 'les deux, surtout l inclusif');
    await bot.say('u', 'à peu près 40 000 euros');
    expect((await answers('u')).partner_name).toBeUndefined();
  });
});

describe('a yes or a no said against the step’s own words', () => {
  for (const text of ['nope never been', 'non, jamais venus'])
    it(`« ${text} » to “first time at NEC ESS?” is asked back, not stored as no`, async () => {
      const bot = await start();
      await reachStep(bot, 'u', 'nec-ess-travel', 'first_participation', {
        organisation_name: 'Tech Solidaire',
      });
      const r = await bot.say('u', text);
      expect((await answers('u')).first_participation).toBeUndefined();
      expect(textsOf(r)).toMatch(/plutôt non|rather no/i);
    });

  it('« non, pas notre première fois » is still a no', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'nec-ess-travel', 'first_participation', {
      organisation_name: 'Tech Solidaire',
    });
    await bot.say('u', 'non, pas notre première fois');
    expect((await answers('u')).first_participation).toBe(false);
  });
});

describe('an answer noted before, typed again at another step', () => {
  it('« Mairie de Saint-Brieuc » at the format, after an opening that gave it, is said to be noted already', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'Bonjour ! Je suis chargée de mission à la mairie de Saint-Brieuc, on veut faire un NEC local le 2 octobre 2027',
    );
    const r = await bot.say('u', 'Mairie de Saint-Brieuc');
    expect(textsOf(r)).toMatch(/déjà noté : structure organisatrice : mairie de Saint-Brieuc/);
    expect(askedSlot(r)).toBe('event_format');
  });

  it('« association » at the date, when the opening said it, is said to be noted already', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'we are a digital inclusion association in Lille and we would love to host a local NEC',
    );
    await bot.say('u', 'Les Connecteurs');
    const r = await bot.say('u', 'association');
    expect(textsOf(r)).toMatch(/Already noted: type of organiser: association/);
    expect(askedSlot(r)).toBe('event_date');
  });
});

describe('a number said in passing', () => {
  it('never names a theme by its place in the list (« 1,000,000 people » is not theme 1 said again)', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'expected_attendance', { ...ELIGIBLE_LOCAL_NEC, themes: '1' });
    const r = await bot.say('u', '1,000,000 people');
    expect(textsOf(r)).not.toMatch(/déjà noté|Already noted/);
  });
});

describe('a date changed to a day alone', () => {
  for (const text of ['change the date to the 25th', 'changer la date au 25'])
    it(`« ${text} » is the 25th of the month given before`, async () => {
      const bot = await start();
      await reachStep(bot, 'u', 'local-nec', 'themes', { ...ELIGIBLE_LOCAL_NEC, event_date: '18/09/2027' });
      const r = await bot.say('u', text);
      expect((await answers('u')).event_date).toBe('2027-09-25');
      expect(askedSlot(r)).toBe('themes');
    });
});

describe('a question that holds a value', () => {
  it('« quelle est la météo demain ? » at the date stores no date', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'quelle est la météo demain ?');
    expect((await answers('u')).event_date).toBeUndefined();
  });

  it('« le 12 mars 2027 ? » is still a date said with a doubt, asked back', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'le 12 mars 2027 ?');
    expect(textsOf(r)).toMatch(/12 mars 2027/);
  });
});
