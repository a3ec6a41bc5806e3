/**
 * Entry point (`npm start`): starts every adapter whose credentials are set, or the terminal chat when none
 * are; `--jsonl [--now ISO]` runs the scripting interface instead.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type App, createApp } from '../src/app.ts';
import { type Config, ConfigError, loadConfig } from '../src/config.ts';
import type { Adapter } from '../src/core/adapter.ts';
import { type Clock, ManualClock, systemClock } from '../src/core/clock.ts';
import { parseInstant } from '../src/core/time.ts';
import { createLogger } from '../src/logger.ts';
import { serveOps } from '../src/ops/routes.ts';
import { DEFAULT_STORE_URL } from '../src/store/open-store.ts';
import { JsonlAdapter } from './shell/jsonl-adapter.ts';
import { ShellAdapter } from './shell/shell-adapter.ts';

/** How often the real clock looks for due reminders and broadcasts. */
const TICK_INTERVAL_MS = 15_000;

/** Stops with one line on stderr: what went wrong and what to do. */
function die(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function readArgs(): { jsonl: boolean; now?: string } {
  try {
    const { values } = parseArgs({
      options: { jsonl: { type: 'boolean', default: false }, now: { type: 'string' } },
    });
    return { jsonl: values.jsonl ?? false, now: values.now };
  } catch (error) {
    return die(`nec-bot: ${(error as Error).message}. Usage: npm start [-- --jsonl [--now ISO-8601]]`);
  }
}

function platformAdapters(config: Config): Array<'slack' | 'matrix'> {
  const platforms: Array<'slack' | 'matrix'> = [];
  if (
    config.SLACK_BOT_TOKEN ||
    config.SLACK_APP_TOKEN ||
    config.SLACK_SIGNING_SECRET ||
    config.SLACK_CLIENT_ID
  )
    platforms.push('slack');
  if (config.MATRIX_HOMESERVER_URL || config.MATRIX_ACCESS_TOKEN) platforms.push('matrix');
  return platforms;
}

async function main(): Promise<void> {
  const args = readArgs();
  // A `.env` beside the bot configures the service; scripted runs stay hermetic and read only their environment.
  // Variables already set in the environment win over the file.
  if (!args.jsonl && existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) die(`nec-bot: ${error.message}`);
    throw error;
  }
  if (args.now && !args.jsonl) die('nec-bot: --now only works with --jsonl (the scripting interface).');
  let clock: Clock = systemClock;
  if (args.now) {
    const start = parseInstant(args.now, config.BOT_TIMEZONE);
    if (!start) die(`nec-bot: --now: not an ISO-8601 date-time: ${args.now}`);
    clock = new ManualClock(start);
  }
  const platforms = args.jsonl ? [] : platformAdapters(config);
  if (!args.jsonl && platforms.length === 0 && !process.stdin.isTTY) {
    die(
      'nec-bot: no chat platform configured and no terminal attached. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN — see .env.example.',
    );
  }

  const logger = createLogger(config.LOG_LEVEL);
  // A scripted run never touches a user's real data unless STORE_URL says so.
  const storeUrl = config.STORE_URL ?? (args.jsonl ? 'sqlite://:memory:' : DEFAULT_STORE_URL);
  const app = await createApp({ config, clock, logger, storeUrl });

  // SIGHUP re-reads the call files, like a manager's `reload`; an invalid file keeps the calls in force.
  process.on('SIGHUP', () => {
    app.calls
      .reload()
      .then((changed) => logger.info({ changed }, 'call files reloaded'))
      .catch((error) =>
        logger.error({ err: error }, 'call files not reloaded; the previous calls stay in force'),
      );
  });

  if (args.jsonl) {
    // With PORT set, scripts and tests drive the console too (on the loopback interface only).
    const consoleServer = process.env.PORT ? await serveOps(app, config.PORT, '127.0.0.1') : undefined;
    const adapter = new JsonlAdapter({
      app,
      input: process.stdin,
      output: process.stdout,
      exportsDir: config.EXPORTS_DIR,
    });
    app.outbox.register(adapter);
    await adapter.start();
    consoleServer?.close();
    await app.close();
    return;
  }

  const adapters: Adapter[] =
    platforms.length > 0
      ? await Promise.all(platforms.map((p) => loadPlatformAdapter(p, app)))
      : [
          new ShellAdapter({
            app,
            input: process.stdin,
            output: process.stdout,
            exportsDir: config.EXPORTS_DIR,
          }),
        ];
  for (const adapter of adapters) app.outbox.register(adapter);
  app.health.expectTicks(TICK_INTERVAL_MS);
  const tickNow = () => {
    app.scheduler
      .tick(clock.now())
      .then(() => app.health.ticked(clock.now()))
      .catch((error) => logger.error({ err: error }, 'scheduler tick failed'));
  };
  const ticker = setInterval(tickNow, TICK_INTERVAL_MS);
  // The Slack HTTP receiver serves /healthz, /metrics and /console itself; otherwise they get their own port:
  // METRICS_PORT, else PORT — on the loopback interface only for the terminal, where the console is the operator's.
  const slackServesHttp = platforms.includes('slack') && !config.SLACK_APP_TOKEN;
  const opsPort = config.METRICS_PORT ?? config.PORT;
  const opsServer = slackServesHttp
    ? undefined
    : await serveOps(app, opsPort, platforms.length === 0 ? '127.0.0.1' : '0.0.0.0');
  if (opsServer) logger.info({ port: opsPort }, 'health, metrics and console served');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(ticker);
    opsServer?.close();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Jobs missed while the bot was down go out at once (marked late, or dropped past their deadline), not a tick later.
  if (platforms.length === 0) {
    // The terminal chat runs until its input ends (Ctrl-D).
    logger.info({ adapters: ['shell'] }, 'nec-bot started');
    tickNow();
    await adapters[0]?.start();
    await shutdown('end of input');
    return;
  }
  await Promise.all(adapters.map((a) => a.start()));
  const httpPort = adapters.map((a) => (a as { port?: number }).port).find((p) => p !== undefined);
  if (httpPort !== undefined) app.console.served(`http://127.0.0.1:${httpPort}`);
  logger.info({ adapters: adapters.map((a) => a.platform) }, 'nec-bot started');
  tickNow();
}

/** Platform SDKs are loaded only when configured, so the terminal starts fast. */
async function loadPlatformAdapter(platform: 'slack' | 'matrix', app: App): Promise<Adapter> {
  if (platform === 'matrix') return (await import('./matrix/index.ts')).createMatrixAdapter(app);
  return (await import('./slack/index.ts')).createSlackAdapter(app);
}

main().catch((error: unknown) => {
  process.stderr.write(`nec-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
