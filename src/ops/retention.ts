/**
 * How long applications are kept. An unfinished dialog left untouched for DIALOG_TTL_DAYS expires, its owner
 * having been warned once a week before; a completed application is purged 90 days after its event, or later
 * if its owner asked to keep it (« garder ma candidature »: 90 more days each time, never more than a year ahead
 * of the day asked). Both are scheduler jobs (so they survive restarts, are shared by replicas, listed by
 * "my data" and dropped by "forget me"); the deletion itself runs when the notice falls due, through an outbox
 * delivery hook, which never erases an application before the day it is kept until.
 */
import { z } from 'zod';
import { formatDay } from '../../rules/calendar.ts';
import type { Outbox } from '../core/adapter.ts';
import type { Middleware } from '../core/bot.ts';
import type { Clock } from '../core/clock.ts';
import type { Command } from '../core/commands.ts';
import { ConversationStore } from '../core/conversation.ts';
import { type Lang, type Localized, t } from '../core/i18n.ts';
import type { ConversationRef, Delivery } from '../core/message.ts';
import { DAYS, plural } from '../core/plural.ts';
import type { Turn } from '../core/turn.ts';
import type { NewJob } from '../scheduler/job.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import type { UserKey, UserRecords } from '../store/user-records.ts';
import type { DialogFunnel } from './funnel.ts';
import type { Metrics } from './metrics.ts';

const DAY_MS = 86_400_000;
/** The warning comes this long before an unfinished dialog expires. */
const WARNING_BEFORE_DAYS = 7;
/** Completed applications are purged this long after their event. */
export const KEEP_AFTER_EVENT_DAYS = 90;
/** « garder ma candidature » pushes the erasure back this much each time… */
export const KEEP_MORE_DAYS = 90;
/** …but never to more than this long after the day it is asked. */
export const KEEP_AT_MOST_DAYS = 365;

const WARN = 'dialog-expiry-warning';
const EXPIRE = 'dialog-expired';
const PURGE = 'application-purged';

/** The few fields of an application record (owned by the dialogs) that retention needs. */
const storedApplication = z.object({
  id: z.string(),
  callId: z.string(),
  status: z.enum(['in_progress', 'complete']),
  updatedAt: z.string(),
  answers: z.record(z.string(), z.unknown()),
  /** The day its owner asked to keep it until (`YYYY-MM-DD`), when later than 90 days after its event. */
  keepUntil: z.string().optional(),
  ref: z.custom<ConversationRef>((v) => typeof v === 'object' && v !== null && 'roomId' in v),
});
type StoredApplication = z.infer<typeof storedApplication>;

const jobData = z.object({ user: z.string(), applicationId: z.string() });

/** A calendar day (`YYYY-MM-DD`) plus some days. */
function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The day a completed application is erased: 90 days after its event, or the later day its owner asked to keep
 * it until; undefined without either (it then goes 90 days after it was completed).
 */
export function erasureDay(application: {
  answers: Record<string, unknown>;
  keepUntil?: string;
}): string | undefined {
  const event = application.answers.event_date;
  const afterEvent =
    typeof event === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event)
      ? addDays(event, KEEP_AFTER_EVENT_DAYS)
      : undefined;
  // Days written YYYY-MM-DD sort as they fall: the later one is the last.
  return [application.keepUntil, afterEvent]
    .filter((d) => d !== undefined)
    .sort()
    .at(-1);
}

export interface RetentionOptions {
  records: UserRecords;
  scheduler: Scheduler;
  outbox: Outbox;
  clock: Clock;
  metrics: Metrics;
  funnel: DialogFunnel;
  ttlDays: number;
  defaultZone: string;
}

const erasureJob = z.object({
  kind: z.enum([PURGE, EXPIRE]),
  dueAt: z.number(),
  timezone: z.string(),
  reply: z.object({ data: jobData }),
});

/** How to keep a completed application longer, as the summary and « mes données » say it (`{id}`: which one). */
export function keepLongerLine(lang: Lang, id = '<id>'): string {
  return t(
    lang,
    {
      fr: 'Pour la garder plus longtemps : « garder ma candidature {id} » ({more} de plus à chaque fois, jusqu’à {most} à l’avance au plus).',
      en: 'To keep it longer: “keep my application {id}” ({more} more each time, up to {most} ahead at most).',
    },
    { id, more: plural(lang, KEEP_MORE_DAYS, DAYS), most: plural(lang, KEEP_AT_MOST_DAYS, DAYS) },
  );
}

/** What "my data" says of these jobs: when each application will be erased, and how to keep a copy. */
export function erasureLines(jobs: readonly unknown[], lang: Lang): string[] {
  const lines = jobs.flatMap((job) => {
    const parsed = erasureJob.safeParse(job);
    if (!parsed.success) return [];
    const { kind, dueAt, timezone, reply } = parsed.data;
    const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeZone: timezone,
    }).format(dueAt);
    const why =
      kind === PURGE
        ? t(
            lang,
            { fr: '{keep} après son événement', en: '{keep} after its event' },
            { keep: plural(lang, KEEP_AFTER_EVENT_DAYS, DAYS) },
          )
        : t(lang, { fr: 'inachevée et sans nouvelle', en: 'unfinished and untouched' });
    return [
      t(
        lang,
        {
          fr: '• Candidature {id} : effacée le {day} ({why}).',
          en: '• Application {id}: erased on {day} ({why}).',
        },
        { id: reply.data.applicationId, day, why },
      ),
    ];
  });
  if (lines.length === 0) return [];
  return [
    ...lines,
    keepLongerLine(lang),
    t(lang, {
      fr: 'Pour en garder une copie au-delà : « exporter <id> » vous remet le dossier et vos réponses en fichiers.',
      en: 'To keep a copy beyond that: “export <id>” hands you the file and your answers as files.',
    }),
  ];
}

export class Retention {
  readonly #options: RetentionOptions;
  readonly #conversations: ConversationStore;

  constructor(options: RetentionOptions) {
    this.#options = options;
    this.#conversations = new ConversationStore(options.records);
    options.outbox.beforeDelivery(`reminder:${WARN}`, (d) => this.#stillStale(d));
    options.outbox.beforeDelivery(`reminder:${EXPIRE}`, (d) => this.#expire(d));
    options.outbox.beforeDelivery(`reminder:${PURGE}`, (d) => this.#purge(d));
  }

  /** After each turn: pushes back the expiry of the dialog in progress, or plans the purge of one just completed. */
  readonly middleware: Middleware = async (turn, next) => {
    const before = turn.state.activeApplication;
    await next();
    if (turn.discardState) return;
    const active = turn.state.activeApplication;
    if (active) await this.#planExpiry(turn, active);
    if (before && before !== active) await this.#settle(turn, before);
  };

  async #planExpiry(turn: Turn, applicationId: string): Promise<void> {
    const now = this.#options.clock.now().getTime();
    // Pushed back once a day, not at every answer: the expiry job falls a day late to make up for it.
    const planned = `${applicationId}@${new Date(now).toISOString().slice(0, 10)}`;
    if (turn.state.retentionPlanned === planned) return;
    const application = await this.#read(turn.user, applicationId);
    if (application?.status !== 'in_progress') return;
    turn.state.retentionPlanned = planned;
    const { ttlDays } = this.#options;
    const warnDays = ttlDays > WARNING_BEFORE_DAYS ? ttlDays - WARNING_BEFORE_DAYS : Math.ceil(ttlDays / 2);
    const params = (lang: Lang) => ({ id: application.id, days: plural(lang, ttlDays - warnDays, DAYS) });
    // Same ids each time: every touch replaces the pending jobs, so they only fire after real silence.
    await this.#schedule(
      turn,
      application,
      WARN,
      now + warnDays * DAY_MS,
      {
        fr: 'Votre candidature {id} est en pause depuis longtemps. Sans nouvelle de votre part, je l’effacerai dans {days}. Pour la poursuivre : « reprendre {id} ».',
        en: 'Your application {id} has been paused for a long time. Without news from you, I will erase it in {days}. To go on with it: “open {id}”.',
      },
      params,
    );
    await this.#schedule(
      turn,
      application,
      EXPIRE,
      now + (ttlDays + 1) * DAY_MS,
      {
        fr: 'Votre candidature {id}, inachevée et sans nouvelle depuis {ttl}, a été effacée.',
        en: 'Your unfinished application {id}, untouched for {ttl}, has been erased.',
      },
      (lang) => ({ id: application.id, ttl: plural(lang, ttlDays, DAYS) }),
    );
  }

  /** The dialog left the active slot: completed (plan the purge) or gone (nothing left to expire). */
  async #settle(turn: Turn, applicationId: string): Promise<void> {
    const { scheduler } = this.#options;
    turn.state.retentionPlanned = undefined;
    await scheduler.cancel(this.#jobId(WARN, applicationId));
    await scheduler.cancel(this.#jobId(EXPIRE, applicationId));
    const application = await this.#read(turn.user, applicationId);
    if (application?.status === 'complete') await this.#planPurge(turn, application);
  }

  /**
   * Plans (or moves: the same job id, replaced in one write) the purge of a completed application, on its erasure
   * day — 90 days after its event, or the later day it is kept until — or 90 days from now without either.
   */
  async #planPurge(turn: Turn, application: StoredApplication): Promise<number> {
    const day = erasureDay(application);
    const dueAt = day
      ? Date.parse(day)
      : this.#options.clock.now().getTime() + KEEP_AFTER_EVENT_DAYS * DAY_MS;
    const kept = application.keepUntil !== undefined && application.keepUntil === day;
    await this.#schedule(
      turn,
      application,
      PURGE,
      dueAt,
      kept
        ? {
            fr: 'Comme convenu, j’ai effacé votre candidature {id} : vous aviez demandé à la garder jusqu’au {day}.',
            en: 'As agreed, I erased your application {id}: you had asked me to keep it until {day}.',
          }
        : {
            fr: 'Comme son récapitulatif l’annonçait, j’ai effacé votre candidature {id}, {keep} après son événement.',
            en: 'As its summary said, I erased your application {id}, {keep} after its event.',
          },
      (lang) => ({
        id: application.id,
        keep: plural(lang, KEEP_AFTER_EVENT_DAYS, DAYS),
        day: day ? formatDay(day, lang) : '',
      }),
    );
    return dueAt;
  }

  /**
   * `garder ma candidature [<id>]` / `keep my application [<id>]`: a completed application is kept
   * KEEP_MORE_DAYS longer than its current erasure day, never more than KEEP_AT_MOST_DAYS after today. Its purge
   * job is moved first (one write that replaces it: it can only fire once, on the new day), then the day is
   * written on the application, where the summary reads it and the purge checks it.
   */
  readonly keepCommand: Command = {
    id: 'keep-application',
    aliases: {
      fr: [
        'garder ma candidature',
        'garder la candidature',
        'conserver ma candidature',
        'garder candidature',
      ],
      en: ['keep my application', 'keep the application', 'keep application'],
    },
    usage: { fr: '[<id>]', en: '[<id>]' },
    summary: {
      fr: 'garder une candidature terminée 90 jours de plus avant son effacement',
      en: 'keep a completed application 90 more days before it is erased',
    },
    accepts: (args) => args === '' || /^[0-9a-f]{6}$/i.test(args),
    run: (turn, args) => this.#keep(turn, args.toLowerCase()),
  };

  async #keep(turn: Turn, id: string): Promise<void> {
    const completed = (await this.#applications(turn.user)).filter((a) => a.status === 'complete');
    const application = id
      ? completed.find((a) => a.id === id)
      : completed.length === 1
        ? completed[0]
        : undefined;
    if (!application) {
      if (completed.length > 1 && !id) {
        turn.say({
          intent: 'retention:keep-which',
          text: turn.t({
            fr: 'Quelle candidature voulez-vous garder ?',
            en: 'Which application do you want to keep?',
          }),
          choices: completed.map((a) => ({
            id: `${turn.lang === 'fr' ? 'garder ma candidature' : 'keep my application'} ${a.id}`,
            label: a.id,
          })),
        });
        return;
      }
      turn.say({
        intent: 'retention:keep-none',
        text: turn.t(
          id
            ? {
                fr: 'Je n’ai pas de candidature terminée {id}. Une candidature en cours est gardée tant que vous y revenez ; « mes candidatures » les liste.',
                en: 'I have no completed application {id}. An application in progress is kept as long as you come back to it; “my applications” lists them.',
              }
            : {
                fr: 'Vous n’avez pas de candidature terminée à garder. Une candidature en cours est gardée tant que vous y revenez.',
                en: 'You have no completed application to keep. An application in progress is kept as long as you come back to it.',
              },
          { id },
        ),
      });
      return;
    }
    const now = this.#options.clock.now();
    const job = await this.#options.scheduler.get(this.#jobId(PURGE, application.id));
    const current = (job ? new Date(job.dueAt) : new Date(await this.#planPurge(turn, application)))
      .toISOString()
      .slice(0, 10);
    const most = addDays(now.toISOString().slice(0, 10), KEEP_AT_MOST_DAYS);
    const wanted = addDays(current, KEEP_MORE_DAYS);
    const [until = most] = [wanted, most].sort();
    const params = (day: string) => ({
      id: application.id,
      day: formatDay(day, turn.lang),
      more: plural(turn.lang, KEEP_MORE_DAYS, DAYS),
      most: plural(turn.lang, KEEP_AT_MOST_DAYS, DAYS),
    });
    if (until <= current) {
      turn.say({
        intent: 'retention:kept-at-most',
        text: turn.t(
          {
            fr: 'Votre candidature {id} est déjà gardée jusqu’au {day} : je ne garde pas une candidature plus de {most} à l’avance. Redemandez plus tard pour prolonger encore ; « exporter {id} » vous en remet une copie.',
            en: 'Your application {id} is already kept until {day}: I do not keep an application more than {most} ahead. Ask again later to extend it further; “export {id}” hands you a copy.',
          },
          params(current),
        ),
        data: { application: application.id, until: current },
      });
      return;
    }
    const kept = { ...application, keepUntil: until };
    await this.#planPurge(turn, kept);
    await this.#options.records.set(turn.user, `application:${application.id}`, {
      ...(await this.#options.records.get<Record<string, unknown>>(
        turn.user,
        `application:${application.id}`,
      )),
      keepUntil: until,
    });
    turn.say({
      intent: 'retention:kept',
      text: turn.t(
        until === wanted
          ? {
              fr: 'C’est noté : je garde votre candidature {id} {more} de plus, jusqu’au {day} ; je l’effacerai ce jour-là, pas avant. Vous pourrez redemander « garder ma candidature {id} » (jusqu’à {most} à l’avance au plus) ; « exporter {id} » vous en remet une copie.',
              en: 'Done: I keep your application {id} {more} longer, until {day}; I will erase it that day, not before. You can ask “keep my application {id}” again (up to {most} ahead at most); “export {id}” hands you a copy.',
            }
          : {
              fr: 'C’est noté : je garde votre candidature {id} jusqu’au {day}, le plus loin possible ({most} à partir d’aujourd’hui) ; je l’effacerai ce jour-là, pas avant. Redemandez plus tard pour prolonger encore ; « exporter {id} » vous en remet une copie.',
              en: 'Done: I keep your application {id} until {day}, as far ahead as I can ({most} from today); I will erase it that day, not before. Ask again later to extend it further; “export {id}” hands you a copy.',
            },
        params(until),
      ),
      data: { application: application.id, until },
    });
  }

  /** A person's applications, as retention reads them. */
  async #applications(user: UserKey): Promise<StoredApplication[]> {
    const names = (await this.#options.records.names(user)).filter((n) => n.startsWith('application:'));
    const found = await Promise.all(names.map((n) => this.#read(user, n.slice('application:'.length))));
    return found.filter((a): a is StoredApplication => a !== undefined);
  }

  async #schedule(
    turn: Turn,
    application: StoredApplication,
    kind: string,
    dueAt: number,
    text: Localized,
    params: (lang: Lang) => Record<string, string | number>,
  ): Promise<void> {
    const lang: Lang = turn.lang;
    const job: NewJob = {
      id: this.#jobId(kind, application.id),
      kind,
      dueAt,
      user: turn.user,
      // Not `application:<id>`: the dialog's reminder resync replaces those, and these must stay.
      owner: `retention:${application.id}`,
      ref: application.ref,
      lang,
      timezone: turn.timezone(this.#options.defaultZone),
      reply: {
        intent: `reminder:${kind}`,
        text: t(lang, text, params(lang)),
        data: { user: turn.user, applicationId: application.id },
      },
    };
    await this.#options.scheduler.schedule(job);
  }

  /** The warning goes out only if the dialog is still unfinished. */
  async #stillStale(delivery: Delivery): Promise<boolean> {
    const target = await this.#target(delivery);
    return target?.application.status === 'in_progress';
  }

  async #expire(delivery: Delivery): Promise<boolean> {
    const target = await this.#target(delivery);
    if (target?.application.status !== 'in_progress') return false;
    const { user, application } = target;
    const untouchedMs = this.#options.clock.now().getTime() - Date.parse(application.updatedAt);
    if (untouchedMs < this.#options.ttlDays * DAY_MS) return false;
    await this.#delete(user, application.id);
    const state = await this.#conversations.load(user);
    if (state.activeApplication === application.id) {
      state.activeApplication = undefined;
      state.dialogStep = undefined;
      await this.#conversations.save(user, state);
    }
    this.#options.metrics.dialogsAbandoned.inc({ call: application.callId, reason: 'expired' });
    await this.#options.funnel.count(application.callId, 'abandoned');
    return true;
  }

  async #purge(delivery: Delivery): Promise<boolean> {
    const target = await this.#target(delivery);
    if (!target) return false;
    // Never before the day it is kept until (the job was moved when it was asked; this holds even if it was not).
    const { keepUntil } = target.application;
    if (keepUntil && Date.parse(keepUntil) > this.#options.clock.now().getTime()) return false;
    await this.#delete(target.user, target.application.id);
    return true;
  }

  async #delete(user: UserKey, applicationId: string): Promise<void> {
    await this.#options.records.delete(user, `application:${applicationId}`);
    await this.#options.scheduler.removeByOwner(`application:${applicationId}`);
  }

  /** The application a notice is about, if it still exists. */
  async #target(delivery: Delivery): Promise<{ user: UserKey; application: StoredApplication } | undefined> {
    const data = jobData.safeParse(delivery.reply.data);
    if (!data.success) return undefined;
    const application = await this.#read(data.data.user, data.data.applicationId);
    return application ? { user: data.data.user, application } : undefined;
  }

  async #read(user: UserKey, applicationId: string): Promise<StoredApplication | undefined> {
    const parsed = storedApplication.safeParse(
      await this.#options.records.get(user, `application:${applicationId}`),
    );
    return parsed.success ? parsed.data : undefined;
  }

  #jobId(kind: string, applicationId: string): string {
    return `retention:${kind}:${applicationId}`;
  }
}
