/**
 * What an idle bot has not loaded (issue 14, idle memory): modules that serve only some messages are loaded by
 * the first message that needs them, not at start-up. A fresh process builds the app as `npm start` does and
 * lists every module it loaded (ESM and CommonJS, JSON included) through a module-loading hook; city-timezones'
 * file is read, not `require`d, so that only the names kept stay in memory. No Intl formatter is built either
 * (each language's is made when first used, `src/core/per-language.ts`): building one touches ICU's data.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const SCRIPT = `
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
const formatters = [];
for (const name of ['NumberFormat', 'PluralRules', 'DateTimeFormat', 'ListFormat', 'Collator', 'RelativeTimeFormat']) {
  const Real = Intl[name];
  Intl[name] = new Proxy(Real, { construct(target, args) { formatters.push(name); return new target(...args); } });
}
const { createApp } = await import('./src/main.ts');
const { loadConfig } = await import('./src/config.ts');
const { systemClock } = await import('./src/core/clock.ts');
const { createLogger } = await import('./src/logger.ts');
const app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), clock: systemClock, logger: createLogger('silent'), storeUrl: 'sqlite://:memory:' });
const before = loaded.length;
const idleFormatters = formatters.length;
const { dateIn } = await import('./src/understanding/dates.ts');
const { namesPlaceAbroad } = await import('./dialogs/calls/places.ts');
const read = { day: dateIn(process.env.DATE, '2026-12-03'), abroad: namesPlaceAbroad(process.env.PLACE) };
process.stdout.write(JSON.stringify({ idle: loaded.slice(0, before), after: loaded.slice(before), read, idleFormatters }));
await app.close();
`;

interface Loaded {
  idle: string[];
  after: string[];
  read: { day: unknown; abroad: boolean };
  idleFormatters: number;
}

function modulesOf(date: string, place: string): Loaded {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: new URL('../..', import.meta.url),
    env: { ...process.env, DATE: date, PLACE: place },
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

const named = (urls: string[], pkg: string) => urls.filter((u) => u.includes(`/node_modules/${pkg}/`));

describe('an idle bot', () => {
  it('has not loaded chrono-node nor city-timezones: the first date and the first place read load them', () => {
    const { idle, after, read } = modulesOf('le 15 juin 2027', 'avec la ville de Ouagadougou');
    expect(named(idle, 'chrono-node')).toEqual([]);
    expect(named(idle, 'city-timezones')).toEqual([]);
    expect(read).toEqual({ day: { kind: 'day', day: '2027-06-15' }, abroad: true });
    expect(named(after, 'chrono-node').length).toBeGreaterThan(0);
  }, 60_000);

  it('has built no Intl formatter: ICU data is touched by the first text formatted', () => {
    expect(modulesOf('le 15 juin 2027', 'Dakar').idleFormatters).toBe(0);
  }, 60_000);
});
