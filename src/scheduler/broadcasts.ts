/**
 * Community managers' one-off broadcasts, fr/en: `broadcast [#channels] <when> <message>` / `diffuser …`
 * (preview, then confirmation), `broadcasts` / `diffusions`, `cancel broadcast <id>` / `annuler diffusion <id>`.
 */
import type { Command } from '../core/commands.ts';
import type { Confirmations } from '../core/confirmations.ts';
import type { Lang, Localized } from '../core/i18n.ts';
import type { ConversationRef } from '../core/message.ts';
import type { Counted } from '../core/plural.ts';
import type { Turn } from '../core/turn.ts';
import { formatInstant } from './format.ts';
import type { Job } from './job.ts';
import { type BroadcastScope, inScope, type ManagerChannelOptions, refuse } from './manager-channels.ts';
import { jobOrigin, lateNote, scheduleUnique, whenProblem } from './reminder-commands.ts';
import { parseLeadingWhen } from './when.ts';

/** What a refused time is followed by: broadcasts, not reminders. */
const EXAMPLES: Localized = {
  fr: 'Par exemple : « diffuser #general demain à 9h Clôture des candidatures vendredi », « diffuser dans #general le 12 mars à 10h : … » ou « diffuser maintenant … ».',
  en: 'For example: “broadcast #general tomorrow 9am Applications close on Friday”, “broadcast to #general on 12 March at 10:00: …” or “broadcast now …”.',
};
/** Words people put before the channels (« diffuser dans #general », "broadcast to #general"): not the message. */
const BEFORE_CHANNELS = /^(dans|sur|vers|to|in|on)$/i;

const CHANNELS: Counted = {
  fr: { one: '{count} canal', other: '{count} canaux' },
  en: { one: '{count} channel', other: '{count} channels' },
};

export const BROADCASTS_KEY = 'scheduler:broadcasts';
/** A broadcast is still worth sending this long after its time (the bot was down); later it is dropped. */
const BROADCAST_USEFUL_FOR_MS = 24 * 3600_000;
/** A channel named as `#name`, Slack's `<#C123|name>`, or a Matrix room id `!id:server`. */
const CHANNEL = /^(?:<#([A-Z0-9]+)(?:\|[^>]*)?>|#([\w.-]+)|(![\w.-]+:[\w.-]+))$/;

/** A broadcast still to be sent: one message, one time, one or more channels. */
export interface ScheduledBroadcast {
  id: string;
  dueAt: number;
  /** The zone it was scheduled in. */
  timezone: string;
  platform: ConversationRef['platform'];
  workspace?: string;
  rooms: string[];
  /** The message as it will be posted. */
  text: string;
}

/** A broadcast to schedule: where (one platform and workspace), when, what, in which zone and language. */
export interface BroadcastRequest extends BroadcastScope {
  rooms: string[];
  at: number;
  text: string;
  zone: string;
  lang: Lang;
  /** The confirming turn's {@link jobOrigin}: that turn run again keeps the broadcast it scheduled. */
  origin?: string;
}

/** The broadcasts' parts: the shared ones and the confirmations that ask before scheduling. */
export interface BroadcastOptions extends ManagerChannelOptions {
  confirmations: Confirmations;
}

/** Managers' one-off broadcasts: the commands, and `scheduled(scope)` for listings such as Slack's Home. */
export class Broadcasts {
  readonly #o: BroadcastOptions;
  readonly commands: Command[];

  constructor(options: BroadcastOptions) {
    this.#o = options;
    options.confirmations.register('broadcast:send', {
      declined: {
        fr: 'Diffusion abandonnée : rien n’a été programmé.',
        en: 'Broadcast dropped: nothing was scheduled.',
      },
      yes: (turn, data) => this.#confirm(turn, data),
    });
    this.commands = [this.#broadcast(), this.#list(), this.#cancel()];
  }

  /** The broadcasts still to be sent, soonest first, optionally only those of one platform and workspace. */
  async scheduled(scope?: BroadcastScope): Promise<ScheduledBroadcast[]> {
    const all: ScheduledBroadcast[] = [];
    for (const id of await this.#o.atomic.setMembers(BROADCASTS_KEY)) {
      const jobs = await this.#o.scheduler.listByOwner(`broadcast:${id}`);
      const first = jobs[0];
      // Delivered and cancelled broadcasts have no jobs left; the index forgets them on the next `#confirm`.
      if (!first) continue;
      all.push({
        id,
        dueAt: first.dueAt,
        timezone: first.timezone,
        platform: first.ref.platform,
        workspace: first.ref.workspace,
        rooms: jobs.map((j) => j.ref.roomId),
        text: first.reply.text,
      });
    }
    return all.filter((b) => !scope || inScope(b, scope)).sort((a, b) => a.dueAt - b.dueAt);
  }

  #broadcast(): Command {
    return {
      id: 'broadcast',
      aliases: { en: ['broadcast'], fr: ['diffuser'] },
      managerOnly: true,
      summary: {
        fr: 'programmer un message dans des canaux',
        en: 'schedule a message to channels',
      },
      usage: { fr: '[#canal …] <quand> <message>', en: '[#channel …] <when> <message>' },
      run: async (turn, args) => {
        const words = args.split(/\s+/).filter(Boolean);
        if (BEFORE_CHANNELS.test(words[0] ?? '') && Broadcasts.room(words[1] ?? '')) words.shift();
        const rooms: string[] = [];
        for (let room = Broadcasts.room(words[0] ?? ''); room; room = Broadcasts.room(words[0] ?? '')) {
          words.shift();
          // A channel named twice (`#general #general`) is one channel: one preview line, one message.
          if (!rooms.includes(room)) rooms.push(room);
        }
        if (rooms.length === 0) rooms.push(turn.message.ref.roomId);
        const zone = turn.timezone(this.#o.defaultZone);
        const rest = words.join(' ');
        const now = /^(now|maintenant)\b/i.test(rest);
        const when = now
          ? { ok: true as const, at: turn.time.now, rest: rest.replace(/^\S+\s*/, '') }
          : parseLeadingWhen(rest, turn.time.now, zone);
        if (!when.ok) return refuse(turn, whenProblem(turn, when, zone, EXAMPLES, ONLY_FUTURE));
        // « demain à 9h : Clôture vendredi »: the colon introduces the message, it is not part of it.
        const text = when.rest.replace(/^[:—–-]\s*/, '');
        if (text === '')
          return refuse(
            turn,
            turn.t({ fr: 'Quel message faut-il diffuser ?', en: 'What message should I broadcast?' }),
          );
        const channels = rooms.map((r) => `#${r}`).join(', ');
        const preview = turn.t(
          {
            fr: 'Aperçu — dans {channels}, {at} ({zone}) :\n> {text}',
            en: 'Preview — to {channels}, {at} ({zone}):\n> {text}',
          },
          { channels, at: formatInstant(when.at, zone, turn.lang), zone, text },
        );
        this.#o.confirmations.ask(
          turn,
          'broadcast:send',
          [
            `${preview}${lateNote(turn, zone)}`,
            ...plainTextWarning(turn, text),
            ...replacedPreview(turn),
            turn.t({ fr: 'Je programme cette diffusion ?', en: 'Shall I schedule this broadcast?' }),
          ].join('\n'),
          { rooms, at: when.at.getTime(), text, zone },
        );
      },
    };
  }

  async #confirm(turn: Turn, data: Record<string, unknown>): Promise<void> {
    // The role is checked again: the yes may come from a later message.
    if (!turn.message.isManager) return refuse(turn, turn.t(FORBIDDEN), 'forbidden');
    const rooms = (data.rooms as string[] | undefined) ?? [];
    const at = Math.max(Number(data.at), turn.time.now.getTime());
    const zone = String(data.zone ?? this.#o.defaultZone);
    const { platform, workspace } = turn.message.ref;
    const broadcastId = await this.schedule({
      platform,
      workspace,
      rooms,
      at,
      text: String(data.text ?? ''),
      zone,
      lang: turn.lang,
      origin: jobOrigin(turn, 'broadcast'),
    });
    turn.say({
      intent: 'broadcast:scheduled',
      text: turn.t(
        {
          fr: 'Diffusion `{id}` programmée ({channels}), {at}. Pour l’annuler : `annuler diffusion {id}`.',
          en: 'Broadcast `{id}` scheduled ({channels}), {at}. To cancel it: `cancel broadcast {id}`.',
        },
        {
          id: broadcastId,
          channels: turn.plural(rooms.length, CHANNELS),
          at: formatInstant(at, zone, turn.lang),
        },
      ),
      data: { id: broadcastId },
    });
  }

  /**
   * Schedules a broadcast to rooms of one platform and workspace (the caller checked the manager may post
   * there); returns its id. The chat's confirmation and the web console both come here.
   */
  async schedule(request: BroadcastRequest): Promise<string> {
    const { rooms, at, text, zone } = request;
    let broadcastId = '';
    for (const [index, roomId] of rooms.entries()) {
      const make = (id: string): Job => ({
        id,
        kind: 'broadcast',
        dueAt: at,
        expiresAt: at + BROADCAST_USEFUL_FOR_MS,
        owner: `broadcast:${broadcastId || id}`,
        ref: { platform: request.platform, workspace: request.workspace, roomId, isDirect: false },
        reply: { intent: 'broadcast', text: `📣 ${text}`, data: { broadcast: broadcastId || id } },
        lang: request.lang,
        timezone: zone,
        attempts: 0,
      });
      if (index === 0) broadcastId = (await scheduleUnique(this.#o.scheduler, make, 'b', request.origin)).id;
      else await this.#o.scheduler.schedule(make(`${broadcastId}:${roomId}`));
    }
    // Added to the set, not rewritten: broadcasts confirmed at once on two replicas are both kept. The index
    // then drops those it lists with no job left, delivered or cancelled (a new one has its jobs before it
    // is added, so it is never taken for an ended one).
    await this.#o.atomic.setAdd(BROADCASTS_KEY, broadcastId);
    const ended: string[] = [];
    for (const id of await this.#o.atomic.setMembers(BROADCASTS_KEY))
      if ((await this.#o.scheduler.listByOwner(`broadcast:${id}`)).length === 0) ended.push(id);
    await this.#o.atomic.setRemove(BROADCASTS_KEY, ...ended);
    return broadcastId;
  }

  /** Cancels a broadcast of the scope; false when it has no such broadcast still to send. */
  async cancel(id: string, scope: BroadcastScope): Promise<boolean> {
    const ours = (await this.scheduled(scope)).some((b) => b.id === id);
    return ours && (await this.#o.scheduler.removeByOwner(`broadcast:${id}`)) > 0;
  }

  /** How a typed channel (`#name`, Slack's `<#C123|name>`, a Matrix room id) names its room; undefined if it is none. */
  static room(word: string): string | undefined {
    const m = CHANNEL.exec(word);
    return m ? ((m[1] ?? m[2] ?? m[3]) as string) : undefined;
  }

  #list(): Command {
    return {
      id: 'broadcasts',
      aliases: { en: ['broadcasts'], fr: ['diffusions'] },
      managerOnly: true,
      summary: {
        fr: 'lister les diffusions programmées',
        en: 'list scheduled broadcasts',
      },
      run: async (turn) => {
        // A manager sees the broadcasts of their own workspace only (one deployment may serve several).
        const broadcasts = await this.scheduled(turn.message.ref);
        const lines = broadcasts.map(
          (b) =>
            `- \`${b.id}\` — ${formatInstant(b.dueAt, b.timezone, turn.lang)} — ${b.rooms.map((r) => `#${r}`).join(', ')} — ${b.text}`,
        );
        turn.say({
          intent: 'broadcasts',
          text:
            lines.length === 0
              ? turn.t(NONE_SCHEDULED)
              : [turn.t({ fr: 'Diffusions programmées :', en: 'Scheduled broadcasts:' }), ...lines].join(
                  '\n',
                ),
          data: { broadcasts: broadcasts.map((b) => b.id) },
        });
      },
    };
  }

  /** `annuler diffusion` without its id: the broadcasts scheduled, one click each to cancel it. */
  async #whichToCancel(turn: Turn): Promise<void> {
    const broadcasts = await this.scheduled(turn.message.ref);
    if (broadcasts.length === 0) return turn.say({ intent: 'broadcasts', text: turn.t(NONE_SCHEDULED) });
    const command = turn.lang === 'fr' ? 'annuler diffusion' : 'cancel broadcast';
    turn.say({
      intent: 'broadcast:which',
      text: turn.t({ fr: 'Quelle diffusion annuler ?', en: 'Which broadcast shall I cancel?' }),
      choices: broadcasts.map((b) => ({
        id: `${command} ${b.id}`,
        label: `${formatInstant(b.dueAt, b.timezone, turn.lang)} — ${b.text}`,
      })),
    });
  }

  #cancel(): Command {
    return {
      id: 'cancel-broadcast',
      aliases: { en: ['cancel broadcast'], fr: ['annuler diffusion', 'annuler la diffusion'] },
      managerOnly: true,
      summary: { fr: 'annuler une diffusion', en: 'cancel a broadcast' },
      usage: { fr: '<id>', en: '<id>' },
      run: async (turn, args) => {
        const id = args.replace(/`/g, '').trim();
        if (id === '') return this.#whichToCancel(turn);
        if (!(await this.cancel(id, turn.message.ref)))
          return refuse(
            turn,
            turn.t(
              {
                fr: 'Aucune diffusion programmée `{id}`. Tapez `diffusions` pour la liste.',
                en: 'No scheduled broadcast `{id}`. Type `broadcasts` for the list.',
              },
              { id },
            ),
          );
        turn.say({
          intent: 'broadcast:cancelled',
          text: turn.t({ fr: 'Diffusion `{id}` annulée.', en: 'Broadcast `{id}` cancelled.' }, { id }),
        });
      },
    };
  }
}

const NONE_SCHEDULED: Localized = { fr: 'Aucune diffusion programmée.', en: 'No broadcasts scheduled.' };

const ONLY_FUTURE: Localized = {
  fr: 'je ne peux diffuser que dans le futur',
  en: 'I can only broadcast in the future',
};

/** Mentions as people write them: Slack's `<!here>` tokens, and `@here` / `@channel` / `@everyone` / `@room`. */
const MENTION = /<!(here|channel|everyone)[^>]*>|(?<![\w@])@(here|channel|everyone|room)\b/gi;
const LINK = /https?:\/\/|\]\(/i;

/**
 * A broadcast is posted in the bot's voice, so the renderers keep what a person typed as text: Slack's markup
 * escaped and Matrix's `m.mentions` empty (nobody is notified), a typed `[label](url)` shown as written. The
 * preview says so when the message holds mentions or links, so the manager does not count on them.
 */
function plainTextWarning(turn: Turn, text: string): string[] {
  const mentions = [
    ...new Set([...text.matchAll(MENTION)].map((m) => `@${(m[1] ?? m[2] ?? '').toLowerCase()}`)),
  ];
  const lines: string[] = [];
  if (mentions.length > 0)
    lines.push(
      turn.t(
        {
          fr: '⚠️ {mentions} sera publié en texte simple : personne n’est notifié.',
          en: '⚠️ {mentions} will be posted as plain text: nobody is notified.',
        },
        { mentions: mentions.join(', ') },
      ),
    );
  if (LINK.test(text))
    lines.push(
      turn.t({
        fr: '⚠️ Les liens ne sont pas rendus cliquables par le bot (une adresse seule peut l’être par l’application de chat).',
        en: '⚠️ The links are not made clickable by the bot (a bare address may be, by the chat app).',
      }),
    );
  return lines;
}

/** Said when this preview takes the place of an earlier one still awaiting a yes (only one waits at a time). */
function replacedPreview(turn: Turn): string[] {
  const dropped = turn.dropped;
  if (dropped?.action !== 'broadcast:send') return [];
  const { rooms, at, zone, text } = dropped.data as {
    rooms?: string[];
    at?: number;
    zone?: string;
    text?: string;
  };
  return [
    turn.t(
      {
        fr: 'Cet aperçu remplace celui vers {channels}, {at} (« {text} ») : celui-là n’est pas programmé.',
        en: 'This preview replaces the one to {channels}, {at} (“{text}”): that one is not scheduled.',
      },
      {
        channels: (rooms ?? []).map((r) => `#${r}`).join(', '),
        at: formatInstant(Number(at), String(zone), turn.lang),
        text: String(text ?? ''),
      },
    ),
  ];
}

const FORBIDDEN = {
  fr: 'Seuls les community managers peuvent diffuser ou abonner un canal.',
  en: 'Only community managers can broadcast or subscribe a channel.',
};
