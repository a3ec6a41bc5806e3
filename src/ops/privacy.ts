/**
 * The person's rights over their data: `my data` exports everything stored about them, `forget me` erases
 * it after a confirmation, and the first reply they ever get says so in one line.
 */
import type { Middleware } from '../core/bot.ts';
import type { Clock } from '../core/clock.ts';
import type { Command } from '../core/commands.ts';
import type { Confirmations } from '../core/confirmations.ts';
import type { Lang, Localized } from '../core/i18n.ts';
import type { IncomingMessage } from '../core/message.ts';
import { type Counted, REMINDERS } from '../core/plural.ts';
import { rateLimitKeys } from '../core/rate-limit.ts';
import type { Turn } from '../core/turn.ts';
import type { AtomicOps } from '../store/atomic.ts';
import { forgetDigest, type UserKey, type UserRecords } from '../store/user-records.ts';
import { erasureLines } from './erasure-days.ts';

/** What the scheduler offers about a person's jobs, when it is there. */
export interface UserJobs {
  listForUser(user: UserKey): Promise<unknown[]>;
  removeByUser(user: UserKey): Promise<unknown>;
}

function hasUserJobs(scheduler: object): scheduler is UserJobs {
  return 'listForUser' in scheduler && 'removeByUser' in scheduler;
}

/**
 * Platform clean-up when a person is forgotten (the Matrix adapter redacts the messages that carried their
 * files); runs once the records are erased and gets what they held (`erased`, by name), so it can act on what
 * the platform recorded there. Resolves with a line for the report, saying what it did, if anything.
 */
export type ForgetHook = (
  user: UserKey,
  turn: Turn,
  erased: Record<string, unknown>,
) => Promise<Localized | undefined>;

export interface PrivacyOptions {
  atomic: AtomicOps;
  clock: Clock;
  records: UserRecords;
  confirmations: Confirmations;
  /** The app's scheduler, read when needed (it may be replaced after the app is assembled). */
  scheduler: () => object;
  /** Run once everything is erased, with the erasing message: removes the store's own copies of what was deleted. */
  afterErasure?: (message: IncomingMessage) => Promise<void>;
  /** An application as people know it (its call and organiser), from its stored record; never its id. */
  applicationTitle?: (record: unknown, lang: Lang) => string | undefined;
}

const FORGET_ACTION = 'forget-me';

/** The one line the first reply carries. */
export const PRIVACY_NOTICE: Localized = {
  fr: '_Je garde vos réponses et préférences pour vous accompagner : « mes données » vous les montre, « oublie-moi » les efface._',
  en: '_I keep your answers and preferences to help you: “my data” shows them, “forget me” erases them._',
};

// Record names are `<kind>` or `<kind>:<id>`; these kinds get a readable label in the forget-me report.
const RECORD_KINDS: Record<string, Counted> = {
  conversation: once({
    fr: 'votre état de conversation et vos préférences',
    en: 'your conversation state and preferences',
  }),
  application: {
    fr: { one: '{count} candidature et ses réponses', other: '{count} candidatures et leurs réponses' },
    en: { one: '{count} application and its answers', other: '{count} applications and their answers' },
  },
  export: {
    fr: { one: '{count} export de dossier', other: '{count} exports de dossier' },
    en: { one: '{count} dossier export', other: '{count} dossier exports' },
  },
  'channel-welcome': {
    fr: { one: '{count} accueil dans un canal', other: '{count} accueils dans des canaux' },
    en: { one: '{count} channel welcome', other: '{count} channel welcomes' },
  },
  'matrix-files': once({
    fr: 'la liste des messages Matrix portant vos fichiers',
    en: 'the list of the Matrix messages carrying your files',
  }),
};

/** A record kind that is one thing whatever the count (a single record per person). */
function once(text: Localized): Counted {
  return { fr: { one: text.fr, other: text.fr }, en: { one: text.en, other: text.en } };
}

export class Privacy {
  readonly #options: PrivacyOptions;
  readonly #hooks: ForgetHook[] = [];

  constructor(options: PrivacyOptions) {
    this.#options = options;
    options.confirmations.register(FORGET_ACTION, {
      yes: (turn) => this.#forget(turn),
      declined: { fr: 'Très bien, je ne supprime rien.', en: 'All right, I delete nothing.' },
    });
  }

  /** Adds work to do when a person is forgotten (platform-side clean-up). */
  onForget(hook: ForgetHook): void {
    this.#hooks.push(hook);
  }

  /** Everything stored about a person, as one JSON-ready object. */
  async export(user: UserKey, now: Date): Promise<Record<string, unknown>> {
    const { records } = this.#options;
    const scheduler = this.#options.scheduler();
    return {
      user,
      exportedAt: now.toISOString(),
      records: await records.all(user),
      reminders: hasUserJobs(scheduler) ? await scheduler.listForUser(user) : [],
    };
  }

  /** `my data` / `mes données`. */
  readonly myDataCommand: Command = {
    id: 'my-data',
    aliases: { en: ['my data'], fr: ['mes données'] },
    summary: {
      fr: 'tout ce que je garde sur vous, en fichier JSON',
      en: 'everything I keep about you, as a JSON file',
    },
    run: async (turn) => {
      const data = await this.export(turn.user, turn.time.now);
      turn.say({
        intent: 'privacy:export',
        toDirect: true,
        // When each application goes is said here too, not only when it happens.
        text: [
          turn.t({
            fr: 'Voici tout ce que je garde sur vous (fichier JSON). Pour tout effacer : « oublie-moi ».',
            en: 'Here is everything I keep about you (JSON file). To erase it all: “forget me”.',
          }),
          ...erasureLines(data.reminders as unknown[], turn.lang, (id) =>
            this.#options.applicationTitle?.(
              (data.records as Record<string, unknown>)[`application:${id}`],
              turn.lang,
            ),
          ),
        ].join('\n'),
        attachments: [
          {
            filename: `nec-bot-my-data-${turn.time.now.toISOString().slice(0, 10)}.json`,
            mimeType: 'application/json',
            content: `${JSON.stringify(data, null, 2)}\n`,
          },
        ],
      });
    },
  };

  /** `forget me` / `oublie-moi`: asks first. */
  readonly forgetMeCommand: Command = {
    id: 'forget-me',
    aliases: { en: ['forget me'], fr: ['oublie-moi', 'oublie moi', 'oubliez-moi', 'oubliez moi'] },
    summary: { fr: 'effacer tout ce que je garde sur vous', en: 'erase everything I keep about you' },
    run: async (turn) => {
      this.#options.confirmations.ask(
        turn,
        FORGET_ACTION,
        turn.t({
          fr: 'Voulez-vous vraiment que j’efface tout ce que je garde sur vous (candidatures, réponses, rappels, préférences) ? C’est définitif.',
          en: 'Do you really want me to erase everything I keep about you (applications, answers, reminders, preferences)? This cannot be undone.',
        }),
      );
    },
  };

  /** Appends the privacy notice to the first reply a person ever gets. */
  readonly noticeMiddleware: Middleware = async (turn, next) => {
    await next();
    const first = turn.replies[0];
    if (turn.state.greeted || turn.discardState || !first) return;
    first.text = `${first.text}\n\n${turn.t(PRIVACY_NOTICE)}`;
    turn.state.greeted = true;
  };

  async #forget(turn: Turn): Promise<void> {
    const { atomic, clock, records } = this.#options;
    const scheduler = this.#options.scheduler();
    // Read before erasing: platform hooks act on what the records held (e.g. the Matrix messages with files).
    const erased = await records.all(turn.user);
    const names = await records.forget(turn.user);
    const reminders = hasUserJobs(scheduler) ? await scheduler.removeByUser(turn.user) : 0;
    for (const key of rateLimitKeys(turn.user, clock.now().getTime())) await atomic.delete(key);
    const platformLines: Localized[] = [];
    for (const hook of this.#hooks) {
      const line = await hook(turn.user, turn, erased);
      if (line) platformLines.push(line);
    }
    await this.#options.afterErasure?.(turn.message);
    forgetDigest(turn.user);
    // The state of this very turn must not be written back.
    turn.discardState = true;
    const lines = describeDeleted(names, typeof reminders === 'number' ? reminders : 0).map(
      (l) => `• ${turn.plural(l.count, l.label)}`,
    );
    const parts = [
      turn.t({
        fr: 'C’est fait : j’ai effacé tout ce que je gardais sur vous.',
        en: 'Done: I erased everything I kept about you.',
      }),
      ...lines,
      ...platformLines.map((line) => `• ${turn.t(line)}`),
    ];
    if (turn.message.ref.platform === 'matrix') {
      parts.push(
        '',
        turn.t({
          fr: 'Les fichiers déjà envoyés restent dans le stockage de médias du serveur Matrix : je ne peux pas les y effacer.',
          en: 'Files already sent stay in the Matrix server’s media store: I cannot erase them there.',
        }),
      );
    }
    turn.say({ intent: 'privacy:forgotten', text: parts.join('\n') });
  }
}

/** Groups deleted record names by kind, for the report. */
function describeDeleted(
  names: string[],
  reminders: number,
): Array<{ kind: string; label: Counted; count: number }> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const kind = name.split(':')[0] ?? name;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const lines = [...counts].map(([kind, count]) => ({
    kind,
    count,
    label: RECORD_KINDS[kind] ?? once({ fr: `données « ${kind} »`, en: `“${kind}” data` }),
  }));
  if (reminders > 0) lines.push({ kind: 'reminder', count: reminders, label: REMINDERS });
  return lines;
}
