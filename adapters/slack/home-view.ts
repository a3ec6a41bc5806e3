/**
 * The App Home tab, drawn from the core's overview: the person's applications in progress (step k of n,
 * verdict so far) and their upcoming reminders; for community managers, the workspace's scheduled broadcasts
 * and channel subscriptions. Read-only: conversations happen in messages.
 */
import { TZDate } from '@date-fns/tz';
import type { types } from '@slack/bolt';
// Per-function entry point: the package root loads all ~300 date-fns modules, seconds of start-up.
import { format } from 'date-fns/format';
import {
  type ApplicationOverview,
  type BroadcastOverview,
  type Localized,
  type Overview,
  type OverviewRequest,
  type ReminderOverview,
  type SubscriptionOverview,
  t,
} from '../../src/core/port.ts';
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

/** An application in progress: where the person is, and what the rules say of the answers so far. */
function applicationLine(application: ApplicationOverview, { lang }: OverviewRequest): string {
  const name = escapeMrkdwn(application.callName);
  if (!application.progress) return `• *${name}* (\`${application.id}\`)`;
  const line = t(lang, TEXT.application, {
    call: name,
    id: application.id,
    step: application.progress.step,
    total: application.progress.total,
  });
  const verdicts = application.verdicts
    .map((v) => `${ELIGIBLE_MARK[`${v.eligible}`]} ${escapeMrkdwn(v.benefit)}`)
    .join(' · ');
  return verdicts ? `• ${line}\n   ${t(lang, TEXT.verdictSoFar, { verdicts })}` : `• ${line}`;
}

function localTime(at: number, zone: string): string {
  return format(new TZDate(at, zone), 'yyyy-MM-dd HH:mm');
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
      ...listBlocks(
        t(lang, TEXT.applications),
        overview.applications.slice(0, MAX_ITEMS).map((a) => applicationLine(a, request)),
        t(lang, TEXT.noApplication),
      ),
      ...listBlocks(
        t(lang, TEXT.reminders),
        overview.reminders.slice(0, MAX_ITEMS).map(reminderLine),
        t(lang, TEXT.noReminder),
      ),
      ...(overview.manager ? managerBlocks(overview.manager, request) : []),
    ],
  };
}
