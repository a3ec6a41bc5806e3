/**
 * Community managers' broadcasts and channel subscriptions, fr/en: `broadcast [#channels] <when> <message>` /
 * `diffuser …` (preview, then confirmation), `broadcasts` / `diffusions`, `cancel broadcast <id>` /
 * `annuler diffusion <id>`, `subscribe <call-id>` / `abonner <call-id>` (announcements at the call's opening
 * and 30, 7 and 1 days before its deadlines, in the channel's time zone), `unsubscribe` / `désabonner`.
 */
import type { Keyv } from 'keyv';
import { formatDay } from '../../rules/index.ts';
import type { Command } from '../core/commands.ts';
import type { Confirmations } from '../core/confirmations.ts';
import type { Lang } from '../core/i18n.ts';
import { t } from '../core/i18n.ts';
import type { ConversationRef } from '../core/message.ts';
import type { Turn } from '../core/turn.ts';
import type { CallCalendar } from './application-reminders.ts';
import { formatInstant } from './format.ts';
import type { Job, NewJob } from './job.ts';
import { findZone, scheduleUnique, whenProblem } from './reminder-commands.ts';
import type { Scheduler } from './scheduler.ts';
import { parseLeadingWhen, wallClock } from './when.ts';

const BROADCASTS_KEY = 'scheduler:broadcasts';
const SUBSCRIPTIONS_KEY = 'scheduler:subscriptions';
/** A broadcast is still worth sending this long after its time (the bot was down); later it is dropped. */
const BROADCAST_USEFUL_FOR_MS = 24 * 3600_000;
/** Days before a deadline the subscribed channels hear of it. */
const ANNOUNCE_DAYS_BEFORE = [30, 7, 1];
const ANNOUNCE_HOUR = 9;
/** A channel named as `#name`, Slack's `<#C123|name>`, or a Matrix room id `!id:server`. */
const CHANNEL = /^(?:<#([A-Z0-9]+)(?:\|[^>]*)?>|#([\w.-]+)|(![\w.-]+:[\w.-]+))$/;

/** A channel following a call's key dates. */
export interface Subscription {
  ref: ConversationRef;
  callId: string;
  /** The channel's zone: announcements go out at 9:00 there. */
  timezone: string;
  /** The announcements' language (the subscribing manager's). */
  lang: Lang;
}

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

/** Which platform and workspace a listing is limited to (a Slack workspace sees only its own). */
export type BroadcastScope = Pick<ConversationRef, 'platform' | 'workspace'>;

export interface BroadcastOptions {
  scheduler: Scheduler;
  confirmations: Confirmations;
  kv: Keyv;
  calendar: CallCalendar;
  /** Call ids and names, for checking `subscribe <call-id>`. */
  callName(callId: string, lang: Lang): string | undefined;
  now(): Date;
  defaultZone: string;
}

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
    this.commands = [this.#broadcast(), this.#list(), this.#cancel(), this.#subscribe(), this.#unsubscribe()];
  }

  /** The broadcasts still to be sent, soonest first, optionally only those of one platform and workspace. */
  async scheduled(scope?: BroadcastScope): Promise<ScheduledBroadcast[]> {
    const all: ScheduledBroadcast[] = [];
    for (const id of (await this.#o.kv.get<string[]>(BROADCASTS_KEY)) ?? []) {
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

  /** The channels' subscriptions to calls, optionally only those of one platform and workspace. */
  async subscriptions(scope?: BroadcastScope): Promise<Subscription[]> {
    const all = (await this.#o.kv.get<Subscription[]>(SUBSCRIPTIONS_KEY)) ?? [];
    return scope ? all.filter((s) => inScope(s.ref, scope)) : all;
  }

  /** Recomputes every subscribed channel's announcements (the calls changed: `onReload`). */
  async recompute(callIds?: readonly string[]): Promise<void> {
    for (const subscription of await this.subscriptions()) {
      if (!callIds || callIds.includes(subscription.callId)) await this.#announce(subscription);
    }
  }

  #broadcast(): Command {
    return {
      id: 'broadcast',
      aliases: { en: ['broadcast'], fr: ['diffuser'] },
      managerOnly: true,
      summary: {
        fr: 'programmer un message dans des canaux (gestionnaires)',
        en: 'schedule a message to channels (managers)',
      },
      usage: { fr: '[#canal …] <quand> <message>', en: '[#channel …] <when> <message>' },
      run: async (turn, args) => {
        const words = args.split(/\s+/).filter(Boolean);
        const rooms: string[] = [];
        while (words[0] !== undefined && CHANNEL.test(words[0])) {
          const m = CHANNEL.exec(words.shift() as string);
          rooms.push((m?.[1] ?? m?.[2] ?? m?.[3]) as string);
        }
        if (rooms.length === 0) rooms.push(turn.message.ref.roomId);
        const zone = turn.timezone(this.#o.defaultZone);
        const rest = words.join(' ');
        const now = /^(now|maintenant)\b/i.test(rest);
        const when = now
          ? { ok: true as const, at: turn.message.timestamp, rest: rest.replace(/^\S+\s*/, '') }
          : parseLeadingWhen(rest, turn.message.timestamp, zone);
        if (!when.ok) return refuse(turn, whenProblem(turn, when, zone));
        if (when.rest === '')
          return refuse(
            turn,
            turn.t({ fr: 'Quel message faut-il diffuser ?', en: 'What message should I broadcast?' }),
          );
        const channels = rooms.map((r) => `#${r}`).join(', ');
        this.#o.confirmations.ask(
          turn,
          'broadcast:send',
          turn.t(
            {
              fr: 'Aperçu — dans {channels}, {at} ({zone}) :\n> {text}\nJe programme cette diffusion ?',
              en: 'Preview — to {channels}, {at} ({zone}):\n> {text}\nShall I schedule this broadcast?',
            },
            { channels, at: formatInstant(when.at, zone, turn.lang), zone, text: when.rest },
          ),
          { rooms, at: when.at.getTime(), text: when.rest, zone },
        );
      },
    };
  }

  async #confirm(turn: Turn, data: Record<string, unknown>): Promise<void> {
    // The role is checked again: the yes may come from a later message.
    if (!turn.message.isManager) return refuse(turn, turn.t(FORBIDDEN), 'forbidden');
    const rooms = (data.rooms as string[] | undefined) ?? [];
    const at = Math.max(Number(data.at), turn.message.timestamp.getTime());
    const text = String(data.text ?? '');
    const zone = String(data.zone ?? this.#o.defaultZone);
    const base = turn.message.ref;
    let broadcastId = '';
    for (const [index, roomId] of rooms.entries()) {
      const make = (id: string): Job => ({
        id,
        kind: 'broadcast',
        dueAt: at,
        expiresAt: at + BROADCAST_USEFUL_FOR_MS,
        owner: `broadcast:${broadcastId || id}`,
        ref: { platform: base.platform, workspace: base.workspace, roomId, isDirect: false },
        reply: { intent: 'broadcast', text: `📣 ${text}`, data: { broadcast: broadcastId || id } },
        lang: turn.lang,
        timezone: zone,
        attempts: 0,
      });
      if (index === 0) broadcastId = (await scheduleUnique(this.#o.scheduler, make, 'b')).id;
      else await this.#o.scheduler.schedule(make(`${broadcastId}:${roomId}`));
    }
    // The index drops the broadcasts already delivered or cancelled as it takes the new one.
    const live = (await this.scheduled()).map((b) => b.id);
    await this.#o.kv.set(BROADCASTS_KEY, [...live, broadcastId]);
    turn.say({
      intent: 'broadcast:scheduled',
      text: turn.t(
        {
          fr: 'Diffusion `{id}` programmée ({count} canal·aux), {at}. Pour l’annuler : `annuler diffusion {id}`.',
          en: 'Broadcast `{id}` scheduled ({count} channel(s)), {at}. To cancel it: `cancel broadcast {id}`.',
        },
        { id: broadcastId, count: rooms.length, at: formatInstant(at, zone, turn.lang) },
      ),
      data: { id: broadcastId },
    });
  }

  #list(): Command {
    return {
      id: 'broadcasts',
      aliases: { en: ['broadcasts'], fr: ['diffusions'] },
      managerOnly: true,
      summary: {
        fr: 'lister les diffusions programmées (gestionnaires)',
        en: 'list scheduled broadcasts (managers)',
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
              ? turn.t({ fr: 'Aucune diffusion programmée.', en: 'No broadcasts scheduled.' })
              : [turn.t({ fr: 'Diffusions programmées :', en: 'Scheduled broadcasts:' }), ...lines].join(
                  '\n',
                ),
          data: { broadcasts: broadcasts.map((b) => b.id) },
        });
      },
    };
  }

  #cancel(): Command {
    return {
      id: 'cancel-broadcast',
      aliases: { en: ['cancel broadcast'], fr: ['annuler diffusion', 'annuler la diffusion'] },
      managerOnly: true,
      summary: { fr: 'annuler une diffusion (gestionnaires)', en: 'cancel a broadcast (managers)' },
      usage: { fr: '<id>', en: '<id>' },
      run: async (turn, args) => {
        const id = args.replace(/`/g, '').trim();
        const ours = (await this.scheduled(turn.message.ref)).some((b) => b.id === id);
        const removed = ours ? await this.#o.scheduler.removeByOwner(`broadcast:${id}`) : 0;
        if (removed === 0)
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

  #subscribe(): Command {
    return {
      id: 'subscribe',
      aliases: { en: ['subscribe'], fr: ['abonner'] },
      managerOnly: true,
      summary: {
        fr: 'abonner ce canal aux échéances d’un appel (gestionnaires)',
        en: 'subscribe this channel to a call’s deadlines (managers)',
      },
      usage: { fr: '<id-appel> [fuseau du canal]', en: '<call-id> [channel time zone]' },
      run: async (turn, args) => {
        const [callId = '', zoneText] = args.split(/\s+/);
        if (!this.#o.callName(callId, turn.lang))
          return refuse(
            turn,
            turn.t(
              { fr: 'Je ne connais pas l’appel « {id} ».', en: 'I do not know the call “{id}”.' },
              { id: callId },
            ),
          );
        const timezone = (zoneText && findZone(zoneText)) || this.#o.defaultZone;
        const subscription: Subscription = { ref: turn.message.ref, callId, timezone, lang: turn.lang };
        const others = (await this.subscriptions()).filter((s) => !sameSubscription(s, subscription));
        await this.#o.kv.set(SUBSCRIPTIONS_KEY, [...others, subscription]);
        const count = await this.#announce(subscription);
        turn.say({
          intent: 'subscribed',
          text: turn.t(
            {
              fr: 'Ce canal suivra « {name} » ({zone}) : {count} annonce(s) à venir. Je recalcule si l’appel change.',
              en: 'This channel follows “{name}” ({zone}): {count} announcement(s) ahead. I recompute them if the call changes.',
            },
            { name: this.#o.callName(callId, turn.lang) ?? callId, zone: timezone, count },
          ),
          data: { call: callId, announcements: count },
        });
      },
    };
  }

  #unsubscribe(): Command {
    return {
      id: 'unsubscribe',
      aliases: { en: ['unsubscribe'], fr: ['désabonner'] },
      managerOnly: true,
      summary: {
        fr: 'désabonner ce canal d’un appel (gestionnaires)',
        en: 'unsubscribe this channel from a call (managers)',
      },
      usage: { fr: '<id-appel>', en: '<call-id>' },
      run: async (turn, args) => {
        const callId = args.trim();
        const ref = turn.message.ref;
        const all = await this.subscriptions();
        const gone = all.filter((s) => sameRoom(s.ref, ref) && (!callId || s.callId === callId));
        await this.#o.kv.set(
          SUBSCRIPTIONS_KEY,
          all.filter((s) => !gone.includes(s)),
        );
        for (const s of gone) await this.#o.scheduler.removeByOwner(subscriptionOwner(s));
        turn.say({
          intent: 'unsubscribed',
          text: turn.t(
            {
              fr: 'Ce canal est désabonné ({count} appel(s)).',
              en: 'This channel is unsubscribed ({count} call(s)).',
            },
            { count: gone.length },
          ),
        });
      },
    };
  }

  /** Replaces a subscription's announcements by those still ahead; returns how many. */
  async #announce(s: Subscription): Promise<number> {
    const owner = subscriptionOwner(s);
    await this.#o.scheduler.removeByOwner(owner);
    const now = this.#o.now().getTime();
    const name = this.#o.callName(s.callId, s.lang) ?? s.callId;
    const jobs: NewJob[] = [];
    for (const date of this.#o.calendar.keyDates(s.callId, {}, s.timezone)) {
      const opening = /open/.test(date.id);
      const offsets = opening ? [0] : ANNOUNCE_DAYS_BEFORE;
      for (const before of offsets) {
        const [y, m, d] = date.date.split('-').map(Number) as [number, number, number];
        const dueAt = wallClock(
          { year: y, month: m, day: d - before },
          ANNOUNCE_HOUR,
          0,
          s.timezone,
        ).getTime();
        if (dueAt <= now) continue;
        const text = opening
          ? { fr: '📣 « {name} » : {label} aujourd’hui ({day}).', en: '📣 “{name}”: {label} today ({day}).' }
          : {
              fr: '📣 « {name} » : {label} le {day}, dans {n} jour(s).',
              en: '📣 “{name}”: {label} on {day}, in {n} day(s).',
            };
        jobs.push({
          id: `${owner}:${date.id}:${before}:${date.date}`,
          kind: 'call-deadline',
          dueAt,
          expiresAt: wallClock({ year: y, month: m, day: d + 1 }, 0, 0, s.timezone).getTime(),
          owner,
          ref: s.ref,
          reply: {
            intent: 'reminder:call-deadline',
            text: t(s.lang, text, {
              name,
              label: t(s.lang, date.label),
              day: formatDay(date.date, s.lang),
              n: before,
            }),
            data: { call: s.callId, date: date.id },
          },
          lang: s.lang,
          timezone: s.timezone,
        });
      }
    }
    for (const job of jobs) await this.#o.scheduler.schedule(job);
    return jobs.length;
  }
}

const FORBIDDEN = {
  fr: 'Seuls les community managers peuvent diffuser ou abonner un canal.',
  en: 'Only community managers can broadcast or subscribe a channel.',
};

function refuse(turn: Turn, text: string, intent = 'broadcast:refused'): void {
  turn.say({ intent, text });
}

function sameRoom(a: ConversationRef, b: ConversationRef): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.roomId === b.roomId;
}

function inScope(where: BroadcastScope, scope: BroadcastScope): boolean {
  return where.platform === scope.platform && where.workspace === scope.workspace;
}

function sameSubscription(a: Subscription, b: Subscription): boolean {
  return sameRoom(a.ref, b.ref) && a.callId === b.callId;
}

function subscriptionOwner(s: Subscription): string {
  return `subscription:${s.ref.platform}:${s.ref.workspace ?? '-'}:${s.ref.roomId}:${s.callId}`;
}
