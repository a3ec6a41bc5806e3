import { describe, expect, it } from 'vitest';
import { parseCount, readDecimal } from '../../../dialogs/parsers/numbers.ts';

describe('parseCount', () => {
  it.each([
    ['150', 150],
    ['149', 149],
    ['0', 0],
    ['150 personnes', 150],
    ['150 personnes.', 150],
    ['150 participants', 150],
    ['150 participant·e·s'.replace('·e·', 'e'), 150],
    ['150 people', 150],
    ['150 attendees', 150],
    ['about 200', 200],
    ['around 200 people', 200],
    ['approximately 180', 180],
    ['roughly 90', 90],
    ['environ 200', 200],
    ['environ 200 personnes', 200],
    ['à peu près 120', 120],
    ['près de 300', 300],
    ['~150', 150],
    ['1 200', 1200],
    ['1\u202f200', 1200],
    ['1\u00a0200 personnes', 1200],
    ['1,200', 1200],
    ['1.200', 1200],
    ['12 000', 12000],
    ['  175  ', 175],
    ['150 inscrits', 150],
    ['200 places', 200],
  ])('reads %s as %d', (text, value) => {
    expect(parseCount(text)).toMatchObject({ ok: true, value });
  });

  it('echoes the number with the language’s grouping', () => {
    const result = parseCount('1200');
    expect(result.ok && result.echo.en).toBe('1,200');
  });

  it.each([
    ['cent cinquante', 150],
    ['a hundred and fifty', 150],
    ['deux cents personnes', 200],
    ['on attend 200 personnes', 200],
    ['une centaine', 100],
    ['la salle fait 250 places', 250],
  ])('reads %s (words, a sentence) as %d', (text, value) => {
    expect(parseCount(text)).toMatchObject({ ok: true, value });
  });

  it.each(['150-200', '150 à 200', 'entre 150 et 200'])('asks which bound to keep for %s', (text) => {
    const result = parseCount(text);
    expect(result).toMatchObject({ ok: false, clarify: { options: [{ id: '150' }, { id: '200' }] } });
    if (!result.ok) expect(result.error.fr).toContain('Le plus prudent est 150');
  });

  it.each([
    ['-5', 'négatif'],
    ['150,5', 'entier'],
    ['12.75', 'entier'],
    ['beaucoup', 'nombre entier'],
    ['je ne sais pas', 'nombre entier'],
    ['', 'aucune réponse'],
    ['1'.repeat(2001), 'trop longue'],
    ['15\u00000', 'invisibles'],
  ])('refuses %s kindly', (text, reason) => {
    const result = parseCount(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fr).toContain(reason);
  });

  it('applies bounds and says them', () => {
    const result = parseCount('0', { min: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.en).toContain('at least 1');
  });

  it('accepts decimals where asked (a distance)', () => {
    expect(parseCount('20,5 km', { decimals: true })).toMatchObject({ ok: true, value: 20.5 });
    expect(parseCount('21 km', { decimals: true })).toMatchObject({ ok: true, value: 21 });
  });
});

describe('readDecimal', () => {
  it.each([
    ['12 000,50', 12000.5],
    ['12.000,50', 12000.5],
    ['12,000.50', 12000.5],
    ['1,234,567', 1234567],
    ['12,5', 12.5],
  ])('reads %s as %d', (text, value) => {
    expect(readDecimal(text)).toBe(value);
  });

  it.each(['1.2.3', '1 2', '12,345,6', '1,2.3', 'abc'])('does not guess at %s', (text) => {
    expect(readDecimal(text)).toBeUndefined();
  });
});
