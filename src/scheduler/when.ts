/**
 * Reads when a reminder should fire from what people type, in French and English: "on 12 March at 9:00",
 * « demain à 10h », "in 2 weeks", « dans 2 semaines », "next monday", « le 12/03 » (always day/month).
 * Wall-clock times are built in the person's time zone, so "9:00" is 9:00 local whatever the change of hour.
 */
import { TZDate } from '@date-fns/tz';
// Per-function entry points: the package root loads all ~300 date-fns modules, seconds of start-up.
import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addMinutes } from 'date-fns/addMinutes';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';

export type When =
  | { ok: true; at: Date; rest: string }
  | { ok: false; reason: 'missing' | 'invalid-date' | 'past'; at?: Date; rest: string };

/** The hour a reminder set for a day without a time fires at. */
export const DEFAULT_HOUR = 9;

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  janvier: 1,
  janv: 1,
  february: 2,
  feb: 2,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  march: 3,
  mar: 3,
  mars: 3,
  april: 4,
  apr: 4,
  avril: 4,
  avr: 4,
  may: 5,
  mai: 5,
  june: 6,
  jun: 6,
  juin: 6,
  july: 7,
  jul: 7,
  juillet: 7,
  juil: 7,
  august: 8,
  aug: 8,
  aout: 8,
  september: 9,
  sep: 9,
  sept: 9,
  septembre: 9,
  october: 10,
  oct: 10,
  octobre: 10,
  november: 11,
  nov: 11,
  novembre: 11,
  december: 12,
  dec: 12,
  decembre: 12,
};
const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  dimanche: 0,
  monday: 1,
  lundi: 1,
  tuesday: 2,
  mardi: 2,
  wednesday: 3,
  mercredi: 3,
  thursday: 4,
  jeudi: 4,
  friday: 5,
  vendredi: 5,
  saturday: 6,
  samedi: 6,
};
const UNITS: Array<[RegExp, (d: Date, n: number) => Date, boolean]> = [
  [/^(minutes?|mins?|mn)$/, addMinutes, false],
  [/^(hours?|hrs?|heures?|h)$/, addHours, false],
  [/^(days?|jours?|j)$/, addDays, true],
  [/^(weeks?|semaines?|sem)$/, addWeeks, true],
  [/^(months?|mois)$/, addMonths, true],
];
const COUNT_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  un: 1,
  une: 1,
  two: 2,
  deux: 2,
  three: 3,
  trois: 3,
};

const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WEEKDAY = Object.keys(WEEKDAYS).join('|');

const RELATIVE =
  /(?:^|\s)(?:in|dans)\s+(\d+|an?|one|une?|two|deux|three|trois)\s*(minutes?|mins?|mn|hours?|hrs?|heures?|h|days?|jours?|j|weeks?|semaines?|sem|months?|mois)(?=\s|$|[.,;:])/;
// Yesterday is read so that « hier à 9h » is told it is past rather than not understood.
const DAY_WORD =
  /(?:^|\s)(?:(?:the\s+)?day\s+after\s+tomorrow|apres[- ]demain|tomorrow|demain|today|aujourd'hui|ce\s+soir|tonight|yesterday|hier)(?=\s|$|[.,;:])/;
const WEEKDAY_RE = new RegExp(
  `(?:^|\\s)(?:(?:on|next|this)\\s+)?(${WEEKDAY})(?:\\s+(?:prochain|qui vient))?(?=\\s|$|[.,;:])`,
);
const ISO_DATE = /(?:^|\s)(?:on\s+|le\s+)?(\d{4})-(\d{2})-(\d{2})(?=\s|$|[.,;:])/;
const SLASH_DATE = /(?:^|\s)(?:on\s+|le\s+)?(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?(?=\s|$|[,;:])/;
const DAY_MONTH = new RegExp(
  `(?:^|\\s)(?:on\\s+(?:the\\s+)?|le\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?(?:\\s+of)?\\s+(${MONTH})\\.?(?:\\s+(\\d{4}))?(?=\\s|$|[.,;:])`,
);
const MONTH_DAY = new RegExp(
  `(?:^|\\s)(?:on\\s+)?(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?=\\s|$|[.,;:])`,
);
const TIME = /(?:^|\s)(?:at\s+|a\s+|vers\s+|@\s*)?(\d{1,2})(?:(?::|h)(\d{2})|h|\s*(am|pm))(?=\s|$|[.,;:])/;
const NOON = /(?:^|\s)(?:at\s+|a\s+)?(noon|midi|midnight|minuit)(?=\s|$|[.,;:])/;

/** Lower case without accents, the same length as the text (so matches can be cut out of the original). */
function searchable(text: string): string {
  return [...text]
    .map((c) => {
      const plain = c
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase();
      return plain.length === c.length ? plain : c;
    })
    .join('')
    .replace(/[’‘]/g, "'");
}

/** Finds a pattern, returns its groups and blanks it out of both texts. */
function take(texts: { key: string; original: string }, pattern: RegExp): RegExpExecArray | undefined {
  const match = pattern.exec(texts.key);
  if (!match) return undefined;
  const blank = ' '.repeat(match[0].length);
  texts.key = texts.key.slice(0, match.index) + blank + texts.key.slice(match.index + match[0].length);
  texts.original =
    texts.original.slice(0, match.index) + blank + texts.original.slice(match.index + match[0].length);
  return match;
}

function countOf(word: string): number {
  return COUNT_WORDS[word] ?? Number(word);
}

/** What is left once the time words are gone: the reminder's text, without linking words. */
function leftover(original: string): string {
  let rest = original.replace(/\s+/g, ' ').trim();
  for (;;) {
    const stripped = rest
      .replace(/^(?:(?:to|that|about|of|de|que|pour)\s+|d['’]|qu['’]|[:,;–-]\s*)/i, '')
      .replace(/(?:\s+(?:at|à|le|on)|[,;:])$/i, '')
      .trim();
    if (stripped === rest) return rest;
    rest = stripped;
  }
}

interface LocalDay {
  year: number;
  month: number;
  day: number;
}

/**
 * Parses the time words in `text`. Relative delays count from `base` (default `now`); a day without a year is
 * the next one to come; a day without a time fires at DEFAULT_HOUR; a time alone is its next occurrence.
 */
export function parseWhen(text: string, now: Date, zone: string, base: Date = now): When {
  const texts = { key: searchable(text), original: text };
  const local = new TZDate(now.getTime(), zone);
  const today: LocalDay = { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };

  let at: Date | undefined;
  let relativeAt: Date | undefined;
  let day: LocalDay | undefined;
  let yearGiven = false;
  let invalid = false;

  const relative = take(texts, RELATIVE);
  if (relative) {
    const unit = UNITS.find(([pattern]) => pattern.test(relative[2] ?? ''));
    const count = countOf(relative[1] ?? '');
    if (unit && Number.isFinite(count)) {
      const moved = unit[1](new TZDate(base.getTime(), zone), count);
      at = new Date(moved.getTime());
      relativeAt = at;
      // "in 2 weeks at 10:00": the day comes from the delay, the time from the text.
      if (unit[2]) day = { year: moved.getFullYear(), month: moved.getMonth() + 1, day: moved.getDate() };
    }
  }

  const dayWord = take(texts, DAY_WORD)?.[0].trim();
  if (dayWord) {
    relativeAt = undefined;
    const offset = /after|apres/.test(dayWord)
      ? 2
      : /tomorrow|demain/.test(dayWord)
        ? 1
        : /yesterday|hier/.test(dayWord)
          ? -1
          : 0;
    day = shift(today, offset, zone);
  }
  const weekday = day ? undefined : take(texts, WEEKDAY_RE);
  if (weekday) {
    const target = WEEKDAYS[weekday[1] ?? ''] ?? 0;
    const ahead = (target - local.getDay() + 7) % 7 || 7;
    day = shift(today, ahead, zone);
  }
  const iso = take(texts, ISO_DATE);
  const slash = iso ? undefined : take(texts, SLASH_DATE);
  const dayMonth = iso || slash ? undefined : take(texts, DAY_MONTH);
  const monthDay = iso || slash || dayMonth ? undefined : take(texts, MONTH_DAY);
  const parts: [string | undefined, string | undefined, string | undefined] | undefined = iso
    ? [iso[3], iso[2], iso[1]]
    : slash
      ? [slash[1], slash[2], slash[3]]
      : dayMonth
        ? [dayMonth[1], String(MONTHS[dayMonth[2] ?? '']), dayMonth[3]]
        : monthDay
          ? [monthDay[2], String(MONTHS[monthDay[1] ?? '']), monthDay[3]]
          : undefined;
  if (parts) {
    const [d, m, y] = parts;
    yearGiven = y !== undefined;
    const year = y === undefined ? today.year : y.length === 2 ? 2000 + Number(y) : Number(y);
    day = { year, month: Number(m), day: Number(d) };
    invalid = !exists(day);
  }

  const time = take(texts, TIME);
  const noon = time ? undefined : take(texts, NOON);
  let clock: { hour: number; minute: number } | undefined;
  if (time) {
    let hour = Number(time[1]);
    const minute = Number(time[2] ?? 0);
    if (time[3] === 'pm' && hour < 12) hour += 12;
    if (time[3] === 'am' && hour === 12) hour = 0;
    invalid ||= hour > 23 || minute > 59;
    clock = { hour, minute };
  } else if (noon) {
    clock = { hour: /mid(night)|minuit/.test(noon[1] ?? '') ? 0 : 12, minute: 0 };
  }

  const rest = leftover(texts.original);
  if (invalid) return { ok: false, reason: 'invalid-date', rest };
  if (day || clock) {
    const target = day ?? today;
    // "in 2 weeks" keeps the time of day it counts from; a named day without a time gets DEFAULT_HOUR.
    const { hour, minute } =
      clock ?? (relativeAt ? localClock(relativeAt, zone) : { hour: DEFAULT_HOUR, minute: 0 });
    at = wallClock(target, hour, minute, zone);
    if (parts && !yearGiven && at <= now)
      at = wallClock({ ...target, year: target.year + 1 }, hour, minute, zone);
    // A time alone ("at 9:00") means its next occurrence.
    if (!day && at <= now) at = wallClock(shift(today, 1, zone), hour, minute, zone);
  }
  if (!at) return { ok: false, reason: 'missing', rest };
  if (at.getTime() <= now.getTime()) return { ok: false, reason: 'past', at, rest };
  return { ok: true, at, rest };
}

/**
 * Reads a time written at the start of `text` (`broadcast <when> <message>`): the longest run of leading words
 * that reads entirely as a time, so time words inside the message ("closes friday") stay in it.
 */
export function parseLeadingWhen(text: string, now: Date, zone: string): When {
  const words = text.trim().split(/\s+/);
  for (let count = words.length; count > 0; count--) {
    const when = parseWhen(words.slice(0, count).join(' '), now, zone);
    if (when.rest === '' && !(when.ok === false && when.reason === 'missing'))
      return { ...when, rest: words.slice(count).join(' ') };
  }
  return { ok: false, reason: 'missing', rest: text.trim() };
}

/** The instant of a wall-clock time on a local day in a zone (DST-safe: built in the zone itself). */
export function wallClock(day: LocalDay, hour: number, minute: number, zone: string): Date {
  return new Date(new TZDate(day.year, day.month - 1, day.day, hour, minute, zone).getTime());
}

function localClock(at: Date, zone: string): { hour: number; minute: number } {
  const local = new TZDate(at.getTime(), zone);
  return { hour: local.getHours(), minute: local.getMinutes() };
}

function shift(day: LocalDay, days: number, zone: string): LocalDay {
  const moved = addDays(new TZDate(day.year, day.month - 1, day.day, 12, 0, zone), days);
  return { year: moved.getFullYear(), month: moved.getMonth() + 1, day: moved.getDate() };
}

function exists({ year, month, day }: LocalDay): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
