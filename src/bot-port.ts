/**
 * The adapters' port (src/core/port.ts) built on the assembled core: each reply leaves with its language and
 * the benefit names a renderer shows, the overview comes from the features, "forget me" hooks get the person
 * rather than the core's turn.
 */
import { FORM_INVALID } from '../dialogs/index.ts';
import type { CallRegistry } from '../rules/index.ts';
import type { Bot } from './core/bot.ts';
import type { Clock } from './core/clock.ts';
import { ConversationStore } from './core/conversation.ts';
import type { Lang } from './core/i18n.ts';
import type { ApplicationForm, MemberJoin, Reply } from './core/message.ts';
import type { BotPort, OutgoingReply, PersonRef } from './core/port.ts';
import { typeset, typesetFrench } from './core/typography.ts';
import { type OverviewOptions, overviewOf } from './features/overview.ts';
import type { Logger } from './logger.ts';
import type { Inbox } from './ops/inbox.ts';
import type { Metrics } from './ops/metrics.ts';
import type { Privacy } from './ops/privacy.ts';
import type { Leases } from './scheduler/job.ts';
import type { Backend } from './store/open-store.ts';
import { type UserKey, type UserRecords, userKey } from './store/user-records.ts';

export interface BotPortParts extends OverviewOptions {
  bot: Bot;
  /** The channel welcome a person who joined gets, if any (src/features/channel-welcome.ts). */
  welcome(join: MemberJoin): Promise<{ reply: Reply; lang: Lang } | undefined>;
  /** An application as one form (the dialogs' native inputs). */
  form(user: UserKey, applicationId: string, lang: Lang): Promise<ApplicationForm | undefined>;
  privacy: Privacy;
  records: UserRecords;
  calls: CallRegistry;
  backend: Backend;
  leases: Leases;
  inbox: Inbox;
  metrics: Metrics;
  defaultLang: Lang;
  clock: Clock;
  logger: Logger;
}

const keyOf = (person: PersonRef) => userKey(person.platform, person.userId, person.workspace);

export function createBotPort(parts: BotPortParts): BotPort {
  const { bot, privacy, records, calls } = parts;
  const conversations = new ConversationStore(records);
  /** The reply, its language, and the names of the benefits its verdict lists (a summary's). */
  const outgoing = (reply: Reply, lang: Lang): OutgoingReply => {
    const call = typeof reply.data?.call === 'string' ? calls.get(reply.data.call) : undefined;
    if (!call) return { ...reply, lang };
    const benefitNames = Object.fromEntries(call.benefits.map((b) => [b.id, b.name[lang]]));
    return { ...reply, lang, benefitNames };
  };
  const handle: BotPort['handle'] = async (message) => {
    const { replies, lang } = await bot.answer(message);
    return replies.map((reply) => outgoing(reply, lang));
  };
  const languageOf: BotPort['languageOf'] = async (person) =>
    (await conversations.load(keyOf(person))).lang ?? parts.defaultLang;
  return {
    handle,
    applicationForm: async (person, applicationId) =>
      parts.form(keyOf(person), applicationId, await languageOf(person)),
    submitForm: async (message) => {
      const replies = await handle(message);
      const refused = replies.find((r) => r.intent === FORM_INVALID);
      const errors = refused?.data?.errors as Record<string, string> | undefined;
      if (!errors) return { replies };
      // Shown beside the form's fields: typeset like the replies' own texts.
      const shown = (text: string) => (refused?.lang === 'fr' ? typesetFrench(text) : text);
      return { replies, errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, shown(v)])) };
    },
    memberJoined: async (join) => {
      const welcome = await parts.welcome(join);
      return welcome && outgoing(typeset(welcome.reply, welcome.lang), welcome.lang);
    },
    languageOf,
    overview: (request) => overviewOf(parts, request),
    onForget: (hook) => {
      privacy.onForget(async (_user, turn, erased) => {
        const { ref, userId } = turn.message;
        const forgotten = { platform: ref.platform, workspace: ref.workspace, userId, ref, lang: turn.lang };
        return hook(forgotten, erased);
      });
    },
    personal: {
      get: (person, name) => records.get(keyOf(person), name),
      set: (person, name, value) => records.set(keyOf(person), name, value),
      delete: (person, name) => records.delete(keyOf(person), name),
    },
    kv: parts.backend.kv,
    leases: parts.leases,
    inbox: parts.inbox,
    metrics: parts.metrics,
    defaultLang: parts.defaultLang,
    clock: parts.clock,
    logger: parts.logger,
  };
}
