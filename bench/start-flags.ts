/**
 * The V8 flags `npm start` gives node (its young-generation cap, issue 14) and the environment it sets (glibc's
 * malloc arenas), read from package.json's start script so that the benchmarks measure the bot as it runs and
 * the two never drift apart.
 */
import { readFileSync } from 'node:fs';

const start: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts
  .start;

const words = start.trim().split(/\s+/);
/** Where `node` is: the words before it set the environment (`MALLOC_ARENA_MAX=2 node …`). */
const nodeAt = words.findIndex((word) => !/^[A-Z_][A-Z0-9_]*=/.test(word));

/** The variables the start script sets before `node`, by name. */
export const START_ENV: Record<string, string> = Object.fromEntries(
  words.slice(0, nodeAt).map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
);

/** The options between `node` and the entry file (`node --max-semi-space-size=8 src/main.ts` → that flag). */
export const START_FLAGS: string[] = (() => {
  const args = words.slice(nodeAt + 1);
  const entry = args.findIndex((arg) => !arg.startsWith('-'));
  return entry < 0 ? args : args.slice(0, entry);
})();

/** Flags (and the start script's environment, when given) as printed in a benchmark's header. */
export const describeFlags = (flags: readonly string[], env: Record<string, string> = {}): string =>
  [...Object.entries(env).map(([name, value]) => `${name}=${value}`), ...flags].join(' ') ||
  '(none: plain node)';
