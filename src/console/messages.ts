/**
 * The schemas' problems in the manager's language, to show beside a field: zod's own messages through its
 * French locale, an empty required field said plainly, and the call and FAQ schemas' own messages translated.
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
  return lang === 'fr' ? (SCHEMA_MESSAGES[issue.message] ?? issue.message) : issue.message;
}
