/**
 * The bot assembled: `createApp` opens the store and builds the core, its features, the scheduler, the console
 * and the adapters' port — everything but the adapters and the servers, which the entry point (src/main.ts)
 * starts. Tests, benchmarks and scripts build the same app here.
 */

import { createDialogs } from '../dialogs/index.ts';
import { CallRegistry, callFigure, DEFAULT_CALLS_DIR } from '../rules/index.ts';
import { applicationTitle } from '../rules/reminders.ts';
import type { Answers } from '../rules/values.ts';
import { installPipeline } from './app/pipeline.ts';
import { createBotPort } from './bot-port.ts';
import type { Config } from './config.ts';
import { WebConsole } from './console/index.ts';
import { Outbox } from './core/adapter.ts';
import { Bot } from './core/bot.ts';
import type { Clock } from './core/clock.ts';
import { CommandRegistry } from './core/commands.ts';
import { Confirmations } from './core/confirmations.ts';
import { ConversationStore } from './core/conversation.ts';
import type { BotPort } from './core/port.ts';
import { createFaq, type FaqService } from './faq/index.ts';
import { ChannelWelcome } from './features/channel-welcome.ts';
import type { Logger } from './logger.ts';
import { Activity } from './ops/activity.ts';
import { erasureScrub } from './ops/erasure-scrub.ts';
import { DialogFunnel } from './ops/funnel.ts';
import { Health } from './ops/health.ts';
import { EventInbox } from './ops/inbox.ts';
import { migrateKeyvKeys } from './ops/keyv-migration.ts';
import { Metrics } from './ops/metrics.ts';
import { Privacy } from './ops/privacy.ts';
import { Retention, storedApplication } from './ops/retention.ts';
import type { ApplicationReminders } from './scheduler/application-reminders.ts';
import type { Broadcasts } from './scheduler/broadcasts.ts';
import type { Leases } from './scheduler/job.ts';
import type { Scheduler } from './scheduler/scheduler.ts';
import { createScheduling } from './scheduler/setup.ts';
import type { Subscriptions } from './scheduler/subscriptions.ts';
import { ApplicationsByCall } from './store/applications-by-call.ts';
import { type Backend, openStore } from './store/open-store.ts';
import { personDigest, UserRecords } from './store/user-records.ts';
import { forgetRecentReadings } from './understanding/dates.ts';

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
    clock,
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
  const scrub = erasureScrub(() => backend.scrub());
  const privacy = new Privacy({
    afterErasure: scrub.afterErasure,
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
  // The last sentences read for a date stay in memory, and may be the forgotten person's words.
  privacy.onForget(async () => {
    forgetRecentReadings();
    return undefined;
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
    // The dialogs are built below: looked up at each question, as they look the FAQ up.
    currentCall: (turn) => dialogs.engine.callInContext(turn),
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
  const inbox = new EventInbox({
    atomic: backend.atomic,
    leases: scheduling.leases,
    logger,
    onDuplicate: (platform) => metrics.duplicateEvents.inc({ platform }),
    afterDone: scrub.afterEvent,
  });
  installPipeline({
    bot,
    commands,
    calls,
    clock,
    config,
    logger,
    backend,
    metrics,
    funnel,
    activity,
    confirmations,
    privacy,
    retention,
    dialogs,
    faq,
    webConsole,
    channelWelcome,
    schedulingCommands: scheduling.commands,
  });

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
