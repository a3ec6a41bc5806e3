/**
 * The entry point (`npm start`) and composition root: it reads the arguments and the configuration, builds the
 * app (src/app.ts), starts every adapter whose credentials are set — or the terminal chat when none are —
 * and the servers and clock beside them (src/run/); `--jsonl [--now ISO]` runs the scripting interface instead.
 * It is the one module that knows the adapters.
 */

import { existsSync, fstatSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { App, AppOptions } from './app.ts';
import type { Config } from './config.ts';
import type { Adapter } from './core/adapter.ts';
import type { Clock } from './core/clock.ts';
import { endBySignal, handleSignals, type Signals } from './run/signals.ts';

// Only Node's built-ins and signals.ts load before the signal handler is set (see the end of this file);
// the bot's modules load after it, in `main`.
export type { App, AppOptions } from './app.ts';

/** Tests, benchmarks and scripts build the app from here as well as from src/app.ts (loaded when called). */
export async function createApp(options: AppOptions): Promise<App> {
  return (await import('./app.ts')).createApp(options);
}

/** The terminal's user, as the shell adapter names them. */
const SHELL_OPERATOR = userInfo().username || 'operator';

/** Where the interactive terminal writes its logs when LOG_FILE is unset: beside the embedded store. */
const DEFAULT_TERMINAL_LOG = './data/nec-bot.log';

/**
 * Where the terminal chat reads from: a person at a `terminal`, `lines` piped or redirected in
 * (`printf 'bonjour\n' | npm start`, `npm start < questions.txt`), or `nothing` — /dev/null or no input at all,
 * as a container or a service has, where chatting makes no sense.
 */
function chatInput(): 'terminal' | 'lines' | 'nothing' {
  if (process.stdin.isTTY) return 'terminal';
  try {
    const input = fstatSync(0);
    return input.isFIFO() || input.isFile() || input.isSocket() ? 'lines' : 'nothing';
  } catch {
    return 'nothing';
  }
}

function readArgs(die: (line: string) => never): { jsonl: boolean; now?: string } {
  try {
    const { values } = parseArgs({
      options: { jsonl: { type: 'boolean', default: false }, now: { type: 'string' } },
    });
    return { jsonl: values.jsonl ?? false, now: values.now };
  } catch (error) {
    return die(`nec-bot: ${(error as Error).message}. Usage: npm start [-- --jsonl [--now ISO-8601]]`);
  }
}

/** Runs the bot; `signals` end it with 0 until the bot's own shutdown is handed them. */
async function main(signals: Signals): Promise<void> {
  const { configuredPlatforms, loadPlatformAdapter } = await import('../adapters/index.ts');
  const { JsonlAdapter } = await import('../adapters/shell/jsonl-adapter.ts');
  const { ShellAdapter } = await import('../adapters/shell/shell-adapter.ts');
  const { ConfigError, loadConfig } = await import('./config.ts');
  const { ManualClock, systemClock } = await import('./core/clock.ts');
  const { parseInstant } = await import('./core/time.ts');
  const { typesetFrench } = await import('./core/typography.ts');
  const { createLogger, fileDestination, redactSecrets } = await import('./logger.ts');
  const { opsRoutes, serveOps } = await import('./ops/routes.ts');
  const { shutdownOf, startTicking } = await import('./run/lifecycle.ts');
  const { serveOpsBeside } = await import('./run/ops-server.ts');
  const { DEFAULT_STORE_URL } = await import('./store/open-store.ts');

  /** Stops with one line on stderr: what went wrong and what to do. */
  function die(line: string): never {
    process.stderr.write(`${redactSecrets(line)}\n`);
    process.exit(1);
  }
  // A crash while running (an unhandled rejection becomes one) is printed redacted: Node's own report
  // would show an error's message and stack as they are, a store URL's password with them.
  process.on('uncaughtException', (error) =>
    die(`nec-bot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  );
  const args = readArgs(die);
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
  const platforms = args.jsonl ? [] : configuredPlatforms(config);
  const input = chatInput();
  if (!args.jsonl && platforms.length === 0 && input === 'nothing') {
    die(
      "nec-bot: no chat platform configured and no input to chat with. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN — see .env.example; or chat in a terminal (npm start), or pipe lines in (printf 'bonjour\\n' | npm start).",
    );
  }

  // In the interactive terminal the person reads stdout and stderr alike: logs go to a file, off the chat.
  const interactive = !args.jsonl && platforms.length === 0;
  const logFile = config.LOG_FILE ?? (interactive ? DEFAULT_TERMINAL_LOG : undefined);
  const logger = createLogger(config.LOG_LEVEL, logFile ? fileDestination(logFile) : undefined);
  // A scripted run never touches a user's real data unless STORE_URL says so.
  const storeUrl = config.STORE_URL ?? (args.jsonl ? 'sqlite://:memory:' : DEFAULT_STORE_URL);
  const app = await createApp({ config, clock, logger, storeUrl });
  signals.closeOnSignal(() => app.close());

  // SIGHUP re-reads the call files, like a manager's `reload`; an invalid file keeps the calls in force.
  process.on('SIGHUP', () => {
    app.calls
      .reload()
      .then((changed) => logger.info({ changed }, 'call files reloaded'))
      .catch((error) =>
        logger.error({ err: error }, 'call files not reloaded; the previous calls stay in force'),
      );
  });

  // Its exported files too: a temporary folder, said in the log and in each reply's `files`, unless told where.
  const scratch = args.jsonl && !config.STORE_URL && !process.env.EXPORTS_DIR;
  const exportsDir = scratch ? mkdtempSync(`${tmpdir()}/nec-bot-exports-`) : config.EXPORTS_DIR;
  if (scratch)
    logger.info({ exportsDir }, 'scripted run without STORE_URL: exported files go to a temporary folder');
  const terminal = { input: process.stdin, output: process.stdout, exportsDir };
  if (args.jsonl) {
    // With PORT set, scripts and tests drive the console too (on the loopback interface only).
    const consoleServer = process.env.PORT ? await serveOps(app, config.PORT, '127.0.0.1') : undefined;
    const adapter = new JsonlAdapter({
      port: app.port,
      dueWork: app.scheduler,
      manualClock: clock instanceof ManualClock ? clock : undefined,
      timezone: config.BOT_TIMEZONE,
      ...terminal,
    });
    app.outbox.register(adapter);
    // A script's run is ended by a signal as by default (the scripting interface's own guarantees hold).
    signals.handOver(endBySignal);
    await adapter.start();
    consoleServer?.close();
    await app.close();
    return;
  }

  const context = { port: app.port, config, routes: opsRoutes(app) };
  const adapters: Adapter[] =
    platforms.length > 0
      ? await Promise.all(platforms.map((p) => loadPlatformAdapter(p, context)))
      : [new ShellAdapter({ port: app.port, ...terminal, transcript: input === 'lines' })];
  for (const adapter of adapters) app.outbox.register(adapter);
  const ticking = startTicking(app);
  const opsServer = await serveOpsBeside(app, platforms);
  const shutdown = shutdownOf({ app, adapters, ticking, opsServer });
  signals.handOver((signal) => void shutdown(signal));
  // Jobs missed while the bot was down go out at once (marked late, or dropped past their deadline), not a tick later.
  if (platforms.length === 0) {
    // The terminal chat runs until its input ends (Ctrl-D).
    logger.info({ adapters: ['shell'] }, 'nec-bot started');
    // The terminal's operator is its manager: the console's sign-in link is printed for them at once.
    const link = await app.console.link(
      { platform: 'shell', userId: SHELL_OPERATOR },
      config.BOT_LANG,
      config.BOT_TIMEZONE,
    );
    const label = (fr: string, en: string) =>
      config.BOT_LANG === 'fr' ? typesetFrench(`${fr} : `) : `${en}: `;
    // Lines piped in get their replies alone, to read or to keep as they are.
    if (link && input === 'terminal') process.stdout.write(`${label('Console web', 'Web console')}${link}\n`);
    if (logFile && input === 'terminal') process.stdout.write(`${label('Journal', 'Log')}${logFile}\n`);
    ticking.tickNow();
    await adapters[0]?.start();
    await shutdown('end of input');
    return;
  }
  await Promise.all(adapters.map((a) => a.start()));
  const httpPort = adapters.map((a) => (a as { port?: number }).port).find((p) => p !== undefined);
  if (httpPort !== undefined) app.console.served(`http://127.0.0.1:${httpPort}`);
  logger.info({ adapters: adapters.map((a) => a.platform) }, 'nec-bot started');
  ticking.tickNow();
}

/** True when this file is what `node` was asked to run (not imported by a test or a benchmark). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  // First thing: a SIGTERM while the bot's modules load or the app is built exits 0 (src/run/signals.ts).
  main(handleSignals()).catch(async (error: unknown) => {
    const { redactSecrets } = await import('./logger.ts');
    process.stderr.write(
      `nec-bot: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exit(1);
  });
}
