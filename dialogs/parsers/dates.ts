/**
 * Calendar days as people write them, in French and English: `12/03/2027` (always day/month/year, the
 * French convention, in both languages), `2027-03-12`, `le 15 juin prochain`, `15 juin 27`, `le 15 juin
 * 2027 à Nantes`, `next Tuesday`. The understanding layer reads the sentence; this parser checks the day
 * against the step and asks back when the weekday contradicts the date or only a month is given.
 */
import { formatDate } from '../../src/core/day-format.ts';
import type { Lang, Localized } from '../../src/core/i18n.ts';
import { type Day, dateIn } from '../../src/understanding/dates.ts';
import { clarify, type Parsed, refuse, unreadable } from './result.ts';

export type { Day };

const EXPECTED: Localized = {
  fr: 'J’attends une date, par exemple « 12/03/2027 » (jour/mois/année), « 12 mars 2027 » ou « le 15 juin prochain ».',
  en: 'I expect a date, for example “12/03/2027” (day/month/year), “12 March 2027” or “next 15 June”.',
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
  const reading = dateIn(text, options.today);
  switch (reading.kind) {
    case 'invalid':
      return refuse(
        { fr: 'Cette date n’existe pas au calendrier.', en: 'That date does not exist in the calendar.' },
        EXPECTED,
      );
    case 'vague':
      return clarify(
        {
          fr: 'Quel jour exactement ? Donnez la date du premier jour, par exemple « le 15 juin 2027 ».',
          en: 'Which day exactly? Give the date of the first day, for example “15 June 2027”.',
        },
        [],
      );
    case 'weekday-mismatch':
      return clarify(
        {
          fr: `Le ${spellDay(reading.day, 'fr').replace(/^\S+ /, '')} tombe un ${spellDay(reading.day, 'fr').split(' ')[0]} : quel jour voulez-vous dire ?`,
          en: `${spellDay(reading.day, 'en').replace(/^\S+ /, '')} is a ${spellDay(reading.day, 'en').split(' ')[0]}: which day do you mean?`,
        },
        reading.candidates.map((day) => ({
          id: day,
          label: { fr: spellDay(day, 'fr'), en: spellDay(day, 'en') },
        })),
      );
    case 'none':
      return refuse(undefined, EXPECTED);
  }
  const day = reading.day;
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
