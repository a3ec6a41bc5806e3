/**
 * Counts and distances as people write them: `150`, `1 200`, `on attend 200 personnes`, `deux cents`,
 * `une centaine`, `à 300 km`, `50 miles`. The understanding layer finds the number in the sentence; this
 * parser checks it against the step (whole, bounds) and asks back on a range (`entre 150 et 200`).
 */
import type { Localized } from '../../src/core/i18n.ts';
import { perLanguage } from '../../src/core/per-language.ts';
import { readDecimal } from '../../src/understanding/numbers.ts';
import { quantityIn } from '../../src/understanding/quantities.ts';
import { clarify, PAST_TIME_ANSWER, type Parsed, refuse, unreadable } from './result.ts';

export { readDecimal };

/** Bounds of a count; `decimals` accepts `12,5` (a distance) where a head count must be whole. */
export interface CountOptions {
  min?: number;
  max?: number;
  decimals?: boolean;
  /** What the number measures: people (the default) or kilometres. */
  measure?: 'count' | 'distance';
}

/** Reads a number in a sentence, in digits or words, optionally hedged (`about 200`) or with its unit. */
export function parseCount(text: string, limits: CountOptions = {}): Parsed<number> {
  const expected: Localized = limits.decimals
    ? {
        fr: 'J’attends un nombre, par exemple « 25 » ou « 12,5 ».',
        en: 'I expect a number, for example “25” or “12.5”.',
      }
    : {
        fr: 'J’attends un nombre entier, par exemple « 150 » ou « environ 200 ».',
        en: 'I expect a whole number, for example “150” or “about 200”.',
      };
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const reading = quantityIn(text, limits.measure ?? 'count');
  switch (reading.kind) {
    case 'negative':
      return refuse(
        { fr: 'Un nombre négatif ne convient pas.', en: 'A negative number does not fit.' },
        expected,
      );
    case 'range':
      return clarify(
        {
          fr: `Entre ${formatCount(reading.low, 'fr')} et ${formatCount(reading.high, 'fr')} : lequel retenir pour le dossier ? Le plus prudent est ${formatCount(reading.low, 'fr')}.`,
          en: `Between ${formatCount(reading.low, 'en')} and ${formatCount(reading.high, 'en')}: which one goes in the application? The prudent one is ${formatCount(reading.low, 'en')}.`,
        },
        countOptions([reading.low, reading.high]),
      );
    case 'several':
      return clarify(
        {
          fr: 'J’ai lu plusieurs nombres : lequel est la réponse ?',
          en: 'I read several numbers: which one is the answer?',
        },
        countOptions(reading.values.slice(0, 5)),
      );
    case 'vague':
      return clarify(
        {
          fr: 'À peu près combien ? Donnez un nombre, par exemple « 300 » ou « environ 300 ».',
          en: 'Roughly how many? Give a number, for example “300” or “about 300”.',
        },
        [],
      );
    case 'duration':
      return clarify(
        {
          fr: 'C’est une durée : à combien de kilomètres cela fait-il, à peu près ?',
          en: 'That is a duration: roughly how many kilometres is that?',
        },
        [],
      );
    case 'past':
      return clarify(PAST_TIME_ANSWER, []);
    case 'value':
      break;
    default:
      return refuse(undefined, expected);
  }
  const value = reading.value;
  if (!limits.decimals && !Number.isInteger(value))
    return refuse({ fr: 'Il faut un nombre entier.', en: 'It must be a whole number.' }, expected);
  if (limits.min !== undefined && value < limits.min)
    return refuse(
      { fr: `Le nombre doit être au moins ${limits.min}.`, en: `The number must be at least ${limits.min}.` },
      expected,
    );
  if (limits.max !== undefined && value > limits.max)
    return refuse(
      {
        fr: `Le nombre doit être au plus ${formatCount(limits.max, 'fr')}.`,
        en: `The number must be at most ${formatCount(limits.max, 'en')}.`,
      },
      expected,
    );
  return { ok: true, value, echo: { fr: formatCount(value, 'fr'), en: formatCount(value, 'en') } };
}

/** Numbers offered as buttons, written the language's way. */
function countOptions(values: number[]): Array<{ id: string; label: { fr: string; en: string } }> {
  return values.map((n) => ({
    id: String(n),
    label: { fr: formatCount(n, 'fr'), en: formatCount(n, 'en') },
  }));
}

// Made once per language: building an Intl formatter costs far more than using one (core benchmark).
const COUNT_FORMATS = perLanguage(
  (lang) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }),
);

/** A whole number with the language's thousands separator (`12 000` / `12,000`). */
export function formatCount(value: number, lang: 'fr' | 'en'): string {
  return COUNT_FORMATS(lang).format(value);
}
