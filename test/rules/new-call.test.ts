import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CallRegistry,
  callFigure,
  callStatus,
  evaluate,
  keyDates,
  renderVerdict,
  verdictData,
} from '../../rules/index.ts';
import { paris } from './support.ts';

// A call nobody has coded for: a community manager writes this file, and the engine handles it as it is.
const FILE = `
id: fab-lab-grant
name: { fr: Aide aux fab labs, en: Fab lab grant }
organiser: Région exemple
edition: 2027
source: { title: Région exemple — aide aux fab labs 2027, file: test-only.txt }
contacts: [{ name: Service numérique, email: numerique@example.org }]
figures:
  opens: 2027-01-04
  closes: 2027-04-30
  max_grant: 5000
  max_staff: 10
  event_from: 2027-06-01
  event_until: 2027-12-31
window: { opens: { figure: opens }, closes: { figure: closes }, citation: { section: Calendar } }
slots:
  - { id: staff, type: integer, label: { fr: effectif, en: staff } }
  - { id: amount, type: money, label: { fr: montant demandé, en: amount requested } }
  - { id: opening_day, type: date, label: { fr: date d’ouverture, en: opening day } }
  - id: activities
    type: multi
    label: { fr: activités, en: activities }
    choices:
      - { id: repair, label: { fr: réparation, en: repair } }
      - { id: training, label: { fr: formation, en: training } }
      - { id: other, label: { fr: autre, en: other } }
  - { id: description, type: text, label: { fr: description, en: description } }
benefits:
  - id: grant
    name: { fr: "aide (jusqu’à {max_grant} €)", en: "grant (up to €{max_grant})" }
    selection:
      by: { fr: la Région, en: the Region }
      criteria: [{ fr: l’impact local, en: local impact }]
      citation: { section: Selection }
rules:
  - id: small_team
    benefits: [grant]
    op: at_most
    slot: staff
    max: { figure: max_staff }
    message: { fr: "Au plus {max_staff} salariés.", en: "At most {max_staff} staff." }
    citation: { section: Who }
  - id: amount_cap
    benefits: [grant]
    op: at_most
    slot: amount
    max: { figure: max_grant }
    message: { fr: "Au plus {max_grant} €.", en: "At most €{max_grant}." }
    citation: { section: Amount }
  - id: opening_in_period
    benefits: [grant]
    op: between_dates
    day: { slot: opening_day }
    from: { figure: event_from }
    until: { figure: event_until }
    message: { fr: "L’ouverture a lieu en 2027, à partir de juin.", en: "The opening is in 2027, from June." }
    citation: { section: When }
  - id: activity
    benefits: [grant]
    op: one_of
    slot: activities
    values: [repair, training]
    message: { fr: "Réparation ou formation.", en: "Repair or training." }
    citation: { section: What }
  - id: description
    benefits: [grant]
    op: required
    slot: description
    message: { fr: "Une description du projet.", en: "A description of the project." }
    citation: { section: File }
dates:
  - { id: closes, label: { fr: clôture, en: closing }, on: { figure: closes }, citation: { section: Calendar } }
  - id: prepare
    label: { fr: commencer le dossier, en: start the file }
    months_before: { months: 2, of: { slot: opening_day } }
    citation: { section: Calendar }
`;

let dir: string;
let registry: CallRegistry;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nec-new-call-'));
  await writeFile(join(dir, 'fab-lab-grant.yaml'), FILE);
  registry = new CallRegistry(dir);
  await registry.load();
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const good = {
  staff: 10,
  amount: 5000,
  opening_day: '2027-06-01',
  activities: ['training'],
  description: 'Un fab lab',
};

describe('a call file added without code', () => {
  it('loads, exposes its figures and status', () => {
    const call = registry.get('fab-lab-grant');
    expect(call).toBeDefined();
    if (!call) return;
    expect(callFigure(call, 'max_grant')).toBe(5000);
    expect(callStatus(call, paris('2027-02-01'), 'Europe/Paris')).toEqual({
      state: 'open',
      pastEdition: false,
    });
    expect(callStatus(call, paris('2027-05-01'), 'Europe/Paris')).toEqual({
      state: 'closed',
      day: '2027-04-30',
      pastEdition: false,
    });
  });

  it('evaluates its rules at their boundaries', () => {
    const call = registry.get('fab-lab-grant');
    if (!call) throw new Error('not loaded');
    const on = paris('2027-02-01');
    const grant = (answers: Record<string, string | number | string[]>) => {
      const entry = verdictData(evaluate(call, answers, on, 'Europe/Paris'), 'en').grant;
      if (!entry) throw new Error('no grant verdict');
      return entry;
    };
    expect(grant(good)).toMatchObject({ eligible: true, failed: [] });
    expect(grant({ ...good, staff: 11 }).failed).toEqual(['small_team']);
    expect(grant({ ...good, amount: 5000.01 }).failed).toEqual(['amount_cap']);
    expect(grant({ ...good, opening_day: '2027-05-31' }).reasons[0]).toContain(
      '31 May 2027 is before 1 June 2027',
    );
    expect(grant({ ...good, opening_day: '2028-01-01' }).failed).toEqual(['opening_in_period']);
    expect(grant({ ...good, activities: ['other'] }).failed).toEqual(['activity']);
    expect(grant({ ...good, description: '  ' })).toMatchObject({ eligible: null, unknown: ['description'] });
    expect(grant(good).reasons.join(' ')).toContain(
      'the Region then selects on these published criteria: local impact',
    );
  });

  it('renders and dates it like any other call', () => {
    const call = registry.get('fab-lab-grant');
    if (!call) throw new Error('not loaded');
    expect(renderVerdict(evaluate(call, good, paris('2027-02-01'), 'Europe/Paris'), 'fr')).toMatch(
      /aide \(jusqu’à 5\s000 €\)/,
    );
    expect(keyDates(call, good, 'Europe/Paris').map((d) => [d.id, d.date])).toEqual([
      ['prepare', '2027-04-01'],
      ['closes', '2027-04-30'],
    ]);
  });
});
