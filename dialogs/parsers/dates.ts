/**
 * Calendar days as people type them, in French and English: `12/03/2027` (always day/month/year, the
 * French convention, in both languages), `2027-03-12`, `12 mars 2027`, `le 3 avril`, `March 12, 2027`.
 */
import { formatDate } from '../../src/core/day-format.ts';
import type { Lang, Localized } from '../../src/core/i18n.ts';
import { normalize } from '../../src/core/text.ts';
import { type Parsed, refuse, unreadable } from './result.ts';

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const MONTHS: Record<string, number> = {
  janvier: 1,
  janv: 1,
  jan: 1,
  january: 1,
  fevrier: 2,
  fevr: 2,
  fev: 2,
  february: 2,
  feb: 2,
  mars: 3,
  march: 3,
  mar: 3,
  avril: 4,
  avr: 4,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juin: 6,
  june: 6,
  jun: 6,
  juillet: 7,
  juil: 7,
  july: 7,
  jul: 7,
  aout: 8,
  august: 8,
  aug: 8,
  septembre: 9,
  sept: 9,
  sep: 9,
  september: 9,
  octobre: 10,
  oct: 10,
  october: 10,
  novembre: 11,
  nov: 11,
  november: 11,
  decembre: 12,
  dec: 12,
  december: 12,
};

const WEEKDAYS =
  /\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b\.?/g;

const EXPECTED: Localized = {
  fr: 'J’attends une date, par exemple « 12/03/2027 » (jour/mois/année), « 12 mars 2027 » ou « 2027-03-12 ».',
  en: 'I expect a date, for example “12/03/2027” (day/month/year), “12 March 2027” or “2027-03-12”.',
};

export interface DateOptions {
  /** Today in the user's time zone: a day-month without a year means its next occurrence from here. */
  today: Day;
  /** Refuse days before today (an event to come). */
  future?: boolean;
}

/** Reads a calendar day; the echo spells it out in words so a misreading shows at once. */
export function parseDate(text: string, options: DateOptions): Parsed<Day> {
  const problem = unreadable(text);
  if (problem) return refuse(problem, EXPECTED);
  const parts = dateParts(text);
  if (!parts) return refuse(undefined, EXPECTED);
  const year = parts.year ?? yearOfNextOccurrence(parts.month, parts.day, options.today);
  const day = toDay(year, parts.month, parts.day);
  if (!day)
    return refuse(
      { fr: 'Cette date n’existe pas au calendrier.', en: 'That date does not exist in the calendar.' },
      EXPECTED,
    );
  if (options.future && day < options.today)
    return refuse(
      {
        fr: `Le ${spellDay(day, 'fr')} est déjà passé : l’événement doit être à venir.`,
        en: `${spellDay(day, 'en')} has already passed: the event must be in the future.`,
      },
      EXPECTED,
    );
  return { ok: true, value: day, echo: { fr: `le ${spellDay(day, 'fr')}`, en: spellDay(day, 'en') } };
}

/** Day, month and (maybe) year of a typed date, before checking the calendar. */
function dateParts(text: string): { day: number; month: number; year?: number } | undefined {
  const typed = normalize(text)
    .replace(WEEKDAYS, ' ')
    .replace(/^[\s,]*(le|the|on|du|au)?[\s,]+/, '')
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  match = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{2}|\d{4}))?$/.exec(typed);
  if (match) return { day: Number(match[1]), month: Number(match[2]), year: fullYear(match[3]) };
  // `12 mars 2027`, `1er avril`, `12th of March, 2027`
  match = /^(\d{1,2})(?:er|st|nd|rd|th|e)?\s+(?:of\s+)?([a-z]+)\.?,?(?:\s+(\d{4}))?$/.exec(typed);
  if (match && MONTHS[match[2] ?? ''])
    return { day: Number(match[1]), month: MONTHS[match[2] ?? ''] ?? 0, year: fullYear(match[3]) };
  // `March 12, 2027`, `Mar 12th 2027`
  match = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?(?:\s+(\d{4}))?$/.exec(typed);
  if (match && MONTHS[match[1] ?? ''])
    return { day: Number(match[2]), month: MONTHS[match[1] ?? ''] ?? 0, year: fullYear(match[3]) };
  return undefined;
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** The year in which day/month next comes, today included. */
function yearOfNextOccurrence(month: number, day: number, today: Day): number {
  const year = Number(today.slice(0, 4));
  const candidate = toDay(year, month, day);
  return candidate && candidate < today ? year + 1 : year;
}

/** `YYYY-MM-DD` when the day exists in the calendar, else undefined. */
export function toDay(year: number, month: number, day: number): Day | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

// Made once per language: building an Intl formatter costs far more than using one (core benchmark).
const SPELLED_DAY = {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
} as const;
const DAY_WORDS: Record<Lang, Intl.DateTimeFormat> = {
  fr: new Intl.DateTimeFormat('fr-FR', SPELLED_DAY),
  en: new Intl.DateTimeFormat('en-GB', SPELLED_DAY),
};

/** A day in words: `vendredi 12 mars 2027` / `Friday 12 March 2027`. */
export function spellDay(day: Day, lang: Lang): string {
  return formatDate(DAY_WORDS[lang], new Date(`${day}T00:00:00Z`), lang);
}
