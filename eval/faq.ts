/**
 * `npm run eval:faq`: runs the labelled questions through the FAQ search and prints in-scope top-1 accuracy,
 * fallback precision and recall, and every miss. Exits non-zero under the targets (95 % / 95 %).
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

const { questions } = setSchema.parse(
  parse(readFileSync(new URL('./faq-questions.yaml', import.meta.url), 'utf8')),
);
const kb = loadKnowledgeBase();
const unknownIds = questions.filter((q) => q.expect !== null && !kb.get(q.expect));
if (unknownIds.length > 0)
  throw new Error(`unknown entry ids: ${unknownIds.map((q) => q.expect).join(', ')}`);

// Search does not depend on the clock or the figures.
const faq = new FaqService({
  kb,
  clock: { now: () => new Date() },
  timezone: 'UTC',
  figure: () => undefined,
});

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
console.log(
  `FAQ evaluation: ${kb.entries.length} entries, ${inScope} in-scope and ${outOfScope} out-of-scope questions`,
);
console.log(`in-scope top-1 accuracy: ${pct(accuracy)} (${correct}/${inScope})`);
console.log(
  `fallback recall (out-of-scope answered with the fallback): ${pct(recall)} (${rightFallbacks}/${outOfScope})`,
);
console.log(
  `fallback precision (fallbacks that were out of scope): ${pct(precision)} (${rightFallbacks}/${fellBack})`,
);
if (misses.length > 0) console.log(`\nmisses:\n${misses.join('\n')}`);
process.exitCode = accuracy >= TARGET && recall >= TARGET ? 0 : 1;
