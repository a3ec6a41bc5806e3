/**
 * What a stranger typed in session 10's run of `npm start`, as conversation scripts on the real app: a head
 * count at the structure-type step (its « personnes » once picked « particulier (personne physique) »), a
 * change of mind about the format said one step later, and the type of structure typed at its name.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, reachStep, textsOf } from './support.ts';

const { start, answers } = appPerTest();

describe('a fact of another step typed at the structure’s type', () => {
  it('« une centaine de personnes » is never « particulier (personne physique) »', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'legal_entity', {
      organizer_name: 'Les Petits Débrouillards Rhône',
    });
    const r = await bot.say('u', 'une centaine de personnes');
    const stored = await answers('u');
    expect(stored.legal_entity).toBeUndefined();
    expect(askedSlot(r)).toBe('legal_entity');
  });

  it('« maintenant que j’y pense plutôt hybride » after the format changes the format, not the type', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'legal_entity', {
      organizer_name: 'Les Petits Débrouillards Rhône',
    });
    await bot.say('u', 'en presentiel');
    expect((await answers('u')).event_format).toBe('in_person');
    const r = await bot.say('u', 'maintenant que j y pense plutot hybride');
    const stored = await answers('u');
    expect(stored.event_format).toBe('hybrid');
    expect(stored.legal_entity).toBeUndefined();
    expect(askedSlot(r)).toBe('legal_entity');
  });
});

describe('the type of structure typed at its name', () => {
  it('« nous sommes une asso » fills the type and asks the name again', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'organizer_name', {});
    const r = await bot.say('u', 'nous sommes une asso');
    const stored = await answers('u');
    expect(stored.organizer_name).toBeUndefined();
    expect(stored.legal_entity).toBe('association');
    expect(textsOf(r)).toContain('association');
    expect(askedSlot(r)).toBe('organizer_name');
  });
});

describe('an apology about the person’s situation after an answer', () => {
  it('« pardon je suis dans le train, je reviens » at the date corrects nothing: the name stays', async () => {
    const bot = await start();
    await reachStep(bot, 'u', 'local-nec', 'event_date', {
      organizer_name: 'Les Ateliers du Ponant',
      legal_entity: 'association',
    });
    const r = await bot.say('u', 'pardon je suis dans le train, je reviens');
    const stored = await answers('u');
    expect(stored.organizer_name).toBe('Les Ateliers du Ponant');
    expect(stored.event_date).toBeUndefined();
    expect(textsOf(r)).not.toMatch(/Corrigé/);
  });
});
