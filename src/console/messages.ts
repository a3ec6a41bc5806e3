/**
 * The schemas' problems in the manager's language, to show beside a field: zod's own messages through its
 * French locale, an empty required field said plainly, and the call and FAQ schemas' own messages translated
 * (their fixed ones word for word, the cross-reference ones by pattern).
 */
import { type core, z } from 'zod';
import type { Lang } from '../core/i18n.ts';

/** The call and entry schemas' messages (rules/schema.ts, src/faq/knowledge-base.ts) in French. */
const SCHEMA_MESSAGES: Record<string, string> = {
  'must be a number or a day written YYYY-MM-DD': 'un nombre, ou un jour écrit AAAA-MM-JJ',
  'not a calendar day written YYYY-MM-DD': 'pas un jour du calendrier écrit AAAA-MM-JJ',
  'use snake_case: a-z, 0-9 and _': 'en minuscules : a-z, 0-9 et _',
  'use kebab-case: a-z, 0-9 and -': 'en minuscules : a-z, 0-9 et -',
  'lower-case words joined by hyphens': 'des mots en minuscules reliés par des tirets',
  'a window needs opens, closes or both': 'une période a besoin d’une ouverture, d’une clôture ou des deux',
};

/**
 * The call schema's cross-reference messages (rules/schema.ts `checkReferences`), which name what they are
 * about, in French: each pattern is one of its messages, its groups the names it quotes.
 */
const CROSS_FIELD: Array<[RegExp, (...names: string[]) => string]> = [
  [/^unknown slot "(.+)" \(slots: (.*)\)$/, (s, all) => `champ « ${s} » inconnu (champs : ${all})`],
  [
    /^slot "(.+)" is (\w+), expected (.+)$/,
    (s, type, expected) =>
      `le champ « ${s} » est de type ${type}, attendu : ${expected.replace(/ or /g, ' ou ')}`,
  ],
  [
    /^unknown figure "(.+)" \(figures: (.*)\)$/,
    (f, all) => `chiffre « ${f} » inconnu (chiffres : ${all === 'none' ? 'aucun' : all})`,
  ],
  [
    /^figure "(.+)" is not a (number|day)$/,
    (f, kind) => `le chiffre « ${f} » doit être ${kind === 'number' ? 'un nombre' : 'un jour AAAA-MM-JJ'}`,
  ],
  [/^duplicate id "(.+)"$/, (id) => `identifiant « ${id} » en double`],
  [/^a choice slot needs choices$/, () => 'un champ à choix a besoin de ses choix'],
  [/^only choice slots have choices$/, () => 'seuls les champs à choix ont des choix'],
  [
    /^a not_foreseen rule says/,
    () =>
      'une règle not_foreseen dit ce que dit la source et ce qui trancherait (not_foreseen: { source_says, certain_if })',
  ],
  [/^only a rule with effect: not_foreseen/, () => 'seule une règle à effect: not_foreseen a not_foreseen'],
  [
    /^unknown benefit "(.+?)"(?: \(benefits: (.*)\))?$/,
    (b, all) => `avantage « ${b} » inconnu${all ? ` (avantages : ${all})` : ''}`,
  ],
  [/^"(.+)" is not a choice of slot "(.+)"$/, (v, s) => `« ${v} » n’est pas un choix du champ « ${s} »`],
  [/^between_dates needs from, until or both$/, () => 'between_dates a besoin de from, de until ou des deux'],
  [
    /^a key date needs exactly one of on, months_before$/,
    () => 'une date clé a besoin d’un seul de on et months_before',
  ],
  [/^no rule gates benefit "(.+)"$/, (b) => `aucune règle ne conditionne l’avantage « ${b} »`],
  [/^a benefit cannot require itself$/, () => 'un avantage ne peut pas se demander lui-même'],
  [
    /^benefits require each other in a circle: (.+)$/,
    (cycle) => `des avantages se demandent l’un l’autre en cercle : ${cycle}`,
  ],
];

const REQUIRED = { fr: 'à remplir', en: 'required' };
const FRENCH = z.locales.fr().localeError;

/** The parse options that word zod's messages in `lang`. */
export function zodLocale(lang: Lang): { error?: typeof FRENCH } {
  return lang === 'fr' ? { error: FRENCH } : {};
}

/** One problem, worded for a manager. */
export function fieldMessage(issue: core.$ZodIssue, lang: Lang): string {
  if (issue.code === 'too_small' && Number(issue.minimum) === 1) return REQUIRED[lang];
  if (issue.code === 'invalid_type' && issue.input === undefined) return REQUIRED[lang];
  if (lang === 'en') return issue.message;
  return SCHEMA_MESSAGES[issue.message] ?? crossField(issue.message) ?? issue.message;
}

function crossField(message: string): string | undefined {
  for (const [pattern, french] of CROSS_FIELD) {
    const found = pattern.exec(message);
    if (found) return french(...found.slice(1).map((g) => g ?? ''));
  }
  return undefined;
}
