/** Deferrals explained at length, status questions, and quantities said alone (the understanding layer alone). */
import { describe, expect, it } from 'vitest';
import { editRequestIn } from '../../src/understanding/edit-requests.ts';
import { saysNotKnownYet } from '../../src/understanding/not-yet.ts';
import { asksProgress } from '../../src/understanding/progress-asked.ts';
import { quantityOnly } from '../../src/understanding/quantities.ts';

describe('a deferral that opens or closes a message frames it, however long the reason', () => {
  for (const text of [
    'je dois vérifier avec le bureau qui porte officiellement le projet',
    'can we leave this one for now? I’ll write it with my colleague',
    'jsp encore, on en discute jeudi en réunion',
    'je préfère ne pas les citer pour l’instant, rien n’est signé',
    'on a fait la demande à la région, on attend leur retour',
    'we’ve asked the council but haven’t heard back',
    'I need to check with my director before committing',
  ])
    it(`« ${text} »`, () => expect(saysNotKnownYet(text, { others: 0 })).toBe(true));

  for (const text of [
    'association, à confirmer',
    'des ateliers et une conférence, on en discute encore',
    'La Base, on attend leur retour',
  ])
    it(`but « ${text} » answers`, () => expect(saysNotKnownYet(text, { others: 0 })).toBe(false));
});

describe('status questions', () => {
  it('in French, with or without accents, and in English', () => {
    for (const text of [
      'on en est où ?',
      'on en est ou',
      'où en est-on ?',
      'il reste combien de questions ?',
      'where are we?',
    ])
      expect(asksProgress(text), text).toBe(true);
    expect(asksProgress('où en est le NEC ESS ?')).toBe(false);
  });
});

describe('edits in more words', () => {
  it('reads « modif », « il faut que je change », « je me suis planté sur », "my answer about"', () => {
    expect(editRequestIn('modif le nom de la structure')).toBe('le nom de la structure');
    expect(editRequestIn('il faut que je change le nombre de participants')).toBe(
      'le nombre de participants',
    );
    expect(editRequestIn('je me suis planté sur la date')).toBe('la date');
    expect(editRequestIn('need to change the event date')).toBe('the event date');
    expect(editRequestIn('I want to change my answer about first participation')).toBe('first participation');
  });
});

describe('a quantity said alone', () => {
  it('is measured by its unit, or bare; a description is not a quantity', () => {
    expect(quantityOnly('on attend 200 personnes')).toBe('count');
    expect(quantityOnly('vingt mille euros')).toBe('money');
    expect(quantityOnly('à 300 km')).toBe('distance');
    expect(quantityOnly('c’est 180')).toBe('bare');
    expect(quantityOnly('2 ateliers et une conférence')).toBeUndefined();
    expect(quantityOnly('Les 3 Mousquetaires')).toBeUndefined();
  });
});
