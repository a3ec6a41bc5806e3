import { readFileSync } from 'node:fs';
import { eld } from 'eld/small';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildLanguageModel, LANGUAGE_MODEL_FILE } from '../../scripts/language-model.ts';
import { detector } from '../../src/core/language-model.ts';

describe('the French and English language model', () => {
  it('is eld’s installed small model cut to French and English (rerun scripts/language-model.ts if not)', async () => {
    const committed = JSON.parse(readFileSync(LANGUAGE_MODEL_FILE, 'utf8'));
    expect(committed).toEqual(await buildLanguageModel());
  });

  it('detects exactly what eld’s whole model limited to French and English does', () => {
    eld.setLanguageSubset(['fr', 'en']);
    const { questions } = parse(
      readFileSync(new URL('../../eval/faq-questions.yaml', import.meta.url), 'utf8'),
    );
    const texts = [...questions.map((q: { q: string }) => q.q), 'ok', '2025', 'Guten Tag', 'привет', ''];
    const read = (d: typeof detector, text: string) => {
      const result = d.detect(text);
      return { language: result.language, scores: result.getScores(), reliable: result.isReliable() };
    };
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) expect(read(detector, text), text).toEqual(read(eld, text));
  });
});
