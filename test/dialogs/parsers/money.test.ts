import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../dialogs/parsers/money.ts';

describe('parseMoney', () => {
  it.each([
    ['12 000 €', 12000],
    ['12000 €', 12000],
    ['12000€', 12000],
    ['12 000€', 12000],
    ['12\u202f000 €', 12000],
    ['12k€', 12000],
    ['12 k€', 12000],
    ['12K', 12000],
    ['12 ke', 12000],
    ['1,5 k€', 1500],
    ['1.5k', 1500],
    ['12,000 EUR', 12000],
    ['EUR 12,000', 12000],
    ['€12,000', 12000],
    ['€ 8 500', 8500],
    ['12 000,50 €', 12000.5],
    ['12.000,50 €', 12000.5],
    ['12,000.50 EUR', 12000.5],
    ['12 000.50', 12000.5],
    ['12 000 euros', 12000],
    ['12000 euro', 12000],
    ['10 000 € TTC', 10000],
    ['9 600 € HT', 9600],
    ['environ 15 000 €', 15000],
    ['about €3,000', 3000],
    ['1,2 M€', 1200000],
    ['2 millions', 2000000],
    ['0', 0],
    ['0 €', 0],
    ['450,99 €', 450.99],
    ['12 000 €.', 12000],
    ['douze mille euros', 12000],
    ['ten thousand', 10000],
    ['vingt mille euros', 20000],
    ['le budget total est de 18 500 euros', 18500],
    ['rien', 0],
  ])('reads %s as %d', (text, value) => {
    expect(parseMoney(text)).toMatchObject({ ok: true, value });
  });

  it('echoes the amount in each language’s way', () => {
    const result = parseMoney('12 000,50 €');
    expect(result.ok && result.echo.fr.replace(/\s/g, ' ')).toBe('12 000,50 €');
    expect(result.ok && result.echo.en).toBe('€12,000.50');
  });

  it.each([
    ['$12,000', 'euros uniquement'],
    ['12 000 USD', 'euros uniquement'],
    ['£500', 'euros uniquement'],
    ['-500 €', 'négatif'],
    ['99 999 999 999 €', 'trop grand'],
    ['beaucoup', 'montant en euros'],
    ['12,3456 €', 'montant en euros'],
    ['1.2.3 €', 'montant en euros'],
    ['€', 'montant en euros'],
    ['', 'aucune réponse'],
    ['1'.repeat(2001), 'trop longue'],
    ['12\u0000000', 'invisibles'],
  ])('refuses %s, repeating what is expected', (text, reason) => {
    const result = parseMoney(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fr).toContain(reason);
    }
  });
});
