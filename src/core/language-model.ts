/**
 * The language detector: eld's n-gram detector over a model holding only French and English
 * (`scripts/language-model.ts` makes it from eld's own). eld's packaged models hold 60 languages and cost
 * 130 MB of resident memory once loaded, even limited to a subset; this one costs about 5 MB and detects the
 * same.
 */
import { readFileSync } from 'node:fs';

/** eld's model format: language ids to codes, and per n-gram the score of each language that has it. */
export interface NgramModel {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

export interface Detector {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
  setLanguageSubset(languages: string[]): unknown;
}

// eld exports its detector only preloaded with a packaged model; `createEld` (beside the entry point, in the
// version the lock pins) is the function those entries call, with the hook that loads a model.
const { createEld } = (await import(new URL('../languageDetector.js', import.meta.resolve('eld')).href)) as {
  createEld(): { instance: Detector; loadData(model: NgramModel): string };
};

function load(): Detector {
  const { instance, loadData } = createEld();
  loadData(JSON.parse(readFileSync(new URL('./language-model.json', import.meta.url), 'utf8')) as NgramModel);
  // The model's other languages have no n-grams left, but their ids remain: the subset keeps them out.
  instance.setLanguageSubset(['fr', 'en']);
  return instance;
}

export const detector = load();
