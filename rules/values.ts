/** Answers, figures and references as the rules see them, and how they read in a sentence. */
import { fill, LANGS, type Lang, type Localized } from '../src/core/i18n.ts';
import { type Day, formatDay } from './calendar.ts';
import type { CallDefinition, DayRef, Figure, Quantity, SlotDefinition } from './schema.ts';
import { type SlotUnit, withUnit } from './units.ts';

/** One answer: text, number (euros, people, km), yes/no, a day `YYYY-MM-DD`, or choice ids. */
export type AnswerValue = string | number | boolean | string[];
/** An application's answers by slot id; a missing answer is an absent key. */
export type Answers = Record<string, AnswerValue>;

/** What the rules know while they run. */
export interface RuleContext {
  call: CallDefinition;
  answers: Answers;
  today: Day;
  timezone: string;
}

/** What resolving a reference needs: key days and a call's window never refer to today. */
export type ValueContext = Pick<RuleContext, 'call' | 'answers'> & { today?: Day };

/** A value waiting to be written in a language: formatting differs between French and English. */
export type Param =
  | { kind: 'number'; value: number; unit?: SlotUnit }
  | { kind: 'money'; value: number }
  | { kind: 'day'; value: Day }
  | { kind: 'text'; value: string }
  | { kind: 'localized'; value: Localized };

/** A resolved reference: its value, how to write it, or the slots whose answers are still missing. */
export type Resolved<T> = { value: T; param: Param } | { missing: string };

/** The value of a named figure of a call, e.g. `callFigure(call, 'min_attendance')` → 150. */
export function callFigure(call: CallDefinition, name: string): Figure | undefined {
  return call.figures[name];
}

/** A number from a literal, a figure or an answer. */
export function resolveQuantity(ctx: ValueContext, q: Quantity): Resolved<number> {
  if (typeof q === 'number') return { value: q, param: { kind: 'number', value: q } };
  if ('figure' in q) {
    const value = Number(ctx.call.figures[q.figure]);
    return { value, param: { kind: 'number', value } };
  }
  const answer = ctx.answers[q.slot];
  if (typeof answer !== 'number') return { missing: q.slot };
  return { value: answer, param: answerParam(slotOf(ctx.call, q.slot), answer) };
}

/** A day from `today`, a literal, a figure or an answer. */
export function resolveDay(ctx: ValueContext, d: DayRef): Resolved<Day> {
  const day = (value: Day): Resolved<Day> => ({ value, param: { kind: 'day', value } });
  if (d === 'today') return ctx.today === undefined ? { missing: 'today' } : day(ctx.today);
  if (typeof d === 'string') return day(d);
  if ('figure' in d) return day(String(ctx.call.figures[d.figure]));
  const answer = ctx.answers[d.slot];
  return typeof answer === 'string' && answer !== '' ? day(answer) : { missing: d.slot };
}

/** True when a slot has a usable answer (an empty text or an empty selection counts as missing). */
export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== 'number' || Number.isFinite(value);
}

/** The definition of a slot the schema has already checked exists. */
export function slotOf(call: CallDefinition, id: string): SlotDefinition | undefined {
  return call.slots.find((s) => s.id === id);
}

/** How an answer reads: choice labels rather than ids, money in euros, counts in their unit, days in words. */
export function answerParam(slot: SlotDefinition | undefined, value: AnswerValue): Param {
  const label = (id: string): Localized =>
    slot?.choices?.find((c) => c.id === id)?.label ?? { fr: id, en: id };
  if (typeof value === 'boolean')
    return { kind: 'localized', value: value ? { fr: 'oui', en: 'yes' } : { fr: 'non', en: 'no' } };
  if (Array.isArray(value)) {
    const labels = value.map(label);
    return {
      kind: 'localized',
      value: { fr: labels.map((l) => l.fr).join(', '), en: labels.map((l) => l.en).join(', ') },
    };
  }
  if (typeof value === 'number')
    return slot?.type === 'money'
      ? { kind: 'money', value }
      : { kind: 'number', value, ...(slot?.unit ? { unit: slot.unit } : {}) };
  if (slot?.type === 'date') return { kind: 'day', value };
  if (slot?.type === 'choice') return { kind: 'localized', value: label(value) };
  return { kind: 'text', value };
}

// Building an Intl formatter costs far more than using one, and every rule message formats numbers:
// one formatter per language and style, made once (this was the core benchmark's hottest spot).
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, style: 'number' | 'money' | 'cents'): Intl.NumberFormat {
  const key = `${lang}:${style}`;
  let formatter = NUMBER_FORMATS.get(key);
  if (!formatter) {
    const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
    formatter =
      style === 'number'
        ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
        : new Intl.NumberFormat(locale, {
            style: 'currency',
            currency: 'EUR',
            minimumFractionDigits: style === 'money' ? 0 : 2,
            maximumFractionDigits: 2,
          });
    NUMBER_FORMATS.set(key, formatter);
  }
  return formatter;
}

/** Writes a parameter in a language. */
export function formatParam(param: Param, lang: Lang): string {
  switch (param.kind) {
    case 'number':
      return param.unit
        ? withUnit(param.value, param.unit, lang)
        : numberFormat(lang, 'number').format(param.value);
    case 'money':
      return numberFormat(lang, Number.isInteger(param.value) ? 'money' : 'cents').format(param.value);
    case 'day':
      return formatDay(param.value, lang);
    case 'text':
      return param.value;
    case 'localized':
      return param.value[lang];
  }
}

/** The figures of a call as message parameters, so texts can say `{min_attendance}`. */
export function figureParams(call: CallDefinition): Record<string, Param> {
  return Object.fromEntries(
    Object.entries(call.figures).map(([name, value]): [string, Param] => [
      name,
      typeof value === 'number' ? { kind: 'number', value } : { kind: 'day', value },
    ]),
  );
}

/** Fills `{name}` placeholders in both languages, each value written the way that language writes it. */
export function localize(text: Localized, params: Record<string, Param>): Localized {
  // Only the placeholders a text uses are formatted (a call has dozens of figures).
  const pick = (lang: Lang) =>
    fill(text[lang], (name) => {
      const param = Object.hasOwn(params, name) ? params[name] : undefined;
      return param === undefined ? undefined : formatParam(param, lang);
    });
  return Object.fromEntries(LANGS.map((lang) => [lang, pick(lang)])) as Localized;
}
