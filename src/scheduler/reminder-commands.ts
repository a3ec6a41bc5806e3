/**
 * Personal reminders and the time zone, fr/en: `remind me …` / `rappelle-moi …`, `reminders` / `rappels`,
 * `cancel reminder <id>` / `annuler rappel <id>`, `snooze <id> <delay>` / `reporter <id> <délai>`,
 * `timezone <IANA>` / `fuseau <IANA>`.
 */
import { createHash } from 'node:crypto';
import type { Command } from '../core/commands.ts';
import type { Localized } from '../core/i18n.ts';
import type { ConversationRef } from '../core/message.ts';
import { turnEvent } from '../core/once.ts';
import { normalize } from '../core/text.ts';
import type { Turn } from '../core/turn.ts';
import { formatInstant, seededShortId, shortId } from './format.ts';
import { isPersonalReminder, type Job } from './job.ts';
import type { Scheduler } from './scheduler.ts';
import { parseWhen, type When } from './when.ts';

/** A personal reminder no longer worth sending this long after its time (the bot was down): dropped, logged. */
const PERSONAL_USEFUL_FOR_MS = 7 * 24 * 3600_000;

const EXAMPLES: Localized = {
  fr: 'Par exemple : « rappelle-moi demain à 10h de relire le dossier », « rappelle-moi le 12 mars à 9h d’envoyer le budget » ou « rappelle-moi dans 2 semaines de relancer la mairie ».',
  en: 'For example: “remind me to send the budget on 12 March at 9:00”, “remind me tomorrow at 10am to reread the file” or “remind me in 2 weeks to call the town hall”.',
};

/** Where a person's own reminders go: their direct conversation with the bot. */
export function directRef(turn: Turn): ConversationRef {
  const { ref, userId } = turn.message;
  if (ref.isDirect) return ref;
  return { platform: ref.platform, workspace: ref.workspace, roomId: userId, userId, isDirect: true };
}

const ONLY_FUTURE: Localized = {
  fr: 'je ne peux rappeler que dans le futur',
  en: 'I can only remind you in the future',
};

/**
 * For a message that reached the bot late (turn-time.ts), a sentence saying when it was written and that its
 * relative dates were counted from now, after the time it set; else nothing.
 */
export function lateNote(turn: Turn, zone: string): string {
  const written = turn.time.writtenLate;
  if (!written) return '';
  const note = turn.t(
    {
      fr: '(Votre message, écrit le {written}, m’est parvenu en retard : j’ai compté ses dates relatives — « demain », « dans 2 jours » — à partir de maintenant.)',
      en: '(Your message, written on {written}, reached me late: I counted its relative dates — “tomorrow”, “in 2 days” — from now.)',
    },
    { written: formatInstant(written, zone, turn.lang) },
  );
  return `\n${note}`;
}

/**
 * Why a time was refused, in words that say what to do instead (`examples`: the command's own; `onlyFuture`:
 * what it can do only in the future, said after a time already past).
 */
export function whenProblem(
  turn: Turn,
  when: Extract<When, { ok: false }>,
  zone: string,
  examples: Localized = EXAMPLES,
  onlyFuture: Localized = ONLY_FUTURE,
): string {
  if (when.reason === 'past' && when.at) {
    return turn.t(
      {
        fr: '{at} est déjà passé (il est {now}, fuseau {zone}) : {onlyFuture}.',
        en: '{at} is already past (it is {now}, {zone} time): {onlyFuture}.',
      },
      {
        onlyFuture: turn.t(onlyFuture),
        at: formatInstant(when.at, zone, turn.lang),
        now: formatInstant(turn.time.now, zone, turn.lang),
        zone,
      },
    );
  }
  if (when.reason === 'invalid-date')
    return `${turn.t({ fr: 'Cette date ou cette heure n’existe pas.', en: 'That date or time does not exist.' })} ${turn.t(examples)}`;
  return `${turn.t({ fr: 'Je n’ai pas compris quand.', en: 'I could not tell when.' })} ${turn.t(examples)}`;
}

/** The reminder commands, over the scheduler; `onZoneChanged` lets application reminders follow a new time zone. */
export function reminderCommands(
  scheduler: Scheduler,
  defaultZone: string,
  onZoneChanged: (turn: Turn, zone: string) => Promise<void>,
): Command[] {
  const zoneOf = (turn: Turn) => turn.timezone(defaultZone);

  const remind: Command = {
    id: 'remind',
    aliases: {
      en: ['remind me', 'remind', 'reminder'],
      fr: ['rappelle-moi', 'rappelle moi', 'rappelez-moi', 'rappelez moi', 'rappel'],
    },
    summary: { fr: 'me rappeler quelque chose à une date', en: 'remind me of something at a given time' },
    usage: { fr: '<quand> de <quoi>', en: 'to <what> <when>' },
    async run(turn, args) {
      const zone = zoneOf(turn);
      const when = parseWhen(args, turn.time.now, zone);
      if (!when.ok) return refuse(turn, whenProblem(turn, when, zone));
      if (when.rest === '')
        return refuse(
          turn,
          `${turn.t({ fr: 'De quoi dois-je vous rappeler ?', en: 'What should I remind you of?' })} ${turn.t(EXAMPLES)}`,
        );
      const job = await scheduleUnique(
        scheduler,
        (id) => ({
          id,
          kind: 'personal',
          dueAt: when.at.getTime(),
          expiresAt: when.at.getTime() + PERSONAL_USEFUL_FOR_MS,
          user: turn.user,
          owner: `personal:${turn.user}`,
          ref: directRef(turn),
          reply: {
            intent: 'reminder:personal',
            text: turn.t({ fr: '⏰ Rappel : {what}', en: '⏰ Reminder: {what}' }, { what: when.rest }),
            data: { reminder: id },
          },
          lang: turn.lang,
          timezone: zone,
          attempts: 0,
        }),
        'r',
        jobOrigin(turn, 'remind'),
      );
      turn.say({
        intent: 'reminder:set',
        text: `${turn.t(
          {
            fr: 'C’est noté (rappel `{id}`) : « {what} », {at} ({zone}). Pour l’annuler : `annuler rappel {id}`.',
            en: 'Noted (reminder `{id}`): “{what}”, {at} ({zone}). To cancel it: `cancel reminder {id}`.',
          },
          { id: job.id, what: when.rest, at: formatInstant(when.at, zone, turn.lang), zone },
        )}${lateNote(turn, zone)}`,
        data: { id: job.id, at: when.at.toISOString() },
      });
    },
  };

  const list: Command = {
    id: 'reminders',
    aliases: { en: ['reminders', 'my reminders'], fr: ['rappels', 'mes rappels'] },
    summary: { fr: 'lister mes rappels', en: 'list my reminders' },
    async run(turn) {
      const jobs = (await scheduler.listForUser(turn.user)).filter(isPersonalReminder);
      if (jobs.length === 0) {
        turn.say({
          intent: 'reminders',
          text: `${turn.t({ fr: 'Vous n’avez aucun rappel prévu.', en: 'You have no reminders scheduled.' })} ${turn.t(EXAMPLES)}`,
          data: { reminders: [] },
        });
        return;
      }
      // Numbered, by their day and subject: the ids (`app:3f2a1c:event-eve:2027-03-22`) are the scheduler's, and
      // the commands take the number.
      const lines = jobs.map(
        (job, i) => `${i + 1}. ${formatInstant(job.dueAt, job.timezone, turn.lang)} — ${subject(job)}`,
      );
      turn.say({
        intent: 'reminders',
        text: [
          turn.t({ fr: 'Vos rappels ({count}) :', en: 'Your reminders ({count}):' }, { count: jobs.length }),
          ...lines,
          turn.t({
            fr: 'Pour en annuler un : `annuler rappel 1` (son numéro) ; pour le décaler : `reporter 1 2 jours`.',
            en: 'To cancel one: `cancel reminder 1` (its number); to postpone it: `snooze 1 2 days`.',
          }),
        ].join('\n'),
        data: {
          reminders: jobs.map((j) => ({ id: j.id, kind: j.kind, at: new Date(j.dueAt).toISOString() })),
        },
      });
    },
  };

  const cancel: Command = {
    id: 'cancel-reminder',
    aliases: {
      en: ['cancel reminder', 'delete reminder', 'remove reminder'],
      fr: ['annuler rappel', 'annuler le rappel', 'supprimer rappel', 'supprimer le rappel'],
    },
    summary: { fr: 'annuler un de mes rappels', en: 'cancel one of my reminders' },
    usage: { fr: '<id>', en: '<id>' },
    async run(turn, args) {
      const job = await ownReminder(turn, args);
      if (!job) return;
      await scheduler.cancel(job.id);
      turn.say({
        intent: 'reminder:cancelled',
        text: turn.t(
          { fr: 'Rappel annulé ({at}) : {subject}', en: 'Reminder cancelled ({at}): {subject}' },
          { at: formatInstant(job.dueAt, job.timezone, turn.lang), subject: subject(job) },
        ),
        data: { id: job.id },
      });
    },
  };

  const snooze: Command = {
    id: 'snooze',
    aliases: {
      en: ['snooze', 'postpone reminder'],
      fr: ['reporter', 'reporter le rappel', 'reporter rappel'],
    },
    summary: { fr: 'décaler un rappel prévu', en: 'postpone a scheduled reminder' },
    usage: { fr: '<id> <délai ou date>', en: '<id> <delay or time>' },
    async run(turn, args) {
      const [id = '', ...words] = args.split(/\s+/);
      const job = await ownReminder(turn, id);
      if (!job) return;
      const zone = job.timezone;
      const delay = words.join(' ');
      // "2 days" is a delay from the reminder's time; "tomorrow 10am" a new time.
      let when = parseWhen(delay, turn.time.now, zone, new Date(job.dueAt));
      if (!when.ok && when.reason === 'missing')
        when = parseWhen(
          `${turn.lang === 'fr' ? 'dans' : 'in'} ${delay}`,
          turn.time.now,
          zone,
          new Date(job.dueAt),
        );
      if (!when.ok) return refuse(turn, whenProblem(turn, when, zone));
      const moved = when.at.getTime() - job.dueAt;
      await scheduler.schedule({
        ...job,
        dueAt: when.at.getTime(),
        expiresAt: job.expiresAt === undefined ? undefined : job.expiresAt + Math.max(0, moved),
      });
      turn.say({
        intent: 'reminder:snoozed',
        text: `${turn.t(
          { fr: 'Rappel reporté au {at} : {subject}', en: 'Reminder postponed to {at}: {subject}' },
          { at: formatInstant(when.at, zone, turn.lang), subject: subject(job) },
        )}${lateNote(turn, zone)}`,
        data: { id: job.id, at: when.at.toISOString() },
      });
    },
  };

  const timezone: Command = {
    id: 'timezone',
    aliases: { en: ['timezone', 'time zone'], fr: ['fuseau', 'fuseau horaire'] },
    summary: { fr: 'choisir mon fuseau horaire (rappels)', en: 'set my time zone (reminders)' },
    usage: { fr: '<fuseau IANA, ex. America/Guadeloupe>', en: '<IANA zone, e.g. America/Guadeloupe>' },
    async run(turn, args) {
      const zone = args ? findZone(args) : undefined;
      if (!zone) {
        turn.say({
          intent: args ? 'timezone:unknown' : 'timezone',
          text: turn.t(
            {
              fr: '{known}Votre fuseau actuel : {zone}. Pour le changer : `fuseau America/Guadeloupe` (ou Europe/Paris, America/Martinique, Indian/Reunion…).',
              en: '{known}Your current time zone: {zone}. To change it: `timezone America/Guadeloupe` (or Europe/Paris, America/Martinique, Indian/Reunion…).',
            },
            {
              zone: zoneOf(turn),
              known: args
                ? turn.t({ fr: 'Je ne connais pas ce fuseau. ', en: 'I do not know that time zone. ' })
                : '',
            },
          ),
        });
        return;
      }
      turn.state.timezone = zone;
      // Application reminders fire at 9:00 local: they move with the person.
      await onZoneChanged(turn, zone);
      turn.say({
        intent: 'timezone',
        text: turn.t(
          {
            fr: 'C’est noté : vos nouveaux rappels suivront l’heure de {zone} (il y est {now}).',
            en: 'Noted: your new reminders will follow {zone} time (it is {now} there).',
          },
          { zone, now: formatInstant(turn.time.now, zone, turn.lang) },
        ),
      });
    },
  };

  /** The reminder `id` (or its number in `rappels`) if it is this person's, else says why not. */
  async function ownReminder(turn: Turn, id: string): Promise<Job | undefined> {
    const typed = id.replace(/`/g, '');
    const job = /^\d{1,3}$/.test(typed)
      ? (await scheduler.listForUser(turn.user)).filter(isPersonalReminder)[Number(typed) - 1]
      : typed
        ? await scheduler.get(typed)
        : undefined;
    if (job && job.user === turn.user && isPersonalReminder(job)) return job;
    refuse(
      turn,
      turn.t(
        {
          fr: '{what} Tapez `rappels` pour voir vos rappels et leurs numéros.',
          en: '{what} Type `reminders` to see your reminders and their numbers.',
        },
        {
          what: id
            ? turn.t(
                {
                  fr: 'Je ne trouve pas de rappel `{id}` à vous.',
                  en: 'I cannot find a reminder `{id}` of yours.',
                },
                { id },
              )
            : turn.t({ fr: 'Quel rappel ?', en: 'Which reminder?' }),
        },
      ),
    );
    return undefined;
  }

  return [remind, list, cancel, snooze, timezone];
}

function refuse(turn: Turn, text: string): void {
  turn.say({ intent: 'reminder:refused', text });
}

/** What a reminder is about, as a listing names it: its first sentence, cut at a word past 140 characters. */
function subject(job: Job): string {
  const line = job.reply.text.split('\n')[0] ?? '';
  const sentence = /^.*?[.!?](?=\s|$)/.exec(line)?.[0] ?? line;
  if (sentence.length <= 140) return sentence;
  return `${sentence.slice(0, 140).replace(/\s+\S*$/, '')}…`;
}

/**
 * Schedules a job under a fresh short id (a clash with any earlier id, even delivered, picks another). With
 * `origin` (the turn's event and the job's purpose, {@link jobOrigin}) the ids tried are derived from it, so
 * a turn run again after its process died (src/ops/inbox.ts) finds the job its first run scheduled and keeps
 * it: one reminder, one broadcast, under the id the first run may already have shown. Should that job have
 * been sent already (`broadcast now`), its tombstone keeps the origin: it is not scheduled again.
 */
export async function scheduleUnique(
  scheduler: Scheduler,
  build: (id: string) => Job,
  prefix = 'r',
  origin?: string,
): Promise<Job> {
  for (let attempt = 0; ; attempt++) {
    const job = { ...build(origin ? seededShortId(prefix, origin, attempt) : shortId(prefix)), origin };
    const existing = await scheduler.get(job.id);
    if (existing && origin && existing.origin === origin) return existing;
    if (!existing) {
      const put = await scheduler.schedule(job);
      if (put.scheduled || (origin && put.endedOrigin === origin)) return job;
    }
    if (attempt > 20) throw new Error('no free reminder id');
  }
}

/** What names a job created by a turn: its platform event and the job's purpose; none without an event. */
export function jobOrigin(turn: Turn, purpose: string): string | undefined {
  const event = turnEvent(turn.message);
  return event && createHash('sha256').update(`${event}\n${purpose}`).digest('base64url').slice(0, 22);
}

/** An IANA zone from what was typed: exact (`America/Guadeloupe`) or its city / territory (`guadeloupe`). */
export function findZone(typed: string): string | undefined {
  const wanted = normalize(typed).replace(/\s+/g, '_');
  const zones = Intl.supportedValuesOf('timeZone');
  return (
    zones.find((z) => z.toLowerCase() === wanted) ??
    zones.find((z) => normalize(z.split('/').pop() ?? '') === wanted) ??
    (wanted === 'utc' ? 'UTC' : undefined)
  );
}
