/**
 * Fills an answer's placeholders: `{figure:<call-id>.<name>}` from the call files (so a figure edited there
 * changes the FAQ too) and `{date:YYYY-MM-DD}`; dates already past are collected so the answer can say so.
 */
import { formatDay } from '../../rules/calendar.ts';
import type { Lang } from '../core/i18n.ts';

/** Reads a named figure of a call (a number or a `YYYY-MM-DD` day); undefined when the call or figure is unknown. */
export type FigureLookup = (callId: string, name: string) => number | string | undefined;

/** A filled answer. */
export interface Rendered {
  text: string;
  /** Days mentioned that are before today, formatted, in order of appearance. */
  past: string[];
  /** Whether every day mentioned is before today (then the notice need not list them again). */
  allPast: boolean;
  /** Placeholders that could not be filled (left visible in the text). */
  missing: string[];
}

/** `{figure:local-nec.min_attendance}`, `{figure:local-nec.max_grant_percent|percent}`, `{date:2024-03-13}`. */
const PLACEHOLDER = /\{(figure|date):([a-z0-9_.-]+)(?:\|(percent))?\}/g;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Fills the placeholders of `template`; `today` is the calendar day (`YYYY-MM-DD`) in the bot's time zone. */
export function renderAnswer(template: string, lang: Lang, today: string, figure: FigureLookup): Rendered {
  // Keyed by ISO day: an answer may name the same day twice, and the notice lists each once, in order.
  const past = new Map<string, string>();
  const days = new Set<string>();
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, kind: string, ref: string, format?: string) => {
    const value = kind === 'date' ? ref : lookup(ref, figure);
    if (value === undefined) {
      missing.push(whole);
      return whole;
    }
    if (typeof value === 'string' && DAY.test(value)) {
      const day = formatDay(value, lang);
      days.add(value);
      if (value < today) past.set(value, day);
      return day;
    }
    if (typeof value === 'number') return formatNumber(value, lang, format === 'percent');
    return String(value);
  });
  const pastDays = [...past.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, day]) => day);
  return { text, past: pastDays, allPast: days.size > 0 && past.size === days.size, missing };
}

function lookup(ref: string, figure: FigureLookup): number | string | undefined {
  const dot = ref.indexOf('.');
  return dot < 0 ? undefined : figure(ref.slice(0, dot), ref.slice(dot + 1));
}

function formatNumber(value: number, lang: Lang, percent: boolean): string {
  // A ratio (0.8) or a percentage (80) both read as "80 %".
  const shown = percent && value <= 1 ? value * 100 : value;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(shown);
  if (!percent) return number;
  return lang === 'fr' ? `${number} %` : `${number}%`;
}
