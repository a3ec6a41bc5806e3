/**
 * Session 9's readings in the understanding layer: what makes a value said in a sentence too weak to store — a
 * condition put on it, a belief said in the first person, a figure of a past time, a hesitation between options,
 * a « pas encore » of the form only — read by the form of the clause, not by its values; and a month and its day
 * said in two clauses.
 */
import { describe, expect, it } from 'vitest';
import { putsACondition } from '../../src/understanding/conditions.ts';
import { dateIn } from '../../src/understanding/dates.ts';
import { speaksOfThePastOnly } from '../../src/understanding/past-time.ts';
import { otherThingCounted, quantityIn } from '../../src/understanding/quantities.ts';
import { readsAsQuestion } from '../../src/understanding/questions.ts';
import { doubtsItsValue, hesitatesBetween, notYetFormally } from '../../src/understanding/unsure.ts';
import { contentWords } from '../../src/understanding/words.ts';
import { yesNoAnswer } from '../../src/understanding/yes-no.ts';

describe('a value said under a condition', () => {
  it('is read in French and English, before or after the value', () => {
    for (const text of [
      'si on a la fibre d’ici là, hybride',
      'si la mairie valide en conseil, oui',
      'si on a le label, 5 000 €',
      's’il reste de la place, 200',
      '5 000 € à condition d’avoir le label',
      'hybrid if the wifi holds up',
      'yes if the council votes it through in February',
      'a local authority, unless the council says no',
      '200, depending on the weather',
      'sauf si la salle est prise, le 12 mai',
    ])
      expect(putsACondition(text), text).toBe(true);
  });

  it('is not the politeness or the concession that borrow its words', () => {
    for (const text of [
      'le 12 mai s’il vous plaît',
      'le 12 mai si possible',
      'oui, même si c’est juste un prêt de salle',
      'we’d go for Saturday 2 October 2027 if that works',
      'we’ll be about 90 people, if that helps',
      'si, la région nous soutient',
      'yes even if it is small',
      'what if the event runs over several days?',
      'on est aussi une asso',
    ])
      expect(putsACondition(text), text).toBe(false);
  });
});

describe('a belief said in the first person', () => {
  it('holds back the value beside it', () => {
    for (const text of [
      'un CCAS, donc établissement public je suppose',
      'un peu des deux je crois',
      'I reckon 80',
    ])
      expect(doubtsItsValue(text), text).toBe(true);
    expect(doubtsItsValue('on attend 80 personnes')).toBe(false);
    expect(doubtsItsValue('la salle est libre le 12 juin 2027, on attend la confirmation')).toBe(true);
    expect(doubtsItsValue('the 12th, still waiting for approval')).toBe(true);
  });
});

describe('a figure of a past time', () => {
  it('is not this one', () => {
    expect(quantityIn('no clue, last year we had 60', 'count').kind).toBe('past');
    expect(quantityIn('l’an dernier on était 90', 'count').kind).toBe('past');
    expect(quantityIn('on était 90 l’an dernier, on vise 150 cette fois', 'count')).toEqual({
      kind: 'value',
      value: 150,
    });
  });
});

describe('weak yes, no or choice', () => {
  it('a hesitation between options names candidates, not the answer', () => {
    expect(hesitatesBetween('on hésite entre accessibilité et inclusion')).toBe(true);
    expect(hesitatesBetween('we’re torn between Paris and Brussels')).toBe(true);
    expect(hesitatesBetween('accessibilité et inclusion')).toBe(false);
  });

  it('« pas encore officiellement » is under way; « pas encore » alone is not', () => {
    expect(notYetFormally('pas encore officiellement, on a une lettre d’intention')).toBe(true);
    expect(notYetFormally('not signed yet')).toBe(false);
    expect(notYetFormally('not yet signed')).toBe(true);
    expect(notYetFormally('non pas encore')).toBe(false);
  });

  it('“kind of”, « plus ou moins », “might” are hedges', () => {
    expect(yesNoAnswer('kind of? the mayor likes the idea')).toBe('unsure');
    expect(yesNoAnswer('the region said no but the city might say yes')).toBe('unsure');
    expect(yesNoAnswer('plus ou moins')).toBe('unsure');
  });

  it('“whichever”, “whatever”, “however” open no question', () => {
    expect(readsAsQuestion('whichever is cheaper I guess')).toBe(false);
    expect(readsAsQuestion('whatever suits the partners')).toBe(false);
    expect(readsAsQuestion('which one is cheaper')).toBe(true);
    expect(readsAsQuestion('would 5000 be too much')).toBe(true);
  });

  it('an ordinal in figures is its word', () => {
    expect(contentWords('pas notre 1ère participation')).toEqual(['pas', 'premiere', 'participation']);
  });
});

describe('a month and its day in two clauses', () => {
  it('are joined (« en avril, le 8 », « ce sera en mai, le samedi 15 »)', () => {
    expect(dateIn('en avril, le 8 je crois', '2026-12-01')).toEqual({ kind: 'day', day: '2027-04-08' });
    expect(dateIn('ce sera en mai, le samedi 15', '2026-12-01')).toEqual({ kind: 'day', day: '2027-05-15' });
    expect(dateIn('en mai, le samedi 14', '2026-12-01').kind).toBe('weekday-mismatch');
    expect(dateIn('le 3 ou le 4 juin, on attend la salle', '2026-12-01').kind).toBe('several');
  });
});

describe('what a sentence says of a past time', () => {
  it('is dated in every clause, or not', () => {
    expect(speaksOfThePastOnly('l’an dernier c’était en ligne')).toBe(true);
    expect(speaksOfThePastOnly('la mairie nous avait dit non l’an dernier')).toBe(true);
    expect(speaksOfThePastOnly('l’an dernier en ligne, cette année en hybride')).toBe(false);
    expect(speaksOfThePastOnly('en ligne')).toBe(false);
  });
});

describe('what a count is of', () => {
  it('is another thing when a noun other than people or seats follows the number', () => {
    expect(otherThingCounted('on a 40 bénévoles')).toBe('benevoles');
    for (const text of ['200 personnes', '150', '200 environ', '150 max', '350ish', '300 participants'])
      expect(otherThingCounted(text), text).toBeUndefined();
  });
});
