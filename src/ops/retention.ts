/**
 * How long applications are kept. An unfinished dialog left untouched for DIALOG_TTL_DAYS expires, its owner
 * having been warned once a week before; a completed application is purged 90 days after its event, or later
 * if its owner asked to keep it (« garder ma candidature »: 90 more days each time, never more than a year ahead
 * of the day asked). Both are scheduler jobs (so they survive restarts, are shared by replicas, listed by
 * "my data" and dropped by "forget me"); the deletion itself runs when the notice falls due, through an outbox
 * delivery hook, which never erases an application before the day it is kept until.
 */
import { z } from 'zod';
import { dayIn, formatDay } from '../../rules/calendar.ts';
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
import {
  EXPIRE,
  erasureDay,
  jobData,
  KEEP_AFTER_EVENT_DAYS,
  PURGE,
  startOfDay,
  WARN,
} from './erasure-days.ts';
import type { DialogFunnel } from './funnel.ts';
import type { Metrics } from './metrics.ts';

const DAY_MS = 86_400_000;
/** The warning comes this long before an unfinished dialog expires. */
const WARNING_BEFORE_DAYS = 7;

/** The few fields of an application record (owned by the dialogs) that retention needs. */
export const storedApplication = z.object({
  id: z.string(),
  callId: z.string(),
  status: z.enum(['in_progress', 'complete']),
  updatedAt: z.string(),
  answers: z.record(z.string(), z.unknown()),
  /** The day its owner asked to keep it until (`YYYY-MM-DD`), when later than 90 days after its event. */
  keepUntil: z.string().optional(),
  ref: z.custom<ConversationRef>((v) => typeof v === 'object' && v !== null && 'roomId' in v),
});
export type StoredApplication = z.infer<typeof storedApplication>;

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
    // Each plan replaces the pending jobs, so they only fire after real silence. The expiry keeps its id (it
    // ends the application); each warning has its own, the day it was planned: a warning sent leaves a
    // tombstone on its id, which would refuse the next silence's warning under the same id.
    const warningId = this.#warningId(planned);
    await this.#cancelWarnings(application.id, warningId);
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
      warningId,
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
    await this.#cancelWarnings(applicationId);
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
      ? startOfDay(day, turn.timezone(this.#options.defaultZone))
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

  /** The day a completed application's purge is planned for (`YYYY-MM-DD`), planning it if it is not. */
  async purgeDay(turn: Turn, application: StoredApplication): Promise<string> {
    const job = await this.#options.scheduler.get(this.#jobId(PURGE, application.id));
    if (job) return dayIn(new Date(job.dueAt), job.timezone);
    const dueAt = await this.#planPurge(turn, application);
    return dayIn(new Date(dueAt), turn.timezone(this.#options.defaultZone));
  }

  /**
   * Keeps a completed application until `day`: its purge job is moved first (one write that replaces it, so it
   * can only fire once, on the new day), then the day is written on the application, where the summary reads it
   * and the purge checks it.
   */
  async keepUntil(turn: Turn, application: StoredApplication, day: string): Promise<void> {
    await this.#planPurge(turn, { ...application, keepUntil: day });
    const name = `application:${application.id}`;
    const record = await this.#options.records.get<Record<string, unknown>>(turn.user, name);
    await this.#options.records.set(turn.user, name, { ...record, keepUntil: day });
  }

  /** A person's completed applications, as retention reads them. */
  async completedApplications(user: UserKey): Promise<StoredApplication[]> {
    const names = (await this.#options.records.names(user)).filter((n) => n.startsWith('application:'));
    const found = await Promise.all(names.map((n) => this.#read(user, n.slice('application:'.length))));
    return found.filter((a): a is StoredApplication => a?.status === 'complete');
  }

  async #schedule(
    turn: Turn,
    application: StoredApplication,
    kind: string,
    dueAt: number,
    text: Localized,
    params: (lang: Lang) => Record<string, string | number>,
    id = this.#jobId(kind, application.id),
  ): Promise<void> {
    const lang: Lang = turn.lang;
    const job: NewJob = {
      id,
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
    const zone = (await this.#conversations.load(target.user)).timezone ?? this.#options.defaultZone;
    if (keepUntil && startOfDay(keepUntil, zone) > this.#options.clock.now().getTime()) return false;
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

  /** A warning's id: the application and the day its silence was planned from (`<id>@YYYY-MM-DD`). */
  #warningId(planned: string): string {
    return `retention:${WARN}:${planned}`;
  }

  /** Cancels an application's pending warnings but `keep` (warnings are the retention jobs of kind WARN). */
  async #cancelWarnings(applicationId: string, keep?: string): Promise<void> {
    const { scheduler } = this.#options;
    for (const job of await scheduler.listByOwner(`retention:${applicationId}`))
      if (job.kind === WARN && job.id !== keep) await scheduler.cancel(job.id);
  }
}
