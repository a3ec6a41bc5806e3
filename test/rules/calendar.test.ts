/**
 * The calendar day of an instant in a time zone: `dayIn` reads it from the zone's offset at that instant, and
 * must give the day a `TZDate` gives (what it was written with first), in every zone, across the changes of
 * offset, and for an unknown zone alike.
 */
import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayIn, firstDayMonthsAfter, isoDay, monthsBefore } from '../../rules/calendar.ts';

const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC', '+05:30', '-03:00', 'Not/AZone'];

describe('dayIn', () => {
  it('gives the day a TZDate gives, in every time zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, ms) => {
          expect(dayIn(new Date(ms), zone)).toBe(isoDay(new TZDate(ms, zone)));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('turns the day at local midnight, on both sides of a change of time', () => {
    // Paris went to summer time on 28 March 2027 at 01:00 UTC; midnight there is 22:00 UTC the day before.
    expect(dayIn(new Date('2027-03-27T22:59:59Z'), 'Europe/Paris')).toBe('2027-03-27');
    expect(dayIn(new Date('2027-03-27T23:00:00Z'), 'Europe/Paris')).toBe('2027-03-28');
    expect(dayIn(new Date('2027-03-28T21:59:59Z'), 'Europe/Paris')).toBe('2027-03-28');
    expect(dayIn(new Date('2027-03-28T22:00:00Z'), 'Europe/Paris')).toBe('2027-03-29');
    expect(dayIn(new Date('2027-06-15T03:00:00Z'), 'America/Los_Angeles')).toBe('2027-06-14');
  });
});

describe('firstDayMonthsAfter', () => {
  it('is the earliest event a deadline N months ahead still lets one apply for today', () => {
    expect(firstDayMonthsAfter('2026-12-02', 4, 'Europe/Paris')).toBe('2027-04-02');
    // 28 February's deadline is 28 October: from 31 October, the first day in time is 1 March.
    expect(firstDayMonthsAfter('2026-10-31', 4, 'Europe/Paris')).toBe('2027-03-01');
    expect(firstDayMonthsAfter('2027-08-31', 6, 'Europe/Paris')).toBe('2028-03-01');
  });

  it('its deadline is never before the day, and the day before it misses', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 12 }),
        (date, months) => {
          const day = isoDay(date);
          const first = firstDayMonthsAfter(day, months, 'UTC');
          expect(monthsBefore(first, months, 'UTC') >= day).toBe(true);
          const before = isoDay(new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000));
          expect(monthsBefore(before, months, 'UTC') < day).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
