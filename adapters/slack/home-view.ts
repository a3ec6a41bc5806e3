/**
 * The App Home tab: the person's applications in progress (step k of n, verdict so far) and their upcoming
 * reminders. Read-only: conversations happen in messages.
 */
import { TZDate } from '@date-fns/tz';
import type { types } from '@slack/bolt';
// Per-function entry point: the package root loads all ~300 date-fns modules, seconds of start-up.
import { format } from 'date-fns/format';
import { type Application, ApplicationStore } from '../../dialogs/application.ts';
import { DIALOGS } from '../../dialogs/index.ts';
import { progress, resolveSteps } from '../../dialogs/steps.ts';
import { evaluate } from '../../rules/index.ts';
import type { App } from '../../src/app.ts';
import { type Lang, type Localized, t } from '../../src/core/i18n.ts';
import type { Job } from '../../src/scheduler/job.ts';
import { userKey } from '../../src/store/user-records.ts';
import { escapeMrkdwn, toMrkdwn } from './render-blocks.ts';

const TEXT = {
  title: { fr: 'Numérique en Commun[s] — votre espace', en: 'Numérique en Commun[s] — your space' },
  applications: { fr: '*Candidatures en cours*', en: '*Applications in progress*' },
  noApplication: {
    fr: 'Aucune candidature en cours. Écrivez-moi pour en commencer une (`aide` liste les commandes).',
    en: 'No application in progress. Write to me to start one (`help` lists the commands).',
  },
  application: {
    fr: '*{call}* (`{id}`) — étape {step} sur {total}',
    en: '*{call}* (`{id}`) — step {step} of {total}',
  },
  verdictSoFar: { fr: 'Pour l’instant : {verdicts}', en: 'So far: {verdicts}' },
  reminders: { fr: '*Prochains rappels*', en: '*Upcoming reminders*' },
  noReminder: { fr: 'Aucun rappel programmé.', en: 'No reminder scheduled.' },
} satisfies Record<string, Localized>;

/** Items listed per section, at most: the Home tab is a glance; commands in a DM give the full lists. */
const MAX_ITEMS = 10;

const ELIGIBLE_MARK = { true: '✅', false: '❌', null: '❔' } as const;

export interface HomeRequest {
  workspace?: string;
  userId: string;
  lang: Lang;
  /** The person's time zone, for due times and "today" in the verdict. */
  timezone: string;
}

function section(text: string): types.KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** An application in progress: where the person is, and what the rules say of the answers so far. */
function applicationLine(app: App, application: Application, request: HomeRequest): string {
  const { lang } = request;
  const call = app.calls.get(application.callId);
  const dialog = DIALOGS.find((d) => d.id === application.callId);
  const name = escapeMrkdwn(call?.name[lang] ?? application.callId);
  if (!call || !dialog) return `• *${name}* (\`${application.id}\`)`;
  const where = progress(resolveSteps(dialog, call), application);
  const line = t(lang, TEXT.application, {
    call: name,
    id: application.id,
    step: where.index,
    total: where.total,
  });
  const verdict = evaluate(call, application.answers, app.clock.now(), request.timezone);
  const verdicts = verdict.benefits
    .map((b) => `${ELIGIBLE_MARK[`${b.eligible}`]} ${escapeMrkdwn(b.benefit.name[lang])}`)
    .join(' · ');
  return verdicts ? `• ${line}\n   ${t(lang, TEXT.verdictSoFar, { verdicts })}` : `• ${line}`;
}

/** A reminder: its local due time and the first line of its message. */
function jobLine(job: Job): string {
  const when = format(new TZDate(job.dueAt, job.timezone), 'yyyy-MM-dd HH:mm');
  const firstLine = (job.reply.text.split('\n')[0] ?? '').slice(0, 150);
  return `• ${when} — ${toMrkdwn(firstLine)}`;
}

function listBlocks(title: string, lines: string[], empty: string): types.KnownBlock[] {
  return [{ type: 'divider' }, section(title), section(lines.length > 0 ? lines.join('\n') : empty)];
}

/** The Home tab view of a person. */
export async function homeView(app: App, request: HomeRequest): Promise<types.HomeView> {
  const { lang } = request;
  const user = userKey('slack', request.userId, request.workspace);
  const applications = (await new ApplicationStore(app.records).list(user)).filter(
    (a) => a.status === 'in_progress',
  );
  const reminders = await app.scheduler.listForUser(user);
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t(lang, TEXT.title) } },
      ...listBlocks(
        t(lang, TEXT.applications),
        applications.slice(0, MAX_ITEMS).map((a) => applicationLine(app, a, request)),
        t(lang, TEXT.noApplication),
      ),
      ...listBlocks(
        t(lang, TEXT.reminders),
        reminders.slice(0, MAX_ITEMS).map(jobLine),
        t(lang, TEXT.noReminder),
      ),
    ],
  };
}
