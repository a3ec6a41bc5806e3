/**
 * What a platform shows beside the chat (Slack's App Home), computed here so that no adapter needs the
 * dialogs or the rules: a person's applications (in progress first: the step as the chat words it, answers given, verdict so
 * far, next key date, what can be done with each) and reminders to come; for community managers, their
 * workspace's scheduled broadcasts and channel subscriptions.
 */

import { type Application, ApplicationStore } from '../../dialogs/application.ts';
import { dialogsInForce } from '../../dialogs/editions.ts';
import { DIALOGS } from '../../dialogs/index.ts';
import { stepHeading } from '../../dialogs/render.ts';
import { applicableSteps, progress, resolveSteps } from '../../dialogs/steps.ts';
import { type CallRegistry, dayIn, evaluate, formatDay, keyDates } from '../../rules/index.ts';
import type { Clock } from '../core/clock.ts';
import type { Lang } from '../core/i18n.ts';
import type { Choice } from '../core/message.ts';
import type { ApplicationOverview, Overview, OverviewRequest } from '../core/port.ts';
import type { Broadcasts } from '../scheduler/broadcasts.ts';
import { isPersonalReminder } from '../scheduler/job.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import type { Subscriptions } from '../scheduler/subscriptions.ts';
import { type UserRecords, userKey } from '../store/user-records.ts';

export interface OverviewOptions {
  records: UserRecords;
  calls: CallRegistry;
  clock: Clock;
  scheduler: Pick<Scheduler, 'listForUser'>;
  broadcasts: Pick<Broadcasts, 'scheduled'>;
  subscriptions: Pick<Subscriptions, 'list'>;
}

/** The overview of one person; see the file comment. */
export async function overviewOf(options: OverviewOptions, request: OverviewRequest): Promise<Overview> {
  const user = userKey(request.platform, request.userId, request.workspace);
  const all = await new ApplicationStore(options.records).list(user);
  // Most recently updated first within each group, as the store lists them.
  const applications = [
    ...all.filter((a) => a.status === 'in_progress'),
    ...all.filter((a) => a.status !== 'in_progress'),
  ];
  const reminders = (await options.scheduler.listForUser(user)).filter(isPersonalReminder);
  const overview: Overview = {
    applications: applications.map((a) => applicationOverview(options, a, request)),
    reminders: reminders.map((job) => ({ dueAt: job.dueAt, timezone: job.timezone, text: job.reply.text })),
  };
  if (request.isManager) {
    const scope = { platform: request.platform, workspace: request.workspace };
    const broadcasts = await options.broadcasts.scheduled(scope);
    const subscriptions = await options.subscriptions.list(scope);
    overview.manager = {
      broadcasts: broadcasts.map(({ id, dueAt, rooms, text }) => ({ id, dueAt, rooms, text })),
      subscriptions: subscriptions.map((s) => ({
        roomId: s.ref.roomId,
        callId: s.callId,
        callName: options.calls.get(s.callId)?.name[request.lang] ?? s.callId,
        timezone: s.timezone,
      })),
    };
  }
  return overview;
}

/** The commands the buttons of an application send: resume one in progress, export any. */
function actionsOf(application: Application, lang: Lang): Choice[] {
  const fr = lang === 'fr';
  const resume = { id: `${fr ? 'ouvrir' : 'open'} ${application.id}`, label: fr ? 'Reprendre' : 'Resume' };
  const exported = {
    id: `${fr ? 'exporter' : 'export'} ${application.id}`,
    label: fr ? 'Exporter' : 'Export',
  };
  return application.status === 'in_progress' ? [resume, exported] : [exported];
}

/** Where the person is in an application, what the rules say of the answers so far, what comes next. */
function applicationOverview(
  { calls, clock }: OverviewOptions,
  application: Application,
  { lang, timezone }: OverviewRequest,
): ApplicationOverview {
  const call = calls.get(application.callId);
  const dialog = dialogsInForce(DIALOGS, calls.list()).find((d) => d.id === application.callId);
  const base = {
    id: application.id,
    callId: application.callId,
    callName: call?.name[lang] ?? application.callId,
    status: application.status,
    actions: actionsOf(application, lang),
  };
  if (!call || !dialog) return { ...base, verdicts: [] };
  const steps = resolveSteps(dialog, call);
  const where = progress(steps, application);
  const answered = applicableSteps(steps, application.answers).filter((s) => s.slot in application.answers);
  const verdict = evaluate(call, application.answers, clock.now(), timezone);
  const today = dayIn(clock.now(), timezone);
  const next = keyDates(call, application.answers, timezone).find((d) => d.date >= today);
  return {
    ...base,
    progress: {
      step: where.index,
      total: where.total,
      answered: answered.length,
      heading: stepHeading(where.index, where.remaining, lang),
    },
    verdicts: verdict.benefits.map((b) => ({ benefit: b.benefit.name[lang], eligible: b.eligible })),
    ...(next
      ? { nextDate: { day: next.date, when: formatDay(next.date, lang), label: next.label[lang] } }
      : {}),
  };
}
