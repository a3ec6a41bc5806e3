/** Whole numbers as people type them: `150`, `1 200`, `150 personnes`, `about 200`, `environ 200`. */
import type { Localized } from '../../src/core/i18n.ts';
import { normalize } from '../../src/core/text.ts';
import { DIGITS_PLEASE, type Parsed, refuse, spellsNumber, unreadable } from './result.ts';

/**
 * The decimal number in a string of digits and separators, or undefined. A space, a dot or a comma
 * followed by exactly three digits groups thousands (`12 000`, `12.000`, `12,000`); otherwise a comma
 * or a dot is the decimal mark (`12,50`, `12.5`).
 */
export function readDecimal(text: string): number | undefined {
  const value = decimalOf(text);
  // Hundreds of digits overflow to Infinity: no answer a person gives is that large.
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function decimalOf(text: string): number | undefined {
  const compact = text.trim().replace(/(\d)[\s\u00a0\u202f'](?=\d{3}(?!\d))/g, '$1');
  if (!/^\d+([.,]\d+)*$/.test(compact)) return undefined;
  const marks = compact.replace(/\d/g, '');
  if (marks === '') return Number(compact);
  if (new Set(marks).size === 1 && /^\d{1,3}([.,]\d{3})+$/.test(compact))
    return Number(compact.replace(/[.,]/g, ''));
  const last = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const whole = compact.slice(0, last);
  const fraction = compact.slice(last + 1);
  const decimalMark = compact[last] ?? '';
  // Before a decimal mark, only the other mark may group thousands (`12.000,50`, `12,000.50`).
  if (!/^\d{1,2}$/.test(fraction) || whole.includes(decimalMark)) return undefined;
  if (!/^\d+$/.test(whole) && !/^\d{1,3}([.,]\d{3})+$/.test(whole)) return undefined;
  return Number(`${whole.replace(/[.,]/g, '')}.${fraction}`);
}

// Words around a count that do not change it: approximations and the people counted.
const HEDGES =
  /^(about|around|approximately|approx\.?|roughly|some|nearly|almost|maybe|perhaps|estimated|environ|a peu pres|pres de|autour de|approximativement|a priori|peut-etre|quelque|env\.?|~|±|\+\/-|ca\.?|circa)\s*/;
const UNITS =
  /\s*(people|persons?|attendees|participants?|visitors|guests|seats|places|personnes?|participant\.?e?s?|inscrits?|inscrit\.?e?s?|visiteurs|invites|sieges|pers\.?|p\.?|km|kilometres?|kilometers?)\s*(environ|about|approx\.?)?$/;

/** Bounds of a count; `decimals` accepts `12,5` (a distance) where a head count must be whole. */
export interface CountOptions {
  min?: number;
  max?: number;
  decimals?: boolean;
}

/** Reads a number, optionally hedged (`about 200`) or followed by what it counts (`150 personnes`). */
export function parseCount(text: string, limits: CountOptions = {}): Parsed<number> {
  const expected: Localized = limits.decimals
    ? {
        fr: 'J’attends un nombre en chiffres, par exemple « 25 » ou « 12,5 ».',
        en: 'I expect a number in digits, for example “25” or “12.5”.',
      }
    : {
        fr: 'J’attends un nombre entier en chiffres, par exemple « 150 » ou « environ 200 ».',
        en: 'I expect a whole number in digits, for example “150” or “about 200”.',
      };
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  if (spellsNumber(text)) return refuse(undefined, DIGITS_PLEASE);
  let core = normalize(text).replace(/[.!]+$/, '');
  for (let previous = ''; previous !== core; ) {
    previous = core;
    core = core.replace(HEDGES, '').replace(UNITS, '').trim();
  }
  if (/^-\s*\d/.test(core))
    return refuse(
      { fr: 'Un nombre négatif ne convient pas.', en: 'A negative number does not fit.' },
      expected,
    );
  if (/^\d+\s*(-|a|to|à)\s*\d+$/.test(core))
    return refuse(
      { fr: 'Donnez un seul nombre plutôt qu’une fourchette.', en: 'Give one number rather than a range.' },
      expected,
    );
  const value = readDecimal(core);
  if (value === undefined) return refuse(undefined, expected);
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

// Made once per language: building an Intl formatter costs far more than using one (core benchmark).
const COUNT_FORMATS = {
  fr: new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** A whole number with the language's thousands separator (`12 000` / `12,000`). */
export function formatCount(value: number, lang: 'fr' | 'en'): string {
  return COUNT_FORMATS[lang].format(value);
}
