/**
 * What saving an edited call would change, worked out by the engines themselves without scheduling anything:
 * the call's status and key dates, the verdicts and reminders of the applications the reminders follow, and
 * the announcements of the channels subscribed to it. Applications are numbered, never named.
 */
import {
  type CallDefinition,
  type CallRegistry,
  callStatus,
  evaluate,
  formatDay,
  keyDates,
  renderStatus,
} from '../../rules/index.ts';
import type { Lang } from '../core/i18n.ts';
import type { ApplicationReminders } from '../scheduler/application-reminders.ts';
import { formatInstant } from '../scheduler/format.ts';
import type { BroadcastScope } from '../scheduler/manager-channels.ts';
import { rulesCalendar } from '../scheduler/rules-calendar.ts';
import { announcements, type Subscriptions } from '../scheduler/subscriptions.ts';

export interface Change {
  label: string;
  before: string;
  after: string;
}

export interface CallPreview {
  status: Change | undefined;
  dates: Change[];
  applications: Array<{ label: string; changes: Change[] }>;
  subscriptions: Array<{ room: string; before: string[]; after: string[] }>;
}

export interface PreviewOptions {
  calls: CallRegistry;
  reminders: ApplicationReminders;
  subscriptions: Subscriptions;
  now: Date;
  zone: string;
  lang: Lang;
  scope: BroadcastScope;
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
  const applications: CallPreview['applications'] = [];
  if (before) {
    const followed = await o.reminders.preview(after.id, candidate);
    followed.forEach(({ application, timezone, before: jobsBefore, after: jobsAfter }, i) => {
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
      const when = (jobs: typeof jobsBefore) =>
        jobs.map((j) => formatInstant(j.dueAt, timezone, lang)).join(' ; ') || NONE;
      if (when(jobsBefore) !== when(jobsAfter))
        changes.push({
          label: fr ? 'Rappels' : 'Reminders',
          before: when(jobsBefore),
          after: when(jobsAfter),
        });
      if (changes.length > 0)
        applications.push({ label: `${fr ? 'Dossier' : 'Application'} ${i + 1}`, changes });
    });
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
    applications,
    subscriptions,
  };
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
