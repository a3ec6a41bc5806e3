/**
 * What the dialogs say, read as a user reads it (an outside tester's findings, session 6): a closed call's
 * summary never asks to send the file nor points to a contact the source does not give.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { driveToSummary, reply } from './support.ts';

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

const MEAE = {
  authority_name: 'Ville de Nantes',
  applicant_type: 'collectivité',
  foreign_partner: 'oui',
  partner_name: 'Dakar, Sénégal',
  fields: '1, 2',
  project_title: 'Médiation numérique partagée',
  project_summary: 'passer',
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
