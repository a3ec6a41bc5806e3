/**
 * The talk around an answer, as strangers write it (eval/dialog-answers-11.yaml), on the real app: an apology, the
 * person's own situation, a line for a colleague, a remark on the medium is never stored as a step's answer; an
 * answer wrapped in such talk is still taken, without it; a value the sentence says of another thing is asked
 * about; a no put off ("no for now") is offered for later, not stored as a no.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, ELIGIBLE_LOCAL_NEC, ESS, intentsOf, MEAE } from './support.ts';

const { start, answers, reach } = appPerTest();

describe('talk alone is never an answer', () => {
  it.each([
    ['goal', 'désolé je suis sur mon téléphone dans le train'],
    ['goal', 'excusez-moi je suis dans le bus, ça capte mal'],
    ['goal', 'this bot is surprisingly polite haha'],
    ['area', 'ugh my laptop just died, on my phone now'],
    ['area', 'une seconde, on m’appelle'],
    ['audience', 'désolé pour les fautes, je tape vite'],
    ['resources', 'on en a déjà parlé au téléphone avec votre collègue'],
  ])('at the local NEC’s %s, « %s » stores nothing and asks the step again', async (slot, text) => {
    const bot = await start();
    await reach('u', 'local-nec', slot, ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', text);
    expect((await answers('u'))[slot]).toBeUndefined();
    expect(askedSlot(r)).toBe(slot);
  });

  it('“sorry, I’m on the train, the signal keeps dropping” at the ministry call’s summary stores nothing', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'project_summary', MEAE);
    const r = await bot.say('u', 'sorry, I’m on the train, the signal keeps dropping');
    expect((await answers('u')).project_summary).toBeUndefined();
    expect(askedSlot(r)).toBe('project_summary');
  });

  it('« mon chef est en congé, je vérifie » at the ministry call’s type of applicant is offered for later', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'applicant_type', MEAE);
    const r = await bot.say('u', 'mon chef est en congé, je vérifie');
    expect(intentsOf(r)).toContain('confirm:dialog-skip-offer');
    expect((await answers('u')).applicant_type).toBeUndefined();
  });

  it('« 0 km » at the NEC ESS distance is refused: no journey', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'distance_km', ESS);
    const r = await bot.say('u', '0 km');
    expect(intentsOf(r)).toContain('dialog:nec-ess-travel:invalid');
    expect((await answers('u')).distance_km).toBeUndefined();
  });

  it('the answer put off by the person (« bon je dois filer, je finis ce soir ») is offered for later', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'partners', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'bon je dois filer, je finis ce soir');
    expect(intentsOf(r)).toContain('confirm:dialog-skip-offer');
    expect((await answers('u')).partners).toBeUndefined();
  });
});

describe('an answer wrapped in talk is taken without it', () => {
  it('« pardon pour le retard ! c’est le Centre social Les Musardises » is the organiser’s name', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'organizer_name', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'pardon pour le retard ! c’est le Centre social Les Musardises');
    expect((await answers('u')).organizer_name).toBe('Centre social Les Musardises');
  });

  it('« ok alors : les seniors des quartiers nord et leurs aidants » is the audience, without « ok alors »', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'audience', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'ok alors : les seniors des quartiers nord et leurs aidants');
    expect((await answers('u')).audience).toBe('les seniors des quartiers nord et leurs aidants');
  });

  it('“alors pour nous ce sera surtout l’accessibilité, désolée pour l’attente” is accessibility alone', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'alors pour nous ce sera surtout l’accessibilité, désolée pour l’attente');
    expect((await answers('u')).themes).toEqual(['accessibility']);
  });
});

describe('plain talk before an answer is left out before anything reads the message', () => {
  it('« pfff pas simple… disons le samedi 5 juin 2027 » is the date, not a hesitation', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'pfff pas simple… disons le samedi 5 juin 2027');
    expect((await answers('u')).event_date).toBe('2027-06-05');
  });

  it('a correction said with its own words is still one: « je me suis trompé : 220 participants »', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'venue_capacity', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'je me suis trompé : 220 participants');
    const stored = await answers('u');
    expect(stored.venue_capacity).toBeUndefined();
    expect(stored.expected_attendance).toBe(220);
  });
});

describe('a value said of another thing is asked about', () => {
  it('« le traiteur à lui seul coûte 2 000 € » at the budget is not the total budget', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'budget_total', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'le traiteur à lui seul coûte 2 000 €');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).budget_total).toBeUndefined();
  });

  it('« en tout on arrive à 14 000 €, dont 2 000 de traiteur » is the total budget', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'budget_total', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'en tout on arrive à 14 000 €, dont 2 000 de traiteur');
    expect((await answers('u')).budget_total).toBe(14000);
  });

  it('« notre AG a lieu le 12 janvier » at the date is another meeting’s date', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'notre AG a lieu le 12 janvier, on en discutera là');
    expect((await answers('u')).event_date).toBeUndefined();
  });

  it.each([
    'the venue is 2 km from the station',
    'la gare est à 3 km de chez nous',
    'notre antenne de Liège est à 30 km de Namur',
  ])('“%s” at the NEC ESS distance is another distance', async (text) => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'distance_km', ESS);
    const r = await bot.say('u', text);
    expect((await answers('u')).distance_km).toBeUndefined();
    expect(askedSlot(r)).toBe('distance_km');
  });

  it.each([
    ['de Namur à Bruxelles ça fait environ 65 km', 65],
    ['sorry, just checked: about 320 km from our office', 320],
  ])('“%s” is the distance', async (text, km) => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'distance_km', ESS);
    await bot.say('u', text);
    expect((await answers('u')).distance_km).toBe(km);
  });
});

describe('a no put off is not a no', () => {
  it.each([
    'I haven’t read it yet, so no for now',
    'pas encore lue, donc non pour l’instant',
    'not yet, I’ll read it tonight',
  ])('“%s” at the commitments offers to come back later', async (text) => {
    const bot = await start();
    await reach('u', 'local-nec', 'charter', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', text);
    expect(intentsOf(r)).toContain('confirm:dialog-skip-offer');
    expect((await answers('u')).charter).toBeUndefined();
  });

  it('« le maire a changé en mars, c’est flou » at the support asks « Plutôt oui, ou plutôt non ? »', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'local_authority_support', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'le maire a changé en mars, c’est flou');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).local_authority_support).toBeUndefined();
  });

  it('« pas encore, on attend la réponse de Dakar » at the partner abroad is awaited, not a no', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'foreign_partner', MEAE);
    await bot.say('u', 'pas encore, on attend la réponse de Dakar');
    expect((await answers('u')).foreign_partner).toBeUndefined();
  });

  it('“not yet, we’re looking for one” is still a no, and « non pas pour l’instant » to “already claimed?” too', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'foreign_partner', MEAE);
    await bot.say('u', 'not yet, we’re looking for one');
    expect((await answers('u')).foreign_partner).toBe(false);
    await reach('v', 'nec-ess-travel', 'allowance_already_claimed', { ...ESS, distance_km: '300' });
    await bot.say('v', 'non pas pour l’instant, mais on y pense');
    expect((await answers('v')).allowance_already_claimed).toBe(false);
  });
});
