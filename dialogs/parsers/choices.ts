/** Yes/no, one choice or several among options: by number, id, label or a keyword, as typed or clicked. */
import type { Localized } from '../../src/core/i18n.ts';
import { type ChoiceOption, choiceIn, choicesIn } from '../../src/understanding/choices.ts';
import { yesNoIn } from '../../src/understanding/yes-no.ts';
import { clarify, type Parsed, refuse, unreadable } from './result.ts';

/** An option of a choice step, with its synonyms (`asso`, `mairie`, `SCIC`…) typed without accents. */
export type Option = ChoiceOption;

const YES_NO_EXPECTED: Localized = {
  fr: 'Répondez par « oui » ou « non ».',
  en: 'Please answer “yes” or “no”.',
};

/** Reads yes or no at the start of a sentence (« oui bien sûr », « non pas encore », "yes I agree"). */
export function parseBoolean(text: string): Parsed<boolean> {
  const problem = unreadable(text);
  if (problem) return refuse(problem, YES_NO_EXPECTED);
  const reading = yesNoIn(text);
  if (reading === undefined) return refuse(undefined, YES_NO_EXPECTED);
  const { value, rest } = reading;
  return { ok: true, value, echo: value ? { fr: 'oui', en: 'yes' } : { fr: 'non', en: 'no' }, rest };
}

/** Reads one option named in a sentence: its number, id, label or a synonym; asks back when two are close. */
export function parseChoice(text: string, options: Option[]): Parsed<string> {
  const expected = expectedOf(options, false);
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const reading = choiceIn(text, options);
  if (reading.kind === 'close') {
    const close = options.filter((o) => reading.ids.includes(o.id));
    return clarify(
      {
        fr: `Vous voulez dire ${close.map((o) => `« ${o.label.fr} »`).join(' ou ')} ?`,
        en: `Do you mean ${close.map((o) => `“${o.label.en}”`).join(' or ')}?`,
      },
      close.map((o) => ({ id: o.id, label: o.label })),
    );
  }
  const found = reading.kind === 'one' ? options.find((o) => o.id === reading.id) : undefined;
  if (!found) return refuse(undefined, expected);
  return { ok: true, value: found.id, echo: found.label };
}

/** Reads one or several options (`1, 3`, `inclusion et accessibilité`, ids joined by commas). */
export function parseChoices(text: string, options: Option[]): Parsed<string[]> {
  const expected = expectedOf(options, true);
  const problem = unreadable(text);
  if (problem) return refuse(problem, expected);
  const reading = choicesIn(text, options);
  const unknown = reading.kind === 'unknown' ? reading.pieces : [];
  const ids = reading.kind === 'some' ? reading.ids : [];
  if (ids.length === 0) {
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
