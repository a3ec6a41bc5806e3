/**
 * Writes `src/core/language-model.json`: eld's "small" n-gram model (Apache-2.0, © Nito T.M.) cut down to the
 * two languages the bot detects, French and English. The detector limited to that subset never reads the other
 * 58 languages' scores, so the cut model gives the same results (`test/core/language-model.test.ts` checks both
 * that and that this file matches the installed eld); loading the whole model cost 130 MB of resident memory
 * for 6,651 of its 81,206 n-grams. Run `node scripts/language-model.ts` after upgrading eld.
 */
import { writeFileSync } from 'node:fs';
import type { NgramModel } from '../src/core/language-model.ts';

export const LANGUAGE_MODEL_FILE = new URL('../src/core/language-model.json', import.meta.url);

const KEPT = ['fr', 'en'];

/** eld's small model with only the French and English entries of each n-gram (language ids unchanged). */
export async function buildLanguageModel(): Promise<NgramModel> {
  // eld exports no path to its model file; it sits beside the entry point.
  const { ngramsData } = (await import(new URL('../ngrams/small.js', import.meta.resolve('eld')).href)) as {
    ngramsData: NgramModel;
  };
  const ids = new Set(
    Object.entries(ngramsData.languages)
      .filter(([, code]) => KEPT.includes(code))
      .map(([id]) => id),
  );
  const ngrams: NgramModel['ngrams'] = {};
  for (const [ngram, scores] of Object.entries(ngramsData.ngrams)) {
    const kept = Object.entries(scores).filter(([id]) => ids.has(id));
    if (kept.length > 0) ngrams[ngram] = Object.fromEntries(kept);
  }
  return { type: ngramsData.type, languages: ngramsData.languages, ngrams };
}

if (import.meta.main) {
  writeFileSync(LANGUAGE_MODEL_FILE, JSON.stringify(await buildLanguageModel()));
}
