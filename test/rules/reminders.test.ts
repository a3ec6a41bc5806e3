/**
 * The verdict-to-reminders mapping (`rules/reminders.ts`), one for every reminder of every call: a reminder whose
 * benefits are all not eligible does not exist; while none is eligible yet it exists and says on which
 * condition; a past edition's day is never reminded.
 */
import { describe, expect, it } from 'vitest';
import { applicationReminders } from '../../rules/reminders.ts';
import type { Answers } from '../../rules/values.ts';
import { paris, shippedCall } from './support.ts';

const ZONE = 'Europe/Paris';
const call = shippedCall('local-nec');
const today = paris('2026-11-23');

/** A complete, eligible 2027 application (funding deadline 23 May 2027). */
const ELIGIBLE: Answers = {
  organizer_name: 'Les Liens',
  legal_entity: 'association',
  event_date: '2027-09-23',
  event_format: 'hybrid',
  themes: ['digital_inclusion'],
  goal: 'Partager des outils.',
  area: 'Lyon',
  audience: 'médiateurs',
  expected_attendance: 150,
  venue_capacity: 200,
  local_authority_support: true,
  local_authority_name: 'Ville de Lyon',
  session_formats: 'ateliers',
  resources: 'une salle',
  budget_total: 12_000,
  grant_requested: 9_600,
  charter: true,
};

const plan = (answers: Answers, now = today) => applicationReminders(call, answers, now, ZONE, 'abc123');
const kinds = (answers: Answers) => plan(answers).map((r) => `${r.kind} ${r.day}`);

describe('reminders from the call data and the verdict', () => {
  it('an eligible application gets the funding deadline reminders and the label holder’s duties, unconditioned', () => {
    const planned = plan(ELIGIBLE);
    expect(planned.map((r) => `${r.kind} ${r.day}`)).toEqual([
      'funding-deadline 2027-04-23',
      // The deadline is Sunday 23 May: a week before (a Sunday) and the day before (a Saturday) are the Fridays before.
      'funding-deadline 2027-05-14',
      'funding-deadline 2027-05-21',
      'event-eve 2027-09-22',
      'after-event 2027-09-24',
      'national-nec 2027-10-07',
    ]);
    expect(planned.every((r) => r.condition === undefined)).toBe(true);
    const week = planned[1];
    expect(week?.text.fr).toBe(
      '⏰ Dossier « Les Liens » : la date limite pour demander le financement est le 23 mai 2027 (dans 9 jours). La demande doit arriver au moins 4 mois avant l’événement.',
    );
    expect(week?.usefulUntil).toBe('2027-05-24');
    expect(planned[3]?.citation.section).toBe('Commitments by project initiators');
    expect(planned[4]?.usefulUntil).toBe('2027-11-22');
    // A 2027 application: the 2023 agreement end is no reminder.
    expect(planned.some((r) => r.kind === 'agreement-end')).toBe(false);
  });

  it('a grant out of reach drops its deadline; the label’s duties stay', () => {
    expect(kinds({ ...ELIGIBLE, expected_attendance: 140 })).toEqual([
      'event-eve 2027-09-22',
      'after-event 2027-09-24',
      'national-nec 2027-10-07',
    ]);
  });

  it('a label ruled out (commitments refused) drops the duties, and the grant’s deadline with it', () => {
    expect(kinds({ ...ELIGIBLE, charter: false })).toEqual([]);
    expect(kinds({ ...ELIGIBLE, legal_entity: 'individual' })).toEqual([]);
  });

  it('a label to be confirmed (in person only) keeps the duties, saying on which condition', () => {
    const planned = plan({ ...ELIGIBLE, event_format: 'in_person' });
    expect(planned.map((r) => r.kind)).toEqual([
      'funding-deadline',
      'funding-deadline',
      'funding-deadline',
      'event-eve',
      'after-event',
      'national-nec',
    ]);
    const eve = planned.find((r) => r.kind === 'event-eve');
    expect(eve?.condition?.fr).toBe(
      'Valable si « label NEC local (usage de la marque) » vous est confirmé : ce n’est pas encore certain.',
    );
    expect(eve?.condition?.en).toBe(
      'This holds if “local NEC label (use of the brand)” is confirmed for you: it is not certain yet.',
    );
    // The grant requires the label: at best to be confirmed too, and said so.
    expect(planned[0]?.condition?.en).toContain('“ANCT grant”');
  });

  it('an application for the edition’s own year is reminded of its agreement end; one without a name uses its id', () => {
    const { organizer_name: _, ...unnamed } = ELIGIBLE;
    const planned = plan({ ...unnamed, event_date: '2023-11-15' }, paris('2023-06-01'));
    const ends = planned.filter((r) => r.kind === 'agreement-end');
    // A week before and the day before Sunday 31 December are a Sunday and a Saturday: the Fridays before.
    expect(ends.map((r) => r.day)).toEqual(['2023-11-30', '2023-12-22', '2023-12-29']);
    expect(ends[2]?.text.en).toBe(
      '⏰ Application “abc123”: the agreement with ANCT ends on 31 December 2023 (in 2 days).',
    );
  });
});
