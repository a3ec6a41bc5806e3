/**
 * Reminders an application implies, as its call file lists them (`reminders`; for a local NEC: before the funding
 * deadline, the event's eve and the duties after it, before the agreement ends when that is still ahead), kept
 * or dropped by the verdict (`rules/reminders.ts`), each citing its source, sent at 9:00 in the person's zone.
 * They follow the application: recomputed when its answers change or when a reload changes its call's dates or
 * figures, deleted with it.
 */
import type { Application } from '../../dialogs/application.ts';
import { ApplicationStore } from '../../dialogs/application.ts';
import { formatCitation, type KeyDate } from '../../rules/index.ts';
import type { ApplicationReminder } from '../../rules/reminders.ts';
import type { Confirmations } from '../core/confirmations.ts';
import type { Lang } from '../core/i18n.ts';
import { type Counted, REMINDERS } from '../core/plural.ts';
import type { Turn } from '../core/turn.ts';
import type { Logger } from '../logger.ts';
import { type AtomicOps, readJson, updateJson } from '../store/atomic.ts';
import type { UserKey, UserRecords } from '../store/user-records.ts';
import { formatInstant } from './format.ts';
import type { NewJob } from './job.ts';
import type { Scheduler } from './scheduler.ts';
import { wallClock } from './when.ts';

/** The hour (local to the person) application reminders fire at. */
const REMINDER_HOUR = 9;
/** The shared-store key of the applications with reminders, by call, so a reload finds them without scanning people. */
export const INDEX_KEY = 'scheduler:application-reminders';

/** An application whose reminders are scheduled, with what recomputing them needs besides its record. */
export interface IndexEntry {
  user: UserKey;
  applicationId: string;
  callId: string;
  lang: Lang;
  timezone: string;
}

/** What the reminders and announcements need of the rules. */
export interface CallCalendar {
  /** The days of a call that hold for these answers today (none of a past edition). */
  keyDates(callId: string, answers: Application['answers'], timezone: string, now: Date): KeyDate[];
  /** The day a call closed, if it is closed on this day (`now`) in this zone. */
  closedSince(callId: string, now: Date, timezone: string): string | undefined;
  /**
   * The reminders the call's data implies for these answers and their verdict today (`rules/reminders.ts`),
   * past ones included; `name` is what to call an application without a name answer.
   */
  reminders(
    callId: string,
    answers: Application['answers'],
    timezone: string,
    now: Date,
    name: string,
  ): ApplicationReminder[];
}

const REMINDERS_SCHEDULED: Counted = {
  fr: { one: '{count} rappel programmé', other: '{count} rappels programmés' },
  en: { one: '{count} reminder scheduled', other: '{count} reminders scheduled' },
};
/** « le premier le 3 mars » reads wrong when there is only one. */
const FIRST_ONE: Counted = {
  fr: { one: 'le', other: 'le premier' },
  en: { one: 'on', other: 'the first one' },
};

const REMOVED: Counted = {
  fr: {
    one: '{count} rappel retiré (il ne servait qu’à un avantage que vos réponses ne permettent plus)',
    other: '{count} rappels retirés (ils ne servaient qu’à un avantage que vos réponses ne permettent plus)',
  },
  en: {
    one: '{count} reminder removed (it was only for a benefit your answers no longer allow)',
    other: '{count} reminders removed (they were only for a benefit your answers no longer allow)',
  },
};
const ADDED: Counted = {
  fr: { one: '{count} rappel ajouté', other: '{count} rappels ajoutés' },
  en: { one: '{count} reminder added', other: '{count} reminders added' },
};

function dayOf(day: string): { year: number; month: number; day: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return { year, month, day: date };
}

export interface ApplicationRemindersOptions {
  scheduler: Scheduler;
  confirmations: Confirmations;
  records: UserRecords;
  /** Where the reload index lives, updated atomically across replicas. */
  atomic: AtomicOps;
  logger: Logger;
  calendar: CallCalendar;
  now(): Date;
  defaultZone: string;
}

/** Offers, computes and removes the reminders of applications (`App.reminders`). */
export class ApplicationReminders {
  readonly #options: ApplicationRemindersOptions;
  readonly #applications: ApplicationStore;

  constructor(options: ApplicationRemindersOptions) {
    this.#options = options;
    this.#applications = new ApplicationStore(options.records);
    options.confirmations.register('reminders:accept', {
      declined: {
        fr: 'D’accord, pas de rappels. Vous pourrez les demander plus tard depuis le résumé du dossier.',
        en: 'All right, no reminders. You can ask for them later from the application summary.',
      },
      // Remembered on the application, so that the dialog does not offer them again after each edit.
      no: async (turn, data) => {
        const application = await this.#applications.get(turn.user, String(data.applicationId ?? ''));
        if (application)
          await this.#applications.save(turn.user, { ...application, remindersAccepted: false });
      },
      yes: async (turn, data) => {
        const application = await this.#applications.get(turn.user, String(data.applicationId ?? ''));
        if (!application) {
          turn.say({
            intent: 'reminder:refused',
            text: turn.t({ fr: 'Ce dossier n’existe plus.', en: 'That application no longer exists.' }),
          });
          return;
        }
        await this.#applications.save(turn.user, { ...application, remindersAccepted: true });
        const count = await this.syncApplication(
          turn.user,
          application,
          turn.lang,
          turn.timezone(options.defaultZone),
        );
        turn.say({
          intent: 'reminder:accepted',
          text: turn.t(
            {
              fr: 'C’est noté : {reminders}. Tapez `rappels` pour les voir.',
              en: 'Done: {reminders}. Type `reminders` to see them.',
            },
            { reminders: turn.plural(count, REMINDERS_SCHEDULED) },
          ),
          data: { count },
        });
      },
    });
  }

  /** After a summary: asks whether to set the reminders this application implies (if it implies any). */
  offer(turn: Turn, application: Application): void {
    const zone = turn.timezone(this.#options.defaultZone);
    const jobs = this.#jobs(turn.user, application, turn.lang, zone);
    if (jobs.length === 0 || application.remindersAccepted) return;
    const first = jobs[0] as NewJob;
    this.#options.confirmations.ask(
      turn,
      'reminders:accept',
      turn.t(
        {
          fr: 'Voulez-vous que je vous envoie {reminders} pour ce dossier (échéances et engagements), {first} {at} ?',
          en: 'Shall I send you {reminders} for this application (deadlines and commitments), {first} {at}?',
        },
        {
          reminders: turn.plural(jobs.length, REMINDERS),
          first: turn.plural(jobs.length, FIRST_ONE),
          at: formatInstant(first.dueAt, zone, turn.lang),
        },
      ),
      { applicationId: application.id },
    );
  }

  /** (Re)computes an application's reminders: the old ones go, the ones still ahead are scheduled. */
  async syncApplication(
    user: UserKey,
    application: Application,
    lang: Lang,
    timezone: string,
  ): Promise<number> {
    await this.#removeJobs(application.id);
    const jobs = this.#jobs(user, application, lang, timezone);
    for (const job of jobs) await this.#options.scheduler.schedule(job);
    const entry: IndexEntry = {
      user,
      applicationId: application.id,
      callId: application.callId,
      lang,
      timezone,
    };
    await this.#updateIndex((entries) => [...entries.filter((e) => !sameApplication(e, entry)), entry]);
    return jobs.length;
  }

  /**
   * After an answer changed: the reminders become those the answers and verdict now imply, and the person hears
   * of the difference (a deadline for a benefit now out of reach goes; it comes back when it is within reach again).
   */
  async followAnswers(turn: Turn, application: Application): Promise<void> {
    const owner = `application:${application.id}`;
    const before = new Set((await this.#options.scheduler.listByOwner(owner)).map((j) => j.id));
    await this.syncApplication(turn.user, application, turn.lang, turn.timezone(this.#options.defaultZone));
    const after = new Set((await this.#options.scheduler.listByOwner(owner)).map((j) => j.id));
    const removed = [...before].filter((id) => !after.has(id)).length;
    const added = [...after].filter((id) => !before.has(id)).length;
    if (removed === 0 && added === 0) return;
    const parts = [
      ...(removed > 0 ? [turn.plural(removed, REMOVED)] : []),
      ...(added > 0 ? [turn.plural(added, ADDED)] : []),
    ];
    turn.say({
      intent: 'reminder:followed',
      text: turn.t(
        {
          fr: '🔔 Vos rappels suivent vos réponses : {changes}. Ils sont désormais {total} (« rappels » les montre).',
          en: '🔔 Your reminders follow your answers: {changes}. There are now {total} (“reminders” shows them).',
        },
        { changes: parts.join(turn.lang === 'fr' ? ' et ' : ' and '), total: after.size },
      ),
      data: { removed, added, total: after.size },
    });
  }

  /**
   * Recomputes the reminders of every application of these calls (a reload changed them: `calls.onReload`),
   * reading each application afresh; one deleted meanwhile (e.g. purged by retention) leaves the index.
   * Returns how many were recomputed.
   */
  async recomputeCalls(callIds: readonly string[]): Promise<number> {
    const entries = (await this.#index()).filter((e) => callIds.includes(e.callId));
    let recomputed = 0;
    for (const entry of entries) {
      const application = await this.#applications.get(entry.user, entry.applicationId);
      if (application) {
        await this.syncApplication(entry.user, application, entry.lang, entry.timezone);
        recomputed++;
      } else await this.removeApplication(entry.user, entry.applicationId);
    }
    this.#options.logger.info(
      { calls: callIds, recomputed },
      'application reminders recomputed after a reload',
    );
    return recomputed;
  }

  /** Recomputes the reminders of a person's accepted applications, e.g. in their new time zone. */
  async resyncUser(user: UserKey, lang: Lang, timezone: string): Promise<void> {
    for (const application of await this.#applications.list(user))
      if (application.remindersAccepted) await this.syncApplication(user, application, lang, timezone);
  }

  /** Deletes an application's reminders and forgets it in the reload index. */
  async removeApplication(user: UserKey, applicationId: string): Promise<void> {
    await this.#removeJobs(applicationId);
    await this.#updateIndex((entries) => entries.filter((e) => !sameApplication(e, { user, applicationId })));
  }

  /** "Forget me": drops every index entry naming the person (their jobs go with `Scheduler.removeByUser`). */
  async removeByUser(user: UserKey): Promise<void> {
    await this.#updateIndex((entries) => entries.filter((e) => e.user !== user));
  }

  async #removeJobs(applicationId: string): Promise<void> {
    await this.#options.scheduler.removeByOwner(`application:${applicationId}`);
  }

  async #index(): Promise<IndexEntry[]> {
    return readJson<IndexEntry[]>(this.#options.atomic, INDEX_KEY, []);
  }

  /** A versioned update: replicas changing the index at once each redo theirs on a fresh read, none is lost. */
  async #updateIndex(change: (entries: IndexEntry[]) => IndexEntry[]): Promise<void> {
    await updateJson(this.#options.atomic, INDEX_KEY, [], change);
  }

  /**
   * What a change to a call would do to these applications' reminders, without scheduling anything: for each
   * one whose reminders are followed, its zone and the jobs now and under `calendar` (the edited call);
   * undefined for the others, which have none.
   */
  async preview(
    applications: ReadonlyArray<{ user: UserKey; application: Application }>,
    calendar: CallCalendar,
  ): Promise<Array<{ timezone: string; before: NewJob[]; after: NewJob[] } | undefined>> {
    const followed = new Map((await this.#index()).map((e) => [`${e.user} ${e.applicationId}`, e]));
    return applications.map(({ user, application }) => {
      const entry = followed.get(`${user} ${application.id}`);
      return (
        entry && {
          timezone: entry.timezone,
          before: this.#jobs(user, application, entry.lang, entry.timezone),
          after: this.#jobs(user, application, entry.lang, entry.timezone, calendar),
        }
      );
    });
  }

  #jobs(
    user: UserKey,
    application: Application,
    lang: Lang,
    timezone: string,
    calendar = this.#options.calendar,
  ): NewJob[] {
    const now = this.#options.now();
    return calendar
      .reminders(application.callId, application.answers, timezone, now, application.id)
      .map((r): NewJob => {
        const text = [r.text[lang], ...(r.condition ? [`_${r.condition[lang]}_`] : [])].join('\n');
        return {
          // The day is part of the key: a moved event makes new jobs, and a delivered one is never re-sent.
          id: `app:${application.id}:${r.kind}:${r.day}`,
          kind: r.kind,
          dueAt: wallClock(dayOf(r.day), REMINDER_HOUR, 0, timezone).getTime(),
          expiresAt: wallClock(dayOf(r.usefulUntil), 0, 0, timezone).getTime(),
          user,
          owner: `application:${application.id}`,
          ref: application.ref,
          reply: {
            intent: `reminder:${r.kind}`,
            text: `${text}\n_${formatCitation(r.citation, lang)}_`,
            data: { application: application.id },
          },
          lang,
          timezone,
        };
      })
      .filter((job) => job.dueAt > now.getTime())
      .sort((a, b) => a.dueAt - b.dueAt);
  }
}

function sameApplication(
  a: Pick<IndexEntry, 'user' | 'applicationId'>,
  b: Pick<IndexEntry, 'user' | 'applicationId'>,
) {
  return a.user === b.user && a.applicationId === b.applicationId;
}
