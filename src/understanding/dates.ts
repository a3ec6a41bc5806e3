/**
 * The day a sentence gives (`le 15 juin prochain`, `15 juin 27`, `le 15 juin 2027 à Nantes`, `next Tuesday`,
 * `dans deux semaines`), read by chrono-node's French and British-English parsers (always day before month),
 * relative to today in the person's time zone. What chrono cannot say, we check: a weekday that contradicts
 * the date, a day that does not exist, a month without a day (`mi-juin`), a two-digit year after the month.
 */
import { createRequire } from 'node:module';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { normalize } from '../core/text.ts';
import { withoutNegated } from './negation.ts';

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

export type DateReading =
  | { kind: 'day'; day: Day }
  /** `samedi 15 juin` when the 15th is a Tuesday: the day as written, and the nearest days of that weekday. */
  | { kind: 'weekday-mismatch'; day: Day; candidates: Day[] }
  /** A month without a day (`mi-juin`, `début octobre`, `in June`): that month (`YYYY-MM`) when one is named. */
  | { kind: 'vague'; month?: string }
  /** A day that does not exist (`31 juin`). */
  | { kind: 'invalid' }
  /** Several days (« le 15 ou le 16 juin »): which one? */
  | { kind: 'several'; candidates: Day[] }
  | { kind: 'none' };

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
const MONTH_WORDS = Object.keys(MONTHS).join('|');
const WRITTEN_DAY = new RegExp(
  `\\b(\\d{1,2})(?:er|st|nd|rd|th|e)?\\s+(?:of\\s+)?(${MONTH_WORDS})\\b\\.?(?:\\s+(\\d{4}))?`,
);
const NUMERIC_DAY = /\b(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?\b/;
/** A season or a part of the year (« au printemps », « à la rentrée », "next summer"): no day either. */
const SEASONS =
  "printemps|ete|automne|hiver|rentree|spring|summer|autumn|fall|winter|(?:debut|fin|milieu) d'annee|(?:start|end|middle) of the year";
const SEASON = new RegExp(`\\b(?:${SEASONS})\\b`);
const VAGUE = new RegExp(
  `\\b(mi|courant|debut|fin|milieu|en|au mois de|early|mid|late|in|during|end of|beginning of)\\b[\\s-]*(?:${MONTH_WORDS})\\b|^\\s*(?:${MONTH_WORDS})(?:\\s+\\d{4})?\\s*$|\\b(?:${SEASONS})\\b`,
);
/** Two days of the same month offered as alternatives (« le 15 ou le 16 juin »). */
const EITHER_DAY =
  /\b(\d{1,2})(?:er|st|nd|rd|th)?\s+(?:ou|or)\s+(?:le\s+|the\s+)?(\d{1,2})(?:er|st|nd|rd|th)?\b/;
/** Several days of one month (« les 14 et 15 octobre », "14th, 15th and 16th of May"): an event over days. */
const DAYS_OF_A_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:er|st|nd|rd|th|e)?(?:\\s*(?:,|et|and|&)\\s*(?:le\\s+|the\\s+)?\\d{1,2}(?:er|st|nd|rd|th|e)?)+\\s+(?:of\\s+)?(${MONTH_WORDS})\\b`,
);
/** Words that put a day in the past (« vendredi dernier », "last Friday", « il y a deux semaines »). */
const PAST = /\b(?:last|ago|dernier|derniere|passe|passee|il y a|hier|avant-hier|yesterday)\b/;
/** A day of the month without its month (« le 15 »). */
const DAY_ALONE = /^(?:le |the |on the )?\d{1,2}(?:er|e|st|nd|rd|th)?[\s.!]*$/;
/** Days of the month named without one (« le 2 ou le 9 », "the 2nd or the 9th, not sure"): which month? */
const DAYS_WITHOUT_MONTH =
  /^(?:(?:plutot|maybe|peut-etre|either|soit)\s+)?(?:le |the |on the )?\d{1,2}(?:er|e|st|nd|rd|th)?(?:\s*(?:,|ou|or|et|and|soit)\s*(?:le |the )?\d{1,2}(?:er|e|st|nd|rd|th)?)+\b/;
/** What tells a chrono result is a day, not only a time of day (`de 9h à 18h`). */
const DAY_WORDS = new RegExp(
  `\\d\\s*[/.-]\\s*\\d|\\b(?:${MONTH_WORDS})\\b|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|demain|aujourd|hier|tomorrow|today|yesterday|semaine|week|mois|month|jours?\\b|days?\\b|years?\\b|annees?\\b|\\b(?:un|deux|trois|\\d+) ans?\\b`,
);

/** `YYYY-MM-DD` when the day exists in the calendar, else undefined. */
export function toDay(year: number, month: number, day: number): Day | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return date.toISOString().slice(0, 10);
}

const weekdayOf = (day: Day): number => new Date(`${day}T00:00:00Z`).getUTCDay();
const addDays = (day: Day, n: number): Day =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The last sentences read, by today and text: one turn reads the same answer up to three times (facts given
 * ahead, the checks for what is not an answer, the answer itself), and chrono's three readers are the dearest
 * part of it. A reading depends on nothing else, and callers only read it.
 */
const LAST_READ = new Map<string, DateReading>();

type Chrono = { fr: typeof import('chrono-node/fr'); en: typeof import('chrono-node/en') };
let chrono: Chrono | undefined;

/**
 * chrono's French and English parsers, loaded when a sentence is first read for a date: the two locales'
 * entry points, not the package root (that one loads every locale, 266 modules, not 65), and not at start-up
 * (issue 14: an idle bot kept their 65 modules for messages that may never hold a date). The first reading pays
 * loading them once.
 */
function chronoParsers(): Chrono {
  if (chrono) return chrono;
  const require = createRequire(import.meta.url);
  chrono = { fr: require('chrono-node/fr'), en: require('chrono-node/en') };
  return chrono;
}
const LAST_READ_SIZE = 16;

/** Empties the sentences kept (on "forget me": some may be the forgotten person's words). */
export function forgetRecentReadings(): void {
  LAST_READ.clear();
}

/** The day a sentence names, read against `today` (the person's day, `YYYY-MM-DD`). */
export function dateIn(said: string, today: Day): DateReading {
  const key = `${today} ${said}`;
  const known = LAST_READ.get(key);
  if (known) return known;
  const reading = readDate(said, today);
  if (LAST_READ.size >= LAST_READ_SIZE) LAST_READ.delete(LAST_READ.keys().next().value as string);
  LAST_READ.set(key, reading);
  return reading;
}

function readDate(said: string, today: Day): DateReading {
  // « le 30 mars 2027, pas le 23 », « n'est plus le 23 mars, on a décalé au 8 avril »: the day not meant is left aside.
  const raw = withoutNegated(said);
  const typed = normalize(raw);
  if (writesImpossibleDay(typed)) return { kind: 'invalid' };
  const joined = dayJoinedToMonth(raw, typed, today);
  if (joined !== undefined) return readDate(joined, today);
  // « les 14 et 15 octobre »: the event's first day is the date asked (chrono reads the last one).
  const span = DAYS_OF_A_MONTH.exec(typed);
  if (span) return readDate(typed.replace(span[0], `${span[1]} ${span[2]}`), today);
  const reference = new Date(`${today}T12:00:00Z`);
  // `12 / 03 / 2027`: chrono reads the numeric forms without spaces.
  // "a year from today": chrono reads "… from now" only, and takes "today" alone.
  const compact = raw.replace(/(\d)\s*([/.])\s*(?=\d)/g, '$1$2').replace(/\bfrom today\b/gi, 'from now');
  // "last Friday", « vendredi dernier »: a day said to be gone is read in the past, to be said gone.
  const forwardDate = !PAST.test(typed);
  const { fr, en } = chronoParsers();
  const results = [
    ...fr.parse(compact, reference, { forwardDate }),
    ...en.GB.parse(compact, reference, { forwardDate }),
    // The American reader only for months in words (`Mar 12`): its `12/03` is 3 December.
    ...en.parse(compact, reference, { forwardDate }).filter((r) => !/\d\s*[/.-]\s*\d/.test(r.text)),
  ]
    .filter((r) => DAY_WORDS.test(normalize(r.text)))
    // First in the text; at the same place, the reading with a day and a month (`Mar 12` is 12 March, not
    // mardi); numeric forms keep the French (day first) reading, which comes first.
    .sort((a, b) => a.index - b.index || certainty(b.start) - certainty(a.start));
  const days = [...new Set(results.filter((r) => r.start.isCertain('day')).map(dayOf))].filter(
    (d): d is Day => d !== undefined,
  );
  if (days.length > 1) return { kind: 'several', candidates: days.slice(0, 4) };
  // "Tuesday the 16th of November 2027": chrono reads the weekday apart; the day with its month is the one meant.
  const result = results.find((r) => r.start.isCertain('day') && r.start.isCertain('month')) ?? results[0];
  // (Not a reading of the same words: « Mar 12 » is no « mardi ».)
  const apart = (r: ParsedResult) =>
    result !== undefined &&
    (r.index + r.text.length <= result.index || r.index >= result.index + result.text.length);
  const weekdayApart = results.find(
    (r) => apart(r) && r.start.isCertain('weekday') && !r.start.isCertain('day'),
  );
  if (!result)
    return VAGUE.test(typed) || DAY_ALONE.test(typed) || DAYS_WITHOUT_MONTH.test(typed)
      ? vague(typed, today)
      : { kind: 'none' };
  const start = result.start;
  if (!start.isCertain('day') && !start.isCertain('weekday') && VAGUE.test(typed)) return vague(typed, today);
  let year = start.get('year') ?? Number(today.slice(0, 4));
  const twoDigitYear = /^\s*'?(\d{2})\b(?![/.:h])/.exec(compact.slice(result.index + result.text.length));
  if (!start.isCertain('year') && twoDigitYear && start.isCertain('month'))
    year = 2000 + Number(twoDigitYear[1]);
  const day = toDay(year, start.get('month') ?? 0, start.get('day') ?? 0);
  if (!day) return { kind: 'invalid' };
  // « le 15 ou le 16 juin »: chrono keeps the day with the month; both are meant as possible.
  const either = EITHER_DAY.exec(typed);
  if (either) {
    const candidates = [either[1], either[2]]
      .map((d) => toDay(year, start.get('month') ?? 0, Number(d)))
      .filter((d): d is Day => d !== undefined);
    if (new Set(candidates).size > 1) return { kind: 'several', candidates };
  }
  const weekday = start.isCertain('weekday') ? start.get('weekday') : weekdayApart?.start.get('weekday');
  if (weekday !== undefined && weekday !== null && start.isCertain('day') && weekday !== weekdayOf(day)) {
    const said = weekday;
    const back = (weekdayOf(day) - said + 7) % 7;
    return { kind: 'weekday-mismatch', day, candidates: [day, addDays(day, -back), addDays(day, 7 - back)] };
  }
  return { kind: 'day', day };
}

/** A month named without its day (« en mars », "in March 2027"): its next one from today, unless a year is said. */
const MONTH_NAMED = new RegExp(
  `(?:\\b(?:mi|courant|debut|fin|milieu|en|au mois de|early|mid|late|in|during|end of|beginning of)\\b[\\s-]*|^\\s*)(${MONTH_WORDS})\\b\\.?(?:\\s+(\\d{4}))?`,
  'g',
);

function vague(typed: string, today: Day): DateReading {
  const named = [...typed.matchAll(MONTH_NAMED)];
  const months = new Set(named.map((m) => MONTHS[m[1] ?? '']));
  // « mars » alone or once; « mai ou juin » says no one month.
  if (months.size !== 1 || SEASON.test(typed)) return { kind: 'vague' };
  const month = MONTHS[named[0]?.[1] ?? ''] ?? 0;
  const [year, now] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const said = named.find((m) => m[2])?.[2];
  const inYear = said ? Number(said) : month < now ? year + 1 : year;
  return { kind: 'vague', month: `${inYear}-${String(month).padStart(2, '0')}` };
}

/** A day of the month said without its month (« le 23 », « mardi 23 », "the 23rd"), at the start of a message. */
const DAY_OF_MONTH = new RegExp(
  `^((?:le |the |on the |on )?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday) )?(?:le |the )?)(\\d{1,2})(?:er|e|st|nd|rd|th)?(?![\\d/.:h-]|\\s*(?:${MONTH_WORDS})\\b|\\s*(?:ou|or|et|and|,|a|au|to)\\s*(?:le |the )?\\d)`,
);

/**
 * A message read against a month said before (`YYYY-MM`, « en mars » in an opening): a day alone (« le 23 »,
 * « mardi 23 ») is that day of that month, written out for the date readers; anything else is left as it is.
 */
export function inMonth(said: string, month: string): string {
  const typed = normalize(said).trim();
  const found = DAY_OF_MONTH.exec(typed);
  if (!found) return said;
  const [year, m] = month.split('-');
  return `${found[1]}${found[2]}/${m}/${year}${typed.slice(found[0].length)}`;
}

/**
 * « en avril, le 8 », « ce sera en mai, le samedi 15 »: a month named alone in one clause and a day of the month
 * alone in another (chrono does not join them across the comma) — the text with that day written in that month;
 * undefined when the text writes a whole day already or does not say it this way.
 */
function dayJoinedToMonth(raw: string, typed: string, today: Day): string | undefined {
  if (WRITTEN_DAY.test(typed) || NUMERIC_DAY.test(typed)) return undefined;
  const reading = vague(typed, today);
  const month = reading.kind === 'vague' ? reading.month : undefined;
  if (!month) return undefined;
  const clauses = raw.split(/(\s*[,;]\s*)/);
  const at = clauses.findIndex((clause) => inMonth(clause, month) !== clause);
  if (at < 0) return undefined;
  return clauses.map((clause, i) => (i === at ? inMonth(clause, month) : clause)).join('');
}

/** The day a chrono result names, when the calendar has it. */
const dayOf = (result: ParsedResult): Day | undefined =>
  toDay(result.start.get('year') ?? 0, result.start.get('month') ?? 0, result.start.get('day') ?? 0);

const certainty = (start: ParsedComponents): number =>
  Number(start.isCertain('day')) + Number(start.isCertain('month'));

/** A day written out (`31 juin`, `31/02/2027`) that the calendar does not have. */
function writesImpossibleDay(typed: string): boolean {
  const written = WRITTEN_DAY.exec(typed);
  if (written) {
    const month = MONTHS[written[2] ?? ''] ?? 0;
    return !toDay(Number(written[3] ?? 2028), month, Number(written[1]));
  }
  const numeric = NUMERIC_DAY.exec(typed);
  if (numeric && !/\d{4}\s*-\s*\d/.test(typed)) {
    const year = numeric[3] ? Number(numeric[3].length === 2 ? `20${numeric[3]}` : numeric[3]) : 2028;
    return !toDay(year, Number(numeric[2]), Number(numeric[1]));
  }
  return false;
}
