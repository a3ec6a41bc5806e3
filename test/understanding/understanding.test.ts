/** The understanding layer on its own: values found inside sentences, in French and English. */
import { describe, expect, it } from 'vitest';
import { choiceIn, choicesIn } from '../../src/understanding/choices.ts';
import { correctionIn, correctionSaidLast } from '../../src/understanding/correcting.ts';
import { dateIn } from '../../src/understanding/dates.ts';
import { editRequestIn } from '../../src/understanding/edit-requests.ts';
import { saysNothing } from '../../src/understanding/empty-talk.ts';
import { saysNotKnownYet } from '../../src/understanding/not-yet.ts';
import { numbersIn } from '../../src/understanding/numbers.ts';
import { quantityIn } from '../../src/understanding/quantities.ts';
import { questionTopic } from '../../src/understanding/question-topic.ts';
import { isFramedQuestion, isPuzzled } from '../../src/understanding/questions.ts';
import { plainYesNo, yesNoIn } from '../../src/understanding/yes-no.ts';

const TODAY = '2026-12-01';
const KINDS = [
  {
    id: 'association',
    label: { fr: 'association', en: 'association' },
    keywords: ['asso', 'ong', 'nonprofit'],
  },
  {
    id: 'local_authority',
    label: { fr: 'collectivité territoriale', en: 'local authority' },
    keywords: ['commune', 'collectivite'],
  },
  { id: 'foreign', label: { fr: 'collectivité étrangère', en: 'foreign authority' } },
  { id: 'cooperative', label: { fr: 'coopérative', en: 'cooperative' }, keywords: ['scic'] },
];

describe('numbers in words and digits', () => {
  it.each([
    ['deux cents', 200],
    ['cent cinquante', 150],
    ['douze mille cinq cents euros', 12500],
    // The library alone reads a bare « cent » after « mille » as nothing (1000, 2000).
    ['mille cent kilomètres', 1100],
    ['deux mille cent euros', 2100],
    ['two hundred and fifty people', 250],
    ['une centaine', 100],
    ['deux centaines', 200],
    ['1 200 personnes', 1200],
    ['12,5 km', 12.5],
  ])('reads %s as %d', (text, value) => {
    expect(numbersIn(text).numbers.map((n) => n.value)).toEqual([value]);
  });

  it('does not read an article as a number', () => {
    expect(numbersIn('une commune').numbers).toEqual([]);
  });
});

describe('quantities', () => {
  it('ties a number to its unit and leaves days and years aside', () => {
    expect(quantityIn('le 15 juin 2027, pour 200 personnes', 'count')).toEqual({ kind: 'value', value: 200 });
    expect(quantityIn('vingt mille euros', 'money')).toEqual({ kind: 'value', value: 20000 });
    expect(quantityIn('1,2 M€', 'money')).toEqual({ kind: 'value', value: 1200000 });
    expect(quantityIn('à 300 km', 'distance')).toEqual({ kind: 'value', value: 300 });
    expect(quantityIn('50 miles', 'distance')).toEqual({ kind: 'value', value: 80.47 });
  });

  it('keeps a range, a duration, another currency and a negative apart', () => {
    expect(quantityIn('entre 150 et 200', 'count')).toEqual({ kind: 'range', low: 150, high: 200 });
    expect(quantityIn('150-200 personnes', 'count')).toEqual({ kind: 'range', low: 150, high: 200 });
    expect(quantityIn('à 2 heures de train', 'distance')).toEqual({ kind: 'duration' });
    expect(quantityIn('5000 dollars', 'money')).toEqual({ kind: 'other-currency' });
    expect(quantityIn('-20', 'count')).toEqual({ kind: 'negative' });
  });
});

describe('dates', () => {
  it.each([
    ['le 15 juin prochain', '2027-06-15'],
    ['15 juin 27', '2027-06-15'],
    ['le 15 juin 2027 à Nantes', '2027-06-15'],
    ['dans deux semaines', '2026-12-15'],
    // chrono reads "from now", not "from today" (it takes "today" alone).
    ['a year from today', '2027-12-01'],
    ['dans deux ans', '2028-12-01'],
    ['next Tuesday', '2026-12-08'],
    ['on the 7th of October', '2027-10-07'],
    ['12/03/2027', '2027-03-12'],
  ])('reads %s as %s', (text, day) => {
    expect(dateIn(text, TODAY)).toEqual({ kind: 'day', day });
  });

  it('sees a weekday that contradicts the date, a month without a day and a day that does not exist', () => {
    expect(dateIn('samedi 15 juin', TODAY)).toEqual({
      kind: 'weekday-mismatch',
      day: '2027-06-15',
      candidates: ['2027-06-15', '2027-06-12', '2027-06-19'],
    });
    expect(dateIn('mi-juin', TODAY)).toEqual({ kind: 'vague', month: '2027-06' });
    expect(dateIn('early October', TODAY)).toEqual({ kind: 'vague', month: '2027-10' });
    expect(dateIn('en mai ou en juin', TODAY)).toEqual({ kind: 'vague' });
    expect(dateIn('au printemps', TODAY)).toEqual({ kind: 'vague' });
    expect(dateIn('le 31 juin 2027', TODAY)).toEqual({ kind: 'invalid' });
    expect(dateIn('le 15 ou le 16 juin 2027', TODAY)).toEqual({
      kind: 'several',
      candidates: ['2027-06-15', '2027-06-16'],
    });
  });

  it('resolves relative dates against the day it is where the person is', () => {
    // 23:30 in Paris on 1 December is already 2 December there: « demain » is the 3rd.
    expect(dateIn('demain', '2026-12-02')).toEqual({ kind: 'day', day: '2026-12-03' });
  });
});

describe('yes and no', () => {
  it.each([
    ['oui bien sûr', true, ''],
    ['oui oui', true, ''],
    ['tout à fait', true, ''],
    ["j'accepte", true, ''],
    ['yes I agree', true, ''],
    ['non pas encore', false, ''],
    ['oui, la Ville de Nantes', true, 'la Ville de Nantes'],
  ])('reads %s', (text, value, rest) => {
    expect(yesNoIn(text)).toEqual({ value, rest });
  });

  it('reads nothing in a contradiction or a hesitation', () => {
    expect(yesNoIn('oui non')).toBeUndefined();
    expect(yesNoIn('peut-être')).toBeUndefined();
    expect(plainYesNo('oui, la Ville de Nantes')).toBeUndefined();
    expect(plainYesNo('oui merci')).toBe(true);
    expect(yesNoIn('a priori oui')).toEqual({ value: true, rest: '' });
    expect(yesNoIn("I don't think so")).toEqual({ value: false, rest: '' });
  });
});

describe('choices by meaning', () => {
  it.each([
    ['une commune', 'local_authority'],
    ["c'est une collectivité", 'local_authority'],
    ['une collectivité étrangère', 'foreign'],
    ['asso loi 1901', 'association'],
    ["we're a nonprofit", 'association'],
    ['une assocation', 'association'],
    ['SCIC', 'cooperative'],
  ])('reads %s', (text, id) => {
    expect(choiceIn(text, KINDS)).toEqual({ kind: 'one', id });
  });

  it('returns close readings instead of picking one', () => {
    expect(choiceIn('association ou coopérative, on hésite', KINDS)).toEqual({
      kind: 'close',
      ids: ['association', 'cooperative'],
    });
  });

  it('reads several options and names the pieces it does not know, as typed', () => {
    expect(choicesIn("l'association et la coopérative", KINDS)).toEqual({
      kind: 'some',
      ids: ['association', 'cooperative'],
    });
    expect(choicesIn('association, Astrologie', KINDS)).toEqual({
      kind: 'unknown',
      pieces: ['Astrologie'],
      known: ['association'],
    });
    // A two-letter word in capitals is an acronym, not a filler.
    expect(choicesIn("association, et aussi l'IA", KINDS)).toEqual({
      kind: 'unknown',
      pieces: ["aussi l'IA"],
      known: ['association'],
    });
  });
});

describe('what a message is besides an answer', () => {
  it('tells "I do not know yet" from an answer', () => {
    for (const text of [
      'je ne sais pas encore',
      'aucune idée',
      'plus tard',
      'no idea yet',
      'pas encore défini',
      'je verrai',
      'TBD, I’ll come back to this later',
      'le budget n’est pas encore bouclé',
      'on attend encore la réponse de la mairie',
      'haven’t made up our minds yet',
      'no clue yet, the treasurer is working on it',
      'à définir',
      'on ne sait pas',
    ])
      expect(saysNotKnownYet(text, { stepWords: ['budget'] }), text).toBe(true);
    for (const text of ['Lyon', 'La Base, à confirmer', 'environ 200, à confirmer', 'Yes We Camp'])
      expect(saysNotKnownYet(text), text).toBe(false);
    // At a yes/no step a bare « pas encore » is a no.
    expect(saysNotKnownYet('non pas encore', { yesNo: true })).toBe(false);
    expect(saysNotKnownYet('aucune idée, je dois demander à ma collègue', { yesNo: true })).toBe(true);
    // Said with nothing else, unless more words are allowed.
    expect(saysNotKnownYet('hybride, à confirmer', { others: 0 })).toBe(false);
  });

  it('finds the corrected value and the step an edit names', () => {
    expect(correctionIn("non attendez, c'est 180")).toBe('180');
    expect(correctionIn('en fait plutôt 180 personnes')).toBe('180 personnes');
    expect(correctionIn('sorry, I meant 180')).toBe('180');
    expect(correctionIn('Lyon')).toBeUndefined();
    expect(editRequestIn('modifier la date')).toBe('la date');
    expect(editRequestIn('je voudrais changer le format')).toBe('le format');
    expect(editRequestIn("I'd like to edit the themes")).toBe('the themes');
    expect(editRequestIn('Lyon')).toBeUndefined();
    // The words as typed, with what follows the step's name (its new value).
    expect(editRequestIn('je me suis trompé de date, c’est le 24 mars 2027')).toBe(
      'date, c’est le 24 mars 2027',
    );
    expect(editRequestIn('je reviens sur les Thèmes')).toBe('les Thèmes');
    expect(correctionSaidLast('la capacité c’est 350 en fait')).toBe('la capacité c’est 350');
    expect(correctionSaidLast('Lyon')).toBeUndefined();
    expect(isPuzzled('je ne comprends pas la question')).toBe(true);
    expect(isPuzzled('hein ?')).toBe(true);
    expect(isPuzzled('Lyon')).toBe(false);
  });

  it('tells a question about the step from another question', () => {
    expect(questionTopic('what themes can we pick?', ['themes'])).toBe('step');
    expect(questionTopic('pourquoi vous demandez ça ?', [])).toBe('step');
    expect(questionTopic('que faut-il mettre ici ?', ['partenaires'])).toBe('step');
    expect(questionTopic('quand a lieu le NEC national ?', ['participants'])).toBe('elsewhere');
    expect(questionTopic("c'est quoi le montant max de la subvention ?", ['partenaires'])).toBe('elsewhere');
    expect(questionTopic('il faut mettre la date de début ?', ['date', 'evenement'])).toBe('step');
    expect(questionTopic('on mesure depuis le siège ou notre antenne locale ?', ['siege', 'distance'])).toBe(
      'both',
    );
    expect(isFramedQuestion('online or hybrid?')).toBe(false);
    expect(isFramedQuestion('c’est quoi la différence ?')).toBe(true);
  });

  it('tells a bare yes, a thank-you or a filler from a free-text answer', () => {
    for (const text of ['oui bien sûr', 'ok merci', 'non', 'yes sure', '👍', 'euh ok'])
      expect(saysNothing(text), text).toBe(true);
    for (const text of ['aucun', 'non, aucun pour le moment', 'Bon Coin', '2027', 'جمعية الأمل'])
      expect(saysNothing(text), text).toBe(false);
  });
});
