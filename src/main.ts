/**
 * The composition root, the one place that knows every part: `createApp` opens the store and assembles the
 * core, its features and the adapters' port; run as the entry point (`npm start`), it also starts every
 * adapter whose credentials are set, or the terminal chat when none are; `--jsonl [--now ISO]` runs the
 * scripting interface instead.
 */

import { existsSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { configuredPlatforms, loadPlatformAdapter } from '../adapters/index.ts';
import { JsonlAdapter } from '../adapters/shell/jsonl-adapter.ts';
import { ShellAdapter } from '../adapters/shell/shell-adapter.ts';
import { createDialogs } from '../dialogs/index.ts';
import { CallRegistry, callFigure, callStatus, DEFAULT_CALLS_DIR, ruleCommands } from '../rules/index.ts';
import { applicationTitle } from '../rules/reminders.ts';
import type { Answers } from '../rules/values.ts';
import { createBotPort } from './bot-port.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { WebConsole } from './console/index.ts';
import { type Adapter, Outbox } from './core/adapter.ts';
import { Bot } from './core/bot.ts';
import { type Clock, ManualClock, systemClock } from './core/clock.ts';
import { runCommands } from './core/command-step.ts';
import { CommandRegistry } from './core/commands.ts';
import { Confirmations } from './core/confirmations.ts';
import { ConversationStore } from './core/conversation.ts';
import { dropDuplicateEvents } from './core/dedup.ts';
import { refuseUnreadableMessages } from './core/guards.ts';
import type { BotPort } from './core/port.ts';
import { limitMessageRate } from './core/rate-limit.ts';
import type { Situation } from './core/situation.ts';
import { parseInstant } from './core/time.ts';
import { typesetFrench } from './core/typography.ts';
import { createFaq, type FaqService } from './faq/index.ts';
import { ChannelWelcome } from './features/channel-welcome.ts';
import { fallback } from './features/fallback.ts';
import { helpCommand } from './features/help.ts';
import { languageCommand, languageInWords } from './features/preferences.ts';
import { greetingMiddleware, welcomeCommand, welcomeFirstContact } from './features/welcome.ts';
import { createLogger, fileDestination, type Logger, redactSecrets } from './logger.ts';
import { Activity } from './ops/activity.ts';
import { DialogFunnel } from './ops/funnel.ts';
import { Health } from './ops/health.ts';
import { answeredMiddleware, EventInbox } from './ops/inbox.ts';
import { keepApplicationCommand } from './ops/keep-application.ts';
import { migrateKeyvKeys } from './ops/keyv-migration.ts';
import { Metrics } from './ops/metrics.ts';
import { observeTurns } from './ops/observe.ts';
import { Privacy } from './ops/privacy.ts';
import { Retention, storedApplication } from './ops/retention.ts';
import { opsRoutes, serveOps } from './ops/routes.ts';
import { statsCommand } from './ops/stats.ts';
import type { ApplicationReminders } from './scheduler/application-reminders.ts';
import type { Broadcasts } from './scheduler/broadcasts.ts';
import type { Leases } from './scheduler/job.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import { createScheduling } from './scheduler/setup.ts';
import type { Subscriptions } from './scheduler/subscriptions.ts';
import { ApplicationsByCall } from './store/applications-by-call.ts';
import { type Backend, DEFAULT_STORE_URL, openStore } from './store/open-store.ts';
import { personDigest, UserRecords } from './store/user-records.ts';

export interface App {
  config: Config;
  clock: Clock;
  logger: Logger;
  backend: Backend;
  bot: Bot;
  outbox: Outbox;
  records: UserRecords;
  confirmations: Confirmations;
  /** Reminders and broadcasts: `DueWork` for the clock drivers, plus schedule / cancel / list / remove. */
  scheduler: Scheduler;
  /** The reminders an application implies: `offer` after a summary, `syncApplication`, `removeApplication`. */
  reminders: ApplicationReminders;
  /** Managers' one-off broadcasts: `scheduled(scope)` lists those still to be sent. */
  broadcasts: Broadcasts;
  /** Channels following a call's key dates: `list(scope)` lists them (Slack's Home reads it). */
  subscriptions: Subscriptions;
  /** Named leases on the shared backend (one Matrix sync at a time across replicas). */
  leases: Leases;
  /** The calls and their rules (`rules/calls/*.yaml`), reloadable with `reload` or SIGHUP. */
  calls: CallRegistry;
  /** The FAQ: `search(text, lang)` and `replyFor(turn, match)` (the dialogs use them on an answer that is a question). */
  faq: FaqService;
  /** Prometheus metrics; the scheduler and adapters increment their counters here. */
  metrics: Metrics;
  /** What `/healthz` reports; the clock driver calls `health.ticked(now)` after each scheduler tick. */
  health: Health;
  /** `my data` / `forget me`; adapters add platform clean-up with `privacy.onForget`. */
  privacy: Privacy;
  /** The managers' web console: its routes go on the bot's HTTP server, `served(url)` once it listens. */
  console: WebConsole;
  /** Platform events kept before they are acknowledged; a dead process's are taken over here. */
  inbox: EventInbox;
  /** All the adapters may use of the above (src/core/port.ts). */
  port: BotPort;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  storeUrl: string;
}

/** A turn holds its person's lock this long past its replica's last renewal; another waits at most `waitMs`. */
const TURN_LOCK = { ttlMs: 10_000, waitMs: 12_000 };

export async function createApp({ config, clock, logger, storeUrl }: AppOptions): Promise<App> {
  // Invalid call files stop start-up here, before anything is opened (CallFileError names file and path).
  const calls = new CallRegistry(config.CALLS_DIR ?? DEFAULT_CALLS_DIR);
  await calls.load();
  const backend = await openStore(storeUrl);
  // Every application of each call, kept in step by the records themselves (the console's call preview).
  const applicationsByCall = new ApplicationsByCall(backend.atomic);
  const records = new UserRecords(backend.kv, backend.atomic, [applicationsByCall]);
  const commands = new CommandRegistry();
  const conversations = new ConversationStore(records);
  const confirmations = new Confirmations();
  const bot = new Bot({
    conversations,
    commands,
    logger,
    defaultLang: config.BOT_LANG,
    // One turn per person at a time across replicas, so two replicas never overwrite each other's state. The
    // embedded store serves one process, whose own queue is enough (and a lock left by a killed process
    // would only hold the restarted one back).
    serialize:
      backend.kind === 'sqlite'
        ? undefined
        : (user, turn) => backend.atomic.withLock(`turn:${personDigest(user)}`, turn, TURN_LOCK),
  });
  const outbox = new Outbox();
  const metrics = new Metrics();
  const funnel = new DialogFunnel(backend.atomic);
  const activity = new Activity(backend.atomic, clock);
  const health = new Health({ backend, clock, adapters: () => outbox.list() });
  const scheduling = await createScheduling({
    backend,
    outbox,
    confirmations,
    records,
    clock,
    logger,
    metrics,
    defaultZone: config.BOT_TIMEZONE,
    calls,
  });
  const retention = new Retention({
    records,
    scheduler: scheduling.scheduler,
    outbox,
    clock,
    metrics,
    funnel,
    ttlDays: config.DIALOG_TTL_DAYS,
    defaultZone: config.BOT_TIMEZONE,
  });
  const privacy = new Privacy({
    afterErasure: () => backend.scrub(),
    atomic: backend.atomic,
    clock,
    records,
    confirmations,
    scheduler: () => app.scheduler,
    applicationTitle: (record, lang) => {
      const stored = storedApplication.safeParse(record);
      const call = stored.success ? calls.get(stored.data.callId) : undefined;
      return call && stored.success
        ? applicationTitle(call, stored.data.answers as Answers, lang)
        : undefined;
    },
  });
  // The reminders' reload index names the person: forgetting them drops their entries too.
  privacy.onForget(async (user) => {
    await scheduling.reminders.removeByUser(user);
    return undefined;
  });
  const faq = createFaq({
    atomic: backend.atomic,
    records,
    clock,
    config,
    figure: (callId, name) => {
      const call = calls.get(callId);
      return call ? callFigure(call, name) : undefined;
    },
  });
  // What the release before the atomic store kept under keyv keys moves once, before anything reads it.
  await migrateKeyvKeys({
    kv: backend.kv,
    atomic: backend.atomic,
    unanswered: faq.unanswered,
    funnel,
    now: () => clock.now().getTime(),
  });
  // Applications stored before that index existed are indexed once, before any turn reads or changes one.
  await applicationsByCall.indexStored(backend.kv);
  // The unanswered questions a forgotten person asked are taken back from the log (the text, if only theirs).
  privacy.onForget(async (_user, _turn, erased) => {
    await faq.unanswered.forget(erased);
    return undefined;
  });
  const dialogs = createDialogs({
    records,
    confirmations,
    clock,
    timezone: config.BOT_TIMEZONE,
    calls,
    // The FAQ and the reminders are looked up at each use: the app object holds them once built.
    services: () => app,
  });

  const webConsole = new WebConsole({
    kv: backend.kv,
    atomic: backend.atomic,
    calls,
    faq: faq.service,
    unanswered: faq.unanswered,
    reminders: scheduling.reminders,
    applicationsByCall,
    applications: dialogs.engine.store,
    timezoneOf: async (user) => (await conversations.load(user)).timezone,
    subscriptions: scheduling.subscriptions,
    broadcasts: scheduling.broadcasts,
    activity,
    clock,
    logger,
    defaultZone: config.BOT_TIMEZONE,
    publicUrl: config.CONSOLE_URL,
    listedMatrixManagers: config.MATRIX_MANAGERS,
  });
  // Managers' edits saved before this start are in force from the first message.
  await webConsole.refresh();

  // What the greeting and `help` know of a person: their application in progress, and the calls open today.
  const situation: Situation = {
    inProgress: (turn) => dialogs.engine.whereIs(turn),
    hasApplications: async (turn) => (await dialogs.engine.store.list(turn.user)).length > 0,
    lastCompleted: async (turn) => {
      // The store lists the most recently updated first.
      const done = (await dialogs.engine.store.list(turn.user)).find((a) => a.status === 'complete');
      return done && { id: done.id, callName: calls.get(done.callId)?.name[turn.lang] ?? done.callId };
    },
    openCalls: (turn) =>
      calls
        .list()
        .filter((c) => callStatus(c, clock.now(), turn.timezone(config.BOT_TIMEZONE)).state === 'open')
        .map((c) => ({ id: c.id, name: c.name[turn.lang] })),
  };
  const welcome = welcomeCommand(situation);
  const channelWelcome = new ChannelWelcome({
    atomic: backend.atomic,
    records,
    languageOf: async (user) => (await conversations.load(user)).lang,
    defaultLang: config.BOT_LANG,
    logger,
  });
  // A forgotten person is welcomed again should they join the channel once more.
  privacy.onForget(async (user, _turn, erased) => {
    await channelWelcome.forget(user, erased);
    return undefined;
  });
  commands.add(
    welcome,
    helpCommand(commands, situation),
    languageCommand,
    privacy.myDataCommand,
    privacy.forgetMeCommand,
    keepApplicationCommand(retention, clock),
    statsCommand(funnel, (id) => calls.get(id)),
    ...dialogs.commands,
    ...ruleCommands({ calls, clock, timezone: config.BOT_TIMEZONE, logger }),
    ...scheduling.commands,
    ...faq.commands,
    webConsole.command,
    channelWelcome.command,
  );

  const inbox = new EventInbox({
    atomic: backend.atomic,
    leases: scheduling.leases,
    logger,
    onDuplicate: (platform) => metrics.duplicateEvents.inc({ platform }),
  });
  bot.use(
    webConsole.middleware,
    answeredMiddleware,
    dropDuplicateEvents({
      atomic: backend.atomic,
      onDuplicate: (platform) => metrics.duplicateEvents.inc({ platform }),
    }),
    observeTurns(metrics, funnel, activity),
    limitMessageRate({
      atomic: backend.atomic,
      clock,
      onLimited: (platform) => metrics.userRateLimited.inc({ platform }),
    }),
    privacy.noticeMiddleware,
    retention.middleware,
  );
  bot.use(
    // A submitted form has no text: it is taken before the text checks.
    ...dialogs.native.middleware,
    refuseUnreadableMessages,
    dialogs.reask,
    greetingMiddleware(welcome),
    languageInWords,
    confirmations.middleware,
    dialogs.openings,
    runCommands,
    dialogs.middleware,
    welcomeFirstContact(situation),
    faq.middleware,
    fallback,
  );

  const app: App = {
    config,
    clock,
    logger,
    backend,
    bot,
    outbox,
    records,
    confirmations,
    scheduler: scheduling.scheduler,
    reminders: scheduling.reminders,
    broadcasts: scheduling.broadcasts,
    subscriptions: scheduling.subscriptions,
    leases: scheduling.leases,
    calls,
    faq: faq.service,
    metrics,
    health,
    privacy,
    console: webConsole,
    inbox,
    port: createBotPort({
      bot,
      welcome: (join) => channelWelcome.welcome(join),
      form: dialogs.native.form,
      privacy,
      records,
      calls,
      backend,
      leases: scheduling.leases,
      inbox,
      metrics,
      defaultLang: config.BOT_LANG,
      clock,
      logger,
      scheduler: scheduling.scheduler,
      broadcasts: scheduling.broadcasts,
      subscriptions: scheduling.subscriptions,
    }),
    close: async () => {
      inbox.close();
      await scheduling.scheduler.close();
      await backend.close();
    },
  };
  return app;
}

/** The terminal's user, as the shell adapter names them. */
const SHELL_OPERATOR = userInfo().username || 'operator';

/** How often the real clock looks for due reminders and broadcasts. */
const TICK_INTERVAL_MS = 15_000;
/** Where the interactive terminal writes its logs when LOG_FILE is unset: beside the embedded store. */
const DEFAULT_TERMINAL_LOG = './data/nec-bot.log';
/**
 * On SIGTERM, adapters get this long to stop taking messages; the scheduler then gives its sends a short
 * grace and hands back its claims. All of it ends well within the 10 s a container runtime waits.
 */
const ADAPTER_STOP_MS = 3_000;

/** Stops with one line on stderr: what went wrong and what to do. */
function die(line: string): never {
  process.stderr.write(`${redactSecrets(line)}\n`);
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
  const platforms = args.jsonl ? [] : configuredPlatforms(config);
  if (!args.jsonl && platforms.length === 0 && !process.stdin.isTTY) {
    die(
      'nec-bot: no chat platform configured and no terminal attached. Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN), or MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN — see .env.example.',
    );
  }

  // In the interactive terminal the person reads stdout and stderr alike: logs go to a file, off the chat.
  const interactive = !args.jsonl && platforms.length === 0;
  const logFile = config.LOG_FILE ?? (interactive ? DEFAULT_TERMINAL_LOG : undefined);
  const logger = createLogger(config.LOG_LEVEL, logFile ? fileDestination(logFile) : undefined);
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
    await adapter.start();
    consoleServer?.close();
    await app.close();
    return;
  }

  const context = { port: app.port, config, routes: opsRoutes(app) };
  const adapters: Adapter[] =
    platforms.length > 0
      ? await Promise.all(platforms.map((p) => loadPlatformAdapter(p, context)))
      : [new ShellAdapter({ port: app.port, ...terminal })];
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
  // The terminal uses PORT's default; a platform only a PORT set on purpose (Socket Mode with the OAuth
  // install flow already serves its install pages there).
  const installPagesOnPort = platforms.includes('slack') && config.SLACK_CLIENT_ID !== undefined;
  const portForUs = platforms.length === 0 || (process.env.PORT !== undefined && !installPagesOnPort);
  const opsPort = config.METRICS_PORT ?? (portForUs ? config.PORT : undefined);
  const opsServer =
    slackServesHttp || opsPort === undefined
      ? undefined
      : await serveOps(app, opsPort, platforms.length === 0 ? '127.0.0.1' : '0.0.0.0').catch((error) => {
          // A port taken by something else costs the console and the probes, not the chat.
          logger.error({ err: error, port: opsPort }, 'health, metrics and console not served');
          return undefined;
        });
  if (opsServer) logger.info({ port: opsPort }, 'health, metrics and console served');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    clearInterval(ticker);
    opsServer?.close();
    await Promise.race([
      Promise.allSettled(adapters.map((a) => a.stop())),
      new Promise((resolve) => setTimeout(resolve, ADAPTER_STOP_MS).unref()),
    ]);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
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
    if (link) process.stdout.write(`${label('Console web', 'Web console')}${link}\n`);
    if (logFile) process.stdout.write(`${label('Journal', 'Log')}${logFile}\n`);
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

/** True when this file is what `node` was asked to run (not imported by a test or a benchmark). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && realpathSync(script) === fileURLToPath(import.meta.url);
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `nec-bot: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`,
    );
    process.exit(1);
  });
}
