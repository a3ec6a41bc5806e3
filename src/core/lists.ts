/**
 * Lists inside a sentence, in French and English: « a, b et c », "a, b and c", « a ou b ». Intl.ListFormat (the
 * CLDR list patterns, built into Node) knows each language's last separator, so no text joins with a bare « ; »
 * or ", " and an English reader never meets a French-style list. Items that hold commas themselves (a contact:
 * « Morgane Millon, chargée de mission ») or a label and its value are told apart by semicolons instead of
 * commas (« a ; b et c », "a; b; and c" — in English a third item keeps its semicolon, or "b and c" would read
 * as one item); the French space before « ; » is the ordinary one `typography.ts` makes narrow and no-break.
 */
import type { Lang } from './i18n.ts';

export type ListKind = 'conjunction' | 'disjunction';

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
// Built once per language and kind, like the plural rules: constructing Intl objects per call is slow.
const FORMATS = new Map<string, Intl.ListFormat>();

function formatOf(lang: Lang, type: ListKind): Intl.ListFormat {
  const key = `${lang}:${type}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.ListFormat(LOCALES[lang], { type });
    FORMATS.set(key, format);
  }
  return format;
}

/** An item a comma after it would blur: it holds commas or a colon (« type de structure : association »). */
const needsSemicolons = (item: string): boolean => /[,:]/.test(item);

/** The items as one list of a sentence in `lang` (« a, b et c »); semicolons between items holding commas. */
export function listOf(items: readonly string[], lang: Lang, type: ListKind = 'conjunction'): string {
  const parts = formatOf(lang, type).formatToParts(items);
  if (!items.some(needsSemicolons)) return parts.map((p) => p.value).join('');
  const semicolon = lang === 'fr' ? ' ; ' : '; ';
  const separator = (literal: string): string =>
    literal === ', ' ? semicolon : lang === 'en' && items.length > 2 ? `;${literal}` : literal;
  return parts.map((p) => (p.type === 'literal' ? separator(p.value) : p.value)).join('');
}
