/** The exported dossier: a Markdown draft laid out like the source's application file, the answers as JSON, the key dates as .ics. */

import { applicationDates } from '../../rules/application-dates.ts';
import { formatDay } from '../../rules/calendar.ts';
import { callStatus, evaluate, renderVerdict } from '../../rules/index.ts';
import { applicationName } from '../../rules/reminders.ts';
import type { CallDefinition } from '../../rules/schema.ts';
import { type Lang, t } from '../../src/core/i18n.ts';
import type { Attachment } from '../../src/core/message.ts';
import type { AnswerValue, Application } from '../application.ts';
import type { DialogDefinition } from '../definition.ts';
import { formatAnswer } from '../render.ts';
import { applicableSteps, type Step } from '../steps.ts';
import { nextSteps } from '../summary.ts';
import { keyDatesCalendar } from './ics.ts';
import { markdownInline, markdownParagraphs } from './markdown.ts';

export interface ExportInput {
  dialog: DialogDefinition;
  call: CallDefinition;
  steps: Step[];
  application: Application;
  now: Date;
  timezone: string;
  lang: Lang;
}

/** The three files of an export. */
export function exportFiles(input: ExportInput): Attachment[] {
  const { application, call, now, timezone, lang } = input;
  // The application's own days only: a past edition's are no calendar event of a later year's application.
  const dates = applicationDates(call, application.answers, now, timezone).current;
  const base = `${call.id}-${application.id}`;
  return [
    { filename: `${base}-dossier.md`, mimeType: 'text/markdown', content: dossierMarkdown(input) },
    {
      filename: `${base}-answers.json`,
      mimeType: 'application/json',
      content: `${JSON.stringify(
        {
          id: application.id,
          callId: application.callId,
          status: application.status,
          answers: application.answers,
          skipped: application.skipped,
          createdAt: application.createdAt,
          updatedAt: application.updatedAt,
          keyDates: dates.map((d) => ({ id: d.id, date: d.date, label: d.label[lang] })),
        },
        null,
        2,
      )}\n`,
    },
    {
      filename: `${base}-dates.ics`,
      mimeType: 'text/calendar',
      content: keyDatesCalendar(application.id, dates, lang, now, calendarTitle(call, application, lang)),
    },
  ];
}

/**
 * What a calendar names the application's days after: the application (its organiser, in our calls) and the call,
 * so that « jour de l’événement » in someone's agenda says which event.
 */
function calendarTitle(call: CallDefinition, application: Application, lang: Lang): string {
  const name = applicationName(call, application.answers);
  return name ? `${name}, ${call.name[lang]}` : call.name[lang];
}

/** The Markdown draft: one section per part of the application file, unanswered items marked to complete. */
export function dossierMarkdown({
  dialog,
  call,
  steps,
  application,
  now,
  timezone,
  lang,
}: ExportInput): string {
  const applicable = new Set(applicableSteps(steps, application.answers).map((s) => s.slot));
  const colon = lang === 'fr' ? ' : ' : ': ';
  const todo = t(lang, { fr: '_à compléter_', en: '_to be completed_' });
  const lines = [
    `# ${t(lang, { fr: 'Dossier de candidature — {name}', en: 'Application file — {name}' }, { name: call.name[lang] })}`,
    '',
    t(
      lang,
      {
        fr: '_Brouillon préparé avec nec-bot le {day} (candidature {id}). Source de l’appel : {source}._',
        en: '_Draft prepared with nec-bot on {day} (application {id}). Source of the call: {source}._',
      },
      { day: formatDay(now.toISOString().slice(0, 10), lang), id: application.id, source: call.source.title },
    ),
  ];
  for (const section of dialog.dossier) {
    const items = section.slots.filter((slot) => applicable.has(slot));
    if (items.length === 0) continue;
    lines.push('', `## ${section.title[lang]}`, '');
    for (const slot of items) {
      const step = steps.find((s) => s.slot === slot);
      const label = `- **${step?.label[lang] ?? slot}**`;
      const value = application.answers[slot];
      if (value === undefined) {
        lines.push(`${label}${colon}${todo}`);
        continue;
      }
      const shown = formatAnswer(call, slot, value as AnswerValue, lang);
      // The person's words never become Markdown, several paragraphs staying paragraphs under the item; the
      // bot's own words (a choice's label, a day, an amount) are written as they are, never escaped.
      if (step && step.type !== 'text') lines.push(`${label}${colon}${shown}`);
      else if (/\n/.test(shown.trim()))
        lines.push(`${label}${colon.trimEnd()}`, '', markdownParagraphs(shown, '  '), '');
      else lines.push(`${label}${colon}${markdownInline(shown)}`);
    }
  }
  lines.push(
    '',
    `## ${t(lang, { fr: 'Éligibilité (indicative)', en: 'Eligibility (indicative)' })}`,
    '',
    renderVerdict(evaluate(call, application.answers, now, timezone), lang),
    '',
    `## ${t(lang, { fr: 'Prochaines étapes', en: 'Next steps' })}`,
    '',
    ...nextSteps(call, callStatus(call, now, timezone), lang),
  );
  return `${lines.join('\n')}\n`;
}
