/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn, each in its own process so one's memory and
 * warm-up never colour another's, with the node flags `npm start` uses (the bot as it runs: the young
 * generation's cap changes how often the collector runs); each benchmark's own processes take the same flags.
 * `npm run bench -- --plain-node` runs them without, to compare. Benchmarks report; they never fail the run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describeFlags, START_ENV, START_FLAGS } from './start-flags.ts';

const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();

const plain = process.argv.includes('--plain-node');
const flags = plain ? [] : START_FLAGS;
const env = plain ? {} : START_ENV;
process.stdout.write(`node flags: ${describeFlags(flags, env)}${plain ? '' : ' (those of npm start)'}\n`);

for (const name of files) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, [...flags, join(dir, name)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0)
    process.stdout.write(`(${name} stopped with status ${result.status ?? result.signal})\n`);
}
