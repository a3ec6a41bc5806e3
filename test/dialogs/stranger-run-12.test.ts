/**
 * What a stranger typed in session 12's runs of `npm start`: a month starting with a vowel in the question for the
 * day; the venue's size typed two steps ahead (« la salle peut accueillir 300 personnes ») — a capacity, never the
 * number of people expected; “wait, I meant the 16th” after a date noted ahead (it once set the head count to 16);
 * the organisation named in brackets (“our town hall (Ville de Brest)”); the applicant an opening names in the foreign
 * ministry's call (the step read no name there).
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, reachStep, textsOf } from './support.ts';

const { start, answers } = appPerTest();

describe('the day asked of a month said before', () => {
  it('elides « de » before a vowel: « Vous m’avez parlé d’octobre 2027 »', async () => {
    const bot = await start();
    const r = await bot.say(
      'u',
      'Bonjour, la mairie de Quimper voudrait organiser un NEC local en octobre prochain',
    );
    const text = textsOf(r);
    expect(text).toContain('parlé d’octobre 2027');
    expect(text).not.toContain('de octobre');
  });
});

describe('the venue’s size typed at another step', () => {
  it('« la salle peut accueillir 300 personnes » notes the capacity only', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'themes', {
      organizer_name: 'Mairie de Quimper',
      legal_entity: 'collectivité territoriale',
      event_date: '09/10/2027',
      event_format: 'hybride',
    });
    const r = await bot.say('u', 'la salle peut accueillir 300 personnes');
    const stored = await answers('u');
    expect(stored.venue_capacity).toBe(300);
    expect(stored.expected_attendance).toBeUndefined();
    expect(askedSlot(r)).toBe('themes');
  });

  it('« nous attendons 250 participants et le lieu peut accueillir 300 personnes » notes each number once', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'Bonjour, nous voulons organiser un NEC local : nous attendons 250 participants et le lieu peut accueillir 300 personnes.',
    );
    const stored = await answers('u');
    expect(stored.expected_attendance).toBe(250);
    expect(stored.venue_capacity).toBe(300);
  });
});

describe('a correction of a fact noted ahead of its step', () => {
  it('“wait, I meant the 16th” after a date noted ahead corrects that date, not the head count', async () => {
    const bot = await start();
    await bot.say('u', 'hello! our town hall wants to host a local NEC for 250 people');
    await bot.say('u', '15/04/2027');
    expect((await answers('u')).event_date).toBe('2027-04-15');
    const r = await bot.say('u', 'wait, I meant the 16th');
    const stored = await answers('u');
    expect(stored.event_date).toBe('2027-04-16');
    expect(stored.expected_attendance).toBe(250);
    expect(askedSlot(r)).toBe('organizer_name');
  });
});

describe('the organisation named in brackets in an opening', () => {
  it('“our town hall (Ville de Brest) wants to host a local NEC” notes the name and its kind', async () => {
    const bot = await start();
    const r = await bot.say(
      'u',
      'hello! our town hall (Ville de Brest) wants to host a local NEC next spring',
    );
    const stored = await answers('u');
    expect(stored.organizer_name).toBe('Ville de Brest');
    expect(stored.legal_entity).toBe('local_authority');
    expect(askedSlot(r)).not.toBe('organizer_name');
  });

  it('« nous (Mairie de Quimper) voulons organiser un NEC local » too', async () => {
    const bot = await start();
    await bot.say('u', 'Bonjour, nous (Mairie de Quimper) voulons organiser un NEC local');
    expect((await answers('u')).organizer_name).toBe('Mairie de Quimper');
  });
});

describe('the applicant named in an opening of the foreign ministry’s call', () => {
  it('“I am with the Métropole de Lyon and we want to apply…” notes the name and a French local authority', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'Hello, I am with the Métropole de Lyon and we want to apply to the foreign ministry call with our partner city in Benin',
    );
    const r = await bot.say('u', 'yes');
    const stored = await answers('u');
    expect(stored.authority_name).toBe('Métropole de Lyon');
    expect(stored.applicant_type).toBe('french_local_authority');
    expect(askedSlot(r)).not.toBe('authority_name');
  });
});

describe('a kind of body said with where it is', () => {
  it('“we’re a French municipality” is the applicant’s kind, never its name', async () => {
    const bot = await start();
    await bot.say(
      'u',
      "We're a French municipality and want to apply to the MEAE call with our partner town in Senegal",
    );
    const r = await bot.say('u', 'yes');
    const stored = await answers('u');
    expect(stored.authority_name).toBeUndefined();
    expect(stored.applicant_type).toBe('french_local_authority');
    expect(askedSlot(r)).toBe('authority_name');
  });
});
