/** The verdict boundaries, reached through the dialog as a person would type them (today: 23 November 2026). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC, reply, verdictOf } from './support.ts';

let app: TestApp;
let users = 0;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app.close());

/** Runs a whole local-nec dialog with some answers changed; returns the summary and every reply. */
async function run(changes: Record<string, string>) {
  const user = `u${++users}`;
  const start = await app.say(user, 'candidater local-nec');
  return driveToSummary(app, user, start, { ...ELIGIBLE_LOCAL_NEC, ...changes });
}

describe('local-nec verdicts through the dialog', () => {
  it('150 attendees qualify for funding and the duo; 149 do not, and the label stays', async () => {
    const eligible = (await run({ expected_attendance: '150', venue_capacity: '150' })).summary;
    const ok = verdictOf(eligible);
    expect(ok.funding?.eligible).toBe(true);
    expect(ok.duo?.eligible).toBe(true);
    // Grant and duo share ANCT's selection: said once for the whole summary, not once per benefit.
    expect(eligible.text.match(/Éligible ne veut pas dire retenu/g)).toHaveLength(1);
    // Citations read as title and section; the file id is in the data only.
    expect(eligible.text).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(eligible.data?.source).toEqual({
      title: 'ANCT — NEC locaux, 2023',
      file: '000_3ad38c5551275220.txt',
    });
    const { summary, all } = await run({ expected_attendance: '149' });
    const verdict = verdictOf(summary);
    expect(verdict.funding).toMatchObject({ eligible: false, failed: ['min_attendance'] });
    expect(verdict.duo).toMatchObject({ eligible: false, failed: ['min_attendance'] });
    expect(verdict.label?.eligible).toBe(true);
    const live = reply(all, 'dialog:local-nec:eligibility').text;
    expect(live).toContain('149');
    expect(live).toContain('150');
    expect(live).toContain('(page en anglais), § Critères de sélection');
    expect(live).toContain('label NEC local');
    expect(summary.fields?.map((f) => f.value).join('\n')).toContain('149');
  });

  it('an event exactly 4 months ahead qualifies for funding; one day sooner does not', async () => {
    expect(verdictOf((await run({ event_date: '23/03/2027' })).summary).funding?.eligible).toBe(true);
    const { summary } = await run({ event_date: '22 mars 2027' });
    const verdict = verdictOf(summary);
    expect(verdict.funding).toMatchObject({ eligible: false, failed: ['funding_deadline'] });
    // The 4-month rule concerns the grant only.
    expect(verdict.duo?.eligible).toBe(true);
    expect(verdict.funding?.reasons.join(' ')).toContain('22 novembre 2026');
  });

  it('warns above 80 % of the budget without excluding, and says nothing at exactly 80 %', async () => {
    const exact = verdictOf((await run({ grant_requested: '9 600 €' })).summary);
    expect(exact.funding?.warnings).toEqual([]);
    const { summary, all } = await run({ grant_requested: '9 601 €' });
    const verdict = verdictOf(summary);
    expect(verdict.funding?.eligible).toBe(true);
    expect(verdict.funding?.warnings.join(' ')).toMatch(/80\s%/);
    expect(reply(all, 'dialog:local-nec:eligibility').text).toMatch(/9\s600\s€/);
  });

  it('a venue smaller than the audience fails funding and the duo, with the reason', async () => {
    const { summary } = await run({ venue_capacity: '149' });
    const verdict = verdictOf(summary);
    expect(verdict.funding?.failed).toEqual(['venue_capacity']);
    expect(verdict.duo?.failed).toEqual(['venue_capacity']);
    expect(verdict.label?.eligible).toBe(true);
    expect(verdict.funding?.reasons.join(' ')).toContain('lieu');
  });

  it('an in-person-only event: the label is to be confirmed with ANCT, and so are the grant and the duo', async () => {
    const { summary, all } = await run({ event_format: 'uniquement en présentiel' });
    const verdict = verdictOf(summary);
    expect(verdict.label).toMatchObject({ eligible: null, state: 'to_confirm', toConfirm: ['event_format'] });
    for (const benefit of ['funding', 'duo'])
      expect(verdict[benefit]).toMatchObject({ state: 'to_confirm', toConfirm: ['requires:label'] });
    const live = reply(all, 'dialog:local-nec:eligibility').text;
    expect(live).toContain('§ Format des NEC locaux');
    expect(live).toContain('À confirmer');
    expect(summary.text).toContain('**label NEC local (usage de la marque)** : ❔ à confirmer');
    expect(summary.text).not.toContain('✅ éligible');
  });

  it('a private individual can get nothing, and is told at once', async () => {
    const { summary, all } = await run({ legal_entity: 'particulier' });
    const verdict = verdictOf(summary);
    for (const benefit of ['label', 'funding', 'duo'])
      expect(verdict[benefit]).toMatchObject({
        eligible: false,
        failed: expect.arrayContaining(['legal_entity']),
      });
    expect(reply(all, 'dialog:local-nec:eligibility').text).toContain('aucun avantage');
    expect(summary.fields?.map((f) => f.value).join('\n')).toContain('particulier');
  });
});

describe('the other dialogs', () => {
  it('meae-nir: the call closed on 13 March 2024, and the other rules are still checked', async () => {
    await app.say('m', 'apply meae-nir');
    // Closed: asked first whether to prepare it for a next edition.
    const start = await app.say('m', 'yes');
    const { summary } = await driveToSummary(app, 'm', start, {
      authority_name: 'City of Nantes',
      applicant_type: 'French local authority',
      foreign_partner: 'yes',
      partner_name: 'Dakar, Senegal',
      fields: '1, 2',
      project_title: 'Digital mediation together',
      project_summary: 'skip',
    });
    const verdict = verdictOf(summary);
    expect(verdict.eligible?.eligible).toBe(false);
    expect(verdict.eligible?.failed).toContain('call_closed');
    expect(summary.intent).toBe('dialog:meae-nir:summary');
  });

  it('nec-ess-travel: the allowance is asked for by distance, and the event has passed', async () => {
    await app.say('t', 'apply nec-ess-travel');
    const start = await app.say('t', 'yes');
    const { summary } = await driveToSummary(app, 't', start, {
      organisation_name: 'Tiers-lieu du Nord',
      first_participation: 'yes',
      venue: 'Paris',
      distance_km: '21 km',
      allowance_already_claimed: 'no',
    });
    const verdict = verdictOf(summary);
    expect(summary.intent).toBe('dialog:nec-ess-travel:summary');
    expect(verdict.allowance?.eligible).toBe(false);
  });
});

describe('a question typed during a step', () => {
  it('is answered from the FAQ, then the step is asked again', async () => {
    const again = await app.say('q2', 'candidater local-nec');
    expect(again.at(-1)?.data?.slot).toBe('organizer_name');
    await app.say('q2', 'Association Les Liens');
    await app.say('q2', 'association');
    const replies = await app.say('q2', 'Qu’est-ce qu’un NEC local ?');
    expect(replies[0]?.intent).toMatch(/^faq:/);
    expect(replies.at(-1)?.intent).toBe('dialog:local-nec:event_date');
  });
});
