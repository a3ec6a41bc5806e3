import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/faq/terms.ts';

describe('FAQ search terms', () => {
  it('folds French and English words for one concept to the same term', () => {
    expect(searchTerms('subvention')).toEqual(searchTerms('grant'));
    expect(searchTerms('financement')).toEqual(searchTerms('funding'));
    expect(searchTerms('inscription')).toEqual(searchTerms('register'));
    expect(searchTerms('ministère')).toEqual(searchTerms('ministry'));
    expect(searchTerms('thématiques')).toEqual(searchTerms('topics'));
    expect(searchTerms('focus')).toEqual(searchTerms('thème'));
    expect(searchTerms('courriel')).toEqual(searchTerms('e-mail'));
  });

  it('folds the words of synonyms.yaml by stem, so a group need not list inflections', () => {
    expect(searchTerms('trademark')).toEqual(searchTerms('marque'));
    expect(searchTerms('trademarks')).toEqual(searchTerms('marques'));
    expect(searchTerms('visio')).toEqual(searchTerms('online'));
    expect(searchTerms('refunds')).toEqual(searchTerms('défraiement'));
    // A word whose stem is another's is left out of a group: « local » is no venue, « format » no training.
    expect(searchTerms('local')).not.toEqual(searchTerms('venue'));
    expect(searchTerms('format')).not.toEqual(searchTerms('training'));
  });

  it('drops elided function words and the question words around the topic', () => {
    expect(searchTerms("jusqu'à quand l'appel est-il ouvert")).toEqual(searchTerms('quand appel ouvert'));
    expect(searchTerms('what is the grant?')).toEqual(searchTerms('grant'));
  });

  it('meets inflected verb forms and feminine plurals', () => {
    expect(searchTerms('organisez')).toEqual(searchTerms('organiser'));
    expect(searchTerms('financées')).toEqual(searchTerms('financé'));
  });
});
