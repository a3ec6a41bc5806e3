/** Yes/no, one choice or several among options: by number, id, label or a keyword, as typed or clicked. */
import type { Localized } from '../../src/core/i18n.ts';
import { normalize } from '../../src/core/text.ts';
import { parseYesNo } from '../../src/core/yes-no.ts';
import { type Parsed, refuse, unreadable } from './result.ts';

/** An option of a choice step. */
export interface Option {
  id: string;
  label: Localized;
  /** Other words that designate it (`asso`, `mairie`…), typed without accents. */
  keywords?: string[];
}

const YES_NO_EXPECTED: Localized = {
  fr: 'Répondez par « oui » ou « non ».',
  en: 'Please answer “yes” or “no”.',
};

/** Reads yes or no (the core's words: `oui`, `o`, `yes`, `y`, `non`…, and the choice ids). */
export function parseBoolean(text: string): Parsed<boolean> {
  const problem = unreadable(text);
  if (problem) return refuse(problem, YES_NO_EXPECTED);
  const value = parseYesNo(text);
  if (value === undefined) return refuse(undefined, YES_NO_EXPECTED);
  return { ok: true, value, echo: value ? { fr: 'oui', en: 'yes' } : { fr: 'non', en: 'no' } };
}

/** Reads one option: its number in the list, its id, its label in either language or a keyword. */
export function parseChoice(text: string, options: Option[]): Parsed<string> {
  const expected = expectedOf(options, false);
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const found = findOption(text, options);
  if (!found) return refuse(undefined, expected);
  return { ok: true, value: found.id, echo: found.label };
}

/** Reads one or several options (`1, 3`, `inclusion et accessibilité`, ids joined by commas). */
export function parseChoices(text: string, options: Option[]): Parsed<string[]> {
  const expected = expectedOf(options, true);
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const pieces = normalize(text)
    .split(/\s*(?:,|;|\/|\+|&|\bet\b|\band\b)\s*/)
    .filter(Boolean);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const piece of pieces) {
    const found = findOption(piece, options);
    if (!found) unknown.push(piece);
    else if (!ids.includes(found.id)) ids.push(found.id);
  }
  if (unknown.length > 0 || ids.length === 0) {
    const names = unknown.map((u) => `« ${u} »`).join(', ');
    return refuse(
      unknown.length > 0
        ? { fr: `Je ne reconnais pas ${names}.`, en: `I do not recognise ${names.replace(/[«»]/g, '"')}.` }
        : undefined,
      expected,
    );
  }
  const chosen = ids.map((id) => options.find((o) => o.id === id)).filter((o) => o !== undefined);
  return {
    ok: true,
    value: ids,
    echo: {
      fr: chosen.map((o) => o.label.fr).join(', '),
      en: chosen.map((o) => o.label.en).join(', '),
    },
  };
}

function findOption(text: string, options: Option[]): Option | undefined {
  const typed = normalize(text).replace(/[.!]+$/, '');
  if (/^\d{1,2}$/.test(typed)) return options[Number(typed) - 1];
  const exact = options.find(
    (o) =>
      normalize(o.id) === typed ||
      normalize(o.label.fr) === typed ||
      normalize(o.label.en) === typed ||
      o.keywords?.includes(typed),
  );
  if (exact || typed.length < 4) return exact;
  // A distinctive start of a label (`accessib`) is enough when it designates one option only.
  const starts = options.filter((o) =>
    [o.label.fr, o.label.en, ...(o.keywords ?? [])].some((l) => normalize(l).startsWith(typed)),
  );
  return starts.length === 1 ? starts[0] : undefined;
}

function expectedOf(options: Option[], multiple: boolean): Localized {
  const list = (lang: 'fr' | 'en') => options.map((o, i) => `${i + 1}. ${o.label[lang]}`).join(' ; ');
  return multiple
    ? {
        fr: `Choisissez une ou plusieurs réponses, par leur numéro (« 1, 3 ») ou leur nom : ${list('fr')}.`,
        en: `Choose one or more answers, by number (“1, 3”) or name: ${list('en')}.`,
      }
    : {
        fr: `Choisissez une réponse, par son numéro ou son nom : ${list('fr')}.`,
        en: `Choose one answer, by number or name: ${list('en')}.`,
      };
}

/** Reads free text, refusing only what cannot be read or is too short to mean anything. */
export function parseText(text: string, minLength = 2): Parsed<string> {
  const expected: Localized = {
    fr: `J’attends une réponse d’au moins ${minLength} caractères.`,
    en: `I expect an answer of at least ${minLength} characters.`,
  };
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const value = text.trim();
  if (value.length < minLength) return refuse(undefined, expected);
  return { ok: true, value, echo: { fr: `« ${value} »`, en: `“${value}”` } };
}
