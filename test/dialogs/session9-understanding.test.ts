/**
 * What strangers wrote in session 9, as conversation scripts on the real app: a value is never stored on weak
 * evidence — a condition put on it, a question whose words read as an answer, the person telling the bot what
 * they will do, a number the sentence says is another step's.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, ELIGIBLE_LOCAL_NEC, intentsOf } from './support.ts';

const { start, answers, reach } = appPerTest();

describe('a value said under a condition is asked back', () => {
  it('« si on a la fibre d’ici là, hybride » at the format asks before it keeps hybrid; « oui » keeps it', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_format', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'si on a la fibre d’ici là, hybride');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).event_format).toBeUndefined();
    await bot.say('u', 'oui');
    expect((await answers('u')).event_format).toBe('hybrid');
  });

  it('“yes if the council votes it through in February” at the support offers to come back later', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'local_authority_support', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'yes if the council votes it through in February');
    expect(intentsOf(r)).toContain('confirm:dialog-skip-offer');
    const stored = await answers('u');
    expect(stored.local_authority_support).toBeUndefined();
    expect(stored.local_authority_name).toBeUndefined();
  });

  it('politeness is no condition: “Saturday 2 October 2027 if that works” is the date', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'we’d go for Saturday 2 October 2027 if that works');
    expect((await answers('u')).event_date).toBe('2027-10-02');
  });
});

describe('a question is never an answer', () => {
  it('“does a free room count as support?” gets the step’s help, nothing stored', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'local_authority_support', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'does a free room count as support?');
    expect(intentsOf(r)).toContain('dialog:step-help');
    expect(askedSlot(r)).toBe('local_authority_support');
    expect((await answers('u')).local_authority_support).toBeUndefined();
  });
});

describe('the person telling the bot what they will do', () => {
  it('« je vous envoie le résumé par mail » at the summary offers to come back later', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'project_summary', {
      authority_name: 'Nantes',
      applicant_type: '1',
      foreign_partner: 'oui',
      partner_name: 'Dakar, Sénégal',
      fields: '1',
      project_title: 'Cartes',
    });
    const r = await bot.say('u', 'je vous envoie le résumé par mail');
    expect(intentsOf(r)).toContain('confirm:dialog-skip-offer');
    expect((await answers('u')).project_summary).toBeUndefined();
  });

  it('“none yet, we’re asking around” at the partners is still being looked for; « aucun pour le moment » is an answer', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'partners', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', 'none yet, we’re asking around'))).toContain(
      'confirm:dialog-skip-offer',
    );
    expect((await answers('u')).partners).toBeUndefined();
    await bot.say('u', 'non');
    await bot.say('u', 'aucun pour le moment');
    expect((await answers('u')).partners).toBe('aucun pour le moment');
  });
});

describe('a number the sentence says is another step’s', () => {
  it('« la salle peut accueillir 300 personnes » at the attendance is the venue’s capacity', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'expected_attendance', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'la salle peut accueillir 300 personnes');
    expect(askedSlot(r)).toBe('expected_attendance');
    const stored = await answers('u');
    expect(stored.venue_capacity).toBe(300);
    expect(stored.expected_attendance).toBeUndefined();
  });

  it('“oh and the total budget is actually 11,000” at the grant corrects the budget', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'grant_requested', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'oh and the total budget is actually 11,000');
    expect(askedSlot(r)).toBe('grant_requested');
    const stored = await answers('u');
    expect(stored.budget_total).toBe(11000);
    expect(stored.grant_requested).toBeUndefined();
  });
});

describe('the known misses, by their cause', () => {
  it('« ah non en fait c’est pas notre 1ère participation » at the distance corrects the first participation', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'distance_km', {
      organisation_name: 'Les Liens',
      first_participation: 'oui',
      venue: '1',
    });
    const r = await bot.say('u', 'ah non en fait c’est pas notre 1ère participation');
    expect(intentsOf(r)).toContain('dialog:nec-ess-travel:corrected');
    expect((await answers('u')).first_participation).toBe(false);
  });

  it('“kind of? the mayor likes the idea” is asked back, rather yes or rather no', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'local_authority_support', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'kind of? the mayor likes the idea');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).local_authority_support).toBeUndefined();
  });

  it('“whichever is cheaper I guess” is no preference: the offer to come back later', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'venue', {
      organisation_name: 'Les Liens',
      first_participation: 'oui',
    });
    expect(intentsOf(await bot.say('u', 'whichever is cheaper I guess'))).toContain(
      'confirm:dialog-skip-offer',
    );
  });

  it('« ce sera en mai, le samedi 15 » is Saturday 15 May 2027, not the next Saturday', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'ce sera en mai, le samedi 15');
    expect((await answers('u')).event_date).toBe('2027-05-15');
  });
});

describe('more weak evidence', () => {
  it('« on hésite entre accessibilité et inclusion » asks which, with both as a button too', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'on hésite entre accessibilité et inclusion');
    const question = r.find((x) => x.intent === 'dialog:local-nec:clarify');
    expect(question?.choices?.map((c) => c.id)).toEqual([
      'digital_inclusion',
      'accessibility',
      'digital_inclusion,accessibility',
    ]);
    expect((await answers('u')).themes).toBeUndefined();
  });

  it('“no clue, last year we had 60” is no attendance for this event', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'expected_attendance', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'no clue, last year we had 60');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).expected_attendance).toBeUndefined();
  });

  it('« pas encore officiellement, on a une lettre d’intention » is under way, not a no', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'foreign_partner', { authority_name: 'Nantes', applicant_type: '1' });
    const r = await bot.say('u', 'pas encore officiellement, on a une lettre d’intention');
    expect(intentsOf(r)).toContain('confirm:dialog-skip-offer');
    expect((await answers('u')).foreign_partner).toBeUndefined();
  });
});

describe('openings that say who applies', () => {
  it('« je travaille au CCAS de Montpellier… avec le soutien de la Métropole »: a public body, supported; the CCAS is no area', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'Bonjour, je travaille au CCAS de Montpellier et on veut faire un NEC local sur l’inclusion numérique, avec le soutien de la Métropole',
    );
    const stored = await answers('u');
    expect(stored).toMatchObject({ legal_entity: 'public_body', local_authority_support: true });
    expect(stored.area).toBeUndefined();
  });

  it('“400-seat venue” is the venue’s capacity', async () => {
    const bot = await start();
    await bot.say('u', 'our charity is preparing a local NEC in Lyon for 300 people, 400-seat venue');
    expect(await answers('u')).toMatchObject({ expected_attendance: 300, venue_capacity: 400 });
  });

  it('« le conseil régional de La Réunion … avec une collectivité de Madagascar »: the partner is abroad, not the applicant', async () => {
    const bot = await start();
    const r = await bot.say(
      'u',
      'le conseil régional de La Réunion veut candidater à l’appel du ministère des affaires étrangères avec une collectivité de Madagascar',
    );
    if (intentsOf(r).includes('confirm:dialog-closed-call')) await bot.say('u', 'oui');
    expect(await answers('u')).toMatchObject({
      applicant_type: 'french_local_authority',
      foreign_partner: true,
    });
  });
});

describe('answers of another time or another thing', () => {
  it('« l’an dernier c’était en ligne » at the format is asked for this time; nothing stored', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_format', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'l’an dernier c’était en ligne');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).event_format).toBeUndefined();
  });

  it('« non, on était déjà venus l’an dernier » still answers the first participation', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'first_participation', { organisation_name: 'Les Liens' });
    await bot.say('u', 'non, on était déjà venus l’an dernier');
    expect((await answers('u')).first_participation).toBe(false);
  });

  it('“the region said no but the city might say yes” is asked back', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'local_authority_support', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'the region said no but the city might say yes');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).local_authority_support).toBeUndefined();
  });

  it('« on a 40 bénévoles » at the attendance is asked back; « oui » keeps 40', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'expected_attendance', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'on a 40 bénévoles');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).expected_attendance).toBeUndefined();
    await bot.say('u', 'oui');
    expect((await answers('u')).expected_attendance).toBe(40);
  });
});

describe('more talk of the answer, and openings', () => {
  it('“we don’t have a proper name yet, just a WhatsApp group” is no name', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'organizer_name', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'we don’t have a proper name yet, just a WhatsApp group');
    expect(intentsOf(r)).toContain('confirm:dialog-skip-offer');
    expect((await answers('u')).organizer_name).toBeUndefined();
  });

  it('“we’d love to host a local NEC” starts the application', async () => {
    const bot = await start();
    const r = await bot.say('u', 'Hi, we’d love to host a local NEC next spring, on site with a livestream');
    expect(intentsOf(r)).toContain('dialog:local-nec:start');
    expect((await answers('u')).event_format).toBe('hybrid');
  });
});

describe('an option said of another party', () => {
  it('« notre partenaire principal est une association » at the type of structure is asked about', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'legal_entity', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'notre partenaire principal est une association');
    expect(intentsOf(r)).toContain('dialog:local-nec:clarify');
    expect((await answers('u')).legal_entity).toBeUndefined();
  });

  it('« une asso, avec le soutien de la mairie » is an association', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'legal_entity', ELIGIBLE_LOCAL_NEC);
    await bot.say('u', 'une asso, avec le soutien de la mairie');
    expect((await answers('u')).legal_entity).toBe('association');
  });
});
