/** The composition root: opens the store and assembles the core and its features, for any adapter. */

import { createDialogs } from '../dialogs/index.ts';
import { CallRegistry, callFigure, DEFAULT_CALLS_DIR, ruleCommands } from '../rules/index.ts';
import type { Config } from './config.ts';
import { keyvAtomic } from './console/atomic.ts';
import { WebConsole } from './console/index.ts';
import { Outbox } from './core/adapter.ts';
import { Bot } from './core/bot.ts';
import type { Clock } from './core/clock.ts';
import { runCommands } from './core/command-step.ts';
import { CommandRegistry } from './core/commands.ts';
import { Confirmations } from './core/confirmations.ts';
import { ConversationStore } from './core/conversation.ts';
import { dropDuplicateEvents } from './core/dedup.ts';
import { refuseUnreadableMessages } from './core/guards.ts';
import { limitMessageRate } from './core/rate-limit.ts';
import { createFaq, type FaqService } from './faq/index.ts';
import { fallback } from './features/fallback.ts';
import { helpCommand } from './features/help.ts';
import { languageCommand } from './features/preferences.ts';
import type { Logger } from './logger.ts';
import { Activity } from './ops/activity.ts';
import { DialogFunnel } from './ops/funnel.ts';
import { Health } from './ops/health.ts';
import { Metrics } from './ops/metrics.ts';
import { observeTurns } from './ops/observe.ts';
import { Privacy } from './ops/privacy.ts';
import { Retention } from './ops/retention.ts';
import { statsCommand } from './ops/stats.ts';
import type { ApplicationReminders } from './scheduler/application-reminders.ts';
import type { Broadcasts } from './scheduler/broadcasts.ts';
import type { Leases } from './scheduler/job.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import { createScheduling } from './scheduler/setup.ts';
import type { Subscriptions } from './scheduler/subscriptions.ts';
import { type Backend, openStore } from './store/open-store.ts';
import { UserRecords } from './store/user-records.ts';

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
  /** The managers' web console: its route goes on the bot's HTTP server, `served(url)` once it listens. */
  console: WebConsole;
  close(): Promise<void>;
}

/** What the clock drivers (timer, scripting interface) need of the scheduler. */
export interface DueWork {
  /** When the next pending job falls due, if any. */
  nextDue(): Promise<Date | undefined>;
  /** Delivers every job due at `now`, in due order. */
  tick(now: Date): Promise<void>;
}

export interface AppOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  storeUrl: string;
}

export async function createApp({ config, clock, logger, storeUrl }: AppOptions): Promise<App> {
  // Invalid call files stop start-up here, before anything is opened (CallFileError names file and path).
  const calls = new CallRegistry(config.CALLS_DIR ?? DEFAULT_CALLS_DIR);
  await calls.load();
  const backend = await openStore(storeUrl);
  const records = new UserRecords(backend.kv);
  const commands = new CommandRegistry();
  const confirmations = new Confirmations();
  const bot = new Bot({
    conversations: new ConversationStore(records),
    commands,
    logger,
    defaultLang: config.BOT_LANG,
  });
  const outbox = new Outbox();
  const metrics = new Metrics();
  const funnel = new DialogFunnel(backend.kv);
  const atomic = keyvAtomic(backend.kv);
  const activity = new Activity(atomic, clock);
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
    kv: backend.kv,
    records,
    confirmations,
    scheduler: () => app.scheduler,
  });
  // The reminders' reload index names the person: forgetting them drops their entries too.
  privacy.onForget(async (user) => {
    await scheduling.reminders.removeByUser(user);
    return undefined;
  });
  const faq = createFaq({
    kv: backend.kv,
    clock,
    config,
    figure: (callId, name) => {
      const call = calls.get(callId);
      return call ? callFigure(call, name) : undefined;
    },
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
    atomic,
    calls,
    faq: faq.service,
    unanswered: faq.unanswered,
    reminders: scheduling.reminders,
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

  commands.add(
    helpCommand(commands),
    languageCommand,
    privacy.myDataCommand,
    privacy.forgetMeCommand,
    statsCommand(funnel),
    ...dialogs.commands,
    ...ruleCommands({ calls, clock, timezone: config.BOT_TIMEZONE, logger }),
    ...scheduling.commands,
    ...faq.commands,
    webConsole.command,
  );

  bot.use(
    webConsole.middleware,
    dropDuplicateEvents({
      kv: backend.kv,
      clock,
      onDuplicate: (platform) => metrics.duplicateEvents.inc({ platform }),
    }),
    observeTurns(metrics, funnel, activity),
    limitMessageRate({
      kv: backend.kv,
      clock,
      onLimited: (platform) => metrics.userRateLimited.inc({ platform }),
    }),
    privacy.noticeMiddleware,
    retention.middleware,
  );
  bot.use(
    refuseUnreadableMessages,
    confirmations.middleware,
    runCommands,
    dialogs.middleware,
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
    close: async () => {
      await scheduling.scheduler.close();
      await backend.close();
    },
  };
  return app;
}
