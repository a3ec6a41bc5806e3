import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, verdictData } from '../../rules/evaluate.ts';
import { benefitsNeeding } from '../../rules/touching.ts';
import type { Answers } from '../../rules/values.ts';
import { paris, shippedCall } from './support.ts';

const call = shippedCall('local-nec');
const TODAY = paris('2026-11-23');
const ZONE = 'Europe/Paris';

/** A complete application that meets every rule on 2026-11-23 (event exactly 4 months later). */
const complete: Answers = {
  organizer_name: 'Tiers-lieu du Val',
  legal_entity: 'association',
  event_date: '2027-03-23',
  event_format: 'hybrid',
  themes: ['digital_inclusion'],
  area: 'Val de Loire',
  audience: 'médiateurs numériques',
  expected_attendance: 150,
  venue_capacity: 150,
  local_authority_support: true,
  local_authority_name: 'Ville de Blois',
  session_formats: 'ateliers',
  resources: 'deux salariés',
  budget_total: 10_000,
  grant_requested: 8_000,
  charter: true,
};

function data(answers: Answers, today = TODAY, zone = ZONE, lang: 'fr' | 'en' = 'en') {
  return verdictData(evaluate(call, answers, today, zone), lang);
}

describe('local-nec rules', () => {
  it('finds a complete application eligible for all three benefits, and says the funder then selects', () => {
    const verdict = data(complete);
    expect(Object.keys(verdict)).toEqual(['label', 'funding', 'duo']);
    for (const benefit of Object.values(verdict)) {
      expect(benefit).toMatchObject({ eligible: true, failed: [], unknown: [], warnings: [] });
    }
    expect(verdict.funding?.reasons.join(' ')).toMatch(
      /does not mean selected.*Digital Society Programme.*digital maturity/,
    );
  });

  it('149 attendees fail the grant and the duo but not the label; 150 pass', () => {
    const below = data({ ...complete, expected_attendance: 149, venue_capacity: 200 });
    expect(below.funding).toMatchObject({ eligible: false, failed: ['min_attendance'] });
    expect(below.duo).toMatchObject({ eligible: false, failed: ['min_attendance'] });
    expect(below.label?.eligible).toBe(true);
    expect(below.funding?.reasons[0]).toContain('your answer: 149 people (at least 150 people needed)');
    // People read the source's title and section; the file id stays in the data for tools.
    expect(below.funding?.reasons[0]).toContain('(source: ANCT — NEC locaux, 2023, § Selection criteria)');
    expect(below.funding?.reasons.join(' ')).not.toContain('000_');
    expect(below.funding?.sources).toContainEqual({
      rule: 'min_attendance',
      title: 'ANCT — NEC locaux, 2023',
      file: '000_3ad38c5551275220.txt',
      section: 'Selection criteria',
      sourceLang: 'en',
      sectionFr: 'Critères de sélection',
    });
    expect(data({ ...complete, expected_attendance: 150, venue_capacity: 200 }).funding?.eligible).toBe(true);
  });

  it('an application exactly 4 months before the event qualifies for funding; one day later does not', () => {
    expect(data({ ...complete, event_date: '2027-03-23' }).funding?.eligible).toBe(true);
    const late = data({ ...complete, event_date: '2027-03-22' });
    expect(late.funding).toMatchObject({ eligible: false, failed: ['funding_deadline'] });
    expect(late.funding?.reasons[0]).toContain('the deadline was 22 November 2026: it has passed');
    // The 4-month rule concerns the financial support only.
    expect(late.duo?.eligible).toBe(true);
    expect(late.label?.eligible).toBe(true);
  });

  it('counts calendar months in the time zone: 23:30 UTC on the deadline is already the next day in Paris', () => {
    const lateEvening = new Date('2026-11-23T23:30:00Z');
    expect(data(complete, lateEvening, 'UTC').funding?.eligible).toBe(true);
    expect(data(complete, lateEvening, 'Europe/Paris').funding?.eligible).toBe(false);
  });

  it('clamps month ends: an event on 31 March 2027 may apply until 30 November 2026', () => {
    const answers = { ...complete, event_date: '2027-03-31' };
    expect(data(answers, paris('2026-11-30')).funding?.eligible).toBe(true);
    expect(data(answers, paris('2026-12-01')).funding?.eligible).toBe(false);
  });

  it('a grant of exactly 80 % is fine; 80.01 % warns with the cap in euros but does not exclude', () => {
    expect(data({ ...complete, grant_requested: 8_000 }).funding?.warnings).toEqual([]);
    const over = data({ ...complete, grant_requested: 8_001 });
    expect(over.funding?.eligible).toBe(true);
    expect(over.funding?.failed).toEqual([]);
    expect(over.funding?.warnings).toHaveLength(1);
    expect(over.funding?.warnings[0]).toContain('the cap is €8,000');
    const fr = data({ ...complete, grant_requested: 8_001 }, TODAY, ZONE, 'fr');
    expect(fr.funding?.warnings[0]?.replace(/\s/g, ' ')).toContain('le plafond est de 8 000 €');
    // The 80 % rule concerns the grant only.
    expect(over.duo?.warnings).toEqual([]);
  });

  it('a venue smaller than the expected audience fails the grant and the duo, online or not', () => {
    for (const event_format of ['online', 'hybrid']) {
      const small = data({ ...complete, event_format, expected_attendance: 200, venue_capacity: 199 });
      expect(small.funding?.failed).toEqual(['venue_capacity']);
      expect(small.duo?.failed).toEqual(['venue_capacity']);
      expect(small.funding?.reasons[0]).toContain('your answer: 199 seats (at least 200 people needed)');
      expect(small.label?.eligible).toBe(true);
    }
  });

  it('a private individual is eligible for nothing, with the reason', () => {
    const verdict = data({ ...complete, legal_entity: 'individual' });
    expect(verdict.label).toMatchObject({ eligible: false, failed: ['legal_entity'] });
    for (const id of ['funding', 'duo'])
      expect(verdict[id]).toMatchObject({ eligible: false, failed: ['legal_entity', 'requires:label'] });
    expect(verdict.label?.reasons[0]).toContain('your answer: private individual');
    expect(data({ ...complete, legal_entity: 'other' }).label?.eligible).toBe(true);
  });

  it('an in-person-only event is a case the source does not foresee: the label is to be confirmed, not refused', () => {
    const verdict = data({ ...complete, event_format: 'in_person' });
    expect(verdict.label).toMatchObject({
      eligible: null,
      state: 'to_confirm',
      failed: [],
      toConfirm: ['event_format'],
    });
    const reason = verdict.label?.reasons[0] ?? '';
    expect(reason).toContain('To be confirmed');
    expect(reason).toContain('your answer: in person only');
    // What the source says, whom to ask, what would settle it.
    expect(reason).toContain('it does not say that an in-person-only event is excluded');
    expect(reason).toContain('amelie.naquet@anct.gouv.fr');
    expect(reason).toContain('what would make it certain: ANCT confirms in writing');
    expect(reason).toContain('§ Local NEC format');
    expect(data({ ...complete, event_format: 'online' }).label?.eligible).toBe(true);
  });

  it('the grant and the duo require the label: at best to be confirmed while it is, never eligible without it', () => {
    const inPerson = data({ ...complete, event_format: 'in_person' });
    for (const id of ['funding', 'duo']) {
      expect(inPerson[id]).toMatchObject({ state: 'to_confirm', failed: [], toConfirm: ['requires:label'] });
      expect(inPerson[id]?.reasons[0]).toContain(
        'Only for those who get “local NEC label (use of the brand)”',
      );
      expect(inPerson[id]?.reasons[0]).toContain('still to be confirmed');
    }
    // Refusing the commitments: no label, so neither grant nor duo, with the reason.
    const noCharter = data({ ...complete, charter: false });
    expect(noCharter.label).toMatchObject({ eligible: false, failed: ['charter'] });
    for (const id of ['funding', 'duo']) {
      expect(noCharter[id]).toMatchObject({
        eligible: false,
        state: 'not_eligible',
        failed: ['requires:label'],
      });
      expect(noCharter[id]?.reasons[0]).toContain('which is not eligible here');
    }
    const fr = data({ ...complete, charter: false }, TODAY, ZONE, 'fr');
    expect(fr.funding?.reasons[0]).toContain(
      'Réservé à qui obtient « label NEC local (usage de la marque) », non éligible ici.',
    );
    // Label still unknown: the grant cannot be told either, even with all its own answers given.
    const { charter: _, ...noAnswer } = complete;
    expect(data(noAnswer).funding).toMatchObject({
      eligible: null,
      state: 'unknown',
      unknown: ['requires:label'],
    });
  });

  it('no local authority support or refused commitments fail the benefits they gate', () => {
    const noSupport = data({ ...complete, local_authority_support: false });
    expect(noSupport.funding?.failed).toEqual(['local_authority_support']);
    expect(noSupport.duo?.failed).toEqual(['local_authority_support']);
    expect(noSupport.label?.eligible).toBe(true);
    expect(data({ ...complete, charter: false }).label?.failed).toEqual(['charter']);
  });

  it('missing answers are "unknown — still needed", never failures', () => {
    const verdict = data({});
    for (const benefit of Object.values(verdict)) {
      expect(benefit.eligible).toBeNull();
      expect(benefit.failed).toEqual([]);
    }
    expect(verdict.funding?.unknown).toEqual([
      'legal_entity',
      'funding_deadline',
      'local_authority_support',
      'min_attendance',
      'venue_capacity',
      'grant_ratio',
      'requires:label',
    ]);
    expect(verdict.funding?.reasons.find((r) => r.includes('venue'))).toContain(
      'still needed: venue capacity, expected attendance',
    );
    // An optional grant left out only leaves its warning rule unknown.
    const { grant_requested: _, ...withoutGrant } = complete;
    expect(data(withoutGrant).funding).toMatchObject({ eligible: null, unknown: ['grant_ratio'] });
  });

  it('one failed rule makes a benefit not eligible whatever is still unknown', () => {
    const verdict = data({ legal_entity: 'individual' });
    expect(verdict.funding?.eligible).toBe(false);
    expect(verdict.funding?.failed).toEqual(['legal_entity', 'requires:label']);
    expect(verdict.funding?.unknown.length).toBeGreaterThan(0);
    // Failures come before what is still needed.
    expect(verdict.funding?.reasons[0]).toContain('private individual');
  });

  it('says the rules come from the 2023 edition and ANCT may have changed them', () => {
    const verdict = evaluate(call, complete, TODAY, ZONE);
    expect(verdict.notices[0]?.text.en).toContain('2023 edition');
    expect(verdict.notices[0]?.text.en).toContain('ANCT may have changed them');
    expect(verdict.notices[0]?.text.fr).toContain('édition 2023');
  });
});

describe('local-nec rules across time zones and missing answers', () => {
  it('keeps the funding deadline on the same calendar day across a change of hour and overseas', () => {
    // 15 July 2027 − 4 months = 15 March 2027, before the spring change of hour in Paris.
    const summer = { ...complete, event_date: '2027-07-15' };
    expect(data(summer, paris('2027-03-15', '23:00'), 'Europe/Paris').funding?.eligible).toBe(true);
    expect(data(summer, paris('2027-03-16', '00:30'), 'Europe/Paris').funding?.eligible).toBe(false);
    // In Guadeloupe (UTC−4) it is still the 15th when Paris is already on the 16th.
    expect(data(summer, new Date('2027-03-16T02:00:00Z'), 'America/Guadeloupe').funding?.eligible).toBe(true);
  });

  it('never fails a rule because an answer is missing (any subset of a failing application)', () => {
    const failing: Answers = {
      ...complete,
      legal_entity: 'individual',
      event_format: 'in_person',
      expected_attendance: 149,
      venue_capacity: 100,
      event_date: '2027-01-10',
    };
    const keys = Object.keys(failing);
    const full = data(failing);
    fc.assert(
      fc.property(fc.subarray(keys), (kept) => {
        const partial = Object.fromEntries(kept.map((k) => [k, failing[k] as Answers[string]]));
        const verdict = data(partial);
        for (const [id, entry] of Object.entries(verdict)) {
          // Whatever fails with fewer answers also fails with all of them: missing answers add no failure.
          for (const rule of entry.failed) expect(full[id]?.failed).toContain(rule);
          expect(entry.eligible).toBe(
            entry.failed.length > 0
              ? false
              : entry.unknown.length > 0 || entry.toConfirm.length > 0
                ? null
                : true,
          );
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('which benefits need a slot', () => {
  it('those of the rules reading it, and those requiring them; none for a slot no rule reads', () => {
    const ids = (slot: string) => benefitsNeeding(call, slot).map((b) => b.id);
    expect(ids('grant_requested')).toEqual(['funding']);
    expect(ids('venue_capacity')).toEqual(['funding', 'duo']);
    // The grant and the duo are for label holders: what the label needs, they need.
    expect(ids('charter')).toEqual(['label', 'funding', 'duo']);
    expect(ids('partners')).toEqual([]);
  });
});
