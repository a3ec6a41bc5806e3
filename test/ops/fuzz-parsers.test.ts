/**
 * Property-based abuse test of every parser: random text, unicode, huge numbers and odd dates. No exception
 * may escape and every result is a valid value of its kind or a refusal in both languages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBoolean, parseChoice, parseChoices, parseText } from '../../dialogs/parsers/choices.ts';
import { parseDate } from '../../dialogs/parsers/dates.ts';
import { parseMoney } from '../../dialogs/parsers/money.ts';
import { parseCount, readDecimal } from '../../dialogs/parsers/numbers.ts';
import type { Parsed } from '../../dialogs/parsers/result.ts';
import { resolveChoice } from '../../src/core/choice-answers.ts';
import { detectLanguage } from '../../src/core/i18n.ts';
import { normalize } from '../../src/core/text.ts';
import { parseInstant } from '../../src/core/time.ts';
import { plainYesNo } from '../../src/understanding/yes-no.ts';
import { anyText } from '../support/arbitraries.ts';

const OPTIONS = [
  { id: 'association', label: { fr: 'Association', en: 'Association' }, keywords: ['asso'] },
  { id: 'company', label: { fr: 'Entreprise', en: 'Company' } },
  { id: 'other', label: { fr: 'Autre', en: 'Other' } },
];

/** A parser result is a value of the right kind, or a refusal with both languages. */
function wellFormed<T>(result: Parsed<T>, valid: (value: T) => boolean): boolean {
  if (!result.ok) return typeof result.error.fr === 'string' && typeof result.error.en === 'string';
  return valid(result.value) && typeof result.echo.fr === 'string' && typeof result.echo.en === 'string';
}

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const isAmount = (v: number) => Number.isFinite(v) && v >= 0;
const optionIds = new Set(OPTIONS.map((o) => o.id));

describe('parsers under random input', () => {
  it('never throw and always return a well-formed result', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const checks: Array<[string, boolean]> = [
          ['parseDate (future)', wellFormed(parseDate(text, { today: '2026-11-23', future: true }), isDay)],
          ['parseDate', wellFormed(parseDate(text, { today: '2026-11-23' }), isDay)],
          ['parseMoney', wellFormed(parseMoney(text), isAmount)],
          ['parseCount', wellFormed(parseCount(text, { min: 0, max: 100_000 }), Number.isFinite)],
          ['parseCount (decimals)', wellFormed(parseCount(text, { decimals: true }), Number.isFinite)],
          ['parseBoolean', wellFormed(parseBoolean(text), (v) => typeof v === 'boolean')],
          ['parseChoice', wellFormed(parseChoice(text, OPTIONS), (v) => optionIds.has(v))],
          [
            'parseChoices',
            wellFormed(parseChoices(text, OPTIONS), (v) => v.every((id) => optionIds.has(id))),
          ],
          ['parseText', wellFormed(parseText(text), (v) => typeof v === 'string')],
        ];
        expect(checks.filter(([, ok]) => !ok).map(([name]) => name)).toEqual([]);
        const decimal = readDecimal(text);
        expect(decimal === undefined || Number.isFinite(decimal), 'readDecimal').toBe(true);
        expect([true, false, undefined]).toContain(plainYesNo(text));
        const instant = parseInstant(text, 'Europe/Paris');
        expect(instant === undefined || !Number.isNaN(instant.getTime())).toBe(true);
        expect(['fr', 'en', undefined]).toContain(detectLanguage(text));
        expect(typeof normalize(text)).toBe('string');
        const offered = { choices: OPTIONS.map((o) => ({ id: o.id, label: o.label.fr })), multiple: true };
        const choice = resolveChoice(text, offered);
        expect(choice === undefined || choice.split(',').every((id) => optionIds.has(id))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
