/** Platform-neutral message model: what adapters hand to the core and what the core hands back. */
import type { Lang } from './i18n.ts';

/** Platforms the bot can run on. */
export type Platform = 'shell' | 'slack' | 'matrix';

/** Where a message came from or where a reply goes: plain data, safe to store (Bot Framework's "conversation reference"). */
export interface ConversationRef {
  platform: Platform;
  /** Slack team id, Matrix server name…: scopes every stored item (one deployment may serve several workspaces). */
  workspace?: string;
  /** The room / channel id; for a direct message, the DM room id (or the user id where the platform has none yet). */
  roomId: string;
  /** The user the conversation is with, when it is a direct message or a reply to a person. */
  userId?: string;
  /** True for a one-to-one conversation with the bot. */
  isDirect: boolean;
  /** Platform thread to answer in (Slack thread_ts, Matrix thread root event id). */
  threadId?: string;
}

/** One incoming message, already stripped of platform prefixes (`/nec`, `!nec`, a mention). */
export interface IncomingMessage {
  ref: ConversationRef;
  userId: string;
  userName?: string;
  text: string;
  /** A choice id when the user clicked a button or picked an option rather than typing. */
  choiceId?: string;
  /** The platform's idea of the user's language, when it has one. */
  langHint?: Lang;
  /** The user's IANA time zone, when the platform knows it (Slack profile). */
  timezone?: string;
  /** Whether the adapter established that this user is a community manager (role checked by the adapter). */
  isManager?: boolean;
  /** Platform event id, used to ignore retries and duplicates. */
  eventId?: string;
  /**
   * The event was kept in the inbox before it was acknowledged (src/ops/inbox.ts): it is claimed already,
   * and its replies are saved with the person's state so that a process taking it over never runs it twice.
   */
  kept?: boolean;
  timestamp: Date;
  /** A whole application form submitted at once (Slack's modal) instead of a text. */
  form?: SubmittedForm;
  /**
   * The dialog question a native input answers (a date picked, a poll vote), from the reply's `data`: the
   * answer counts only while that question is the one being asked.
   */
  answering?: { application: string; slot: string };
}

/**
 * A person who joined a channel (Slack `member_joined_channel`, Matrix `m.room.member` join), for the
 * channel's welcome. Adapters leave out the bot's own joins and, where the platform tells, other bots'.
 */
export interface MemberJoin {
  /** The channel joined. */
  ref: ConversationRef;
  userId: string;
  /** The platform's idea of the person's language, when it has one (Slack profile). */
  langHint?: Lang;
  /** Platform event id, for the logs. */
  eventId?: string;
  timestamp: Date;
}

/** Every answer of an application sent at once, by slot, as typed or picked (choice ids comma-separated). */
export interface SubmittedForm {
  applicationId: string;
  /** An empty or missing value clears an optional answer. */
  values: Record<string, string | undefined>;
}

/** The kind of answer a question takes: platforms with native inputs show one (date picker, number field). */
export interface AnswerInput {
  kind: 'text' | 'integer' | 'number' | 'money' | 'date' | 'boolean' | 'choice' | 'multi';
  /** Bounds of a count. */
  min?: number;
  max?: number;
}

/** A button / numbered option. */
export interface Choice {
  id: string;
  label: string;
}

/** A label–value pair, rendered as Slack fields or an HTML table. */
export interface Field {
  label: string;
  value: string;
}

/** A file the reply hands over (dossier export, personal data export). */
export interface Attachment {
  filename: string;
  mimeType: string;
  content: string;
}

/** A platform-neutral reply. `text` is a Markdown subset: **bold**, _italic_, `code`, [links](url), lists. */
export interface Reply {
  text: string;
  /** What the reply is (`help`, `fallback`, `faq:<id>`, `dialog:<id>:<slot>`…): fixed names listed in docs/intents.md. */
  intent: string;
  choices?: Choice[];
  /** Choices may be combined (checkboxes / "1, 3"). */
  multiple?: boolean;
  /** A question's kind of answer, for native inputs; typing the answer always works too. */
  input?: AnswerInput;
  fields?: Field[];
  attachments?: Attachment[];
  /** Structured data for scripts and adapters (e.g. the verdict of a summary). */
  data?: Record<string, unknown>;
  /** Deliver to the user's direct conversation rather than where the message came from. */
  toDirect?: boolean;
  /** Only the user should see it (Slack ephemeral), when the platform can. */
  ephemeral?: boolean;
}

/** A scheduled message that became due (reminder, broadcast), handed to the adapter of `ref.platform`. */
export interface Delivery {
  ref: ConversationRef;
  reply: Reply;
  /** Stable id of the job, reused as the platform's idempotency key where it has one (Matrix txnId). */
  jobId: string;
  /** An earlier send of this job may have reached the platform: look for it before posting again. */
  inDoubt?: boolean;
  /** The language the reply is written in: the labels an adapter adds follow it. */
  lang: Lang;
}

/** One answer of an application as a form input. */
export interface FormField {
  slot: string;
  /** The step's short label. */
  label: string;
  /** The question as the chat asks it (Markdown). */
  prompt: string;
  input: AnswerInput;
  optional: boolean;
  choices?: Choice[];
  /** The current answer as a form pre-fills it: a day (`YYYY-MM-DD`), a number, choice ids, a text. */
  value?: string | string[];
}

/** An application as one form: every step that applies, with its answer so far. */
export interface ApplicationForm {
  applicationId: string;
  /** The call's name. */
  title: string;
  lang: Lang;
  fields: FormField[];
}
