/** The talk around an answer and the thing a value is said of, read on their own (no dialog). */
import { describe, expect, it } from 'vitest';
import { aroundTheAnswer, talkKind } from '../../src/understanding/around-the-answer.ts';
import { saidOfAnotherThing } from '../../src/understanding/said-of.ts';
import { putOffForNow } from '../../src/understanding/unsure.ts';

describe('talk around an answer', () => {
  it.each([
    ['désolé je suis sur mon téléphone dans le train', 'polite'],
    ['I’m at the doctor’s', 'situation'],
    ['@Julien tu peux regarder ça stp', 'addressed'],
    ['Karine tu peux me rappeler le nom exact ?', 'addressed'],
    ['the connection here is awful', 'remark'],
    ['c’est compliqué à expliquer en deux lignes', 'remark'],
    ['hard to say at this point', 'unsure'],
    ['je finis ce soir', 'later'],
    ['let me ask my colleague', 'later'],
  ])('« %s » is talk (%s)', (clause, kind) => {
    expect(talkKind(clause)).toBe(kind);
  });

  it.each([
    'Former 30 aidants numériques dans les maisons France services',
    'des ateliers pour apprendre à utiliser son téléphone',
    'aider à remplir les formulaires en ligne',
    'je voudrais rapprocher les habitants du numérique',
    'I’d love to get the whole valley online',
    'je ne sais pas encore',
    'je dois mettre quoi exactement là',
  ])('« %s » is no talk', (clause) => {
    expect(talkKind(clause)).toBeUndefined();
  });

  it('peels talk off the ends only, and keeps the commas inside the answer', () => {
    expect(aroundTheAnswer('désolée, alors : la médiathèque, Emmaüs Connect et le CCAS')).toEqual({
      talk: ['polite', 'polite'],
      rest: 'la médiathèque, Emmaüs Connect et le CCAS',
    });
    expect(aroundTheAnswer('sorry for the delay! it’ll be Thursday 22 April 2027').rest).toBe(
      'it’ll be Thursday 22 April 2027',
    );
  });

  it('never peels a clause holding the answer, nor a bare « pardon » before a value (a correction)', () => {
    expect(aroundTheAnswer('ok', (c) => c === 'ok')).toEqual({ talk: [], rest: 'ok' });
    expect(aroundTheAnswer('pardon, c’est 180').rest).toBe('pardon, c’est 180');
  });

  it('reads a question whole', () => {
    expect(aroundTheAnswer('coucou, vous êtes là ?')).toEqual({ talk: [], rest: 'coucou, vous êtes là ?' });
  });
});

describe('what a value is said of', () => {
  it.each([
    ['la location de la salle coûte 800 €', ['budget', 'total']],
    ['notre AG a lieu le 12 janvier', ['date']],
  ])('« %s » is said of another thing', (text, words) => {
    expect(saidOfAnotherThing(text, words)).toBeDefined();
  });

  it.each([
    ['le budget total est de 18 500 euros', ['budget', 'total']],
    ['en tout on arrive à 14 000 €', ['budget']],
    ['le jeudi 10 juin 2027', ['date']],
    ['ce sera le 5 juin 2027 à la salle des fêtes', ['date']],
    ['à peu près 350 km', ['distance']],
  ])('« %s » may be the step’s', (text, words) => {
    expect(saidOfAnotherThing(text, words, text.includes('km'))).toBeUndefined();
  });

  it('a distance between two other things is not ours; one from us or to a named place is', () => {
    expect(saidOfAnotherThing('the venue is 2 km from the station', ['venue'], true)).toBeDefined();
    expect(saidOfAnotherThing('la gare est à 3 km de chez nous', [], true)).toBeDefined();
    expect(saidOfAnotherThing('about 320 km from our office', [], true)).toBeUndefined();
    expect(saidOfAnotherThing('à 65 km de Bruxelles', [], true)).toBeUndefined();
  });
});

describe('a no put off', () => {
  it('to a commitment, « no for now » with a reason is put off; a bare « pas encore » is not', () => {
    expect(putOffForNow('I haven’t read it yet, so no for now', true)).toBe(true);
    expect(putOffForNow('pas encore', true)).toBe(false);
  });

  it('to a fact, only what is awaited puts it off', () => {
    expect(putOffForNow('pas encore, on attend la réponse de Dakar', false)).toBe(true);
    expect(putOffForNow('no, none so far', false)).toBe(false);
  });
});
