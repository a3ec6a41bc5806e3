/**
 * The key days of one application: those of its own year. A fixed day of a call's past edition (the 2023 agreement
 * end, a 2025 event) is no key date, reminder or calendar event of an application for a later year; the summary
 * says what that edition did instead, marked as such. Which reminders the verdict keeps is `reminders.ts`.
 */
import type { Lang } from '../src/core/i18n.ts';
import { type Day, dayIn, formatDay, yearOf } from './calendar.ts';
import { type KeyDate, keyDates } from './dates.ts';
import type { CallDefinition } from './schema.ts';
import type { Answers } from './values.ts';

export interface ApplicationDates {
  /** The days that hold for this application, in date order. */
  current: KeyDate[];
  /** Fixed days of the call's edition when the application is for a later year. */
  pastEdition: KeyDate[];
  /** The year the application is for: its own dated answers', else today's. */
  year: number;
}

/** Splits a call's key days for an application into its own and those of a past edition. */
export function applicationDates(
  call: CallDefinition,
  answers: Answers,
  now: Date,
  timezone: string,
): ApplicationDates {
  const all = keyDates(call, answers, timezone);
  const own = all.filter((d) => !d.fixed);
  // The year of the application: that of the first day its answers give (an event date), else this year.
  const year =
    own.length > 0 ? yearOf(own.map((d) => d.date).sort()[0] as Day) : yearOf(dayIn(now, timezone));
  const stale = (d: KeyDate) => d.fixed && call.edition < year && yearOf(d.date) < year;
  return {
    current: all.filter((d) => !stale(d)),
    pastEdition: all.filter(stale),
    year,
  };
}

/**
 * What the past edition did, in the past tense: « pour l'édition 2023, la convention avec l'ANCT courait jusqu'au
 * 31 décembre 2023 ; la date de votre édition n'est pas dans nos sources ».
 */
export function pastEditionLine(call: CallDefinition, days: KeyDate[], lang: Lang): string | undefined {
  if (days.length === 0) return undefined;
  const said = days
    .map((d) => {
      const day = formatDay(d.date, lang);
      return d.past
        ? d.past[lang].replace('{day}', day)
        : `${d.label[lang]} ${lang === 'fr' ? 'le' : 'on'} ${day}`;
    })
    .join(', ');
  return lang === 'fr'
    ? `Pour l’édition ${call.edition}, ${said} ; la date de votre édition n’est pas dans nos sources.`
    : `For the ${call.edition} edition, ${said}; the date for your edition is not in our sources.`;
}
