/**
 * What saving an edited call would change, worked out by the engines themselves without scheduling anything:
 * the call's status and key dates, the verdicts, key dates and reminders of the call's applications (every one
 * the store holds, from the index of applications by call), and the announcements of the channels subscribed
 * to it. Applications are numbered, never named, and examined a page at a time: a call with thousands of them
 * costs one page of reads per preview, with the total said and a button for the next page.
 */

import type { Application } from '../../dialogs/application.ts';
import {
  type CallDefinition,
  callStatus,
  evaluate,
  formatDay,
  keyDates,
  renderStatus,
} from '../../rules/index.ts';
import type { Lang } from '../core/i18n.ts';
import { listOf } from '../core/lists.ts';
import { formatInstant } from '../scheduler/format.ts';
import type { NewJob } from '../scheduler/job.ts';
import type { BroadcastScope } from '../scheduler/manager-channels.ts';
import { rulesCalendar } from '../scheduler/rules-calendar.ts';
import { announcements } from '../scheduler/subscriptions.ts';
import type { ConsoleServices } from './services.ts';

export interface Change {
  label: string;
  before: string;
  after: string;
}

/** How many applications one preview examines. */
export const PREVIEW_PAGE = 100;

export interface CallPreview {
  status: Change | undefined;
  dates: Change[];
  applications: {
    /** Applications the index lists for the call. */
    total: number;
    /** The page examined: its first position (from 0) and how many it held. */
    from: number;
    examined: number;
    /** Those of the page that would change, numbered by their position in the whole list. */
    changed: Array<{ label: string; changes: Change[] }>;
  };
  subscriptions: Array<{ room: string; before: string[]; after: string[] }>;
}

export interface PreviewOptions
  extends Pick<
    ConsoleServices,
    | 'calls'
    | 'reminders'
    | 'applicationsByCall'
    | 'applications'
    | 'timezoneOf'
    | 'subscriptions'
    | 'defaultZone'
  > {
  now: Date;
  /** The manager's time zone, for the call's own dates. */
  zone: string;
  lang: Lang;
  scope: BroadcastScope;
  /** The position of the first application to examine (a later page). */
  from?: number;
}

const NONE = '—';

export async function previewCall(
  before: CallDefinition | undefined,
  after: CallDefinition,
  o: PreviewOptions,
): Promise<CallPreview> {
  const { lang, now, zone } = o;
  const fr = lang === 'fr';
  const status = (call: CallDefinition | undefined) =>
    call ? renderStatus(call, callStatus(call, now, zone), lang) : NONE;
  const statusBefore = status(before);
  const statusAfter = status(after);

  const candidate = rulesCalendar({ get: (id) => (id === after.id ? after : o.calls.get(id)) });
  const listed = await o.applicationsByCall.list(after.id);
  // A page past the end (applications deleted since the last one) starts again from the first.
  const from = (o.from ?? 0) < listed.length ? Math.max(0, o.from ?? 0) : 0;
  // A new call (an import) has no applications yet.
  const page = before ? listed.slice(from, from + PREVIEW_PAGE) : [];
  const changed: CallPreview['applications']['changed'] = [];
  if (before) {
    const found = await Promise.all(
      page.map(async ({ user, applicationId }, i) => {
        const application = await o.applications.get(user, applicationId);
        return application && { user, application, position: from + i + 1 };
      }),
    );
    const stored = found.filter((f) => f !== undefined);
    const followed = await o.reminders.preview(stored, candidate);
    for (const [i, { user, application, position }] of stored.entries()) {
      const reminders = followed[i];
      const timezone = reminders?.timezone ?? (await o.timezoneOf(user)) ?? o.defaultZone;
      const changes = applicationChanges(before, after, application, timezone, reminders, o);
      if (changes.length > 0)
        changed.push({
          label: `${fr ? 'Dossier' : 'Application'} ${position} (${progress(application, lang)})`,
          changes,
        });
    }
  }
  const subscriptions: CallPreview['subscriptions'] = [];
  for (const s of await o.subscriptions.list(o.scope)) {
    if (s.callId !== after.id) continue;
    const list = (call: CallDefinition | undefined) =>
      call
        ? announcements(s, keyDates(call, {}, s.timezone), call.name[s.lang], now).map(
            (j) => `${formatInstant(j.dueAt, s.timezone, lang)} — ${j.reply.text}`,
          )
        : [];
    const a = list(before);
    const b = list(after);
    if (a.join('\n') !== b.join('\n')) subscriptions.push({ room: s.ref.roomId, before: a, after: b });
  }
  return {
    status:
      statusBefore === statusAfter
        ? undefined
        : { label: fr ? 'État' : 'Status', before: statusBefore, after: statusAfter },
    dates: changedDates(before ? keyDates(before, {}, zone) : [], keyDates(after, {}, zone), lang),
    applications: { total: listed.length, from, examined: page.length, changed },
    subscriptions,
  };
}

/** An application's verdict per benefit, key dates and reminders (when followed) that the edit changes. */
function applicationChanges(
  before: CallDefinition,
  after: CallDefinition,
  application: Application,
  timezone: string,
  reminders: { before: NewJob[]; after: NewJob[] } | undefined,
  { now, lang }: PreviewOptions,
): Change[] {
  const changes: Change[] = [];
  const verdictBefore = evaluate(before, application.answers, now, timezone);
  const verdictAfter = evaluate(after, application.answers, now, timezone);
  for (const benefit of verdictAfter.benefits) {
    const was = verdictBefore.benefits.find((b) => b.benefit.id === benefit.benefit.id);
    const old = eligibility(was?.eligible, lang);
    const next = eligibility(benefit.eligible, lang);
    if (old !== next)
      changes.push({ label: `Verdict — ${benefit.benefit.name[lang]}`, before: old, after: next });
  }
  changes.push(
    ...changedDates(
      keyDates(before, application.answers, timezone),
      keyDates(after, application.answers, timezone),
      lang,
    ),
  );
  if (reminders) {
    const when = (jobs: NewJob[]) =>
      listOf(
        jobs.map((j) => formatInstant(j.dueAt, timezone, lang)),
        lang,
      ) || NONE;
    if (when(reminders.before) !== when(reminders.after))
      changes.push({
        label: lang === 'fr' ? 'Rappels' : 'Reminders',
        before: when(reminders.before),
        after: when(reminders.after),
      });
  }
  return changes;
}

function progress(application: Application, lang: Lang): string {
  if (application.status === 'complete') return lang === 'fr' ? 'complet' : 'complete';
  return lang === 'fr' ? 'en cours' : 'in progress';
}

function eligibility(value: boolean | null | undefined, lang: Lang): string {
  if (value === undefined) return NONE;
  if (value === null) return lang === 'fr' ? 'à préciser' : 'unknown';
  return value ? (lang === 'fr' ? 'éligible' : 'eligible') : lang === 'fr' ? 'non éligible' : 'not eligible';
}

function changedDates(
  before: ReturnType<typeof keyDates>,
  after: ReturnType<typeof keyDates>,
  lang: Lang,
): Change[] {
  const ids = [...new Set([...before.map((d) => d.id), ...after.map((d) => d.id)])];
  return ids.flatMap((id) => {
    const a = before.find((d) => d.id === id);
    const b = after.find((d) => d.id === id);
    if (a?.date === b?.date) return [];
    const label = (b ?? a)?.label[lang] ?? id;
    return [{ label, before: a ? formatDay(a.date, lang) : NONE, after: b ? formatDay(b.date, lang) : NONE }];
  });
}
