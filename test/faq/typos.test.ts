import { describe, expect, it } from 'vitest';
import { withinOneTypo } from '../../src/faq/typos.ts';

describe('withinOneTypo', () => {
  it('forgives one letter added, dropped or changed', () => {
    expect(withinOneTypo('interconectes', 'interconnectes')).toBe(true);
    expect(withinOneTypo('telephnoe', 'telephone')).toBe(true);
    expect(withinOneTypo('contacr', 'contact')).toBe(true);
  });

  it('counts two neighbouring letters swapped as one typo', () => {
    expect(withinOneTypo('mial', 'mail')).toBe(true);
    expect(withinOneTypo('dealdine', 'deadline')).toBe(true);
  });

  it('refuses two typos, and a swap of letters that are not neighbours', () => {
    expect(withinOneTypo('mlia', 'mail')).toBe(false);
    expect(withinOneTypo('contrat', 'contact')).toBe(false);
    expect(withinOneTypo('liam', 'mail')).toBe(false);
  });

  it('keeps the first letter: a word differing there is another word', () => {
    expect(withinOneTypo('doute', 'coute')).toBe(false);
    expect(withinOneTypo('louvre', 'ouvre')).toBe(false);
    expect(withinOneTypo('amil', 'mail')).toBe(true);
  });
});
