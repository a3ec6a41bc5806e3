/**
 * Session 8's readings in the understanding layer: a word of its own is never a typo of an option's name, a
 * list's items said with a doubt are told from those said for sure, and a day alone is read in a month said before.
 */
import { describe, expect, it } from 'vitest';
import { choicesIn } from '../../src/understanding/choices.ts';
import { dateIn, inMonth } from '../../src/understanding/dates.ts';
import { sureAndDoubted } from '../../src/understanding/unsure.ts';
import { wordMatch } from '../../src/understanding/words.ts';

describe('words of their own', () => {
  it('never reads a common word, a hedge or a counted thing as a typo or a truncation', () => {
    for (const [typed, known] of [
      ['environ', 'environnement'],
      ['mille', 'ville'],
      ['information', 'formation'],
      ['droite', 'droits'],
      ['outre', 'autre'],
    ])
      expect(wordMatch(typed as string, known as string)).toBeUndefined();
  });

  it('still forgives typos, truncations, plurals and shared stems', () => {
    expect(wordMatch('assocation', 'association')).toBe('near');
    expect(wordMatch('accessib', 'accessibilite')).toBe('near');
    expect(wordMatch('inclusif', 'inclusion')).toBe('near');
    expect(wordMatch('lieux', 'lieu')).toBe('near');
  });

  it('« environ 120 personnes » names no theme', () => {
    const options = [
      {
        id: 'eco',
        label: { fr: 'transition écologique', en: 'ecological transition' },
        keywords: ['environnement'],
      },
    ];
    expect(choicesIn('on attend environ 120 personnes', options).kind).not.toBe('some');
  });
});

describe('items said for sure and with a doubt', () => {
  it('leaves a hedge clause out and tells the doubted items apart', () => {
    expect(sureAndDoubted('je sais pas trop, inclusion numérique et peut-être open data')).toEqual({
      sure: 'inclusion numérique',
      doubted: 'open data',
    });
    expect(sureAndDoubted('accessibility, and maybe cybersecurity')).toEqual({
      sure: 'accessibility',
      doubted: 'cybersecurity',
    });
    expect(sureAndDoubted('not sure, digital inclusion')).toEqual({ sure: 'digital inclusion', doubted: '' });
  });

  it('says nothing of a message with no doubt, or only a hedge', () => {
    expect(sureAndDoubted('inclusion numérique et open data')).toBeUndefined();
    expect(sureAndDoubted('peut-être open data')).toEqual({ sure: '', doubted: 'open data' });
    expect(sureAndDoubted('je sais pas trop')).toBeUndefined();
  });
});

describe('a day in a month said before', () => {
  it('reads « le 23 », « mardi 23 », "the 23rd" in that month, and leaves a whole date or two days as they are', () => {
    for (const said of ['le 23', 'mardi 23', 'the 23rd', '23'])
      expect(dateIn(inMonth(said, '2027-03'), '2026-12-01')).toEqual({ kind: 'day', day: '2027-03-23' });
    expect(inMonth('le 8 avril', '2027-03')).toBe('le 8 avril');
    expect(inMonth('le 23 ou le 24', '2027-03')).toBe('le 23 ou le 24');
  });

  it('gives the month a vague date names, in its next occurrence unless a year is said', () => {
    expect(dateIn('à Brest en mars', '2026-12-01')).toEqual({ kind: 'vague', month: '2027-03' });
    expect(dateIn('in March 2028', '2026-12-01')).toEqual({ kind: 'vague', month: '2028-03' });
    expect(dateIn('we may do it in June', '2026-12-01')).toEqual({ kind: 'vague', month: '2027-06' });
  });
});
