/**
 * The App Home tab: the person's applications in progress and their upcoming reminders. Read-only:
 * conversations happen in messages.
 */

import { TZDate } from '@date-fns/tz';
import type { types } from '@slack/bolt';
import { format } from 'date-fns';
import { ApplicationStore } from '../../dialogs/application.ts';
import type { App } from '../../src/app.ts';
import { type Lang, type Localized, t } from '../../src/core/i18n.ts';
import { userKey } from '../../src/store/user-records.ts';
import { escapeMrkdwn, toMrkdwn } from './render-blocks.ts';

const TEXT = {
  title: { fr: 'Numérique en Commun[s] — votre espace', en: 'Numérique en Commun[s] — your space' },
  applications: { fr: '*Candidatures en cours*', en: '*Applications in progress*' },
  noApplication: {
    fr: 'Aucune candidature en cours. Écrivez-moi `candidater` pour en commencer une.',
    en: 'No application in progress. Send me `apply` to start one.',
  },
  application: {
    fr: '• *{call}* (`{id}`) — étape {step}, mise à jour le {updated}',
    en: '• *{call}* (`{id}`) — step {step}, updated {updated}',
  },
  reminders: { fr: '*Prochains rappels*', en: '*Upcoming reminders*' },
  noReminder: { fr: 'Aucun rappel programmé.', en: 'No reminder scheduled.' },
  job: { fr: '• {when} — {text}', en: '• {when} — {text}' },
} satisfies Record<string, Localized>;

/** Reminders listed, at most: the Home tab is a glance, `reminders` in a DM gives the full list. */
const MAX_ITEMS = 10;

/** A scheduled job as the Home tab reads it; the scheduler's jobs have this shape. */
interface ScheduledItem {
  dueAt: number;
  timezone: string;
  reply: { text: string };
}

/** The scheduler's listing methods, when the running scheduler has them. */
interface SchedulerListing {
  listForUser?(user: string): Promise<ScheduledItem[]>;
}

export interface HomeRequest {
  workspace?: string;
  userId: string;
  lang: Lang;
}

function section(text: string): types.KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** One line of a job: its local due time and the first line of its message. */
function jobLine(job: ScheduledItem, lang: Lang): string {
  const when = format(new TZDate(job.dueAt, job.timezone), 'yyyy-MM-dd HH:mm');
  const firstLine = job.reply.text.split('\n')[0] ?? '';
  return t(lang, TEXT.job, { when, text: toMrkdwn(firstLine.slice(0, 150)) });
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
  const applicationLines = applications.slice(0, MAX_ITEMS).map((a) =>
    t(lang, TEXT.application, {
      call: escapeMrkdwn(a.callId),
      id: a.id,
      step: Object.keys(a.answers).length + a.skipped.length + 1,
      updated: a.updatedAt.slice(0, 10),
    }),
  );
  const scheduler = app.scheduler as SchedulerListing;
  const reminders = (await scheduler.listForUser?.(user)) ?? [];
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t(lang, TEXT.title) } },
      ...listBlocks(t(lang, TEXT.applications), applicationLines, t(lang, TEXT.noApplication)),
      ...listBlocks(
        t(lang, TEXT.reminders),
        reminders.slice(0, MAX_ITEMS).map((job) => jobLine(job, lang)),
        t(lang, TEXT.noReminder),
      ),
    ],
  };
}
