import { describe, expect, it } from 'vitest';
import {
  type Option,
  parseBoolean,
  parseChoice,
  parseChoices,
  parseText,
} from '../../../dialogs/parsers/choices.ts';

const themes: Option[] = [
  { id: 'digital_inclusion', label: { fr: 'inclusion numérique', en: 'digital inclusion' } },
  { id: 'accessibility', label: { fr: 'accessibilité numérique', en: 'digital accessibility' } },
  {
    id: 'open_source_data',
    label: { fr: 'logiciels libres et données ouvertes', en: 'open source and open data' },
  },
  { id: 'other', label: { fr: 'autre thème', en: 'another theme' }, keywords: ['autre'] },
];

describe('yes/no', () => {
  it.each([
    ['oui', true],
    ['o', true],
    ['Yes', true],
    ['y', true],
    ['yes', true],
    ['non', false],
    ['No.', false],
    ['n', false],
  ])('reads %s', (text, value) => {
    expect(parseBoolean(text)).toMatchObject({ ok: true, value });
  });

  it('refuses anything else, asking for yes or no', () => {
    const result = parseBoolean('blablabla');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fr).toContain('« oui » ou « non »');
  });

  it('asks again with both buttons when the answer hesitates between them', () => {
    for (const text of ['peut-être', 'oui et non', 'maybe'])
      expect(parseBoolean(text), text).toMatchObject({
        ok: false,
        clarify: { options: [{ id: 'yes' }, { id: 'no' }] },
      });
  });

  it('reads yes or no at the start of a sentence, and keeps what follows', () => {
    expect(parseBoolean('oui, la Ville de Nantes')).toMatchObject({
      ok: true,
      value: true,
      rest: 'la Ville de Nantes',
    });
    expect(parseBoolean('non pas encore')).toMatchObject({ ok: true, value: false });
  });
});

describe('choices', () => {
  it('reads one option by number, id, label in either language or distinctive start', () => {
    expect(parseChoice('2', themes)).toMatchObject({ value: 'accessibility' });
    expect(parseChoice('accessibility', themes)).toMatchObject({ value: 'accessibility' });
    expect(parseChoice('Accessibilité numérique', themes)).toMatchObject({ value: 'accessibility' });
    expect(parseChoice('digital accessibility', themes)).toMatchObject({ value: 'accessibility' });
    expect(parseChoice('accessib', themes)).toMatchObject({ value: 'accessibility' });
  });

  it('reads several options: numbers, names, ids joined by commas', () => {
    expect(parseChoices('1, 3', themes)).toMatchObject({ value: ['digital_inclusion', 'open_source_data'] });
    expect(parseChoices('1 et 2', themes)).toMatchObject({ value: ['digital_inclusion', 'accessibility'] });
    expect(parseChoices('inclusion numérique, autre', themes)).toMatchObject({
      value: ['digital_inclusion', 'other'],
    });
    expect(parseChoices('digital_inclusion,accessibility', themes)).toMatchObject({
      value: ['digital_inclusion', 'accessibility'],
    });
  });

  it('reads words naming no option, beside named ones, as « autre » with those words', () => {
    expect(parseChoices('1, astrologie', themes)).toMatchObject({
      ok: true,
      value: [themes[0]?.id, 'other'],
      rest: 'astrologie',
    });
  });

  it('names what it does not recognise and lists the options', () => {
    const result = parseChoices('astrologie', themes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.fr).toContain('astrologie');
      expect(result.error.fr).toContain('1. inclusion numérique');
    }
    expect(parseChoice('9', themes).ok).toBe(false);
  });

  it('takes free text as typed, refusing what cannot be read', () => {
    expect(parseText('  Médiathèque de Lyon ')).toMatchObject({ ok: true, value: 'Médiathèque de Lyon' });
    expect(parseText('').ok).toBe(false);
    expect(parseText('x'.repeat(2001)).ok).toBe(false);
  });
});
