/**
 * Session 9's readings in the understanding layer: what makes a value said in a sentence too weak to store — a
 * condition put on it, a belief said in the first person — read by the form of the clause, not by its values.
 */
import { describe, expect, it } from 'vitest';
import { putsACondition } from '../../src/understanding/conditions.ts';
import { doubtsItsValue } from '../../src/understanding/unsure.ts';

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
    for (const text of ['un CCAS, donc établissement public je suppose', 'un peu des deux je crois', 'I reckon 80'])
      expect(doubtsItsValue(text), text).toBe(true);
    expect(doubtsItsValue('on attend 80 personnes')).toBe(false);
  });
});
