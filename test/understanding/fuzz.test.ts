/** The understanding layer under random input (fast-check): no exception escapes, every reading is well formed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aroundTheAnswer } from '../../src/understanding/around-the-answer.ts';
import { chatKind, talksToTheBot } from '../../src/understanding/chat.ts';
import { choiceIn, choicesIn } from '../../src/understanding/choices.ts';
import { correctionIn, correctionSaidLast } from '../../src/understanding/correcting.ts';
import { dateIn, inMonth } from '../../src/understanding/dates.ts';
import { editRequestIn } from '../../src/understanding/edit-requests.ts';
import { isHesitation, saysNothing } from '../../src/understanding/empty-talk.ts';
import { withoutNegated } from '../../src/understanding/negation.ts';
import { saysNotKnownYet } from '../../src/understanding/not-yet.ts';
import { numbersIn } from '../../src/understanding/numbers.ts';
import { quantityIn } from '../../src/understanding/quantities.ts';
import { questionTopic } from '../../src/understanding/question-topic.ts';
import { asksWithoutMark, isPuzzled } from '../../src/understanding/questions.ts';
import { saidOfAnotherThing } from '../../src/understanding/said-of.ts';
import { putOffForNow, sureAndDoubted } from '../../src/understanding/unsure.ts';
import { yesNoIn } from '../../src/understanding/yes-no.ts';
import { anyText } from '../support/arbitraries.ts';

const OPTIONS = [
  { id: 'association', label: { fr: 'association', en: 'association' }, keywords: ['asso'] },
  { id: 'company', label: { fr: 'entreprise', en: 'company' } },
  { id: 'other', label: { fr: 'autre', en: 'other' } },
];
const ids = new Set(OPTIONS.map((o) => o.id));
const SENTENCES = fc
  .array(
    fc.constantFrom(
      'oui',
      'non',
      'deux cents',
      'cent',
      'mille',
      'entre',
      'et',
      '150',
      '12k€',
      'km',
      'miles',
      'le 15 juin',
      'samedi',
      'mi-juin',
      'en mars',
      'le 23',
      'peut-être',
      'sans doute',
      'je sais pas trop',
      '31/02',
      'attendez',
      'une seconde',
      'je cherche',
      'merci',
      'I',
      'hold on',
      'next',
      'modifier',
      'la date',
      'je ne sais pas',
      'association',
      'asso',
      'pas',
      'non',
      'sans',
      "n'est plus",
      'pas encore',
      'à définir',
      'TBD',
      'Les Liens',
      'au Sénégal',
      'désolé',
      'pour le retard !',
      'je suis dans le train',
      '@Julien',
      'tu peux',
      'la gare est à',
      'coûte',
      'de chez nous',
      "pour l'instant",
      'so no for now',
      '?',
      ',',
      '-',
    ),
    { maxLength: 8 },
  )
  .map((words) => words.join(' '));

describe('understanding layer under random input', () => {
  it('never throws and always returns a well-formed reading', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, SENTENCES), (text) => {
        for (const n of numbersIn(text).numbers) expect(Number.isFinite(n.value)).toBe(true);
        for (const measure of ['count', 'money', 'distance'] as const) {
          const q = quantityIn(text, measure);
          if (q.kind === 'value') expect(Number.isFinite(q.value)).toBe(true);
          if (q.kind === 'range') expect(q.low).toBeLessThan(q.high);
        }
        const date = dateIn(text, '2026-12-01');
        if (date.kind === 'day' || date.kind === 'weekday-mismatch')
          expect(Number.isNaN(Date.parse(date.day))).toBe(false);
        const yes = yesNoIn(text);
        if (yes) expect(typeof yes.value).toBe('boolean');
        const one = choiceIn(text, OPTIONS);
        if (one.kind === 'one') expect(ids.has(one.id)).toBe(true);
        const some = choicesIn(text, OPTIONS);
        if (some.kind === 'some') expect(some.ids.every((id) => ids.has(id))).toBe(true);
        expect(typeof isPuzzled(text)).toBe('boolean');
        for (const read of [correctionIn, correctionSaidLast, editRequestIn]) {
          const found = read(text);
          expect(found === undefined || typeof found === 'string').toBe(true);
        }
        expect(typeof saysNotKnownYet(text, { yesNo: true })).toBe('boolean');
        // The negated parts are blanked in place: the text keeps its length and every other character.
        const kept = withoutNegated(text);
        expect(kept).toHaveLength(text.length);
        for (let i = 0; i < text.length; i++) expect([text[i], ' ']).toContain(kept[i]);
        expect(typeof isHesitation(text)).toBe('boolean');
        expect(['step', 'elsewhere', 'both']).toContain(questionTopic(text, ['date']));
        expect(typeof saysNothing(text)).toBe('boolean');
        expect([undefined, 'wait', 'remark', 'pause', 'person', 'next']).toContain(chatKind(text));
        expect([undefined, 'puzzled', 'checking']).toContain(talksToTheBot(text));
        expect(typeof asksWithoutMark(text)).toBe('boolean');
        if (date.kind === 'vague' && date.month) expect(date.month).toMatch(/^\d{4}-(?:0[1-9]|1[0-2])$/);
        const inMarch = dateIn(inMonth(text, '2027-03'), '2026-12-01');
        if (inMarch.kind === 'day') expect(Number.isNaN(Date.parse(inMarch.day))).toBe(false);
        const split = sureAndDoubted(text);
        if (split) expect(`${split.sure}${split.doubted}`).not.toBe('');
        // What remains once the talk is peeled off is a piece of the message, never words it did not have.
        const around = aroundTheAnswer(text, (clause) => /\d/.test(clause));
        expect(text).toContain(around.rest);
        for (const kind of around.talk)
          expect(['polite', 'situation', 'addressed', 'remark', 'later', 'unsure']).toContain(kind);
        const other = saidOfAnotherThing(text, ['budget'], true);
        expect(other === undefined || typeof other === 'string').toBe(true);
        expect(typeof putOffForNow(text, true)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
