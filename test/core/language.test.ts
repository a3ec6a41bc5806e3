import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/core/i18n.ts';
import { resolveLanguage } from '../../src/core/language.ts';

describe('language detection', () => {
  it('reads an English question holding French proper names as English', () => {
    expect(detectLanguage('who runs the Territoire Numérique Libre award?')).toBe('en');
    expect(detectLanguage('what is the Numérique Inclusif et Responsable call')).toBe('en');
    expect(detectLanguage('who created the Interconnectés network')).toBe('en');
  });

  it('reads French questions without accents or function words as French', () => {
    expect(detectLanguage('defraiement nec ess conditions')).toBe('fr');
    expect(detectLanguage('chiffres cles interconnectes')).toBe('fr');
    expect(detectLanguage('quand est-ce qu’on touche l’argent')).toBe('fr');
  });

  it('lets the function words decide when the n-gram detector hesitates (a command with an id)', () => {
    expect(detectLanguage('candidater local-nec')).toBe('fr');
  });

  it('gives no language for a text with no sign of one', () => {
    expect(detectLanguage('2025')).toBeUndefined();
    expect(detectLanguage('🙂')).toBeUndefined();
  });

  it('answers a new person in the language of their first question', () => {
    expect(
      resolveLanguage({}, 'who runs the Territoire Numérique Libre award?', undefined, undefined, 'fr'),
    ).toBe('en');
    expect(resolveLanguage({}, 'selection criteria?', undefined, undefined, 'fr')).toBe('en');
  });
});
