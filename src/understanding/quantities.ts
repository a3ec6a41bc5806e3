/**
 * The quantity a sentence gives for a step: a head count (`on attend 200 personnes`), an amount in euros
 * (`vingt mille euros`, `12k€`, `1,2 M€`) or a distance (`à 300 km`, `50 miles`), told apart from the
 * numbers that are something else (a day, a year, a time), with ranges (`entre 150 et 200`) kept as such.
 */

import { isCommonWord } from '../core/common-words.ts';
import { normalize } from '../core/text.ts';
import { withoutNegated } from './negation.ts';
import { type FoundNumber, numbersIn } from './numbers.ts';
import { clauseAround, isDatedInThePast } from './past-time.ts';
import { AROUND_A_QUANTITY, contentWords } from './words.ts';

export type Measure = 'count' | 'money' | 'distance';

export type QuantityReading =
  | { kind: 'value'; value: number }
  /** Two bounds (`entre 150 et 200`): the person is asked which one to keep. */
  | { kind: 'range'; low: number; high: number }
  /** Several numbers and nothing saying which is meant. */
  | { kind: 'several'; values: number[] }
  | { kind: 'negative' }
  | { kind: 'other-currency' }
  /** A duration where a distance is asked (`à 2 heures de train`). */
  | { kind: 'duration' }
  /** An order of magnitude, not a number (« plusieurs centaines », "a few thousand euros"). */
  | { kind: 'vague' }
  /** A number said of a past time (« l'an dernier on était 60 », "last year we had 60"), not of this one. */
  | { kind: 'past' }
  | { kind: 'none' };

const MONTH =
  'janv(?:ier)?|fevr?(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|aout|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|dec(?:embre)?|january|february|march|april|may|june|july|august|september|october|november|december';
const AFTER_DATE = new RegExp(
  `^\\s*(?:${MONTH})\\b|^\\s*(?:h\\b|h\\d|heures?\\b|hours?\\b|am\\b|pm\\b|ans?\\b|years?\\b)`,
);
const SHARE = /^\s*(?:%|pour ?cents?\b|percent\b|per cent\b)/;
const BEFORE_DATE = new RegExp(`(?:\\b(?:${MONTH})|\\ben|\\bin|\\bdepuis|\\bsince|\\bedition|\\bannee)\\s*$`);
const UNITS: Record<Measure, RegExp> = {
  count:
    /^\s*(?:k\s+)?(?:personnes?|pers\b|participant\.?e?s?|people|persons?|attendees?|visiteurs?|visitors?|inscrit\.?e?s?|invite\.?e?s?|guests?|places?|seats?|sieges?|spectateurs?)/,
  money: /^\s*(?:€|eur\b|euros?\b|k€|ke\b|k\b|m€|me\b|m\b|millions?\b|mio\b)/,
  distance: /^\s*(?:km\b|kms\b|kilometres?\b|kilometers?\b|miles?\b)/,
};
const BEFORE_UNIT: Record<Measure, RegExp> = {
  count: /$^/,
  money: /(?:€|\beur|\beuros?)\s*$/,
  distance: /$^/,
};
/** Words before a number that say it counts people: « on sera », "we'll be", « Participants : ». */
const COUNT_BEFORE =
  /(?:\bon sera|\bon serait|\bnous serons|\bnous serions|\bwe'?ll be|\bwe will be|\bwe'?d be|\bthere'?ll be|\bthere will be|\b(?:nombre de )?participants?\s*:|\battendance\s*:|\battendees\s*:)\s*$/;
const OTHER_CURRENCIES =
  /(\$|£|\busd\b|\bdollars?\b|\bgbp\b|\blivres? sterling\b|\bpounds?\b|\bchf\b|\bfrancs? suisses?\b)/;
const RANGE_BETWEEN = /^\s*(?:et|and|a|to|-|–|ou|or)\s*$/;
const RANGE_START = /(?:\bentre|\bbetween|\bfrom|\bde)\s*$/;
const MILES_TO_KM = 1.609344;

/** « plusieurs centaines », « quelques milliers », "several hundred", "a few thousand". */
const MAGNITUDE =
  /\b(?:plusieurs|quelques|des|several|a few|few|some)\s+(?:dizaines|vingtaines|centaines|milliers|dozens|hundreds?|thousands?)\b/;

/** What a sentence gives for a step measuring `measure`. */
export function quantityIn(raw: string, measure: Measure): QuantityReading {
  if (MAGNITUDE.test(normalize(raw))) return { kind: 'vague' };
  // « 14 000 et pas 12 000 », "190 people, not 150": the number not meant is left aside.
  const { text, numbers } = numbersIn(withoutNegated(raw));
  if (measure === 'money' && OTHER_CURRENCIES.test(text)) return { kind: 'other-currency' };
  const found = numbers.filter(
    (n) =>
      !AFTER_DATE.test(text.slice(n.end)) &&
      // « 80 % », « 100 % en ligne »: a share, not a quantity of anything.
      !SHARE.test(text.slice(n.end)) &&
      !BEFORE_DATE.test(text.slice(0, n.start)) &&
      !(
        looksLikeDayPart(n.value) &&
        (/^\s*[/.]\s*\d/.test(text.slice(n.end)) || /\d\s*[/.]\s*$/.test(text.slice(0, n.start)))
      ),
  );
  if (
    measure === 'distance' &&
    numbers.some((n) => /^\s*(?:h(?:\b|\d)|heures?|hours?|hrs?\b|min)/.test(text.slice(n.end)))
  )
    return { kind: 'duration' };
  // « on était 90 l'an dernier, on vise 150 »: a figure of a past time is not this one's.
  const candidates = found.filter((n) => !isDatedInThePast(clauseAround(text, n.start, n.end)));
  if (candidates.length === 0) return found.length > 0 ? { kind: 'past' } : { kind: 'none' };
  const first = candidates[0] as FoundNumber;
  if (/-\s*$/.test(text.slice(0, first.start)) && !/\d\s*-\s*$/.test(text.slice(0, first.start)))
    return { kind: 'negative' };
  const values = candidates.map((n) => scaled(text, n, measure));
  for (let i = 0; i + 1 < candidates.length; i++) {
    const [a, b] = [candidates[i] as FoundNumber, candidates[i + 1] as FoundNumber];
    const between = text.slice(a.end, b.start).replace(UNITS[measure], '');
    if (
      RANGE_BETWEEN.test(between) &&
      (RANGE_START.test(text.slice(0, a.start)) || !/^\s*(?:et|and)\s*$/.test(between))
    ) {
      let [low, high] = [values[i] as number, values[i + 1] as number].sort((x, y) => x - y) as [
        number,
        number,
      ];
      // « 10 à 15k€ », « 10-12 000 € »: the thousands said once, for both bounds.
      if (measure === 'money' && low < 1000 && high >= 1000 && low * 1000 <= high) low *= 1000;
      if (low !== high) return { kind: 'range', low, high };
    }
  }
  const withUnit = candidates
    .map((n, i) => ({ n, value: values[i] as number }))
    .filter(
      ({ n }) => UNITS[measure].test(text.slice(n.end)) || BEFORE_UNIT[measure].test(text.slice(0, n.start)),
    );
  const chosen = withUnit.length > 0 ? withUnit.map((w) => w.value) : values;
  const distinct = [...new Set(chosen)];
  if (distinct.length === 1) return { kind: 'value', value: distinct[0] as number };
  return { kind: 'several', values: distinct };
}

/** A day, a month or a year: the parts of `15/06/2027`. */
const looksLikeDayPart = (value: number): boolean => value <= 31 || (value >= 1900 && value <= 2100);

/** A number with its multiplier or unit applied: `12k€` → 12000, `1,2 M€` → 1200000, `50 miles` → km. */
function scaled(text: string, n: FoundNumber, measure: Measure): number {
  const after = text.slice(n.end);
  if (measure === 'money') {
    if (/^\s*(?:k€|ke\b|k\b)/.test(after)) return n.value * 1_000;
    if (/^\s*(?:m€|me\b|m\b|millions?\b|mio\b)/.test(after)) return n.value * 1_000_000;
  }
  if (measure === 'count' && /^\s*k\b/.test(after)) return n.value * 1_000;
  if (measure === 'distance' && /^\s*miles?\b/.test(after))
    return Math.round(n.value * MILES_TO_KM * 100) / 100;
  return n.value;
}

/**
 * What a message that is only a quantity measures — « 180 », « on attend 200 personnes », « 20 000 euros »,
 * « à 300 km » — by its unit: a head count, an amount, a distance, or `bare` (no unit); undefined when the
 * message says more than a quantity (a name, a description: « 2 ateliers et une conférence »).
 */
export function quantityOnly(raw: string): Measure | 'bare' | undefined {
  // A quantity said alone is short: a longer text is a description, and is not read any further.
  if (raw.length > 80) return undefined;
  const { text, numbers } = numbersIn(raw);
  if (numbers.length !== 1) return undefined;
  const n = numbers[0] as FoundNumber;
  // « on sera 200 », "we'll be 200", « Participants : 120 »: the words before the number say it counts people.
  const counted = COUNT_BEFORE.test(text.slice(0, n.start));
  const before = text.slice(0, n.start).replace(COUNT_BEFORE, ' ');
  // « une centaine de personnes »: the unit after « de ».
  let after = text.slice(n.end).replace(/^\s*d(?:e\s|')/, ' ');
  const measure =
    (['count', 'money', 'distance'] as const).find((m) => UNITS[m].test(after)) ??
    (counted ? 'count' : undefined);
  if (measure) after = after.replace(UNITS[measure], ' ');
  const words = contentWords(`${before} ${after}`).filter((w) => !AROUND_A_QUANTITY.has(w));
  return words.length === 0 ? (measure ?? 'bare') : undefined;
}

/**
 * What a head count is of, when the noun after its one number names another thing than people or seats (« on a
 * 40 bénévoles », "12 workshops"): that noun, as typed without accents; undefined when the number stands alone,
 * with its unit (« 40 personnes ») or with words around a quantity (« 200 environ », "150 max").
 */
export function otherThingCounted(raw: string): string | undefined {
  const { text, numbers } = numbersIn(raw);
  if (numbers.length !== 1) return undefined;
  const after = text.slice((numbers[0] as FoundNumber).end).replace(/^\s*d(?:e\s|')/, ' ');
  if (UNITS.count.test(after)) return undefined;
  const noun = /^\s+(\p{L}[\p{L}'-]*)/u.exec(after)?.[1];
  const word = noun ? contentWords(noun)[0] : undefined;
  return word && word.length > 2 && !AROUND_A_QUANTITY.has(word) && !isCommonWord(word) ? word : undefined;
}
