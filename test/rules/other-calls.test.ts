import { describe, expect, it } from 'vitest';
import { applicationDates, pastEditionLine } from '../../rules/application-dates.ts';
import { keyDates } from '../../rules/dates.ts';
import { evaluate, renderVerdict, verdictData } from '../../rules/index.ts';
import { rulesTouching } from '../../rules/touching.ts';
import type { Answers } from '../../rules/values.ts';
import { paris, shippedCall } from './support.ts';

const ZONE = 'Europe/Paris';

describe('nec-ess-travel rules', () => {
  const call = shippedCall('nec-ess-travel');
  const answers: Answers = {
    organisation_name: 'Coop Numérique',
    first_participation: true,
    venue: 'paris',
    distance_km: 21,
    allowance_already_claimed: false,
  };
  const before = paris('2025-10-01');

  it('21 km from the venue qualifies for the allowance; 20 km does not', () => {
    expect(verdictData(evaluate(call, answers, before, ZONE), 'en').allowance?.eligible).toBe(true);
    const near = verdictData(evaluate(call, { ...answers, distance_km: 20 }, before, ZONE), 'en').allowance;
    expect(near).toMatchObject({ eligible: false, failed: ['distance'] });
    expect(near?.reasons[0]).toContain('more than 20 km');
  });

  it('a second participation or an allowance already claimed by the organisation fail', () => {
    expect(
      verdictData(evaluate(call, { ...answers, first_participation: false }, before, ZONE), 'en').allowance
        ?.failed,
    ).toEqual(['first_participation']);
    expect(
      verdictData(evaluate(call, { ...answers, allowance_already_claimed: true }, before, ZONE), 'en')
        .allowance?.failed,
    ).toEqual(['once_per_organisation']);
  });

  it('today the event is over: not eligible, "closed since 27 November 2025", the other rules still checked', () => {
    const today = paris('2026-11-23');
    const entry = verdictData(evaluate(call, { ...answers, distance_km: 20 }, today, ZONE), 'en').allowance;
    expect(entry?.eligible).toBe(false);
    expect(entry?.failed).toEqual(['call_closed', 'distance']);
    expect(entry?.reasons[0]).toContain('closed since 27 November 2025');
    const fr = verdictData(evaluate(call, answers, today, ZONE), 'fr').allowance;
    expect(fr?.reasons[0]).toContain('clos depuis le 27 novembre 2025');
    expect(fr?.failed).toEqual(['call_closed']);
  });

  it('says the source links no form', () => {
    const text = renderVerdict(evaluate(call, answers, before, ZONE), 'en');
    expect(text).toContain('to a form without giving its address');
    expect(text).toContain('€948');
  });
});

describe('meae-nir rules', () => {
  const call = shippedCall('meae-nir');
  const answers: Answers = {
    authority_name: 'Département de La Réunion',
    applicant_type: 'french_local_authority',
    foreign_partner: true,
    partner_name: 'Antananarivo, Madagascar',
    fields: ['inclusive', 'other'],
    project_title: 'Médiation numérique partagée',
  };

  it('inside the window, a French authority with a foreign partner in an eligible field is eligible', () => {
    const entry = verdictData(evaluate(call, answers, paris('2024-02-01'), ZONE), 'en').eligible;
    expect(entry).toMatchObject({ eligible: true, failed: [], unknown: [] });
    expect(entry?.reasons.join(' ')).toContain('the source does not publish its criteria');
  });

  it('the closing day still counts; the next day the call is closed', () => {
    expect(
      verdictData(evaluate(call, answers, paris('2024-03-13', '23:59'), ZONE), 'en').eligible?.eligible,
    ).toBe(true);
    const after = verdictData(evaluate(call, answers, paris('2024-03-14', '00:01'), ZONE), 'en').eligible;
    expect(after).toMatchObject({ eligible: false, failed: ['call_closed'] });
  });

  it('before opening it only warns', () => {
    const entry = verdictData(evaluate(call, answers, paris('2024-01-05'), ZONE), 'en').eligible;
    expect(entry?.eligible).toBe(true);
    expect(entry?.warnings[0]).toContain('only opens on 10 January 2024');
  });

  it('fails an association, a project without a foreign partner, or outside both fields — and shows them all when closed', () => {
    const wrong = { ...answers, applicant_type: 'association', foreign_partner: false, fields: ['other'] };
    const entry = verdictData(evaluate(call, wrong, paris('2026-11-23'), ZONE), 'fr').eligible;
    expect(entry?.failed).toEqual(['call_closed', 'applicant_type', 'foreign_partner', 'fields']);
    expect(entry?.reasons[0]).toContain('clos depuis le 13 mars 2024');
  });

  it('a foreign authority leading the application is not excluded but to be confirmed with the officer in charge', () => {
    const foreign = { ...answers, applicant_type: 'foreign_authority' };
    const entry = verdictData(evaluate(call, foreign, paris('2024-02-01'), ZONE), 'fr').eligible;
    expect(entry).toMatchObject({
      eligible: null,
      state: 'to_confirm',
      failed: [],
      toConfirm: ['lead_applicant'],
    });
    expect(entry?.reasons[0]).toContain('morgane.millon@diplomatie.gouv.fr');
    expect(entry?.reasons[0]).toContain(
      'ne dit pas si une collectivité étrangère peut porter seule la candidature',
    );
    // Once closed, the exclusion wins over what is to confirm.
    expect(verdictData(evaluate(call, foreign, paris('2026-11-23'), ZONE), 'fr').eligible?.state).toBe(
      'not_eligible',
    );
  });
});

describe('key dates and the rules an answer touches', () => {
  const call = shippedCall('local-nec');

  it('computes the funding deadline (event − 4 calendar months), the event and the agreement end, in date order', () => {
    const dates = keyDates(call, { event_date: '2027-06-15' }, ZONE);
    expect(dates.map((d) => [d.id, d.date])).toEqual([
      ['agreement_end', '2023-12-31'],
      ['funding_deadline', '2027-02-15'],
      ['event', '2027-06-15'],
    ]);
    expect(dates[1]?.citation).toEqual({
      title: 'ANCT — NEC locaux, 2023',
      file: '000_3ad38c5551275220.txt',
      section: 'Commitments by project initiators',
      sourceLang: 'en',
      sectionFr: 'Engagements des porteurs de projet',
    });
  });

  it('a 2027 application has no key date of the 2023 edition: the agreement end is said as that edition’s', () => {
    const verdictDay = paris('2026-11-23');
    const dates = applicationDates(call, { event_date: '2027-06-15' }, verdictDay, ZONE);
    expect(dates.year).toBe(2027);
    expect(dates.current.map((d) => d.id)).toEqual(['funding_deadline', 'event']);
    expect(dates.pastEdition.map((d) => [d.id, d.date])).toEqual([['agreement_end', '2023-12-31']]);
    expect(pastEditionLine(call, dates.pastEdition, 'fr')).toBe(
      'Pour l’édition 2023, la convention avec l’ANCT courait jusqu’au 31 décembre 2023 ; la date de votre édition n’est pas dans nos sources.',
    );
    // An application for the edition's own year keeps it.
    const same = applicationDates(call, { event_date: '2023-11-15' }, paris('2023-06-01'), ZONE);
    expect(same.current.map((d) => d.id)).toEqual(['funding_deadline', 'event', 'agreement_end']);
    expect(same.pastEdition).toEqual([]);
    // A closed call's days, asked in a later year, are its past edition's.
    const meae = applicationDates(shippedCall('meae-nir'), {}, verdictDay, ZONE);
    expect(meae.current).toEqual([]);
    expect(pastEditionLine(shippedCall('meae-nir'), meae.pastEdition, 'en')).toBe(
      'For the 2024 edition, the call opened on 10 January 2024, it closed on 13 March 2024; the date for your edition is not in our sources.',
    );
  });

  it('leaves out the days that need a missing answer', () => {
    expect(keyDates(call, {}, ZONE).map((d) => d.id)).toEqual(['agreement_end']);
  });

  it('lists the rules reading a slot, including as a limit', () => {
    expect(rulesTouching(call, 'expected_attendance')).toEqual(['min_attendance', 'venue_capacity']);
    expect(rulesTouching(call, 'budget_total')).toEqual(['grant_ratio']);
    expect(rulesTouching(call, 'event_date')).toEqual(['funding_deadline']);
    expect(rulesTouching(call, 'area')).toEqual([]);
  });
});
