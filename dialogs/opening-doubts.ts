/**
 * The facts an opening message says with a doubt (« …un NEC local, probablement hybride, le 9 avril »,
 * "not sure about the format yet, maybe online", « sans doute le 15 juin », « on hésite entre en ligne et
 * hybride »): not noted as sure, so their step is asked as any other. A doubt on the wish itself ("we'd
 * probably like to run a local NEC in Lyon") leaves the facts beside it as they are.
 */
import { normalize } from '../src/core/text.ts';
import { doubtsInClause } from '../src/understanding/unsure.ts';
import { WANTS } from './definition.ts';
import { factsIn } from './facts.ts';
import type { Step } from './steps.ts';

/** Where an opening's clauses split: punctuation, a dash, « mais », "but". */
const CLAUSE_BREAK = /\s*(?:[,;:.!?…()]|\s[-–—]\s|\b(?:mais|but)\b)\s*/;

/** The slots whose facts an opening says only in a clause that doubts them. */
export function doubtedInOpening(opening: string, steps: Step[], today: string): Set<string> {
  const doubted = new Set<string>();
  for (const clause of opening.split(CLAUSE_BREAK))
    if (doubtsInClause(clause) && !WANTS.test(normalize(clause)))
      for (const slot of Object.keys(factsIn(clause, steps, {}, today))) doubted.add(slot);
  return doubted;
}

/** The answers without those said with a doubt. */
export function withoutDoubted<T extends Record<string, unknown>>(answers: T, doubted: Set<string>): T {
  return Object.fromEntries(Object.entries(answers).filter(([slot]) => !doubted.has(slot))) as T;
}
