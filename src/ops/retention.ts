/**
 * How long applications are kept. An unfinished dialog left untouched for DIALOG_TTL_DAYS expires, its owner
 * having been warned once a week before; a completed application is purged 90 days after its event. Both are
 * scheduler jobs (so they survive restarts, are shared by replicas, listed by "my data" and dropped by
 * "forget me"); the deletion itself runs when the notice falls due, through an outbox delivery hook.
 */
import { z } from 'zod';
import type { Outbox } from '../core/adapter.ts';
import type { Middleware } from '../core/bot.ts';
import type { Clock } from '../core/clock.ts';
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
  ref: z.custom<ConversationRef>((v) => typeof v === 'object' && v !== null && 'roomId' in v),
});
type StoredApplication = z.infer<typeof storedApplication>;

const jobData = z.object({ user: z.string(), applicationId: z.string() });

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
    if (application?.status !== 'complete') return;
    const eventDate = application.answers.event_date;
    const base =
      typeof eventDate === 'string' && !Number.isNaN(Date.parse(eventDate))
        ? Date.parse(eventDate)
        : this.#options.clock.now().getTime();
    await this.#schedule(
      turn,
      application,
      PURGE,
      base + KEEP_AFTER_EVENT_DAYS * DAY_MS,
      {
        fr: 'Comme son récapitulatif l’annonçait, j’ai effacé votre candidature {id}, {keep} après son événement.',
        en: 'As its summary said, I erased your application {id}, {keep} after its event.',
      },
      (lang) => ({ id: application.id, keep: plural(lang, KEEP_AFTER_EVENT_DAYS, DAYS) }),
    );
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
