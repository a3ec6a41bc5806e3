/** Calendar days (`YYYY-MM-DD`): what the rules compare. A deadline is a day, not an instant. */
import { TZDate, tzOffset } from '@date-fns/tz';
// Per-function entry points: the package root loads all ~300 date-fns modules, seconds of start-up. Not
// `format` either: its 37 modules made Node re-read date-fns' 199 KB package.json for each, ~27 MB of garbage
// at start-up that grew the young generation for good (~28 MB of resident memory), to write `YYYY-MM-DD`.
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { subMonths } from 'date-fns/subMonths';
import { formatDate } from '../src/core/day-format.ts';
import type { Lang } from '../src/core/i18n.ts';
import { perLanguage } from '../src/core/per-language.ts';
import { Recent } from '../src/core/recent.ts';

/** A calendar day written `YYYY-MM-DD`. */
export type Day = string;

/** True for an existing day written `YYYY-MM-DD` (rejects 2024-02-30). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  // parseISO, not date-fns' general `parse`: that one loads some thirty parsers, ~80 MB of resident memory.
  const parsed = parseISO(text);
  return isValid(parsed) && isoDay(parsed) === text;
}

/** A year, month (1–12) and day of the month, written `YYYY-MM-DD`. */
function written(year: number, month: number, date: number): Day {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(date)}`;
}

/** The calendar day of a date as its own fields give it (a `TZDate`'s, in its zone), written `YYYY-MM-DD`. */
export function isoDay(date: Date): Day {
  return written(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/**
 * The day an instant falls on in a time zone ("today" for a person in that zone): the instant moved by the
 * zone's offset then, read in UTC. The same day a `TZDate` gives (checked over every zone), at a quarter of
 * the cost: a `TZDate` looks the offset up several times, and a turn asks for today a dozen times.
 */
export function dayIn(instant: Date, timezone: string): Day {
  const at = instant.getTime();
  // Asked again for the same instant (the calls' statuses on a greeting, a turn's checks): the day just found
  // in that zone. Kept per zone, because a turn asks in several (the bot's, a call's, UTC) in turn.
  const last = LAST_DAY.get(timezone);
  if (last?.at === at) return last.day;
  const wall = new Date(at + tzOffset(timezone, instant) * 60_000);
  const day = written(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
  LAST_DAY.set(timezone, { at, day });
  return day;
}

/** The last day found in each zone (the zones are the deployment's and the call files': a handful). */
const LAST_DAY = new Map<string, { at: number; day: Day }>();

/** The calendar day some days after another (before it, for a negative count). */
export function daysAfter(day: Day, days: number): Day {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** How many days from one calendar day to another (negative when it is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

/** The same day N calendar months earlier, computed in the time zone (31 May − 3 months = 28 or 29 February). */
export function monthsBefore(day: Day, months: number, timezone: string): Day {
  // The live eligibility check asks this of the same event day on every answer: the recent ones are kept.
  return MONTHS_BEFORE.get(`${day} ${months} ${timezone}`, () => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    return isoDay(subMonths(new TZDate(year, month - 1, date, timezone), months));
  });
}

/** The days last worked out by `monthsBefore` (a `TZDate` and its month arithmetic are dear). */
const MONTHS_BEFORE = new Recent<Day>(256);

/**
 * The first day whose day N calendar months earlier is not before `day`: the earliest event a deadline N months
 * ahead still lets one apply for today (31 October + 4 months is 1 March: 28 February's deadline is 28 October).
 */
export function firstDayMonthsAfter(day: Day, months: number, timezone: string): Day {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  let candidate = addMonths(new TZDate(year, month - 1, date, timezone), months);
  // A shorter month clamps the day (28 February): the next days are tried, at most three.
  while (monthsBefore(isoDay(candidate), months, timezone) < day) candidate = addDays(candidate, 1);
  return isoDay(candidate);
}

/** The year of a day. */
export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

// Made once per language: building an Intl formatter is far costlier than using one (core benchmark).
const DAY_FORMATS = perLanguage(
  (lang) =>
    new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
);

/** A day in words: "13 mars 2024" / "13 March 2024". */
export function formatDay(day: Day, lang: Lang): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return formatDate(DAY_FORMATS(lang), Date.UTC(year, month - 1, date), lang);
}
