/**
 * Answers at steps as organisers write them (eval/dialog-answers-13.yaml), as conversation scripts on the real
 * app: a pasted diary line, a street address, two days of one month, a day this close with its year, a
 * labelled value, another step's option at a free-text step, a first time said of nobody or at the name, a
 * likely-only yes.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, ELIGIBLE_LOCAL_NEC, textsOf } from './support.ts';

const { start, answers, reach } = appPerTest();

/** The answers on the way to a step: a complete application's. */
const ROUTE = ELIGIBLE_LOCAL_NEC;

describe('a line pasted from a diary', () => {
  it.each([
    ['event_date', 'Rdv chez le dentiste jeudi 14h30'],
    ['event_date', 'Reminder: dentist Thursday 2:30pm'],
    ['audience', 'Rdv chez le dentiste jeudi 14h30'],
    ['budget_total', 'Reminder: dentist Thursday 2:30pm'],
  ])('at %s, « %s » is noted nowhere and the step is asked again', async (slot, text) => {
    const r = await reachAgain(slot, text);
    expect(r.asked).toBe(slot);
    expect(r.stored[slot]).toBeUndefined();
    expect(r.text).toMatch(/agenda|diary/);
  });
});

/** Says `text` at `slot` for a fresh person; what was asked next, stored, and said. */
async function reachAgain(slot: string, text: string) {
  const bot = await start();
  await reach('v', 'local-nec', slot, ROUTE);
  const r = await bot.say('v', text);
  return { asked: askedSlot(r), stored: await answers('v'), text: textsOf(r) };
}

describe('a street address is no quantity and names no option', () => {
  it.each(['event_format', 'local_authority_support', 'budget_total', 'expected_attendance'])(
    'at %s, « 3 place de la mairie » is noted nowhere',
    async (slot) => {
      const r = await reachAgain(slot, '3 place de la mairie');
      expect(r.asked).toBe(slot);
      expect(r.stored[slot]).toBeUndefined();
      expect(r.stored.venue_capacity === 3 || r.stored.expected_attendance === 3).toBe(false);
      expect(r.text).toMatch(/adresse/);
    },
  );

  it('a free-text area keeps it whole: « 3 place de la mairie, Saint-Brieuc »', async () => {
    const r = await reachAgain('area', '3 place de la mairie, Saint-Brieuc');
    expect(r.stored.area).toBe('3 place de la mairie, Saint-Brieuc');
  });
});

describe('dates', () => {
  it('« les 14 et 15 octobre » is the first day', async () => {
    const r = await reachAgain('event_date', 'les 14 et 15 octobre');
    expect(r.stored.event_date).toBe('2027-10-14');
  });

  it('« le 25 décembre 2026 » on 1 December is asked back, with the next year as a button', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ROUTE);
    const r = await bot.say('u', 'le 25 décembre 2026');
    expect((await answers('u')).event_date).toBeUndefined();
    const asked = r.find((x) => x.intent.endsWith(':clarify'));
    expect(asked?.choices?.map((c) => c.id)).toEqual(['2026-12-25', '2027-12-25']);
    await bot.say('u', '2027-12-25', { choiceId: '2027-12-25' });
    expect((await answers('u')).event_date).toBe('2027-12-25');
  });

  it('a close day said without its year is meant: « dans 10 jours » is stored', async () => {
    const r = await reachAgain('event_date', 'dans 10 jours');
    expect(r.stored.event_date).toBe('2026-12-11');
  });
});

describe('a labelled value', () => {
  it('« Participants : 120 » at the organiser’s name notes the attendance and asks the name again', async () => {
    const r = await reachAgain('organizer_name', 'Participants : 120');
    expect(r.stored.organizer_name).toBeUndefined();
    expect(r.stored.expected_attendance).toBe(120);
    expect(r.asked).toBe('organizer_name');
  });

  it('"Name: Code Club Roubaix" is the name without its label', async () => {
    const r = await reachAgain('organizer_name', 'Name: Code Club Roubaix');
    expect(r.stored.organizer_name).toBe('Code Club Roubaix');
  });
});

describe('another step’s option at a free-text step', () => {
  it('« en ligne » at the partners is said to be the format’s, and nothing changes', async () => {
    const r = await reachAgain('partners', 'en ligne');
    expect(r.stored.partners).toBeUndefined();
    expect(r.stored.event_format).toBe('hybrid');
    expect(r.text).toContain('modifier');
    expect(r.asked).toBe('partners');
  });

  it('« The public library » at the partners is a partner', async () => {
    const r = await reachAgain('partners', 'The public library');
    expect(r.stored.partners).toBe('The public library');
  });
});

describe('yes and no', () => {
  it('"none of us has been to NEC ESS before" is a first participation', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'first_participation', { organisation_name: 'Les Liens' });
    await bot.say('u', 'none of us has been to NEC ESS before');
    expect((await answers('u')).first_participation).toBe(true);
  });

  it('"it’s our first time yes" at the organisation’s name notes the first time, not a name', async () => {
    const bot = await start();
    await reach('u', 'nec-ess-travel', 'organisation_name', {});
    const r = await bot.say('u', "it's our first time yes");
    const stored = await answers('u');
    expect(stored.organisation_name).toBeUndefined();
    expect(stored.first_participation).toBe(true);
    expect(askedSlot(r)).toBe('organisation_name');
  });

  it('"probably yes" to the local authority’s support is asked back', async () => {
    const r = await reachAgain('local_authority_support', 'probably yes');
    expect(r.stored.local_authority_support).toBeUndefined();
  });
});

describe('two numbers in one sentence, each for its step', () => {
  it('« on attend 180 personnes dans une salle de 250 places » fills the attendance and the venue', async () => {
    const r = await reachAgain('expected_attendance', 'on attend 180 personnes dans une salle de 250 places');
    expect(r.stored.expected_attendance).toBe(180);
    expect(r.stored.venue_capacity).toBe(250);
  });

  it('"15,000 euros, of which we ask 10,000 from ANCT" fills the budget and the grant', async () => {
    const r = await reachAgain('budget_total', '15,000 euros, of which we ask 10,000 from ANCT');
    expect(r.stored.budget_total).toBe(15000);
    expect(r.stored.grant_requested).toBe(10000);
  });
});

describe('a count where no step counts people', () => {
  it.each([
    ['authority_name', 'Participants : 120'],
    ['project_title', 'on sera 200'],
  ])('at the ministry’s %s, « %s » is refused kindly and the step asked again', async (slot, text) => {
    const bot = await start();
    await reach('u', 'meae-nir', slot, {
      authority_name: 'Nantes',
      applicant_type: '1',
      foreign_partner: 'oui',
      partner_name: 'Dakar, Sénégal',
      fields: '1',
    });
    const r = await bot.say('u', text);
    expect((await answers('u'))[slot]).toBeUndefined();
    expect(askedSlot(r)).toBe(slot);
  });
});

describe('hedged and introduced answers', () => {
  it('« peut-être 2 » at a choice is asked back, the option as a button', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'applicant_type', { authority_name: 'Nantes' });
    const r = await bot.say('u', 'peut-être 2');
    expect((await answers('u')).applicant_type).toBeUndefined();
    expect(r.find((x) => x.intent.endsWith(':clarify'))?.choices?.map((c) => c.id)).toEqual([
      'foreign_authority',
    ]);
  });

  it('« nous c’est l’association Bretagne Numérique Solidaire » is the name after what introduces it', async () => {
    const r = await reachAgain('organizer_name', "nous c'est l'association Bretagne Numérique Solidaire");
    expect(r.stored.organizer_name).toBe('association Bretagne Numérique Solidaire');
  });

  it('« c’est pour la commune de Sainte-Anne en Guadeloupe » is the body the application is for', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'authority_name', {});
    await bot.say('u', "c'est pour la commune de Sainte-Anne en Guadeloupe");
    expect((await answers('u')).authority_name).toBe('commune de Sainte-Anne en Guadeloupe');
  });
});
