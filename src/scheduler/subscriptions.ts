/**
 * Channel subscriptions to a call's key dates, fr/en: `subscribe <call-id>` / `abonner <call-id>` (announcements at
 * the call's opening and 30, 7 and 1 days before its deadlines, at 9:00 in the channel's time zone), `unsubscribe` /
 * `désabonner`, `subscriptions` / `abonnements` (what a channel follows); recomputed when the calls are reloaded.
 */
import { formatDay, type KeyDate } from '../../rules/index.ts';
import type { Command } from '../core/commands.ts';
import type { Lang } from '../core/i18n.ts';
import { t } from '../core/i18n.ts';
import type { ConversationRef } from '../core/message.ts';
import { type Counted, DAYS, plural } from '../core/plural.ts';
import type { Turn } from '../core/turn.ts';
import { readJson, updateJson } from '../store/atomic.ts';
import type { CallCalendar } from './application-reminders.ts';
import { formatInstant } from './format.ts';
import type { NewJob } from './job.ts';
import { type BroadcastScope, inScope, type ManagerChannelOptions, refuse } from './manager-channels.ts';
import { findZone } from './reminder-commands.ts';
import { wallClock } from './when.ts';

const ANNOUNCEMENTS_AHEAD: Counted = {
  fr: { one: '{count} annonce à venir', other: '{count} annonces à venir' },
  en: { one: '{count} announcement ahead', other: '{count} announcements ahead' },
};
const CALLS: Counted = {
  fr: { one: '{count} appel', other: '{count} appels' },
  en: { one: '{count} call', other: '{count} calls' },
};

export const SUBSCRIPTIONS_KEY = 'scheduler:subscriptions';
/** Days before a deadline the subscribed channels hear of it. */
const ANNOUNCE_DAYS_BEFORE = [30, 7, 1];
const ANNOUNCE_HOUR = 9;

/** A channel following a call's key dates. */
export interface Subscription {
  ref: ConversationRef;
  callId: string;
  /** The channel's zone: announcements go out at 9:00 there. */
  timezone: string;
  /** The announcements' language (the subscribing manager's). */
  lang: Lang;
}

/** The subscriptions' parts: the shared ones and the calls' key dates and names. */
export interface SubscriptionOptions extends ManagerChannelOptions {
  calendar: CallCalendar;
  /** Call ids and names, for checking `subscribe <call-id>`. */
  callName(callId: string, lang: Lang): string | undefined;
  now(): Date;
}

/**
 * `abonner` / `désabonner` typed in a direct conversation: a subscription is a channel's, so the bot says where to
 * type it — the same words, in the channel that should hear the announcements — and changes nothing.
 */
function inAChannel(turn: Turn, fr: string, en: string, args: string): void {
  const typed = `${turn.lang === 'fr' ? fr : en}${args.trim() ? ` ${args.trim()}` : ''}`;
  refuse(
    turn,
    turn.t(
      {
        fr: 'Les abonnements sont ceux d’un canal : écrivez « {typed} » dans le canal qui doit recevoir les annonces (l’ouverture de l’appel et ses échéances). Ici, « abonnements » montre ceux de votre espace.',
        en: 'Subscriptions belong to a channel: type “{typed}” in the channel that should get the announcements (the call’s opening and its deadlines). Here, “subscriptions” shows your workspace’s.',
      },
      { typed },
    ),
    'subscribe:direct',
  );
}

/** Channels following calls: the commands, `list(scope)` for listings such as Slack's Home, `recompute` on reload. */
export class Subscriptions {
  readonly #o: SubscriptionOptions;
  readonly commands: Command[];

  constructor(options: SubscriptionOptions) {
    this.#o = options;
    this.commands = [this.#subscribe(), this.#unsubscribe(), this.#subscriptions()];
  }

  /** The channels' subscriptions to calls, optionally only those of one platform and workspace. */
  async list(scope?: BroadcastScope): Promise<Subscription[]> {
    const all = await readJson<Subscription[]>(this.#o.atomic, SUBSCRIPTIONS_KEY, []);
    return scope ? all.filter((s) => inScope(s.ref, scope)) : all;
  }

  /** Recomputes every subscribed channel's announcements (the calls changed: `onReload`). */
  async recompute(callIds?: readonly string[]): Promise<void> {
    for (const subscription of await this.list()) {
      if (!callIds || callIds.includes(subscription.callId)) await this.#announce(subscription);
    }
  }

  #subscribe(): Command {
    return {
      id: 'subscribe',
      aliases: { en: ['subscribe'], fr: ['abonner'] },
      managerOnly: true,
      summary: {
        fr: 'abonner ce canal aux échéances d’un appel',
        en: 'subscribe this channel to a call’s deadlines',
      },
      usage: { fr: '<id-appel> [fuseau du canal]', en: '<call-id> [channel time zone]' },
      run: async (turn, args) => {
        if (turn.message.ref.isDirect) return inAChannel(turn, 'abonner', 'subscribe', args);
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
        const name = this.#o.callName(callId, turn.lang) ?? callId;
        // A closed call has nothing left to announce: said, and the channel is not subscribed.
        const closed = this.#o.calendar.closedSince(callId, this.#o.now(), timezone);
        if (closed)
          return refuse(
            turn,
            turn.t(
              {
                fr: '« {name} » est clos depuis le {day} : je n’abonne pas ce canal, il n’y a plus rien à annoncer. Quand une nouvelle édition sera dans les fichiers d’appels, abonnez-le de nouveau.',
                en: '“{name}” has been closed since {day}: I do not subscribe this channel, there is nothing left to announce. Once a new edition is in the call files, subscribe it again.',
              },
              { name, day: formatDay(closed, turn.lang) },
            ),
            'subscribe:closed',
          );
        const subscription: Subscription = { ref: turn.message.ref, callId, timezone, lang: turn.lang };
        await updateJson<Subscription[]>(this.#o.atomic, SUBSCRIPTIONS_KEY, [], (all) => [
          ...all.filter((s) => !sameSubscription(s, subscription)),
          subscription,
        ]);
        const count = await this.#announce(subscription);
        turn.say({
          intent: 'subscribed',
          text: turn.t(
            count === 0
              ? {
                  fr: 'Ce canal suivra « {name} » ({zone}), mais nos sources ne lui donnent aucune échéance à venir : rien n’est annoncé pour l’instant. Je recalcule si l’appel change.',
                  en: 'This channel follows “{name}” ({zone}), but our sources give it no deadline ahead: nothing is announced for now. I recompute if the call changes.',
                }
              : {
                  fr: 'Ce canal suivra « {name} » ({zone}) : {announcements}. Je recalcule si l’appel change.',
                  en: 'This channel follows “{name}” ({zone}): {announcements}. I recompute them if the call changes.',
                },
            { name, zone: timezone, announcements: turn.plural(count, ANNOUNCEMENTS_AHEAD) },
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
        fr: 'désabonner ce canal d’un appel',
        en: 'unsubscribe this channel from a call',
      },
      usage: { fr: '<id-appel>', en: '<call-id>' },
      run: async (turn, args) => {
        if (turn.message.ref.isDirect) return inAChannel(turn, 'désabonner', 'unsubscribe', args);
        const callId = args.trim();
        const ref = turn.message.ref;
        const leaving = (s: Subscription) => sameRoom(s.ref, ref) && (!callId || s.callId === callId);
        let gone: Subscription[] = [];
        await updateJson<Subscription[]>(this.#o.atomic, SUBSCRIPTIONS_KEY, [], (all) => {
          gone = all.filter(leaving);
          return all.filter((s) => !leaving(s));
        });
        for (const s of gone) await this.#o.scheduler.removeByOwner(subscriptionOwner(s));
        turn.say({
          intent: 'unsubscribed',
          text:
            gone.length === 0
              ? turn.t(
                  callId
                    ? {
                        fr: 'Ce canal n’était pas abonné à « {call} » : rien n’a changé.',
                        en: 'This channel did not follow “{call}”: nothing changed.',
                      }
                    : {
                        fr: 'Ce canal ne suit aucun appel : rien n’a changé.',
                        en: 'This channel follows no call: nothing changed.',
                      },
                  { call: this.#o.callName(callId, turn.lang) ?? callId },
                )
              : turn.t(
                  { fr: 'Ce canal est désabonné ({calls}).', en: 'This channel is unsubscribed ({calls}).' },
                  { calls: turn.plural(gone.length, CALLS) },
                ),
        });
      },
    };
  }

  /**
   * `abonnements` / `subscriptions`: typed in a channel, the calls it follows; in a direct conversation, every
   * channel's of the manager's workspace. Each with its zone and next announcement.
   */
  #subscriptions(): Command {
    return {
      id: 'subscriptions',
      aliases: { en: ['subscriptions'], fr: ['abonnements'] },
      managerOnly: true,
      summary: {
        fr: 'les appels que suit ce canal, ou chaque canal en message direct',
        en: 'the calls this channel follows, or every channel’s in a direct message',
      },
      run: async (turn) => {
        const { ref } = turn.message;
        const all = await this.list(ref);
        const shown = ref.isDirect ? all : all.filter((s) => sameRoom(s.ref, ref));
        const lines: string[] = [];
        for (const s of shown) {
          const [next] = await this.#o.scheduler.listByOwner(subscriptionOwner(s));
          lines.push(
            turn.t(
              next
                ? {
                    fr: '• {where}« {name} » ({zone}) — prochaine annonce {at}',
                    en: '• {where}“{name}” ({zone}) — next announcement {at}',
                  }
                : {
                    fr: '• {where}« {name} » ({zone}) — aucune annonce à venir',
                    en: '• {where}“{name}” ({zone}) — no announcement ahead',
                  },
              {
                where: ref.isDirect ? `#${s.ref.roomId}${turn.lang === 'fr' ? ' :' : ':'} ` : '',
                name: this.#o.callName(s.callId, turn.lang) ?? s.callId,
                zone: s.timezone,
                at: next ? formatInstant(next.dueAt, next.timezone, turn.lang) : '',
              },
            ),
          );
        }
        const none = ref.isDirect
          ? { fr: 'Aucun canal n’est abonné à un appel.', en: 'No channel follows a call.' }
          : {
              fr: 'Ce canal ne suit aucun appel. Pour l’abonner : `abonner local-nec`.',
              en: 'This channel follows no call. To subscribe it: `subscribe local-nec`.',
            };
        const heading = ref.isDirect
          ? { fr: 'Abonnements des canaux ({count}) :', en: 'Channel subscriptions ({count}):' }
          : { fr: 'Ce canal suit {calls} :', en: 'This channel follows {calls}:' };
        turn.say({
          intent: 'subscriptions',
          text:
            shown.length === 0
              ? turn.t(none)
              : [
                  turn.t(heading, { count: shown.length, calls: turn.plural(shown.length, CALLS) }),
                  ...lines,
                ].join('\n'),
          data: {
            subscriptions: shown.map((s) => ({ room: s.ref.roomId, call: s.callId, timezone: s.timezone })),
          },
        });
      },
    };
  }

  /** Replaces a subscription's announcements by those still ahead; returns how many. */
  async #announce(s: Subscription): Promise<number> {
    await this.#o.scheduler.removeByOwner(subscriptionOwner(s));
    const name = this.#o.callName(s.callId, s.lang) ?? s.callId;
    const jobs = announcements(
      s,
      this.#o.calendar.keyDates(s.callId, {}, s.timezone, this.#o.now()),
      name,
      this.#o.now(),
    );
    for (const job of jobs) await this.#o.scheduler.schedule(job);
    return jobs.length;
  }
}

/**
 * A subscription's announcements still ahead of `now` for a call's key dates: the opening on its day, each
 * deadline 30, 7 and 1 days before, at 9:00 in the channel's zone. The console previews an edit with it.
 */
export function announcements(s: Subscription, dates: readonly KeyDate[], name: string, now: Date): NewJob[] {
  const owner = subscriptionOwner(s);
  const jobs: NewJob[] = [];
  for (const date of dates) {
    const opening = /open/.test(date.id);
    const offsets = opening ? [0] : ANNOUNCE_DAYS_BEFORE;
    for (const before of offsets) {
      const [y, m, d] = date.date.split('-').map(Number) as [number, number, number];
      const dueAt = wallClock({ year: y, month: m, day: d - before }, ANNOUNCE_HOUR, 0, s.timezone).getTime();
      if (dueAt <= now.getTime()) continue;
      const text = opening
        ? { fr: '📣 « {name} » : {label} aujourd’hui ({day}).', en: '📣 “{name}”: {label} today ({day}).' }
        : {
            fr: '📣 « {name} » : {label} le {day}, dans {days}.',
            en: '📣 “{name}”: {label} on {day}, in {days}.',
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
            days: plural(s.lang, before, DAYS),
          }),
          data: { call: s.callId, date: date.id },
        },
        lang: s.lang,
        timezone: s.timezone,
      });
    }
  }
  return jobs;
}

function sameRoom(a: ConversationRef, b: ConversationRef): boolean {
  return a.platform === b.platform && a.workspace === b.workspace && a.roomId === b.roomId;
}

function sameSubscription(a: Subscription, b: Subscription): boolean {
  return sameRoom(a.ref, b.ref) && a.callId === b.callId;
}

function subscriptionOwner(s: Subscription): string {
  return `subscription:${s.ref.platform}:${s.ref.workspace ?? '-'}:${s.ref.roomId}:${s.callId}`;
}
