/**
 * What the dialogs say, read as a user reads it (an outside tester's findings, session 6): a closed call's
 * summary never asks to send the file nor points to a contact the source does not give; a count is said back
 * with its unit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { NARROW_NBSP, NBSP } from '../../src/core/typography.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, driveToSummary, ELIGIBLE_LOCAL_NEC, MEAE, reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const TODAY = '2026-12-02T10:00:00+01:00';

const TRAVEL = {
  organisation_name: 'Tiers-lieu du Nord',
  first_participation: 'oui',
  venue: 'Paris',
  distance_km: '300',
  allowance_already_claimed: 'non',
};

/** The eligible local NEC typed in English: the French yes/no and choice words said the English way. */
const ENGLISH_LOCAL_NEC = {
  ...ELIGIBLE_LOCAL_NEC,
  legal_entity: 'yes',
  event_format: 'hybrid',
  local_authority_support: 'yes',
  charter: 'yes',
};

/** Starts a closed call's application anyway and answers every step: its summary. */
async function closedSummary(call: string, answers: Record<string, string>, lang: 'fr' | 'en' = 'fr') {
  app = await createTestApp({ now: TODAY });
  await app.say('u', `${lang === 'fr' ? 'candidater' : 'apply'} ${call}`, { langHint: lang });
  const start = await app.say('u', lang === 'fr' ? 'oui' : 'yes');
  return (await driveToSummary(app, 'u', start, answers)).summary;
}

describe('a closed call’s summary never says to send the file', () => {
  for (const [call, answers] of [
    ['nec-ess-travel', TRAVEL],
    ['meae-nir', MEAE],
  ] as const)
    it(`${call}: no « avant de déposer un dossier », in French and English, nor in the exported dossier`, async () => {
      const fr = await closedSummary(call, answers);
      expect(fr.text).not.toMatch(/déposer|envoyez le dossier/i);
      expect(fr.text).toContain('une prochaine édition pourra en avoir d’autres');
      const files = reply((await app?.say('u', 'exporter')) ?? [], `dialog:${call}:export`).attachments ?? [];
      expect(files[0]?.content).not.toMatch(/déposer|envoyez le dossier/i);
      await app?.close();
      const en = await closedSummary(
        call,
        {
          ...answers,
          ...(call === 'meae-nir'
            ? { applicant_type: 'local authority', foreign_partner: 'yes', project_summary: 'skip' }
            : { first_participation: 'yes', allowance_already_claimed: 'no' }),
        },
        'en',
      );
      expect(en.text).not.toMatch(/before applying|send the file/i);
      expect(en.text).toContain('a next edition may have others');
    });
});

describe('never a contact the source does not give', () => {
  it('nec-ess-travel (no contact in its source): says so once and names the organiser to follow', async () => {
    const summary = await closedSummary('nec-ess-travel', TRAVEL);
    expect(summary.text).not.toContain('contact indiqué');
    expect(summary.text.match(/ne donne (pas|aucun) de contact|ni de contact/g)).toHaveLength(1);
    expect(summary.text).toContain(
      '• Pour savoir si une nouvelle édition est prévue : la source ne donne pas de contact ; suivez les annonces de l’organisateur, Social Good Accelerator (SOGA).',
    );
  });

  it('nec-ess-travel while open (its first day to come): whom to ask is its organiser, said as such', async () => {
    app = await createTestApp({ now: '2025-11-01T10:00:00+01:00' });
    const start = await app.say('u', 'candidater nec-ess-travel');
    const { summary } = await driveToSummary(app, 'u', start, TRAVEL);
    expect(summary.text).not.toContain('contact indiqué');
    expect(summary.text).toContain(
      '• La source ne donne pas de contact pour cet appel : adressez-vous à son organisateur, Social Good Accelerator (SOGA).',
    );
  });

  it('meae-nir (contacts in its source): whom to ask whether a new edition is planned', async () => {
    const summary = await closedSummary('meae-nir', MEAE);
    expect(summary.text).toContain('• Pour savoir si une nouvelle édition est prévue : Morgane Millon');
  });
});

/** Answers the steps until `slot` is asked (from `answers`), then returns the replies to `text` there. */
async function answerAt(
  test: TestApp,
  start: Reply[],
  answers: Record<string, string>,
  slot: string,
  text: string,
): Promise<Reply[]> {
  let replies = start;
  for (let guard = 0; askedSlot(replies) !== slot; guard++) {
    const asked = askedSlot(replies);
    if (!asked || guard > 30) throw new Error(`${slot} never asked`);
    replies = await test.say('u', answers[asked] ?? 'passer');
  }
  return test.say('u', text);
}

const noted = (replies: Reply[]) => replies.find((r) => /:(noted|corrected)$/.test(r.intent))?.text;

describe('a count is said back with its unit, as euros and days are', () => {
  it('a distance: « Noté : 300 km. », "Noted: 300 km.", in the status and the summary too', async () => {
    app = await createTestApp({ now: TODAY });
    await app.say('u', 'candidater nec-ess-travel');
    const fr = await answerAt(app, await app.say('u', 'oui'), TRAVEL, 'distance_km', '300');
    expect(noted(fr)).toBe('Noté : 300 km.');
    expect(reply(await app.say('u', 'état'), 'dialog:nec-ess-travel:status').text).toContain(
      '• distance entre le siège et le lieu : 300 km',
    );
    await app.close();
    app = await createTestApp({ now: TODAY });
    await app.say('u', 'apply nec-ess-travel', { langHint: 'en' });
    const en = await answerAt(
      app,
      await app.say('u', 'yes'),
      { ...TRAVEL, first_participation: 'yes' },
      'distance_km',
      'about 450 kilometres',
    );
    expect(noted(en)).toBe('Noted: 450 km.');
    const { summary } = await driveToSummary(app, 'u', await app.say('u', 'no'), {});
    expect(summary.fields).toContainEqual({
      label: 'distance from headquarters to the venue',
      value: '450 km',
    });
  });

  it('people and seats: « 150 personnes », « 200 places », "150 people", "200 seats"; a correction too', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'candidater local-nec');
    expect(noted(await answerAt(app, start, ELIGIBLE_LOCAL_NEC, 'expected_attendance', '150'))).toBe(
      'Noté : 150 personnes.',
    );
    expect(noted(await app.say('u', '200'))).toBe('Noté : 200 places.');
    expect(noted(await app.say('u', 'non attendez, c’est 1 200 places'))).toBe(
      'Corrigé : capacité du lieu : 1 200 places.',
    );
    await app.close();
    app = await createTestApp({ now: TODAY });
    const en = await app.say('u', 'apply local-nec', { langHint: 'en' });
    expect(noted(await answerAt(app, en, ENGLISH_LOCAL_NEC, 'expected_attendance', '150 people'))).toBe(
      'Noted: 150 people.',
    );
    expect(noted(await app.say('u', '200'))).toBe('Noted: 200 seats.');
  });

  it('French puts a narrow no-break space between the number and its unit, as Intl does before « km »', async () => {
    app = await createTestApp({ now: TODAY });
    await app.say('u', 'candidater nec-ess-travel');
    await answerAt(app, await app.say('u', 'oui'), TRAVEL, 'distance_km', 'passer');
    await app.say('u', 'modifier distance');
    const raw = await app.bot.handle({
      ref: { platform: 'shell', roomId: 'u', userId: 'u', isDirect: true },
      userId: 'u',
      text: '1250',
      timestamp: app.clock.now(),
    });
    expect(noted(raw)).toBe(`Noté${NBSP}: 1${NARROW_NBSP}250${NARROW_NBSP}km.`);
  });
});

describe('a step the rules need is not said to be optional', () => {
  it('the venue’s capacity (the grant and duo rules read it, as they read the attendance) is asked as needed', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'candidater local-nec');
    const r = await answerAt(app, start, ELIGIBLE_LOCAL_NEC, 'expected_attendance', '150');
    const asked = reply(r, 'dialog:local-nec:venue_capacity').text;
    expect(asked).not.toContain('facultatif');
    const skipped = reply(await app.say('u', 'passer'), 'dialog:skipped').text;
    expect(skipped).toContain('« capacité du lieu » est nécessaire au dossier');
  });

  it('an optional step a rule reads (the grant requested, for the 80 % cap) says what skipping it costs', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'candidater local-nec');
    const r = await answerAt(app, start, ELIGIBLE_LOCAL_NEC, 'budget_total', '12 000 €');
    expect(reply(r, 'dialog:local-nec:grant_requested').text).toContain(
      '_(facultatif, mais sans cette réponse le verdict reste en suspens pour « subvention de l’ANCT » : « passer » pour sauter)_',
    );
    expect(reply(await app.say('u', 'passer'), 'dialog:skipped').text).toBe(
      'Étape passée : « subvention demandée » reste à compléter ; d’ici là, le verdict reste en suspens pour « subvention de l’ANCT ».',
    );
    await app.close();
    app = await createTestApp({ now: TODAY });
    const en = await app.say('u', 'apply local-nec', { langHint: 'en' });
    const asked = await answerAt(app, en, ENGLISH_LOCAL_NEC, 'budget_total', '€12,000');
    expect(reply(asked, 'dialog:local-nec:grant_requested').text).toContain(
      '_(optional, but without it the verdict on “ANCT grant” stays open: “skip” to leave it)_',
    );
  });

  it('an optional step no rule reads says only that it is optional', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'candidater local-nec');
    const r = await answerAt(app, start, ELIGIBLE_LOCAL_NEC, 'venue_capacity', '200');
    expect(reply(r, 'dialog:local-nec:partners').text).toMatch(/_\(facultatif : « passer » pour sauter\)_$/);
  });
});

describe('a funding deadline already past (the 23 March 2027 event, today 2 December 2026)', () => {
  it('says when it passed, from which event day it would still be in time, and what stays within reach', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'candidater local-nec');
    const r = await answerAt(app, start, ELIGIBLE_LOCAL_NEC, 'event_date', '23/03/2027');
    const live = reply(r, 'dialog:local-nec:eligibility').text;
    expect(live).toContain(
      'pour un événement le 23 mars 2027, la date limite était le 23 novembre 2026 : elle est passée, mais un événement à partir du 2 avril 2027 serait encore dans les délais.',
    );
    expect(live).not.toContain('il fallait');
    expect(live).toMatch(
      /Restent à votre portée : label NEC local \(usage de la marque\) et accompagnement par un duo chercheur·se–journaliste\. Poursuivons\.$/,
    );
    const { summary } = await driveToSummary(app, 'u', r, ELIGIBLE_LOCAL_NEC);
    expect(summary.text).toContain('un événement à partir du 2 avril 2027 serait encore dans les délais');
  });

  it('in English too, the earliest day found in the calendar (31 October + 4 months: 1 March, not 28 February)', async () => {
    app = await createTestApp({ now: '2026-10-31T10:00:00+01:00' });
    const start = await app.say('u', 'apply local-nec', { langHint: 'en' });
    const r = await answerAt(app, start, ENGLISH_LOCAL_NEC, 'event_date', '28/02/2027');
    expect(reply(r, 'dialog:local-nec:eligibility').text).toContain(
      'for an event on 28 February 2027, the deadline was 28 October 2026: it has passed, but an event from 1 March 2027 on would still be in time.',
    );
    expect(reply(r, 'dialog:local-nec:eligibility').text).toContain('Still within reach: ');
  });
});

describe('every verdict line cites its rule, and a line not settled says what would settle it', () => {
  /** The summary's verdict lines: the bullets before the key dates, and the selection line(s). */
  const verdictLines = (text: string) =>
    (text.split('**Dates clés**')[0] ?? '').split('\n').filter((l) => /^(• |→ )/.test(l));

  it('an in-person-only event: the grant and the duo say the label’s confirmation settles them too', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'candidater local-nec');
    const answers = {
      ...ELIGIBLE_LOCAL_NEC,
      event_date: '23/05/2027',
      event_format: 'uniquement en présentiel',
    };
    const { summary } = await driveToSummary(app, 'u', start, answers);
    const lines = verdictLines(summary.text);
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).toMatch(/\(source : ANCT — NEC locaux, 2023 \(page en anglais\), § [^)]+\)\)?$/);
      expect(line).not.toMatch(/\d{3}_[0-9a-f]{16}/);
    }
    for (const line of lines.filter((l) => l.startsWith('• ❔')))
      expect(line).toMatch(
        /ce qui le rendrait certain : |ce qui confirmera « label NEC local \(usage de la marque\) » réglera aussi ce point/,
      );
    expect(lines).toContain(
      '• ❔ Réservé à qui obtient « label NEC local (usage de la marque) », encore à confirmer : ce qui confirmera « label NEC local (usage de la marque) » réglera aussi ce point. (source : ANCT — NEC locaux, 2023 (page en anglais), § Contenu du dossier de candidature (subvention et duo proposés aux porteurs de NEC local))',
    );
    // Who selects next is the source's too.
    expect(lines.find((l) => l.startsWith('→ Éligible ne veut pas dire retenu'))).toMatch(
      /\(source : ANCT — NEC locaux, 2023 \(page en anglais\), § Critères de sélection\)$/,
    );
  });

  it('a label still unknown: the grant’s line says which answer it waits for', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'candidater local-nec');
    const answers = { ...ELIGIBLE_LOCAL_NEC, event_date: '23/05/2027', charter: 'passer' };
    const { summary } = await driveToSummary(app, 'u', start, answers);
    const lines = verdictLines(summary.text);
    for (const line of lines.filter((l) => l.startsWith('• ❓')))
      expect(line).toContain('— réponse encore attendue : engagements des porteurs acceptés.');
    expect(lines.filter((l) => l.startsWith('• ❓ Réservé à qui obtient'))).toHaveLength(2);
  });

  it('in English: the same, and the label’s own line cites its source', async () => {
    app = await createTestApp({ now: TODAY });
    const start = await app.say('u', 'apply local-nec', { langHint: 'en' });
    const answers = { ...ENGLISH_LOCAL_NEC, event_date: '23/05/2027', event_format: 'in person only' };
    const { summary } = await driveToSummary(app, 'u', start, answers);
    expect(summary.text).toContain(
      '• ❔ Only for those who get “local NEC label (use of the brand)”, which is still to be confirmed: what confirms “local NEC label (use of the brand)” settles this too. (source: ANCT — NEC locaux, 2023, § Content of the application file (grant and duo offered to local NEC project leaders))',
    );
  });
});
