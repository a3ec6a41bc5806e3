/** What the console's pages act on: the same services the chat commands use, nothing of their own. */
import type { Application } from '../../dialogs/application.ts';
import type { CallRegistry } from '../../rules/index.ts';
import type { Clock } from '../core/clock.ts';
import type { FaqService } from '../faq/service.ts';
import type { UnansweredLog } from '../faq/unanswered.ts';
import type { Logger } from '../logger.ts';
import type { Activity } from '../ops/activity.ts';
import type { ApplicationReminders } from '../scheduler/application-reminders.ts';
import type { Broadcasts } from '../scheduler/broadcasts.ts';
import type { Subscriptions } from '../scheduler/subscriptions.ts';
import type { ApplicationsByCall } from '../store/applications-by-call.ts';
import type { UserKey } from '../store/user-records.ts';
import type { CallOverrides } from './call-overrides.ts';
import type { FaqOverrides } from './faq-overrides.ts';

export interface ConsoleServices {
  calls: CallRegistry;
  callOverrides: CallOverrides;
  faq: FaqService;
  faqOverrides: FaqOverrides;
  unanswered: UnansweredLog;
  reminders: ApplicationReminders;
  /** Every application of each call, and how to read one (the call preview). */
  applicationsByCall: ApplicationsByCall;
  applications: { get(user: UserKey, id: string): Promise<Application | undefined> };
  /** A person's own time zone, when they set one. */
  timezoneOf(user: UserKey): Promise<string | undefined>;
  subscriptions: Subscriptions;
  broadcasts: Broadcasts;
  activity: Activity;
  clock: Clock;
  logger: Logger;
  /** The bot's time zone, when the manager's is unknown. */
  defaultZone: string;
}
