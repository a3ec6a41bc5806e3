/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own process so one's memory and
 * warm-up never colour another's. Benchmarks report; they never fail the run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();

for (const name of files) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, [join(dir, name)], { stdio: 'inherit' });
  if (result.status !== 0)
    process.stdout.write(`(${name} stopped with status ${result.status ?? result.signal})\n`);
}
