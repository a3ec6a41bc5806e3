import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/faq/terms.ts';

describe('FAQ search terms', () => {
  it('folds French and English words for one concept to the same term', () => {
    expect(searchTerms('subvention')).toEqual(searchTerms('grant'));
    expect(searchTerms('financement')).toEqual(searchTerms('funding'));
    expect(searchTerms('inscription')).toEqual(searchTerms('register'));
    expect(searchTerms('ministère')).toEqual(searchTerms('ministry'));
    expect(searchTerms('thématiques')).toEqual(searchTerms('topics'));
    expect(searchTerms('courriel')).toEqual(searchTerms('e-mail'));
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
