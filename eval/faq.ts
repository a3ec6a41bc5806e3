/**
 * `npm run eval:faq`: runs the labelled questions through the FAQ search and prints in-scope top-1 accuracy,
 * fallback precision and recall, and every miss, for the tuning set and, separately, the held-out set.
 * Only the tuning set gates the exit code (95 % / 95 %): the held-out set estimates unseen questions and
 * must never be tuned against.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { loadKnowledgeBase } from '../src/faq/knowledge-base.ts';
import { FaqService } from '../src/faq/service.ts';

const TARGET = 0.95;
const setSchema = z.strictObject({
  questions: z.array(z.strictObject({ q: z.string().min(1), expect: z.string().nullable() })).min(1),
});
type Question = z.infer<typeof setSchema>['questions'][number];

interface Score {
  accuracy: number;
  recall: number;
}

const kb = loadKnowledgeBase();
// Search does not depend on the clock or the figures.
const faq = new FaqService({
  kb,
  clock: { now: () => new Date() },
  timezone: 'UTC',
  figure: () => undefined,
});

function load(file: string): Question[] {
  const { questions } = setSchema.parse(parse(readFileSync(new URL(file, import.meta.url), 'utf8')));
  const unknownIds = questions.filter((q) => q.expect !== null && !kb.get(q.expect));
  if (unknownIds.length > 0)
    throw new Error(`${file}: unknown entry ids: ${unknownIds.map((q) => q.expect).join(', ')}`);
  return questions;
}

/** Scores one set and prints its figures and misses under `heading`. */
function evaluate(heading: string, questions: Question[]): Score {
  let inScope = 0;
  let correct = 0;
  let fellBack = 0;
  let rightFallbacks = 0;
  let outOfScope = 0;
  const misses: string[] = [];
  for (const { q, expect } of questions) {
    const match = faq.search(q);
    const answered = match.confident ? match.entry?.id : undefined;
    if (answered === undefined) fellBack++;
    if (expect === null) {
      outOfScope++;
      if (answered === undefined) rightFallbacks++;
      else misses.push(`OUT  "${q}" → answered ${answered} (coverage ${match.coverage.toFixed(2)})`);
      continue;
    }
    inScope++;
    if (answered === expect) correct++;
    else {
      const got =
        answered ?? `fallback (best ${match.entry?.id ?? 'none'}, coverage ${match.coverage.toFixed(2)})`;
      misses.push(`MISS "${q}" → ${got}, expected ${expect}`);
    }
  }
  const accuracy = correct / inScope;
  const recall = rightFallbacks / outOfScope;
  const precision = fellBack === 0 ? 1 : rightFallbacks / fellBack;
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  console.log(`\n== ${heading}: ${inScope} in-scope and ${outOfScope} out-of-scope questions`);
  console.log(`in-scope top-1 accuracy: ${pct(accuracy)} (${correct}/${inScope})`);
  console.log(
    `fallback recall (out-of-scope answered with the fallback): ${pct(recall)} (${rightFallbacks}/${outOfScope})`,
  );
  console.log(
    `fallback precision (fallbacks that were out of scope): ${pct(precision)} (${rightFallbacks}/${fellBack})`,
  );
  if (misses.length > 0) console.log(`misses:\n${misses.join('\n')}`);
  return { accuracy, recall };
}

console.log(`FAQ evaluation: ${kb.entries.length} entries`);
const tuning = evaluate('tuning set (eval/faq-questions.yaml)', load('./faq-questions.yaml'));
evaluate('held-out set (eval/faq-holdout.yaml, not gating)', load('./faq-holdout.yaml'));
process.exitCode = tuning.accuracy >= TARGET && tuning.recall >= TARGET ? 0 : 1;
