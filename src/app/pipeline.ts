/**
 * What the bot does with a message, in order: the commands it knows and the middleware a turn runs through.
 * The order is the behaviour (the ops checks before any feature, a submitted form before the text checks,
 * the FAQ and the fallback last), so it is written once, here.
 */
import type { Dialogs } from '../../dialogs/index.ts';
import { type CallRegistry, callStatus, ruleCommands } from '../../rules/index.ts';
import type { Config } from '../config.ts';
import type { WebConsole } from '../console/index.ts';
import type { Bot } from '../core/bot.ts';
import type { Clock } from '../core/clock.ts';
import { runCommands } from '../core/command-step.ts';
import type { Command, CommandRegistry } from '../core/commands.ts';
import type { Confirmations } from '../core/confirmations.ts';
import { dropDuplicateEvents } from '../core/dedup.ts';
import { refuseUnreadableMessages } from '../core/guards.ts';
import { limitMessageRate } from '../core/rate-limit.ts';
import type { Situation } from '../core/situation.ts';
import { type FaqFeature, talkToPersonCommand } from '../faq/index.ts';
import { broadcastAsks } from '../features/broadcast-ask.ts';
import type { ChannelWelcome } from '../features/channel-welcome.ts';
import { fallback } from '../features/fallback.ts';
import { helpCommand } from '../features/help.ts';
import { personRequests } from '../features/person-request.ts';
import { languageCommand, languageInWords } from '../features/preferences.ts';
import { thanks } from '../features/thanks.ts';
import { greetingMiddleware, welcomeCommand, welcomeFirstContact } from '../features/welcome.ts';
import type { Logger } from '../logger.ts';
import type { Activity } from '../ops/activity.ts';
import type { DialogFunnel } from '../ops/funnel.ts';
import { answeredMiddleware } from '../ops/inbox.ts';
import { keepApplicationCommand } from '../ops/keep-application.ts';
import type { Metrics } from '../ops/metrics.ts';
import { observeTurns } from '../ops/observe.ts';
import type { Privacy } from '../ops/privacy.ts';
import type { Retention } from '../ops/retention.ts';
import { statsCommand } from '../ops/stats.ts';
import type { Backend } from '../store/open-store.ts';

export interface PipelineParts {
  bot: Bot;
  commands: CommandRegistry;
  calls: CallRegistry;
  clock: Clock;
  config: Config;
  logger: Logger;
  backend: Backend;
  metrics: Metrics;
  funnel: DialogFunnel;
  activity: Activity;
  confirmations: Confirmations;
  privacy: Privacy;
  retention: Retention;
  dialogs: Dialogs;
  faq: FaqFeature;
  webConsole: WebConsole;
  channelWelcome: ChannelWelcome;
  /** The scheduler's commands (reminders, broadcasts, subscriptions). */
  schedulingCommands: Command[];
}

/** What the greeting and `help` know of a person: their application in progress, and the calls open today. */
function situationOf({ dialogs, calls, clock, config }: PipelineParts): Situation {
  return {
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
}

/** Registers every command and installs the middleware chain on the bot. */
export function installPipeline(parts: PipelineParts): void {
  const { bot, commands, calls, clock, config, logger, backend, metrics, dialogs, faq } = parts;
  const { privacy, retention, funnel, webConsole, channelWelcome, confirmations } = parts;
  const situation = situationOf(parts);
  const welcome = welcomeCommand(situation);
  const help = helpCommand(commands, situation);
  const talkToPerson = talkToPersonCommand(faq.service, config, situation.inProgress);
  commands.add(
    welcome,
    help,
    languageCommand,
    privacy.myDataCommand,
    privacy.forgetMeCommand,
    keepApplicationCommand(retention, clock),
    statsCommand(funnel, (id) => calls.get(id)),
    ...dialogs.commands,
    ...ruleCommands({ calls, clock, timezone: config.BOT_TIMEZONE, logger }),
    ...parts.schedulingCommands,
    ...faq.commands,
    talkToPerson,
    webConsole.command,
    channelWelcome.command,
  );
  bot.use(
    webConsole.middleware,
    answeredMiddleware(backend.atomic),
    dropDuplicateEvents({
      atomic: backend.atomic,
      onDuplicate: (platform) => metrics.duplicateEvents.inc({ platform }),
    }),
    observeTurns(metrics, funnel, parts.activity),
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
    personRequests(talkToPerson),
    languageInWords,
    confirmations.middleware,
    dialogs.openings,
    runCommands,
    dialogs.middleware,
    welcomeFirstContact(situation),
    thanks,
    broadcastAsks(help),
    faq.middleware,
    fallback,
  );
}
