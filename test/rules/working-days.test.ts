/** French working days: weekends and the national public holidays are not, whatever the process's time zone. */
import { afterAll, describe, expect, it } from 'vitest';

// A zone whose clocks go back between Easter and Whit Monday (4 April 2027), where the holidays counted from
// Easter would fall a day early if read at the package's local midnight. Set before the module reads a date.
const zone = process.env.TZ;
process.env.TZ = 'Australia/Sydney';
const { isWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore } = await import(
  '../../rules/working-days.ts'
);
afterAll(() => {
  process.env.TZ = zone;
});

describe('working days', () => {
  it('are neither weekends nor public holidays, Easter-based ones included', () => {
    expect(isWorkingDay('2027-05-14')).toBe(true); // a Friday
    expect(isWorkingDay('2027-05-15')).toBe(false); // a Saturday
    expect(isWorkingDay('2027-05-06')).toBe(false); // Ascension
    expect(isWorkingDay('2027-05-05')).toBe(true);
    expect(isWorkingDay('2027-05-17')).toBe(false); // Whit Monday
    expect(isWorkingDay('2027-03-29')).toBe(false); // Easter Monday
    expect(isWorkingDay('2027-07-14')).toBe(false);
    // Alsace-Moselle's own days are not national ones.
    expect(isWorkingDay('2027-03-26')).toBe(true); // Good Friday
    expect(isWorkingDay('2028-12-26')).toBe(true); // St Stephen's Day, a Tuesday
  });

  it('move a day off one to the last working day before it, or the first after it', () => {
    expect(workingDayOnOrBefore('2027-05-16')).toBe('2027-05-14');
    expect(workingDayOnOrBefore('2027-05-14')).toBe('2027-05-14');
    expect(workingDayOnOrAfter('2027-05-15')).toBe('2027-05-18'); // past the weekend and Whit Monday
    expect(workingDayOnOrBefore('2027-01-01')).toBe('2026-12-31');
  });
});
