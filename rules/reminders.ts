/**
 * The reminders a call's data implies for one application (`reminders` in a call file): each counted from one of
 * the application's own key dates (never a past edition's), for the benefits it exists for. One mapping from the
 * verdict to the reminders serves every call and every reminder — deadlines and duties alike:
 *
 * - a reminder whose benefits are all not eligible does not exist (an edit that rules them out removes it, one
 *   that brings them back within reach brings it back);
 * - while none of them is eligible yet (to be confirmed, or answers missing) it exists, and says on which condition
 *   it holds: a duty of label holders still concerns an organiser whose label is to be confirmed, and is the
 *   reminder they will want once it is;
 * - a reminder with no benefits (neither its own nor its key date's) belongs to every application.
 */
import type { Lang, Localized } from '../src/core/i18n.ts';
import { listOf } from '../src/core/lists.ts';
import { type Counted, plural, pluralized } from '../src/core/plural.ts';
import { applicationDates } from './application-dates.ts';
import { type Day, daysAfter, daysBetween, monthsBefore } from './calendar.ts';
import { type Citation, resolveCitation } from './citation.ts';
import { evaluate, type Verdict } from './evaluate.ts';
import type { CallDefinition, ReminderDefinition } from './schema.ts';
import { type Answers, figureParams, localize, type Param } from './values.ts';
import { workingDayOnOrAfter, workingDayOnOrBefore } from './working-days.ts';

/** One message an application's reminders send, on a local day, with its text filled in both languages. */
export interface ApplicationReminder {
  /** The reminder's id in the call file: the job kind, and the intent `reminder:<kind>`. */
  kind: string;
  day: Day;
  /** Past this day (local), a late delivery is not worth sending. */
  usefulUntil: Day;
  text: Localized;
  /** Said under the text while none of its benefits is eligible yet (« si … vous est confirmé »). */
  condition?: Localized;
  citation: Citation;
}

const LEFT = {
  tomorrow: { fr: 'demain', en: 'tomorrow' },
  week: { fr: 'dans une semaine', en: 'in a week' },
  month: { fr: 'dans un mois', en: 'in a month' },
} satisfies Record<string, Localized>;
const IN_DAYS: Counted = {
  fr: { one: 'dans {count} jour', other: 'dans {count} jours' },
  en: { one: 'in {count} day', other: 'in {count} days' },
};
const IN_MONTHS: Counted = {
  fr: { one: 'dans {count} mois', other: 'dans {count} mois' },
  en: { one: 'in {count} month', other: 'in {count} months' },
};
const NOTHING: Localized = { fr: '', en: '' };

const CONDITION: Counted = {
  fr: {
    one: 'Valable si « {benefits} » vous est confirmé : ce n’est pas encore certain.',
    other: 'Valable si l’un de ces avantages vous est confirmé : {benefits} ; ce n’est pas encore certain.',
  },
  en: {
    one: 'This holds if “{benefits}” is confirmed for you: it is not certain yet.',
    other: 'This holds if one of these benefits is confirmed for you: {benefits}; it is not certain yet.',
  },
};

/**
 * « demain », « dans une semaine », « dans 3 jours »… for a reminder sent before its day, counted from the day it
 * is sent (moved off a weekend, a day-based one says the days really left); nothing after it. A month-based one
 * moved by a day or three still says « dans un mois ».
 */
function left(offset: ReminderDefinition['at'][number], sent: Day, of: Day): Localized {
  if ('months' in offset) return offset.months === -1 ? LEFT.month : pluralized(-offset.months, IN_MONTHS);
  const days = daysBetween(sent, of);
  if (days === 1) return LEFT.tomorrow;
  if (days === 7) return LEFT.week;
  return days > 0 ? pluralized(days, IN_DAYS) : NOTHING;
}

/**
 * The day a reminder goes: a working day. One ahead of its date (a deadline, the eve of the event) goes the
 * working day before, so it never gives less notice than it says; one after its date (the duties after the
 * event), the working day after, so it never comes before what it follows.
 */
function sendingDay(offset: ReminderDefinition['at'][number], of: Day): Day {
  const ahead = 'months' in offset ? offset.months < 0 : offset.days < 0;
  const day = 'months' in offset ? monthsBefore(of, -offset.months, 'UTC') : daysAfter(of, offset.days);
  return ahead ? workingDayOnOrBefore(day) : workingDayOnOrAfter(day);
}

/** What an application is called in its reminders: its first text answer (the organiser's name in our calls). */
export function applicationName(call: CallDefinition, answers: Answers): string | undefined {
  const first = call.slots.find((s) => s.type === 'text');
  const value = first ? answers[first.id] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** An application as people know it: « NEC local (appel à participation de l’ANCT) — Association Les Liens ». */
export function applicationTitle(call: CallDefinition, answers: Answers, lang: Lang): string {
  const name = applicationName(call, answers);
  return name ? `${call.name[lang]} — ${name}` : call.name[lang];
}

/** The reminders these answers and their verdict imply, past ones included (the scheduler drops those). */
export function applicationReminders(
  call: CallDefinition,
  answers: Answers,
  now: Date,
  timezone: string,
  fallbackName: string,
  verdict: Verdict = evaluate(call, answers, now, timezone),
): ApplicationReminder[] {
  const dates = applicationDates(call, answers, now, timezone).current;
  const state = new Map(verdict.benefits.map((b) => [b.benefit.id, b]));
  const figures = figureParams(call);
  const name = applicationName(call, answers) ?? fallbackName;
  const found: ApplicationReminder[] = [];
  for (const definition of call.reminders) {
    const date = dates.find((d) => d.id === definition.of);
    if (!date) continue;
    const benefits = (definition.benefits ?? date.benefits ?? []).map((id) => state.get(id));
    const open = benefits.filter((b) => b !== undefined && b.state !== 'not_eligible');
    if (benefits.length > 0 && open.length === 0) continue;
    const certain = benefits.length === 0 || open.some((b) => b?.state === 'eligible');
    const conditionIn = (lang: Lang) =>
      plural(lang, open.length, CONDITION, {
        benefits: listOf(
          open.flatMap((b) => b?.benefit.name[lang] ?? []),
          lang,
        ),
      });
    const condition = certain ? undefined : { fr: conditionIn('fr'), en: conditionIn('en') };
    const citation = definition.citation ? resolveCitation(call, definition.citation) : date.citation;
    for (const offset of definition.at) {
      const day = sendingDay(offset, date.date);
      const params: Record<string, Param> = {
        ...figures,
        name: { kind: 'text', value: name },
        day: { kind: 'day', value: date.date },
        left: { kind: 'localized', value: left(offset, day, date.date) },
      };
      found.push({
        kind: definition.id,
        day,
        usefulUntil: daysAfter(date.date, definition.useful_days),
        text: localize(definition.text, params),
        ...(condition ? { condition } : {}),
        citation,
      });
    }
  }
  return found;
}
