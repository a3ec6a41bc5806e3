/**
 * The V8 flags `npm start` gives node (its young-generation cap, issue 14), read from package.json's start
 * script so that the benchmarks measure the bot as it runs and the two never drift apart.
 */
import { readFileSync } from 'node:fs';

const start: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts
  .start;

/** The options between `node` and the entry file (`node --max-semi-space-size=8 src/main.ts` → that flag). */
export const START_FLAGS: string[] = (() => {
  const [, ...args] = start.trim().split(/\s+/);
  const entry = args.findIndex((arg) => !arg.startsWith('-'));
  return entry < 0 ? args : args.slice(0, entry);
})();

/** Flags as printed in a benchmark's header. */
export const describeFlags = (flags: readonly string[]): string => flags.join(' ') || '(none: plain node)';
