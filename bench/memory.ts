/**
 * Idle memory: `node bench/memory.ts [runs]` (default 5). Each run starts fresh processes: the two platform
 * SDKs alone (plain `node`), and the bot as `src/main.ts` starts (its module graph, both adapters' modules, the
 * app on an embedded store) with the V8 flags of `npm start`; then the same two the other
 * way round, so each figure can be read against its like. Each reports its RSS after a full GC once idle; the
 * bot then holds one conversation (the core benchmark's: a greeting, an FAQ question, seven answers) and is read
 * idle again, what the first person brings in.
 * Prints the steps of the last bot run, min / median of each, and the ratio of the medians (issue 14's target:
 * the bot ≤ 1.5 × the SDKs). `node --expose-gc bench/memory.ts sdk|bot` is one process, printing its steps.
 */
import { execFileSync } from 'node:child_process';
import { describeFlags, START_ENV, START_FLAGS as startFlags } from './start-flags.ts';

/** The steps whose RSS the report compares. */
const IDLE = 'idle (5 s)';
const AFTER_FIRST = 'idle after it (5 s)';

const mode = process.argv[2];
if (mode === 'sdk' || mode === 'bot') await measure(mode);
else report(Number(mode ?? 5));

async function measure(kind: 'sdk' | 'bot'): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['node baseline', async () => {}],
    ['@slack/bolt', () => import('@slack/bolt')],
    ['matrix-bot-sdk', () => import('matrix-bot-sdk')],
  ];
  if (kind === 'bot') {
    steps.push(
      ['src/main.ts graph (rules, dialogs, faq, scheduler…)', () => import('../src/main.ts')],
      [
        'adapters',
        async () => {
          await import('../adapters/slack/index.ts');
          await import('../adapters/matrix/index.ts');
        },
      ],
      [
        'createApp (sqlite, calls, FAQ index)',
        async () => {
          const { createApp } = await import('../src/main.ts');
          const { loadConfig } = await import('../src/config.ts');
          const { systemClock } = await import('../src/core/clock.ts');
          const { createLogger } = await import('../src/logger.ts');
          (globalThis as { app?: unknown }).app = await createApp({
            config: loadConfig({ LOG_LEVEL: 'silent' }),
            clock: systemClock,
            logger: createLogger('silent'),
            storeUrl: 'sqlite://:memory:',
          });
        },
      ],
    );
  }
  // Idle: V8's memory reducer runs a few seconds after the last allocation.
  const idle = () => new Promise((resolve) => setTimeout(resolve, 5000));
  steps.push([IDLE, idle]);
  if (kind === 'bot') {
    // What the first person brings in: the parts loaded or built on first use (chrono, the number words, the
    // FAQ index, the formatters), then idle again.
    steps.push(['first conversation (FAQ question, 7 answers)', firstConversation], [AFTER_FIRST, idle]);
  }
  let last = 0;
  for (const [name, step] of steps) {
    await step();
    await new Promise((resolve) => setTimeout(resolve, 200));
    gc();
    const now = Math.round(process.memoryUsage().rss / 1048576);
    console.log(`${name}\t${now} MB\t+${now - last}`);
    last = now;
  }
  process.exit(0);
}

/** The core benchmark's conversation (bench/core.bench.ts), once, through the idle bot. */
async function firstConversation(): Promise<void> {
  const app = (globalThis as { app?: { bot: { handle(message: unknown): Promise<unknown> } } }).app;
  const texts = [
    'bonjour',
    'Quand a lieu Numérique en Commun ?',
    'candidater',
    '1',
    'Association des Tilleuls',
  ];
  texts.push('1', '12/06/2027', '2', '1, 3', 'Lyon');
  for (const [i, text] of texts.entries()) {
    const ref = { platform: 'slack', workspace: 'TMEM', roomId: 'D1', userId: 'U1', isDirect: true };
    await app?.bot.handle({ ref, userId: 'U1', text, eventId: `Ev${i}`, timestamp: new Date() });
  }
}

function report(runs: number): void {
  const once = (kind: 'sdk' | 'bot', flags: string[]) => {
    const args = ['--expose-gc', '--no-deprecation', ...flags, import.meta.filename, kind];
    // With the start script's flags, its environment too (malloc's arenas): the SDKs as the bot, like for like.
    const env = { ...process.env, ...(flags === startFlags ? START_ENV : {}) };
    const lines = execFileSync(process.execPath, args, { encoding: 'utf8', env }).trim().split('\n');
    const rssAt = (step: string) =>
      Number(
        lines
          .find((l) => l.startsWith(`${step}\t`))
          ?.split('\t')[1]
          ?.replace(' MB', ''),
      );
    return { lines, rss: rssAt(IDLE), afterFirst: rssAt(AFTER_FIRST) };
  };
  const runsOf = {
    sdk: [] as number[],
    bot: [] as number[],
    sdkWithFlags: [] as number[],
    botPlainNode: [] as number[],
    botAfterFirst: [] as number[],
  };
  let steps: string[] = [];
  for (let i = 0; i < runs; i++) {
    runsOf.sdk.push(once('sdk', []).rss);
    const run = once('bot', startFlags);
    runsOf.bot.push(run.rss);
    runsOf.botAfterFirst.push(run.afterFirst);
    steps = run.lines;
    runsOf.sdkWithFlags.push(once('sdk', startFlags).rss);
    runsOf.botPlainNode.push(once('bot', []).rss);
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (i: number) => s[i] ?? Number.NaN;
    return s.length % 2 ? at((s.length - 1) / 2) : (at(s.length / 2 - 1) + at(s.length / 2)) / 2;
  };
  const line = (name: string, xs: number[]) =>
    console.log(`${name.padEnd(34)} min ${Math.min(...xs)}, median ${median(xs)}  (${xs.join(', ')})`);
  const flags = describeFlags(startFlags, START_ENV);
  console.log(
    `${steps.join('\n')}\n\n${runs} runs of each, RSS MB after a full GC, idle; npm start flags: ${flags}`,
  );
  line('SDKs alone (plain node)', runsOf.sdk);
  line('bot idle (as npm start runs it)', runsOf.bot);
  line('SDKs alone (npm start flags)', runsOf.sdkWithFlags);
  line('bot idle (plain node)', runsOf.botPlainNode);
  line('bot after a first conversation', runsOf.botAfterFirst);
  const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
  console.log(
    `bot / SDKs: ${ratio(runsOf.bot, runsOf.sdk)} (target ≤ 1.5); like for like: ${ratio(runsOf.bot, runsOf.sdkWithFlags)} with the flags, ${ratio(runsOf.botPlainNode, runsOf.sdk)} without; after a first conversation ${ratio(runsOf.botAfterFirst, runsOf.sdkWithFlags)} like for like`,
  );
}
