/**
 * The App Home tab, drawn from the core's overview: the person's applications (the step as the chat words it, a progress bar of
 * the answers given, status, verdict so far, next key date, and buttons to resume, edit in a form or export)
 * and their upcoming reminders; for community managers, the workspace's scheduled broadcasts and channel
 * subscriptions. The buttons send the same commands as typing them in the DM.
 */
import { TZDate } from '@date-fns/tz';
import type { types } from '@slack/bolt';
// Per-function entry point: the package root loads all ~300 date-fns modules, seconds of start-up.
import {
  type ApplicationOverview,
  type BroadcastOverview,
  type Counted,
  type Localized,
  type Overview,
  type OverviewRequest,
  plural,
  type ReminderOverview,
  type SubscriptionOverview,
  t,
} from '../../src/core/port.ts';
import { editButton } from './native-inputs.ts';
import { escapeMrkdwn, toMrkdwn } from './render-blocks.ts';

/** Action id prefix of the Home's command buttons; each button's value is the message it sends. */
export const HOME_ACTION = 'nec_home';

const TEXT = {
  title: { fr: 'Numérique en Commun[s] — votre espace', en: 'Numérique en Commun[s] — your space' },
  applications: { fr: '*Vos candidatures*', en: '*Your applications*' },
  noApplication: {
    fr: 'Aucune candidature pour l’instant. Écrivez-moi pour en commencer une (`aide` liste les commandes).',
    en: 'No application yet. Write to me to start one (`help` lists the commands).',
  },
  completed: {
    fr: '*{call}* (`{id}`) — toutes les étapes sont passées',
    en: '*{call}* (`{id}`) — every step done',
  },
  inProgress: { fr: 'En cours', en: 'In progress' },
  complete: { fr: 'Terminée', en: 'Complete' },
  verdictSoFar: { fr: 'Pour l’instant : {verdicts}', en: 'So far: {verdicts}' },
  nextDate: { fr: 'Prochaine date : {day} — {label}', en: 'Next date: {day} — {label}' },
  reminders: { fr: '*Prochains rappels*', en: '*Upcoming reminders*' },
  noReminder: { fr: 'Aucun rappel programmé.', en: 'No reminder scheduled.' },
  broadcasts: { fr: '*Diffusions programmées* (gestionnaires)', en: '*Scheduled broadcasts* (managers)' },
  noBroadcast: {
    fr: 'Aucune diffusion programmée. `diffuser [#canal] <quand> <message>` en programme une.',
    en: 'No broadcast scheduled. `broadcast [#channel] <when> <message>` schedules one.',
  },
  subscriptions: {
    fr: '*Canaux abonnés aux appels* (gestionnaires)',
    en: '*Channels subscribed to calls* (managers)',
  },
  noSubscription: {
    fr: 'Aucun canal abonné. Dans un canal, `abonner <id-appel>` y annonce les échéances de l’appel.',
    en: 'No channel subscribed. In a channel, `subscribe <call-id>` announces the call’s deadlines there.',
  },
} satisfies Record<string, Localized>;

/** Items listed per section, at most: the Home tab is a glance; commands in a DM give the full lists. */
const MAX_ITEMS = 10;
/** Characters of a message shown in a list line: enough to recognise it. */
const SNIPPET_CHARS = 100;
/** A Slack channel id (public or private), shown as a live channel link; other rooms are names. */
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

const ELIGIBLE_MARK = { true: '✅', false: '❌', null: '❔' } as const;

function section(text: string): types.KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

const ANSWERED: Counted = {
  fr: { one: '{bar} {count} réponse sur {total}', other: '{bar} {count} réponses sur {total}' },
  en: { one: '{bar} {count} of {total} answers', other: '{bar} {count} of {total} answers' },
};

/** Cells of the progress bar: a glance, not a measure. */
const BAR_CELLS = 10;

/** `▰▰▰▱▱▱▱▱▱▱`: the share of the steps that apply which have an answer. */
export function progressBar(answered: number, total: number): string {
  const filled = total === 0 ? BAR_CELLS : Math.round((answered / total) * BAR_CELLS);
  return '▰'.repeat(filled) + '▱'.repeat(BAR_CELLS - filled);
}

/** An application: where the person is, how far the answers go, what the rules say so far, what comes next. */
function applicationText(application: ApplicationOverview, { lang }: OverviewRequest): string {
  const call = escapeMrkdwn(application.callName);
  const status = t(lang, application.status === 'complete' ? TEXT.complete : TEXT.inProgress);
  const { progress } = application;
  if (!progress) return `*${call}* (\`${application.id}\`) · ${status}`;
  const where =
    application.status === 'complete'
      ? t(lang, TEXT.completed, { call, id: application.id })
      : // The step in the chat's own words (« Étape 5 (encore 12 questions ensuite) »), from the core.
        `*${call}* (\`${application.id}\`) — ${toMrkdwn(progress.heading)}`;
  const lines = [
    `${where} · ${status}`,
    plural(lang, progress.answered, ANSWERED, {
      bar: progressBar(progress.answered, progress.total),
      total: progress.total,
    }),
  ];
  const verdicts = application.verdicts
    .map((v) => `${ELIGIBLE_MARK[`${v.eligible}`]} ${escapeMrkdwn(v.benefit)}`)
    .join(' · ');
  if (verdicts) lines.push(t(lang, TEXT.verdictSoFar, { verdicts }));
  const next = application.nextDate;
  if (next) {
    lines.push(t(lang, TEXT.nextDate, { day: next.when, label: escapeMrkdwn(next.label) }));
  }
  return lines.join('\n');
}

/** An application's section and its buttons: the core's commands (resume, export) and the edit form. */
function applicationBlocks(application: ApplicationOverview, request: OverviewRequest): types.KnownBlock[] {
  const commands = application.actions.map(
    (action, index): types.Button => ({
      type: 'button',
      action_id: `${HOME_ACTION}:${index}`,
      text: { type: 'plain_text', text: action.label },
      value: action.id,
    }),
  );
  const [first, ...rest] = commands;
  const buttons = [...(first ? [first] : []), editButton(application.id, request.lang), ...rest];
  return [section(applicationText(application, request)), { type: 'actions', elements: buttons }];
}

function localTime(at: number, zone: string): string {
  // The zone's own fields, written `YYYY-MM-DD HH:mm` (date-fns' `format` costs ~28 MB of memory to load).
  const local = new TZDate(at, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ${two(local.getHours())}:${two(local.getMinutes())}`;
}

/** The first words of a message (its first line, cut), as mrkdwn. */
function snippet(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return toMrkdwn(line.length > SNIPPET_CHARS ? `${line.slice(0, SNIPPET_CHARS).trimEnd()}…` : line);
}

function channel(roomId: string): string {
  return SLACK_CHANNEL_ID.test(roomId) ? `<#${roomId}>` : `#${escapeMrkdwn(roomId)}`;
}

/** A reminder: its local due time and the first words of its message. */
function reminderLine(reminder: ReminderOverview): string {
  return `• ${localTime(reminder.dueAt, reminder.timezone)} — ${snippet(reminder.text)}`;
}

/** A broadcast: when (in the viewer's zone), where, the first words, and the id `cancel broadcast` takes. */
function broadcastLine(broadcast: BroadcastOverview, request: OverviewRequest): string {
  const where = broadcast.rooms.map(channel).join(', ');
  return `• ${localTime(broadcast.dueAt, request.timezone)} — ${where} — ${snippet(broadcast.text)} (\`${broadcast.id}\`)`;
}

/** A subscription: the channel, the call it follows, and the zone its announcements keep. */
function subscriptionLine(subscription: SubscriptionOverview): string {
  const call = escapeMrkdwn(subscription.callName);
  return `• ${channel(subscription.roomId)} — *${call}* (\`${subscription.callId}\`) — ${subscription.timezone}`;
}

function listBlocks(title: string, lines: string[], empty: string): types.KnownBlock[] {
  return [{ type: 'divider' }, section(title), section(lines.length > 0 ? lines.join('\n') : empty)];
}

/** What community managers follow for their workspace: broadcasts to come and subscribed channels. */
function managerBlocks(
  manager: NonNullable<Overview['manager']>,
  request: OverviewRequest,
): types.KnownBlock[] {
  const { lang } = request;
  return [
    ...listBlocks(
      t(lang, TEXT.broadcasts),
      manager.broadcasts.slice(0, MAX_ITEMS).map((b) => broadcastLine(b, request)),
      t(lang, TEXT.noBroadcast),
    ),
    ...listBlocks(
      t(lang, TEXT.subscriptions),
      manager.subscriptions.slice(0, MAX_ITEMS).map(subscriptionLine),
      t(lang, TEXT.noSubscription),
    ),
  ];
}

/** The Home tab view of a person, from the core's overview of them. */
export function homeView(overview: Overview, request: OverviewRequest): types.HomeView {
  const { lang } = request;
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t(lang, TEXT.title) } },
      { type: 'divider' },
      section(t(lang, TEXT.applications)),
      ...(overview.applications.length > 0
        ? overview.applications.slice(0, MAX_ITEMS).flatMap((a) => applicationBlocks(a, request))
        : [section(t(lang, TEXT.noApplication))]),
      ...listBlocks(
        t(lang, TEXT.reminders),
        overview.reminders.slice(0, MAX_ITEMS).map(reminderLine),
        t(lang, TEXT.noReminder),
      ),
      ...(overview.manager ? managerBlocks(overview.manager, request) : []),
    ],
  };
}
