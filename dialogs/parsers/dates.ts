/**
 * Calendar days as people write them, in French and English: `12/03/2027` (always day/month/year, the
 * French convention, in both languages), `2027-03-12`, `le 15 juin prochain`, `15 juin 27`, `le 15 juin
 * 2027 à Nantes`, `next Tuesday`. The understanding layer reads the sentence; this parser checks the day
 * against the step and asks back when the weekday contradicts the date or only a month is given.
 */
import { formatDate } from '../../src/core/day-format.ts';
import type { Lang, Localized } from '../../src/core/i18n.ts';
import { perLanguage } from '../../src/core/per-language.ts';
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
  /** Ask back a day fewer days away than this (« le 25 décembre 2026 » on 1 December: that year, really?). */
  askWithin?: number;
}

/** Reads a calendar day; the echo spells it out in words so a misreading shows at once. */
export function parseDate(text: string, options: DateOptions): Parsed<Day> {
  const problem = unreadable(text);
  if (problem) return refuse(problem, EXPECTED);
  const reading = dateIn(text, options.today);
  switch (reading.kind) {
    case 'invalid':
      // « le 31 février »: a slip of a day or a month, asked rather than refused.
      return clarify(
        { fr: `Quel jour voulez-vous dire ? ${EXPECTED.fr}`, en: `Which day do you mean? ${EXPECTED.en}` },
        [],
        { fr: 'Cette date n’existe pas au calendrier.', en: 'That date does not exist in the calendar.' },
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
    case 'several':
      return clarify(
        {
          fr: 'J’ai lu plusieurs dates : laquelle est le premier jour ?',
          en: 'I read several dates: which one is the first day?',
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
  // A day gone (« hier », « le 12 octobre 2026 ») or decades away (« 23/03/2072 »): most likely a slip of the
  // year, asked back with the nearest day that fits; a far day sent as an id (its button, a form) is meant.
  if (options.future) {
    const year = Number(options.today.slice(0, 4));
    const clicked = /^\d{4}-\d{2}-\d{2}$/.test(text.trim());
    // « le 25 décembre 2026 » on 1 December: an event a few weeks away is rarely still being applied for — with
    // its year written, most likely a slip of the year; asked, with that day and the same day a year later.
    // (A day said without its year — « le 10 décembre », « dans 10 jours », "next Tuesday" — is meant this close.)
    const away = daysBetween(options.today, day);
    if (!clicked && YEAR_WRITTEN.test(text) && away >= 0 && away < (options.askWithin ?? 0)) {
      const later = `${Number(day.slice(0, 4)) + 1}${day.slice(4)}`;
      return clarify(
        {
          fr: `Le ${spellDay(day, 'fr')}, c’est ${away === 0 ? 'aujourd’hui' : `dans ${away} jour${away > 1 ? 's' : ''}`} : c’est bien cette date ?`,
          en: `${spellDay(day, 'en')} is ${away === 0 ? 'today' : `${away} day${away === 1 ? '' : 's'} away`}: is that the date?`,
        },
        [day, ...(isRealDay(later) ? [later] : [])].map((d) => ({
          id: d,
          label: { fr: spellDay(d, 'fr'), en: spellDay(d, 'en') },
        })),
      );
    }
    if (day < options.today || (!clicked && Number(day.slice(0, 4)) > year + 5)) {
      const candidates = nearestYears(day, options.today);
      const gone = day < options.today;
      return clarify(
        { fr: `Quelle date voulez-vous dire ? ${EXPECTED.fr}`, en: `Which date do you mean? ${EXPECTED.en}` },
        candidates.map((d) => ({ id: d, label: { fr: spellDay(d, 'fr'), en: spellDay(d, 'en') } })),
        gone
          ? {
              fr: `Le ${spellDay(day, 'fr')} est déjà passé : l’événement doit être à venir.`,
              en: `${spellDay(day, 'en')} has already passed: the event must be in the future.`,
            }
          : { fr: `Le ${spellDay(day, 'fr')}, c’est loin.`, en: `${spellDay(day, 'en')} is far away.` },
      );
    }
  }
  return { ok: true, value: day, echo: { fr: `le ${spellDay(day, 'fr')}`, en: spellDay(day, 'en') } };
}

/** A year written with the day (« 2026 », « 25/12/26 »). */
const YEAR_WRITTEN = /\b\d{4}\b|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}\b/;

const daysBetween = (from: Day, to: Day): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Whether a `YYYY-MM-DD` is a day of the calendar (29 February of a year without it is not). */
const isRealDay = (d: string): boolean =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** The same day and month in the next years to come (within five), and the year with its last digits swapped. */
function nearestYears(day: Day, today: Day): Day[] {
  const [y, rest] = [day.slice(0, 4), day.slice(4)];
  const swapped = `${y.slice(0, 2)}${y[3]}${y[2]}`;
  const start = Number(today.slice(0, 4));
  const years = [swapped, String(start), String(start + 1)].map((year) => `${year}${rest}`);
  return [...new Set(years)]
    .filter((d) => d >= today && Number(d.slice(0, 4)) <= start + 5 && isRealDay(d))
    .slice(0, 2);
}

// Made once per language: building an Intl formatter costs far more than using one (core benchmark).
const SPELLED_DAY = {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
} as const;
const DAY_WORDS = perLanguage(
  (lang) => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', SPELLED_DAY),
);

/** A day in words: `vendredi 12 mars 2027` / `Friday 12 March 2027`. */
export function spellDay(day: Day, lang: Lang): string {
  return formatDate(DAY_WORDS(lang), new Date(`${day}T00:00:00Z`), lang);
}

const SPELLED_MONTH = { timeZone: 'UTC', month: 'long', year: 'numeric' } as const;
const MONTH_WORDS = perLanguage(
  (lang) => new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', SPELLED_MONTH),
);

/** A month in words (`YYYY-MM`): `mars 2027` / `March 2027`. */
export function spellMonth(month: string, lang: Lang): string {
  return MONTH_WORDS(lang).format(new Date(`${month}-01T00:00:00Z`));
}

/** « de » elided before a vowel, as French writes it: « de mars », « d’avril », « d’octobre ». */
function ofMonthFr(month: string): string {
  const words = spellMonth(month, 'fr');
  return /^[aeiouyàâéèêîôû]/i.test(words) ? `d’${words}` : `de ${words}`;
}

/** The question for a day when its month was said before (« … en mars »). */
export function dayOfMonthPrompt(month: string): Localized {
  return {
    fr: `Vous m’avez parlé ${ofMonthFr(month)} : quel jour exactement ? (par exemple « le 12 »)`,
    en: `You mentioned ${spellMonth(month, 'en')}: which day exactly? (for example “the 12th”)`,
  };
}
