/**
 * The welcome in channels: a community manager turns it on for a channel (`accueil on` / `welcome on`), and
 * whoever joins that channel then gets a short private welcome — once per person and channel, in their
 * language when the bot knows it, and no more than a budget per channel and window, so that a whole team
 * added at once does not flood anyone. The adapters map their join event to a `MemberJoin` and render the
 * reply (Slack: ephemeral; Matrix: a notice addressed to the person, or their DM).
 */
import type { Command } from '../core/commands.ts';
import type { Lang, Localized } from '../core/i18n.ts';
import { t } from '../core/i18n.ts';
import type { ConversationRef, MemberJoin, Reply } from '../core/message.ts';
import { normalize } from '../core/text.ts';
import type { Turn } from '../core/turn.ts';
import type { Logger } from '../logger.ts';
import { type AtomicOps, readJson, updateJson } from '../store/atomic.ts';
import { personDigest, type UserKey, type UserRecords, userKey } from '../store/user-records.ts';

/**
 * At most this many welcomes per channel and window. Over it a join is skipped quietly: a batch would have to
 * be public (it names people) and late, and the welcome only says what anyone gets by writing « aide ». The
 * person skipped is not marked welcomed, so a later join of theirs is welcomed.
 */
export const WELCOME_BUDGET = { welcomes: 10, windowMs: 10 * 60_000 };

const CHANNELS_KEY = 'channel-welcome:channels';
/** The person's record of a channel's welcome: `my data` shows it, `forget me` erases it (and its claim). */
const RECORD_PREFIX = 'channel-welcome:';

/** A channel whose newcomers are welcomed, in the language of the manager who turned it on when theirs is unknown. */
interface WelcomedChannel {
  ref: Pick<ConversationRef, 'platform' | 'workspace' | 'roomId'>;
  lang: Lang;
}

export const CHANNEL_WELCOME: Localized = {
  fr: 'Bienvenue dans ce canal ! Je suis nec-bot, l’assistant de la communauté Numérique en Commun[s] : je réponds à vos questions, je vous aide à préparer une candidature aux appels et je vous envoie des rappels. Pour commencer, écrivez-moi « bonjour » en message privé.',
  en: 'Welcome to this channel! I am nec-bot, the Numérique en Commun[s] community assistant: I answer your questions, help you prepare an application to the calls and send you reminders. To start, write “hello” to me in a direct message.',
};

/** The words after `accueil` / `welcome`, as typed without accents. */
const ON_WORDS = ['on', 'oui', 'activer', 'active', 'yes', 'enable'];
const OFF_WORDS = ['off', 'non', 'desactiver', 'desactive', 'no', 'disable'];

export interface ChannelWelcomeOptions {
  atomic: AtomicOps;
  records: UserRecords;
  /** The language the bot last settled on with a person, if it ever spoke with them. */
  languageOf(user: UserKey): Promise<Lang | undefined>;
  defaultLang: Lang;
  logger: Logger;
}

const sameChannel = (a: WelcomedChannel['ref'], b: WelcomedChannel['ref']) =>
  a.platform === b.platform && a.workspace === b.workspace && a.roomId === b.roomId;

/** The claim that makes a welcome once only, across replicas (the person appears only as a digest). */
const sentKey = (user: UserKey, roomId: string) => `channel-welcome:sent:${personDigest(user)}:${roomId}`;

export class ChannelWelcome {
  readonly #o: ChannelWelcomeOptions;

  constructor(options: ChannelWelcomeOptions) {
    this.#o = options;
  }

  /** The welcome a person who just joined a channel gets, with its language; undefined when there is none to give. */
  async welcome(join: MemberJoin): Promise<{ reply: Reply; lang: Lang } | undefined> {
    const { atomic, records } = this.#o;
    const channels = await readJson<WelcomedChannel[]>(atomic, CHANNELS_KEY, []);
    const channel = channels.find((c) => sameChannel(c.ref, join.ref));
    if (!channel) return undefined;
    const user = userKey(join.ref.platform, join.userId, join.ref.workspace);
    const claim = sentKey(user, join.ref.roomId);
    if (!(await atomic.setIfAbsent(claim, '1'))) return undefined;
    const now = join.timestamp.getTime();
    const window = Math.floor(now / WELCOME_BUDGET.windowMs);
    const budgetKey = `channel-welcome:budget:${join.ref.platform}:${join.ref.workspace ?? '-'}:${join.ref.roomId}:${window}`;
    const count = await atomic.increment(budgetKey, 1, 2 * WELCOME_BUDGET.windowMs);
    if (count > WELCOME_BUDGET.welcomes) {
      await atomic.delete(claim);
      this.#o.logger.info(
        { platform: join.ref.platform, roomId: join.ref.roomId, count },
        'channel welcome skipped: the channel is over its welcome budget (a mass join)',
      );
      return undefined;
    }
    await records.set(user, `${RECORD_PREFIX}${join.ref.roomId}`, { at: join.timestamp.toISOString() });
    const lang = (await this.#o.languageOf(user)) ?? join.langHint ?? channel.lang ?? this.#o.defaultLang;
    return {
      reply: { intent: 'channel-welcome', text: t(lang, CHANNEL_WELCOME), ephemeral: true },
      lang,
    };
  }

  /** "Forget me": the claims of the channels whose welcome the person's records list are dropped too. */
  async forget(user: UserKey, erased: Record<string, unknown>): Promise<void> {
    for (const name of Object.keys(erased)) {
      if (name.startsWith(RECORD_PREFIX))
        await this.#o.atomic.delete(sentKey(user, name.slice(RECORD_PREFIX.length)));
    }
  }

  /** `accueil on|off` / `welcome on|off`: a manager turns the welcome of the current channel on or off. */
  readonly command: Command = {
    id: 'channel-welcome',
    aliases: { fr: ['accueil'], en: ['welcome'] },
    managerOnly: true,
    summary: {
      fr: 'accueillir en privé qui rejoint ce canal',
      en: 'welcome whoever joins this channel, privately',
    },
    usage: { fr: 'on|off', en: 'on|off' },
    accepts: (args) => [...ON_WORDS, ...OFF_WORDS].includes(normalize(args)),
    run: (turn, args) => this.#run(turn, normalize(args)),
  };

  async #run(turn: Turn, word: string): Promise<void> {
    const { ref } = turn.message;
    if (ref.isDirect) {
      turn.say({
        intent: 'channel-welcome:refused',
        text: turn.t({
          fr: 'Tapez « accueil on » dans le canal dont vous voulez accueillir les nouveaux venus (une conversation privée n’a pas d’arrivées).',
          en: 'Type “welcome on” in the channel whose newcomers you want welcomed (a direct conversation has no one joining).',
        }),
      });
      return;
    }
    const here = { platform: ref.platform, workspace: ref.workspace, roomId: ref.roomId };
    const on = ON_WORDS.includes(word) ? true : OFF_WORDS.includes(word) ? false : undefined;
    if (on === undefined) {
      const channels = await readJson<WelcomedChannel[]>(this.#o.atomic, CHANNELS_KEY, []);
      const active = channels.some((c) => sameChannel(c.ref, here));
      turn.say({
        intent: 'channel-welcome:status',
        text: turn.t(
          active
            ? {
                fr: 'L’accueil est activé dans ce canal : qui le rejoint reçoit un message de bienvenue privé. « accueil off » l’arrête.',
                en: 'The welcome is on in this channel: whoever joins gets a private welcome. “welcome off” stops it.',
              }
            : {
                fr: 'L’accueil n’est pas activé dans ce canal. « accueil on » l’active.',
                en: 'The welcome is off in this channel. “welcome on” turns it on.',
              },
        ),
        data: { on: active },
      });
      return;
    }
    await updateJson<WelcomedChannel[]>(this.#o.atomic, CHANNELS_KEY, [], (all) => [
      ...all.filter((c) => !sameChannel(c.ref, here)),
      ...(on ? [{ ref: here, lang: turn.lang }] : []),
    ]);
    turn.say({
      intent: on ? 'channel-welcome:on' : 'channel-welcome:off',
      text: turn.t(
        on
          ? {
              fr: 'C’est activé : qui rejoint ce canal recevra un court message de bienvenue, visible de lui seul, une fois, dans sa langue. Je dois être membre du canal pour voir les arrivées.',
              en: 'Done: whoever joins this channel will get a short welcome only they can see, once, in their language. I must be a member of the channel to see who joins.',
            }
          : {
              fr: 'C’est désactivé : je n’accueille plus les nouveaux venus de ce canal.',
              en: 'Done: I no longer welcome newcomers to this channel.',
            },
      ),
    });
  }
}
