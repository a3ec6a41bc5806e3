/**
 * Working days in France, where the calls' organisers work: neither a Saturday, a Sunday nor a public holiday
 * (the national list; Alsace-Moselle's Good Friday and St Stephen's Day and the overseas departments' own days
 * are not in it). A reminder to do office work goes on one.
 */
import joursFeries from '@socialgouv/jours-feries';
import { isWeekend } from 'date-fns/isWeekend';
import { type Day, daysAfter, isoDay } from './calendar.ts';

/** Public holidays by year, computed once each. */
const HOLIDAYS = new Map<number, Set<Day>>();

function holidaysOf(year: number): Set<Day> {
  let days = HOLIDAYS.get(year);
  if (!days) {
    // The package makes each day at local midnight and adds days as 24 hours: read at noon, so that a clock
    // change of the process's zone between Easter and Whit Monday (southern hemisphere) cannot move one.
    days = new Set(
      Object.values(joursFeries(year)).map((d) => isoDay(new Date(d.getTime() + 12 * 3_600_000))),
    );
    HOLIDAYS.set(year, days);
  }
  return days;
}

export function isWorkingDay(day: Day): boolean {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return !isWeekend(new Date(year, month - 1, date)) && !holidaysOf(year).has(day);
}

/** The day itself if it is a working day, else the last one before it. */
export function workingDayOnOrBefore(day: Day): Day {
  return isWorkingDay(day) ? day : workingDayOnOrBefore(daysAfter(day, -1));
}

/** The day itself if it is a working day, else the first one after it. */
export function workingDayOnOrAfter(day: Day): Day {
  return isWorkingDay(day) ? day : workingDayOnOrAfter(daysAfter(day, 1));
}
