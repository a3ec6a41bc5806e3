/**
 * The adapters' port: all a platform adapter may use of the bot (hexagonal "port", Bot Framework's adapter
 * boundary). An adapter imports this module and its SDK, nothing else of ours — the rule is tested in
 * test/architecture.test.ts. What a platform shows is computed in the core and handed over ready to render.
 */
import type { Keyv } from 'keyv';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Inbox, KeptEvent } from '../ops/inbox.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Leases } from '../scheduler/job.ts';
import type { Adapter } from './adapter.ts';
import type { Clock, DueWork, ManualClock } from './clock.ts';
import type { Lang, Localized } from './i18n.ts';
import type {
  AnswerInput,
  ApplicationForm,
  Attachment,
  Choice,
  ConversationRef,
  Delivery,
  Field,
  FormField,
  IncomingMessage,
  MemberJoin,
  Platform,
  Reply,
  SubmittedForm,
} from './message.ts';

export { fill, isLang } from './i18n.ts';
export { isOwnLink } from './links.ts';
export { perLanguage } from './per-language.ts';
export { plainText, withoutMarkdown } from './plain-text.ts';
export { type Counted, plural, pluralized } from './plural.ts';
export { RetryAfterError } from './retry-after.ts';
export { parseInstant } from './time.ts';
/** `t` for the adapters' own labels: French typography applied as to the core's replies. */
export { typesetT as t } from './typography.ts';
export type {
  Adapter,
  AnswerInput,
  ApplicationForm,
  Attachment,
  Choice,
  Clock,
  Config,
  ConversationRef,
  Delivery,
  DueWork,
  Field,
  FormField,
  Inbox,
  IncomingMessage,
  KeptEvent,
  Keyv,
  Lang,
  Leases,
  Localized,
  Logger,
  ManualClock,
  MemberJoin,
  Platform,
  Reply,
  SubmittedForm,
};

/** A reply with what a renderer needs besides the reply itself. */
export interface OutgoingReply extends Reply {
  /** The language the reply is in: the labels a renderer adds (buttons, "Answer:"…) follow it. */
  lang: Lang;
  /** Display names of the benefits a summary's verdict names (`data.verdict`), by benefit id, in `lang`. */
  benefitNames?: Record<string, string>;
}

/** A person on a platform (the key of what the bot keeps about them). */
export interface PersonRef {
  platform: Platform;
  workspace?: string;
  userId: string;
}

/** Whom "forget me" forgets: where they asked, and the language to report in. */
export interface ForgottenPerson extends PersonRef {
  ref: ConversationRef;
  lang: Lang;
}

/**
 * Platform clean-up run when a person is forgotten, given what was erased of their records; resolves with
 * a line for the report they get, if any.
 */
export type PlatformForgetHook = (
  person: ForgottenPerson,
  erased: Record<string, unknown>,
) => Promise<Localized | undefined>;

/** Platform data kept about a person: `my data` lists it, `forget me` erases it (and hands it to the hooks). */
export interface PersonalRecords {
  get(person: PersonRef, name: string): Promise<unknown>;
  set(person: PersonRef, name: string, value: unknown): Promise<void>;
  delete(person: PersonRef, name: string): Promise<void>;
}

/** What the overview is asked for: whose, in which language and zone, and whether they manage the community. */
export interface OverviewRequest extends PersonRef {
  lang: Lang;
  timezone: string;
  /** Community managers also get the workspace's broadcasts and subscriptions. */
  isManager: boolean;
}

/** One of a person's applications, as a platform lists it. */
export interface ApplicationOverview {
  id: string;
  callId: string;
  /** The call's name in the requested language (the id when the call is gone). */
  callName: string;
  status: 'in_progress' | 'complete';
  /**
   * Where the person is, when the call and its dialog are known: the step asked (k of n), how many of the n
   * steps that apply have an answer, and the step as the chat words it (`heading`, Markdown: « **Étape 5**
   * (encore 12 questions ensuite) »), so that a platform shows the same words as the conversation.
   */
  progress?: { step: number; total: number; answered: number; heading: string };
  /** What the rules say of the answers so far, per benefit, named in the requested language. */
  verdicts: Array<{ benefit: string; eligible: boolean | null }>;
  /**
   * The next key date to come (a deadline, the event…), in the requested zone: its day (`YYYY-MM-DD`), that day
   * in words in the requested language (`when`: « 23 novembre 2026 »), and what it is.
   */
  nextDate?: { day: string; when: string; label: string };
  /** What a platform may offer as buttons (resume, export): each id is the message that does it. */
  actions: Choice[];
}

/** A reminder to come. */
export interface ReminderOverview {
  dueAt: number;
  /** The zone the reminder keeps. */
  timezone: string;
  text: string;
}

/** A manager's broadcast still to be sent. */
export interface BroadcastOverview {
  id: string;
  dueAt: number;
  rooms: string[];
  text: string;
}

/** A channel following a call's key dates. */
export interface SubscriptionOverview {
  roomId: string;
  callId: string;
  callName: string;
  timezone: string;
}

/** What a platform shows beside the chat (Slack's App Home). */
export interface Overview {
  applications: ApplicationOverview[];
  reminders: ReminderOverview[];
  /** Only for community managers: their workspace's broadcasts and channel subscriptions. */
  manager?: { broadcasts: BroadcastOverview[]; subscriptions: SubscriptionOverview[] };
}

/** What a submitted form gave: the replies, and the message of each field it could not take (nothing saved). */
export interface FormOutcome {
  replies: OutgoingReply[];
  errors?: Record<string, string>;
}

/** An HTTP route an adapter's own server also serves (health, metrics, console), in Bolt's `CustomRoute` shape. */
export interface HttpRoute {
  path: string;
  method: string;
  handler(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void;
}

/** The bot as an adapter sees it. */
export interface BotPort {
  /** Runs one message through the core; resolves, once the person's state is saved, with the replies. */
  handle(message: IncomingMessage): Promise<OutgoingReply[]>;
  /**
   * A person joined a channel: the private welcome to give them, when a manager turned it on there and they
   * have not had it (once per person and channel, across replicas; a per-channel budget holds back a mass
   * join). The adapter renders it privately (Slack: ephemeral, else a DM; Matrix: a notice addressed to them).
   */
  memberJoined(join: MemberJoin): Promise<OutgoingReply | undefined>;
  /** The language the core last settled on with a person, for what an adapter says outside a turn. */
  languageOf(person: PersonRef): Promise<Lang>;
  /** A person's applications and reminders, and for managers their broadcasts and subscriptions. */
  overview(request: OverviewRequest): Promise<Overview>;
  /** A person's application as one form, every answer an input; undefined when they have none of that id. */
  applicationForm(person: PersonRef, applicationId: string): Promise<ApplicationForm | undefined>;
  /**
   * Saves a whole form in one go, read by the chat's parsers: resolves with the replies (what was saved,
   * the next question or the summary), or with the message of each field it cannot take (nothing saved).
   */
  submitForm(message: IncomingMessage & { form: SubmittedForm }): Promise<FormOutcome>;
  /** Adds platform clean-up to "forget me" (caches, messages to redact). */
  onForget(hook: PlatformForgetHook): void;
  /** Platform data about a person that "my data" shows and "forget me" erases. */
  readonly personal: PersonalRecords;
  /** Platform state shared by the replicas (installations, sync position). */
  readonly kv: Keyv;
  /**
   * Where an event is kept before the platform is told it arrived, so that a process killed after the
   * acknowledgement loses nothing: another process (or the restarted one) answers it, once.
   */
  readonly inbox: Inbox;
  /** Named leases on the shared store (one Matrix sync at a time across replicas). */
  readonly leases: Leases;
  /** The counters adapters increment. */
  readonly metrics: Pick<Metrics, 'platformRateLimitWaits'>;
  /** The language of what is said before anyone's language is known. */
  readonly defaultLang: Lang;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** What the composition root hands an adapter's factory: the port, the settings, the routes to serve. */
export interface AdapterContext {
  port: BotPort;
  config: Config;
  /** Routes the adapter's HTTP server serves too, when it has one (Slack's receiver). */
  routes: HttpRoute[];
}
