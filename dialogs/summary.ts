/** The summary of an application: every answer, the verdict per benefit, what is missing, key dates, next steps. */

import { applicationDates, pastEditionLine } from '../rules/application-dates.ts';
import { dayIn, formatDay } from '../rules/calendar.ts';
import { formatCitation } from '../rules/citation.ts';
import { type CallStatus, callStatus, evaluate, renderVerdict, verdictData } from '../rules/index.ts';
import { applicationName } from '../rules/reminders.ts';
import type { CallDefinition } from '../rules/schema.ts';
import { type Lang, t } from '../src/core/i18n.ts';
import { ownLink } from '../src/core/links.ts';
import { listOf } from '../src/core/lists.ts';
import type { Field, Reply } from '../src/core/message.ts';
import { DAYS, plural } from '../src/core/plural.ts';
import { erasureDay, KEEP_AFTER_EVENT_DAYS, keepLongerLine } from '../src/ops/erasure-days.ts';
import type { Application } from './application.ts';
import { formatAnswer } from './render.ts';
import { applicableSteps, missingSteps, type Step } from './steps.ts';

/**
 * The summary reply (`dialog:<id>:summary`): verdict, key dates and next steps as text, every answer as a field
 * (missing ones marked); `data.verdict` is the rules' verdict as plain data.
 */
export function summaryReply(
  call: CallDefinition,
  steps: Step[],
  application: Application,
  now: Date,
  timezone: string,
  lang: Lang,
): Reply {
  const verdict = evaluate(call, application.answers, now, timezone);
  const missing = missingSteps(steps, application);
  const { current: dates, pastEdition } = applicationDates(call, application.answers, now, timezone);
  const status = callStatus(call, now, timezone);
  const today = dayIn(now, timezone);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const past = t(lang, { fr: ' — passé', en: ' — past' });
  // The application by its name (the organiser's, in our calls), not by its id: people read this.
  const named = applicationName(call, application.answers);
  const sections = [
    `${t(lang, { fr: '**Récapitulatif — {name}**', en: '**Summary — {name}**' }, { name: call.name[lang] })}${named ? ` — ${named}` : ''}`,
    '',
    renderVerdict(verdict, lang),
  ];
  const earlier = pastEditionLine(call, pastEdition, lang);
  if (dates.length > 0 || earlier)
    sections.push(
      '',
      t(lang, { fr: '**Dates clés**', en: '**Key dates**' }),
      ...dates.map(
        (d) =>
          `• ${formatDay(d.date, lang)}${colon}${d.label[lang]}${d.date < today ? past : ''} (${formatCitation(d.citation, lang)})`,
      ),
      // Marked as another edition's: in italics, with where the source says it.
      ...(earlier && pastEdition[0]
        ? [`• _${earlier}_ (${formatCitation(pastEdition[0].citation, lang)})`]
        : []),
    );
  if (application.status === 'complete') sections.push('', retentionNote(application, lang));
  sections.push(
    '',
    t(lang, { fr: '**Prochaines étapes**', en: '**Next steps**' }),
    t(lang, {
      fr: '• Écrivez « exporter » : je vous remets le brouillon du dossier (Markdown), vos réponses (JSON) et les dates clés (.ics).',
      en: '• Type “export”: I hand you the draft application file (Markdown), your answers (JSON) and the key dates (.ics).',
    }),
    ...nextSteps(call, status, lang),
    '',
    // Every renderer shows the fields right after the text: this heading introduces them. With no answer yet,
    // they are only what remains to complete, and the heading says so.
    Object.keys(application.answers).length > 0
      ? t(lang, { fr: '**Vos réponses**', en: '**Your answers**' })
      : t(lang, { fr: '**À compléter**', en: '**To complete**' }),
  );
  return {
    intent: `dialog:${call.id}:summary`,
    text: sections.join('\n'),
    fields: answerFields(call, steps, application, lang),
    choices: [
      {
        id: lang === 'fr' ? 'exporter' : 'export',
        label: t(lang, { fr: 'Exporter le dossier', en: 'Export the file' }),
      },
      {
        id: lang === 'fr' ? 'modifier' : 'edit',
        label: t(lang, { fr: 'Modifier une réponse', en: 'Change an answer' }),
      },
    ],
    data: {
      application: application.id,
      call: call.id,
      // The source as tools need it (its file id); people read its title and section in the text.
      source: { title: call.source.title, file: call.source.file },
      verdict: verdictData(verdict, lang),
      missing: missing.map((s) => s.slot),
      keyDates: dates.map((d) => ({ id: d.id, date: d.date })),
    },
  };
}

/**
 * Said before it happens: a completed application is erased 90 days after its event (or after it was completed,
 * without an event date), or on the later day its owner asked to keep it until; how to keep it longer and how to
 * keep a copy. The purge itself is `src/ops/retention.ts`.
 */
function retentionNote(application: Application, lang: Lang): string {
  const day = erasureDay(application);
  const keep = plural(lang, KEEP_AFTER_EVENT_DAYS, DAYS);
  const when = !day
    ? t(lang, { fr: '{keep} après que vous l’avez terminée', en: '{keep} after you completed it' }, { keep })
    : day === application.keepUntil
      ? t(
          lang,
          { fr: 'le {day}, comme vous l’avez demandé', en: 'on {day}, as you asked' },
          { day: formatDay(day, lang) },
        )
      : t(
          lang,
          { fr: 'le {day}, {keep} après l’événement', en: 'on {day}, {keep} after the event' },
          { day: formatDay(day, lang), keep },
        );
  return [
    t(
      lang,
      {
        fr: '🗓️ Je garde cette candidature jusqu’à son effacement, {when}.',
        en: '🗓️ I keep this application until it is erased, {when}.',
      },
      { when },
    ),
    keepLongerLine(lang, application.id),
    t(lang, {
      fr: 'Pour en garder une copie : « exporter » ; « mes données » montre tout ce que je garde.',
      en: 'To keep a copy: “export”; “my data” shows everything I keep.',
    }),
  ].join(' ');
}

/** One field per step that applies: the answer as the person gave it, or the command that completes it. */
function answerFields(call: CallDefinition, steps: Step[], application: Application, lang: Lang): Field[] {
  return applicableSteps(steps, application.answers).map((s) => {
    const value = application.answers[s.slot];
    return {
      label: s.label[lang],
      value:
        value === undefined
          ? t(
              lang,
              { fr: '**à compléter** — `modifier {label}`', en: '**missing** — `edit {label}`' },
              { label: s.label[lang] },
            )
          : formatAnswer(call, s.slot, value, lang),
    };
  });
}

/**
 * What to do with the file: check the call at its source, send it to the contact the source gives — unless the
 * call is closed: then keep it for a next edition and ask the contact whether one is planned. A call whose source
 * gives no contact says so and names its organiser, never a contact that is not there.
 */
export function nextSteps(call: CallDefinition, status: CallStatus, lang: Lang): string[] {
  const contacts = call.contacts.map((c) =>
    [c.name, c.role?.[lang], c.email, c.phone].filter((part) => part !== undefined).join(', '),
  );
  if (status.state === 'closed')
    return [
      t(
        lang,
        {
          fr: '• Cet appel est clos depuis le {day} : n’envoyez pas ce dossier. Gardez-le pour une prochaine édition, dont nos sources ne disent rien.',
          en: '• This call has been closed since {day}: do not send this file. Keep it for a next edition, which our sources say nothing about.',
        },
        { day: formatDay(status.day ?? '', lang) },
      ),
      contacts.length > 0
        ? t(
            lang,
            {
              fr: '• Pour savoir si une nouvelle édition est prévue : {contacts}.',
              en: '• To find out whether a new edition is planned: {contacts}.',
            },
            { contacts: listOf(contacts, lang) },
          )
        : t(
            lang,
            {
              fr: '• Pour savoir si une nouvelle édition est prévue : la source ne donne pas de contact ; suivez les annonces de l’organisateur, {organiser}.',
              en: '• To find out whether a new edition is planned: the source gives no contact; follow the announcements of the organiser, {organiser}.',
            },
            { organiser: call.organiser },
          ),
    ];
  return [
    t(
      lang,
      {
        fr: '• Relisez l’appel à la source ({source}) : les conditions peuvent avoir changé.',
        en: '• Check the call at its source ({source}): the requirements may have changed.',
      },
      { source: call.source.url ? ownLink(call.source.title, call.source.url) : call.source.title },
    ),
    contacts.length > 0
      ? t(
          lang,
          {
            fr: '• Envoyez le dossier ou vos questions à : {contacts}.',
            en: '• Send the file or your questions to: {contacts}.',
          },
          { contacts: listOf(contacts, lang) },
        )
      : t(
          lang,
          {
            fr: '• La source ne donne pas de contact pour cet appel : adressez-vous à son organisateur, {organiser}.',
            en: '• The source gives no contact for this call: ask its organiser, {organiser}.',
          },
          { organiser: call.organiser },
        ),
  ];
}
