/** Amounts in euros as people type them: `12 000 €`, `12k€`, `12,000 EUR`, `12 000,50 €`, `€1.5M`. */
import type { Localized } from '../../src/core/i18n.ts';
import { normalize } from '../../src/core/text.ts';
import { readDecimal } from './numbers.ts';
import { DIGITS_PLEASE, type Parsed, refuse, spellsNumber, unreadable } from './result.ts';

const EXPECTED: Localized = {
  fr: 'J’attends un montant en euros, par exemple « 12 000 € », « 12k€ » ou « 12 000,50 € ».',
  en: 'I expect an amount in euros, for example “€12,000”, “12k€” or “12,000.50 EUR”.',
};
/** A billion euros: far above any budget this bot deals with, and well within exact cents. */
const MAX_AMOUNT = 1_000_000_000;
const EUROS = /(€|\beur\b|\beuros?\b|\bht\b|\bttc\b)/g;
const OTHER_CURRENCIES = /(\$|£|usd|dollars?|gbp|livres?|pounds?|chf|francs?)/;
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/\s*(k|ke|k€|mille|thousand|milliers?)$/, 1_000],
  [/\s*(m|me|m€|millions?|mio)$/, 1_000_000],
];

/** Reads an amount in euros, rounded to the cent. Other currencies and negative amounts are refused. */
export function parseMoney(text: string): Parsed<number> {
  const problem = unreadable(text);
  if (problem) return refuse(problem, EXPECTED);
  if (spellsNumber(text)) return refuse(undefined, DIGITS_PLEASE);
  let typed = normalize(text).replace(/[.!]+$/, '');
  if (OTHER_CURRENCIES.test(typed))
    return refuse({ fr: 'Je compte en euros uniquement.', en: 'I count in euros only.' }, EXPECTED);
  typed = typed
    .replace(/^(about|around|environ|approx\.?|~)\s*/, '')
    .replace(EUROS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (typed.startsWith('-'))
    return refuse(
      { fr: 'Un montant négatif ne convient pas.', en: 'A negative amount does not fit.' },
      EXPECTED,
    );
  let factor = 1;
  for (const [suffix, multiplier] of MULTIPLIERS) {
    if (suffix.test(typed)) {
      typed = typed.replace(suffix, '').trim();
      factor = multiplier;
    }
  }
  const value = readDecimal(typed);
  if (value === undefined) return refuse(undefined, EXPECTED);
  const amount = Math.round(value * factor * 100) / 100;
  if (!Number.isFinite(amount) || amount > MAX_AMOUNT)
    return refuse({ fr: 'Ce montant est bien trop grand.', en: 'That amount is far too large.' }, EXPECTED);
  return { ok: true, value: amount, echo: { fr: formatEuros(amount, 'fr'), en: formatEuros(amount, 'en') } };
}

// Made once per language and precision: building an Intl formatter costs far more than using one.
const euros = (locale: string, minimumFractionDigits: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits });
const EUROS_FORMATS = {
  fr: { whole: euros('fr-FR', 0), cents: euros('fr-FR', 2) },
  en: { whole: euros('en-GB', 0), cents: euros('en-GB', 2) },
};

/** An amount in euros written the language's way (`12 000,50 €` / `€12,000.50`). */
export function formatEuros(amount: number, lang: 'fr' | 'en'): string {
  return EUROS_FORMATS[lang][Number.isInteger(amount) ? 'whole' : 'cents'].format(amount);
}
