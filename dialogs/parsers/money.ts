/**
 * Amounts in euros as people write them: `12 000 €`, `12k€`, `€1.5M`, `vingt mille euros`, `le budget total
 * est de 18 500 euros`, `rien`. The understanding layer finds the amount in the sentence.
 */
import type { Localized } from '../../src/core/i18n.ts';
import { perLanguage } from '../../src/core/per-language.ts';
import { normalize } from '../../src/core/text.ts';
import { quantityIn } from '../../src/understanding/quantities.ts';
import { clarify, PAST_TIME_ANSWER, type Parsed, refuse, unreadable } from './result.ts';

const EXPECTED: Localized = {
  fr: 'J’attends un montant en euros, par exemple « 12 000 € », « 12k€ » ou « douze mille euros ».',
  en: 'I expect an amount in euros, for example “€12,000”, “12k€” or “twelve thousand euros”.',
};
/** A billion euros: far above any budget this bot deals with, and well within exact cents. */
const MAX_AMOUNT = 1_000_000_000;
/**
 * « rien », « aucune », "none", and said first with a few words but no amount (« aucune subvention, on se
 * débrouille », "no grant, we fund it ourselves"): nothing asked for.
 */
const NOTHING =
  /^(?:rien|aucune?|neant|zero|none|nothing|nil|(?:pas de|aucune?|sans|no|without)\s+(?:subvention|financement|aide|soutien financier|grant|funding|money))\b/;

/** Reads an amount in euros, rounded to the cent. Other currencies and negative amounts are refused. */
export function parseMoney(text: string): Parsed<number> {
  const problem = unreadable(text);
  if (problem) return refuse(problem, EXPECTED);
  const reading = quantityIn(text, 'money');
  if (reading.kind === 'none' && NOTHING.test(normalize(text))) return amount(0);
  switch (reading.kind) {
    case 'other-currency':
      return refuse({ fr: 'Je compte en euros uniquement.', en: 'I count in euros only.' }, EXPECTED);
    case 'negative':
      return refuse(
        { fr: 'Un montant négatif ne convient pas.', en: 'A negative amount does not fit.' },
        EXPECTED,
      );
    case 'range':
    case 'several': {
      const values = reading.kind === 'range' ? [reading.low, reading.high] : reading.values.slice(0, 5);
      return clarify(
        {
          fr: `J’ai lu plusieurs montants (${values.map((v) => formatEuros(v, 'fr')).join(', ')}) : lequel retenir ?`,
          en: `I read several amounts (${values.map((v) => formatEuros(v, 'en')).join(', ')}): which one goes in?`,
        },
        values.map((v) => ({ id: String(v), label: { fr: formatEuros(v, 'fr'), en: formatEuros(v, 'en') } })),
      );
    }
    case 'past':
      return clarify(PAST_TIME_ANSWER, []);
    case 'value':
      return amount(reading.value);
    case 'vague':
      return clarify(
        {
          fr: 'À peu près combien ? Donnez un montant, par exemple « 15 000 € » ou « environ 15 000 € ».',
          en: 'Roughly how much? Give an amount, for example “€15,000” or “about €15,000”.',
        },
        [],
      );
    default:
      if (/\b(moitie|tiers|quart|half|third|quarter|pour ?cent|percent)\b|%/.test(normalize(text)))
        return clarify(
          {
            fr: 'Quel montant en euros cela fait-il ? Écrivez-le, par exemple « 6 000 € ».',
            en: 'What amount in euros is that? Write it, for example “€6,000”.',
          },
          [],
        );
      return refuse(undefined, EXPECTED);
  }
}

function amount(value: number): Parsed<number> {
  const rounded = Math.round(value * 100) / 100;
  if (!Number.isFinite(rounded) || rounded > MAX_AMOUNT)
    return refuse({ fr: 'Ce montant est bien trop grand.', en: 'That amount is far too large.' }, EXPECTED);
  return {
    ok: true,
    value: rounded,
    echo: { fr: formatEuros(rounded, 'fr'), en: formatEuros(rounded, 'en') },
  };
}

// Made once per language and precision: building an Intl formatter costs far more than using one.
const euros = (locale: string, minimumFractionDigits: number) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits });
const EUROS_FORMATS = perLanguage((lang) => {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  return { whole: euros(locale, 0), cents: euros(locale, 2) };
});

/** An amount in euros written the language's way (`12 000,50 €` / `€12,000.50`). */
export function formatEuros(amount: number, lang: 'fr' | 'en'): string {
  return EUROS_FORMATS(lang)[Number.isInteger(amount) ? 'whole' : 'cents'].format(amount);
}
