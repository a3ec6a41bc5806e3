/**
 * The examples as conversation scripts on the real app: answers written the way organisers write,
 * corrections and edits in plain words, questions and non-answers at a step, facts given ahead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationStore } from '../../dialogs/application.ts';
import type { Reply } from '../../src/core/message.ts';
import { userKey } from '../../src/store/user-records.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, ELIGIBLE_LOCAL_NEC, reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Today is Tuesday 1 December 2026 in Paris. */
const start = () => createTestApp({ now: '2026-12-01T10:00:00+01:00' });

const answers = async (user: string) =>
  (await new ApplicationStore((app as TestApp).records).list(userKey('shell', user)))[0]?.answers ?? {};

/** Answers the steps of local-nec from `route` until `slot` is asked. */
async function reach(user: string, slot: string, route: Record<string, string>): Promise<Reply[]> {
  let r = await (app as TestApp).say(user, 'candidater local-nec');
  for (let guard = 0; guard < 30 && askedSlot(r) !== slot; guard++) {
    const asked = askedSlot(r) as string;
    r = await (app as TestApp).say(user, route[asked] ?? 'Rapprocher les habitants du numérique');
  }
  expect(askedSlot(r)).toBe(slot);
  return r;
}

/** The steps on the way get the answers of a complete application. */
const ROUTE = ELIGIBLE_LOCAL_NEC;

describe('answers written the way organisers write', () => {
  it('reads a structure, a date, a format, themes and numbers inside sentences', async () => {
    app = await start();
    let r = await reach('u', 'legal_entity', ROUTE);
    r = await app.say('u', 'c’est une collectivité');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : collectivité territoriale.');
    r = await app.say('u', 'le 15 juin prochain');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : le mardi 15 juin 2027.');
    r = await app.say('u', 'en présentiel avec une retransmission');
    expect(reply(r, 'dialog:local-nec:noted').text).toContain('hybride');
    r = await app.say('u', 'l’inclusion numérique et cybersécurité');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe(
      'Noté : inclusion numérique, sécurité et souveraineté numériques.',
    );
    expect(await answers('u')).toMatchObject({
      legal_entity: 'local_authority',
      event_date: '2027-06-15',
      event_format: 'hybrid',
      themes: ['digital_inclusion', 'security_sovereignty'],
    });
  });

  it('asks back when a weekday contradicts the date, and takes the day clicked', async () => {
    app = await start();
    await reach('u', 'event_date', ROUTE);
    let r = await app.say('u', 'samedi 15 juin');
    const clarify = reply(r, 'dialog:local-nec:clarify');
    expect(clarify.text).toBe('Le 15 juin 2027 tombe un mardi : quel jour voulez-vous dire ?');
    expect(clarify.choices?.map((c) => c.id)).toEqual(['2027-06-15', '2027-06-12', '2027-06-19']);
    expect((await answers('u')).event_date).toBeUndefined();
    r = await app.say('u', '2');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : le samedi 12 juin 2027.');
  });

  it('reads numbers in words and asks which bound of a range to keep', async () => {
    app = await start();
    await reach('u', 'expected_attendance', ROUTE);
    let r = await app.say('u', 'entre 150 et 200');
    expect(reply(r, 'dialog:local-nec:clarify').text).toContain('Le plus prudent est 150');
    r = await app.say('u', 'on attend deux cents personnes');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : 200 personnes.');
    expect(askedSlot(r)).toBe('venue_capacity');
  });

  it('takes « oui, la Ville de Nantes » as yes and the authority’s name', async () => {
    app = await start();
    await reach('u', 'local_authority_support', ROUTE);
    const r = await app.say('u', 'oui, la Ville de Nantes');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe(
      'Noté : oui. J’ai aussi noté : collectivité qui soutient : Ville de Nantes.',
    );
    expect(await answers('u')).toMatchObject({
      local_authority_support: true,
      local_authority_name: 'Ville de Nantes',
    });
    expect(askedSlot(r)).toBe('session_formats');
  });

  it('proposes its own support to a collectivité, its name prefilled', async () => {
    app = await start();
    const r = await reach('u', 'local_authority_support', {
      ...ROUTE,
      organizer_name: 'Ville de Nantes',
      legal_entity: 'une commune',
    });
    expect(reply(r, 'dialog:local-nec:local_authority_support').text).toContain(
      'Votre structure, « Ville de Nantes », est une collectivité',
    );
    await app.say('u', 'oui');
    expect(await answers('u')).toMatchObject({
      local_authority_support: true,
      local_authority_name: 'Ville de Nantes',
    });
  });
});

describe('corrections, edits, questions and non-answers', () => {
  it('corrects the previous answer in plain words and asks the current step again', async () => {
    app = await start();
    await reach('u', 'venue_capacity', ROUTE);
    const r = await app.say('u', 'non attendez, c’est 180');
    expect(reply(r, 'dialog:local-nec:corrected').text).toBe(
      'Corrigé : nombre de participants attendus : 180 personnes.',
    );
    expect(askedSlot(r)).toBe('venue_capacity');
    expect(await answers('u')).toMatchObject({ expected_attendance: 180 });
  });

  it('opens the step an edit names, and never stores the command as an answer', async () => {
    app = await start();
    await reach('u', 'partners', ROUTE);
    let r = await app.say('u', 'modifier la date');
    expect(askedSlot(r)).toBe('event_date');
    r = await app.say('u', '16/06/2027');
    r = await app.say('u', 'changer le nombre de participants');
    expect(askedSlot(r)).toBe('expected_attendance');
    r = await app.say('u', 'modifier');
    expect(reply(r, 'dialog:edit-which').choices?.length).toBeGreaterThan(5);
    r = await app.say('u', 'format');
    expect(askedSlot(r)).toBe('event_format');
    const stored = await answers('u');
    expect(stored.partners).toBeUndefined();
    expect(Object.values(stored)).not.toContain('modifier la date');
  });

  it('answers a question about the step with its help, and offers to skip on « je ne sais pas encore »', async () => {
    app = await start();
    await reach('u', 'themes', ROUTE);
    let r = await app.say('u', 'what themes can we pick?');
    expect(reply(r, 'dialog:step-help').text).toContain('inclusion');
    expect(askedSlot(r)).toBe('themes');
    await app.say('u', '1');
    await app.say('u', 'Rapprocher les habitants du numérique');
    r = await app.say('u', 'je ne sais pas encore');
    expect(reply(r, 'confirm:dialog-skip-offer').text).toContain('territoire concerné');
    expect((await answers('u')).area).toBeUndefined();
    r = await app.say('u', 'oui');
    expect(reply(r, 'dialog:skipped').text).toContain('territoire concerné');
    expect(askedSlot(r)).toBe('audience');
  });
});

describe('what is not an answer at a free-text step, and other questions', () => {
  it('asks a free-text step again on a bare yes or a filler, and stores nothing', async () => {
    app = await start();
    await reach('u', 'goal', ROUTE);
    let r = await app.say('u', 'oui bien sûr');
    expect(reply(r, 'dialog:local-nec:clarify').text).toContain('quelques mots plutôt qu’un oui ou un non');
    expect(askedSlot(r)).toBe('goal');
    r = await app.say('u', 'ok merci');
    expect(askedSlot(r)).toBe('goal');
    expect((await answers('u')).goal).toBeUndefined();
    r = await app.say('u', 'Réunir les médiateurs du territoire');
    expect(askedSlot(r)).toBe('area');
  });

  it('takes « aucun » as the partners, not as a bare no', async () => {
    app = await start();
    await reach('u', 'partners', ROUTE);
    await app.say('u', 'aucun pour le moment');
    expect((await answers('u')).partners).toBe('aucun pour le moment');
  });

  it('sends a question about something else to the FAQ, then asks the step again', async () => {
    app = await start();
    await reach('u', 'partners', ROUTE);
    const r = await app.say('u', 'c’est quoi le montant max de la subvention ?');
    expect(r.some((x) => x.intent.startsWith('faq:') || x.intent.startsWith('fallback'))).toBe(true);
    expect(r.some((x) => x.intent === 'dialog:step-help')).toBe(false);
    expect(askedSlot(r)).toBe('partners');
    expect((await answers('u')).partners).toBeUndefined();
  });

  it('offers to skip a step whatever the gender and number of its label', async () => {
    app = await start();
    await reach('u', 'partners', ROUTE);
    const r = await app.say('u', 'aucune idée');
    expect(reply(r, 'confirm:dialog-skip-offer').text).toBe(
      'Pas de souci. On passe cette étape (« co-organisateurs et partenaires ») pour l’instant ? Elle restera à compléter (« modifier co-organisateurs et partenaires » pour y revenir). (oui / non)',
    );
  });
});

describe('what people write besides a plain answer, read generally', () => {
  it('offers to skip however "not known yet" is said, and never takes it as a no', async () => {
    app = await start();
    await reach('u', 'area', ROUTE);
    let r = await app.say('u', 'je verrai');
    expect(reply(r, 'confirm:dialog-skip-offer').text).toContain('territoire concerné');
    await app.say('u', 'non');
    r = await app.say('u', 'à définir avec l’équipe');
    expect(r.some((x) => x.intent === 'confirm:dialog-skip-offer')).toBe(true);
    expect((await answers('u')).area).toBeUndefined();
    app = await start();
    await reach('v', 'local_authority_support', ROUTE);
    r = await app.say('v', 'on attend encore la réponse de la mairie');
    expect(r.some((x) => x.intent === 'confirm:dialog-skip-offer')).toBe(true);
    expect((await answers('v')).local_authority_support).toBeUndefined();
  });

  it('leaves aside what is said not to be meant, and reads options named together as the one they make', async () => {
    app = await start();
    await reach('u', 'event_format', ROUTE);
    await app.say('u', 'en présentiel seulement, pas de diffusion en ligne');
    expect((await answers('u')).event_format).toBe('in_person');
    app = await start();
    await reach('v', 'event_format', ROUTE);
    await app.say('v', 'mixte, sur place et retransmis en direct');
    expect((await answers('v')).event_format).toBe('hybrid');
  });

  it('corrects the step a correction names, with the value it gives', async () => {
    app = await start();
    await reach('u', 'grant_requested', ROUTE);
    let r = await app.say('u', 'oups le budget total c’est 14 000 et pas 12 000');
    expect(reply(r, 'dialog:local-nec:corrected').text).toMatch(
      /^Corrigé : budget total prévisionnel : 14\s000\s€\.$/,
    );
    expect(askedSlot(r)).toBe('grant_requested');
    r = await app.say('u', 'je rectifie les thèmes : inclusion numérique et accessibilité');
    expect(reply(r, 'dialog:local-nec:corrected').text).toContain(
      'inclusion numérique, accessibilité numérique',
    );
    expect(await answers('u')).toMatchObject({
      budget_total: 14000,
      themes: ['digital_inclusion', 'accessibility'],
    });
    expect((await answers('u')).grant_requested).toBeUndefined();
  });

  it('reads an authority named with a foreign country as a foreign one', async () => {
    app = await start();
    let r = await app.say('u', 'candidater meae-nir');
    if (r.some((x) => x.intent === 'confirm:dialog-closed-call')) r = await app.say('u', 'oui');
    await app.say('u', 'Ziguinchor');
    await app.say('u', 'nous sommes la municipalité de Ziguinchor, au Sénégal');
    const [application] = await new ApplicationStore(app.records).list(userKey('shell', 'u'));
    expect(application?.answers.applicant_type).toBe('foreign_authority');
  });
});

describe('facts given ahead', () => {
  it('starts from an opening message, fills what it says and asks only what is missing', async () => {
    app = await start();
    const r = await app.say(
      'u',
      'Bonjour, nous sommes l’association Les Petits Débrouillards et voulons organiser un NEC local hybride le 15 juin 2027 à Rennes pour 200 personnes',
    );
    expect(reply(r, 'dialog:local-nec:facts').text).toBe(
      'J’ai noté : structure organisatrice : Les Petits Débrouillards ; type de structure : association ; date de l’événement : 15 juin 2027 ; format de l’événement : hybride (présentiel et en ligne) ; territoire concerné : Rennes et nombre de participants attendus : 200 personnes — « modifier … » pour corriger.',
    );
    expect(await answers('u')).toEqual({
      organizer_name: 'Les Petits Débrouillards',
      legal_entity: 'association',
      event_date: '2027-06-15',
      event_format: 'hybrid',
      area: 'Rennes',
      expected_attendance: 200,
    });
    expect(askedSlot(r)).toBe('themes');
  });

  it('lists what it took with English punctuation in English', async () => {
    app = await start();
    const r = await app.say('u', 'I want to organise a local NEC in Lyon on 20 June 2027 for 300 people');
    expect(reply(r, 'dialog:local-nec:facts').text).toBe(
      'I noted: event date: 20 June 2027; area covered: Lyon; and expected attendance: 300 people — “edit …” to correct.',
    );
  });

  it('takes the facts said anywhere in an opening, its supporters apart from the organiser', async () => {
    app = await start();
    const r = await app.say(
      'u',
      'Bonjour à toute l’équipe ! Notre coopérative aimerait organiser un NEC local sur la sobriété et l’écoconception, avec le soutien de la région',
    );
    expect(reply(r, 'dialog:local-nec:facts').text).toContain('soutien d’une collectivité : oui');
    expect(await answers('u')).toMatchObject({
      legal_entity: 'cooperative',
      themes: ['ecological_transition'],
      local_authority_support: true,
    });
  });

  it('starts the dialog a message names when it states the application’s facts', async () => {
    app = await start();
    let r = await app.say(
      'u',
      'bonjour, pour le remboursement des frais de transport du NEC ESS : on n’est jamais venus, et on ira à Paris le 26',
    );
    if (r.some((x) => x.intent === 'confirm:dialog-closed-call')) r = await app.say('u', 'oui');
    expect(r.some((x) => x.intent === 'dialog:nec-ess-travel:start')).toBe(true);
    expect(await answers('u')).toMatchObject({ first_participation: true, venue: 'paris' });
  });

  it('leaves a question about organising to the FAQ', async () => {
    app = await start();
    const r = await app.say('u', 'comment organiser un NEC local ?');
    expect(r.some((x) => x.intent === 'dialog:local-nec:start')).toBe(false);
  });
});
