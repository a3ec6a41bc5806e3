import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../dialogs/parsers/dates.ts';

const today = '2026-11-23';
const read = (text: string, future = true) => parseDate(text, { today, future });

describe('parseDate', () => {
  it.each([
    ['12/03/2027', '2027-03-12'],
    ['12/3/2027', '2027-03-12'],
    ['02/04/2027', '2027-04-02'],
    ['12-03-2027', '2027-03-12'],
    ['12.03.2027', '2027-03-12'],
    ['12/03/27', '2027-03-12'],
    ['12 / 03 / 2027', '2027-03-12'],
    ['2027-03-12', '2027-03-12'],
    ['2027-3-5', '2027-03-05'],
    ['12 mars 2027', '2027-03-12'],
    ['12 Mars 2027', '2027-03-12'],
    ['le 12 mars 2027', '2027-03-12'],
    ['vendredi 12 mars 2027', '2027-03-12'],
    ['1er avril 2027', '2027-04-01'],
    ['le 3 avril', '2027-04-03'],
    ['3 févr. 2027', '2027-02-03'],
    ['15 août 2027', '2027-08-15'],
    ['15 aout 2027', '2027-08-15'],
    ['5 décembre', '2026-12-05'],
    ['March 12, 2027', '2027-03-12'],
    ['march 12 2027', '2027-03-12'],
    ['Mar 12', '2027-03-12'],
    ['Sept 5th, 2027', '2027-09-05'],
    ['12th March 2027', '2027-03-12'],
    ['the 12th of March, 2027', '2027-03-12'],
    ['on 3 May 2027', '2027-05-03'],
    ['Friday, March 12, 2027', '2027-03-12'],
    ['29/02/2028', '2028-02-29'],
    ['23/11/2026', '2026-11-23'],
    ['12/03/2027.', '2027-03-12'],
  ])('reads %s as %s', (text, day) => {
    const result = read(text);
    expect(result).toMatchObject({ ok: true, value: day });
  });

  it('reads 12/03/2027 as 12 March in both languages, and echoes it in words', () => {
    const result = read('12/03/2027');
    expect(result.ok && result.echo).toEqual({ fr: 'le vendredi 12 mars 2027', en: 'Friday, 12 March 2027' });
  });

  it('puts a date without a year at its next occurrence, today included', () => {
    expect(read('23 novembre')).toMatchObject({ value: '2026-11-23' });
    expect(read('22 novembre')).toMatchObject({ value: '2027-11-22' });
    expect(read('1/1')).toMatchObject({ value: '2027-01-01' });
  });

  it.each([
    ['31/02/2027', 'n’existe pas'],
    ['29/02/2027', 'n’existe pas'],
    ['13/13/2027', 'n’existe pas'],
    ['00/03/2027', 'n’existe pas'],
    ['32 mars 2027', 'n’existe pas'],
    ['12/03/2025', 'déjà passé'],
    ['22/11/2026', 'déjà passé'],
    ['12 machin 2027', 'J’attends une date'],
    ['2027', 'J’attends une date'],
    ['', 'aucune réponse'],
    ['\u0007 12/03/2027', 'invisibles'],
    ['1'.repeat(2001), 'trop longue'],
  ])('refuses %s, saying what is expected', (text, reason) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fr).toContain(reason);
      expect(result.error.fr).toContain('12/03/2027');
      expect(result.error.en).toContain('day/month/year');
    }
  });

  it('reads relative dates and dates inside a sentence against today', () => {
    expect(read('demain')).toMatchObject({ ok: true, value: '2026-11-24' });
    expect(read('le 15 juin prochain')).toMatchObject({ ok: true, value: '2027-06-15' });
    expect(read('15 juin 27')).toMatchObject({ ok: true, value: '2027-06-15' });
    expect(read('le 15 juin 2027 à Nantes')).toMatchObject({ ok: true, value: '2027-06-15' });
  });

  it('asks which day when the weekday contradicts the date, and for the day when only a month is given', () => {
    expect(read('samedi 15 juin')).toMatchObject({
      ok: false,
      clarify: { options: [{ id: '2027-06-15' }, { id: '2027-06-12' }, { id: '2027-06-19' }] },
    });
    expect(read('mi-juin')).toMatchObject({ ok: false, clarify: { options: [] } });
  });

  it('accepts a past date where the step does not ask for a future one', () => {
    expect(read('12/03/2025', false)).toMatchObject({ ok: true, value: '2025-03-12' });
  });
});
