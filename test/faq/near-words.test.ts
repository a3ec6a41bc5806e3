import { describe, expect, it } from 'vitest';
import { NearWords } from '../../src/faq/near-words.ts';

describe('NearWords', () => {
  const known = new NearWords([
    'interconnectes',
    'telephone',
    'mail',
    'contact',
    'contrat',
    'candidature',
    'can',
  ]);

  it('finds the known words one typo off, first letter kept or the first two swapped', () => {
    expect(known.typos('interconectes')).toEqual(['interconnectes']);
    expect(known.typos('telephnoe')).toEqual(['telephone']);
    expect(known.typos('amil')).toEqual(['mail']);
    expect(known.typos('contacr')).toEqual(['contact']);
    expect(known.typos('ontact')).toEqual([]);
  });

  it('allows two edits when asked, never the word itself', () => {
    expect(known.typos('interconectess', 2)).toEqual(['interconnectes']);
    expect(known.typos('contact')).toEqual([]);
  });

  it('lists the known words a prefix starts', () => {
    expect(known.startingWith('cand')).toEqual(['candidature']);
    expect(known.startingWith('con').sort()).toEqual(['contact', 'contrat']);
    expect(known.startingWith('can')).toEqual(['candidature']);
  });
});
