/**
 * Counted texts: « 1 rappel programmé », « 6 rappels programmés », "1 reminder", "6 reminders". One mechanism for
 * every count in both languages, so no text falls back on « rappel(s) ».
 *
 * Intl.PluralRules (the CLDR plural rules, built into Node) picks the form: it knows that French puts 0 and 1 in
 * the singular (« 0 rappel », « 1,5 jour ») where English says "0 reminders", and the categories other languages
 * would need. It was chosen over an ICU MessageFormat library because our texts are short fragments in two
 * languages, filled with `{name}` placeholders already: a fragment per form reads plainly in the code, needs no
 * message syntax nor a compile step, and adds no dependency.
 */
import { fill, type Lang, type Localized } from './i18n.ts';
import { perLanguage } from './per-language.ts';

/** The forms of a counted text in one language: `{count}` is the number, as written in that language. */
export interface PluralForms {
  /** 1 in English; 0 and 1 (and 1.5) in French. */
  one: string;
  /** Everything else. */
  other: string;
  /** French "many" (1 000 000 de…), when it reads better than `other`. */
  many?: string;
}

/** A counted text in both languages. */
export type Counted = Record<Lang, PluralForms>;

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
// Built once: constructing Intl objects per call is what made round 1's first benchmark slow.
const RULES = perLanguage((lang) => new Intl.PluralRules(LOCALES[lang]));
const NUMBERS = perLanguage((lang) => new Intl.NumberFormat(LOCALES[lang]));

/** Nouns that several texts count in. */
export const REMINDERS: Counted = {
  fr: { one: '{count} rappel', other: '{count} rappels' },
  en: { one: '{count} reminder', other: '{count} reminders' },
};
export const DAYS: Counted = {
  fr: { one: '{count} jour', other: '{count} jours' },
  en: { one: '{count} day', other: '{count} days' },
};
export const MONTHS: Counted = {
  fr: { one: '{count} mois', other: '{count} mois' },
  en: { one: '{count} month', other: '{count} months' },
};

/** The text for `count` in `lang`; `{count}` and the other `{name}` placeholders are filled. */
export function plural(
  lang: Lang,
  count: number,
  forms: Counted,
  params: Record<string, string | number> = {},
): string {
  const own = forms[lang];
  const category = RULES(lang).select(count);
  const template = category === 'one' ? own.one : category === 'many' ? (own.many ?? own.other) : own.other;
  return fill(template, { ...params, count: NUMBERS(lang).format(count) });
}

/** The counted text in both languages, for texts kept as `Localized` (a report line, a scheduled message). */
export function pluralized(
  count: number,
  forms: Counted,
  params: Record<string, string | number> = {},
): Localized {
  return { fr: plural('fr', count, forms, params), en: plural('en', count, forms, params) };
}
