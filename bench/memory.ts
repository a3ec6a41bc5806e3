/**
 * Idle memory, module by module (`node --expose-gc bench/memory.ts sdk|bot`): RSS after each import, with
 * a full GC between steps. `sdk` loads the two platform SDKs alone; `bot` then the rest of the bot and an app.
 */
const mb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().rss / 1048576);
};
const steps: Array<[string, () => Promise<unknown>]> = [
  ['node baseline', async () => {}],
  ['@slack/bolt', () => import('@slack/bolt')],
  ['matrix-bot-sdk', () => import('matrix-bot-sdk')],
];
const mode = process.argv[2];
if (mode === 'bot') {
  steps.push(
    ['prom-client', () => import('prom-client')],
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
let last = 0;
for (const [name, step] of steps) {
  await step();
  await new Promise((r) => setTimeout(r, 200));
  const now = mb();
  console.log(`${name}\t${now} MB\t+${now - last}`);
  last = now;
}
process.exit(0);
