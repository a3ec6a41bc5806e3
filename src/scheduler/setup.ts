/** Assembles the scheduler, its stores, the reminders, broadcasts and subscriptions, for the composition root. */
import type { CallDefinition, CallRegistry } from '../../rules/index.ts';
import type { Outbox } from '../core/adapter.ts';
import type { Clock } from '../core/clock.ts';
import type { Command } from '../core/commands.ts';
import type { Confirmations } from '../core/confirmations.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Backend } from '../store/open-store.ts';
import type { UserRecords } from '../store/user-records.ts';
import { ApplicationReminders } from './application-reminders.ts';
import { Broadcasts } from './broadcasts.ts';
import { DeliveryQueue } from './delivery-queue.ts';
import type { Leases } from './job.ts';
import { openJobs } from './open-jobs.ts';
import { reminderCommands } from './reminder-commands.ts';
import { rulesCalendar } from './rules-calendar.ts';
import { MAX_QUEUE_WAIT_MS, Scheduler } from './scheduler.ts';
import { Subscriptions } from './subscriptions.ts';

export interface SchedulingOptions {
  backend: Backend;
  outbox: Outbox;
  confirmations: Confirmations;
  records: UserRecords;
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  defaultZone: string;
  /** The rules' calls (key dates, names); reloads recompute the channels' announcements and the applications' reminders. */
  calls: Pick<CallRegistry, 'get' | 'onReload'>;
}

export interface Scheduling {
  scheduler: Scheduler;
  reminders: ApplicationReminders;
  broadcasts: Broadcasts;
  subscriptions: Subscriptions;
  leases: Leases;
  /** The reminder, time-zone, broadcast and subscription commands. */
  commands: Command[];
}

export async function createScheduling(options: SchedulingOptions): Promise<Scheduling> {
  const { jobs, leases } = await openJobs(options.backend);
  const queue = new DeliveryQueue({
    send: (delivery) => options.outbox.deliver(delivery),
    maxWaitMs: MAX_QUEUE_WAIT_MS,
    onWait: (platform) => options.metrics?.platformRateLimitWaits.inc({ platform }),
  });
  const scheduler = new Scheduler({
    store: jobs,
    queue,
    logger: options.logger,
    metrics: options.metrics,
    now: () => options.clock.now().getTime(),
  });
  const calendar = rulesCalendar(options.calls);
  const now = () => options.clock.now();
  const reminders = new ApplicationReminders({
    scheduler,
    confirmations: options.confirmations,
    records: options.records,
    atomic: options.backend.atomic,
    logger: options.logger,
    calendar,
    now,
    defaultZone: options.defaultZone,
  });
  const broadcasts = new Broadcasts({
    scheduler,
    confirmations: options.confirmations,
    atomic: options.backend.atomic,
    defaultZone: options.defaultZone,
  });
  const subscriptions = new Subscriptions({
    scheduler,
    atomic: options.backend.atomic,
    calendar,
    callName: (id, lang) => callName(options.calls.get(id), lang),
    now,
    defaultZone: options.defaultZone,
  });
  options.calls.onReload((changed) => subscriptions.recompute(changed));
  options.calls.onReload(async (changed) => {
    await reminders.recomputeCalls(changed);
  });
  return {
    scheduler,
    reminders,
    broadcasts,
    subscriptions,
    leases,
    commands: [
      ...reminderCommands(scheduler, options.defaultZone, (turn, zone) =>
        reminders.resyncUser(turn.user, turn.lang, zone),
      ),
      ...broadcasts.commands,
      ...subscriptions.commands,
    ],
  };
}

function callName(call: CallDefinition | undefined, lang: 'fr' | 'en'): string | undefined {
  return call?.name[lang];
}
