/**
 * An application as one form (Slack's « Modifier ma candidature » modal): every step that applies, with its
 * answer, and a submitted form read by the same parsers and the same checks as the chat — a changed field that
 * makes no sense beside the form's other fields (a grant above the budget) is refused beside it — saved in one
 * go when every field is accepted, then followed as a chat answer is (`consequences.ts`: what the change breaks,
 * the reminders that follow, the person told), and the next question or the summary shown.
 */

import type { Middleware } from '../src/core/bot.ts';
import type { Lang, Localized } from '../src/core/i18n.ts';
import type { ApplicationForm, FormField, SubmittedForm } from '../src/core/message.ts';
import { type Counted, plural } from '../src/core/plural.ts';
import type { Turn } from '../src/core/turn.ts';
import type { UserKey } from '../src/store/user-records.ts';
import type { Answers, AnswerValue, Application } from './application.ts';
import { followReminders, sayEligibility } from './consequences.ts';
import type { DialogContext } from './context.ts';
import { advance } from './progress.ts';
import { bounds } from './render.ts';
import { applicableSteps, implausible, parseForm, pruneAnswers, type Step } from './steps.ts';

/** The intent of the reply listing a form's refused fields; its `data.errors` maps slot → message. */
export const FORM_INVALID = 'dialog:form-invalid';

const NOT_FOUND: Localized = {
  fr: 'Je ne trouve plus cette candidature : elle a peut-être été supprimée.',
  en: 'I cannot find this application any more: it may have been deleted.',
};
const REQUIRED: Localized = {
  fr: 'Cette réponse est nécessaire au dossier.',
  en: 'This answer is needed for the application.',
};
const INVALID: Localized = {
  fr: 'Je n’ai rien enregistré : {fields} à revoir.',
  en: 'I saved nothing: {fields} to look at again.',
};
const UNCHANGED: Localized = {
  fr: 'Enregistré : aucune réponse n’a changé.',
  en: 'Saved: no answer changed.',
};
const SAVED: Counted = {
  fr: { one: 'Enregistré : {count} réponse a changé.', other: 'Enregistré : {count} réponses ont changé.' },
  en: { one: 'Saved: {count} answer changed.', other: 'Saved: {count} answers changed.' },
};
const FIELDS: Counted = {
  fr: { one: '{count} champ', other: '{count} champs' },
  en: { one: '{count} field', other: '{count} fields' },
};

/** An answer as a form input pre-fills it. */
function formValue(value: AnswerValue | undefined): string | string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return value;
}

function field(step: Step, answers: Answers, lang: Lang): FormField {
  const choices =
    step.type === 'boolean'
      ? [
          { id: 'yes', label: lang === 'fr' ? 'Oui' : 'Yes' },
          { id: 'no', label: lang === 'fr' ? 'Non' : 'No' },
        ]
      : step.choices?.map((c) => ({ id: c.id, label: c.label[lang] }));
  const value = formValue(answers[step.slot]);
  return {
    slot: step.slot,
    label: step.label[lang],
    prompt: step.prompt[lang],
    input: { kind: step.type, ...bounds(step) },
    optional: step.optional,
    ...(choices ? { choices } : {}),
    ...(value === undefined ? {} : { value }),
  };
}

/** The form of a person's application, in `lang`; undefined when they have no application of that id. */
export async function applicationForm(
  ctx: DialogContext,
  user: UserKey,
  applicationId: string,
  lang: Lang,
): Promise<ApplicationForm | undefined> {
  const application = await ctx.store.get(user, applicationId);
  if (!application) return undefined;
  const steps = applicableSteps(ctx.stepsOf(application), application.answers);
  return {
    applicationId: application.id,
    title: ctx.call(application.callId).name[lang],
    lang,
    fields: steps.map((step) => field(step, application.answers, lang)),
  };
}

/** The answers a form gives, or the message of each field it cannot take. */
function readForm(
  steps: Step[],
  application: Application,
  form: SubmittedForm,
  today: string,
  turn: Turn,
): { answers: Answers; skipped: string[] } | { errors: Record<string, string> } {
  const answers: Answers = { ...application.answers };
  let skipped = [...application.skipped];
  const errors: Record<string, string> = {};
  for (const step of applicableSteps(steps, application.answers)) {
    const typed = form.values[step.slot]?.trim() ?? '';
    if (typed === '') {
      // A required answer cannot be taken back; one not given yet stays for the chat to ask.
      if (!step.optional && step.slot in application.answers) errors[step.slot] = turn.t(REQUIRED);
      else if (step.optional && step.slot in application.answers) {
        delete answers[step.slot];
        if (!skipped.includes(step.slot)) skipped.push(step.slot);
      }
      continue;
    }
    const parsed = parseForm(step, typed, today);
    if (!parsed.ok) errors[step.slot] = turn.t(parsed.error);
    else {
      answers[step.slot] = parsed.value;
      skipped = skipped.filter((s) => s !== step.slot);
    }
  }
  // Each changed answer is checked beside the form's other answers (both the grant and the budget may change
  // in one save), as the chat checks an answer beside those given; the unchanged ones were checked when given.
  for (const slot of changedSlots(application.answers, answers)) {
    const step = steps.find((s) => s.slot === slot);
    const value = answers[slot];
    const problem =
      step && value !== undefined && !errors[slot] ? implausible(step, value, answers) : undefined;
    if (problem) errors[slot] = turn.t(problem);
  }
  return Object.keys(errors).length > 0 ? { errors } : { answers, skipped };
}

/** Slots whose answer differs between two sets of answers. */
function changedSlots(before: Answers, after: Answers): string[] {
  const slots = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...slots].filter((s) => JSON.stringify(before[s]) !== JSON.stringify(after[s]));
}

/** Saves a submitted form in one go (see the file comment); a refused form changes nothing. */
async function saveForm(ctx: DialogContext, turn: Turn, form: SubmittedForm): Promise<void> {
  const application = await ctx.store.get(turn.user, form.applicationId);
  if (!application) {
    ctx.say(turn, { intent: 'dialog:form-not-found', text: turn.t(NOT_FOUND) });
    return;
  }
  const steps = ctx.stepsOf(application);
  const read = readForm(steps, application, form, ctx.today(turn), turn);
  if ('errors' in read) {
    const count = Object.keys(read.errors).length;
    ctx.say(turn, {
      intent: FORM_INVALID,
      text: [
        turn.t(INVALID, { fields: plural(turn.lang, count, FIELDS) }),
        ...steps
          .filter((s) => s.slot in read.errors)
          .map((s) => `• ${s.label[turn.lang]} — ${read.errors[s.slot]}`),
      ].join('\n'),
      data: { application: application.id, errors: read.errors },
    });
    return;
  }
  const before = application.answers;
  application.answers = read.answers;
  application.skipped = read.skipped;
  pruneAnswers(steps, application);
  const changed = changedSlots(before, application.answers);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:form-saved`,
    text: changed.length === 0 ? turn.t(UNCHANGED) : plural(turn.lang, changed.length, SAVED),
    data: { application: application.id, changed },
  });
  sayEligibility(ctx, turn, application, changed, before);
  // The chat carries on with this application: its next question, or its summary when every step is done.
  turn.state.activeApplication = application.id;
  await advance(ctx, turn, application);
  if (changed.length > 0) await followReminders(ctx, turn, application);
}

/** Takes the turns that carry a submitted form; every other message goes on down the pipeline. */
export function formMiddleware(ctx: DialogContext): Middleware {
  return async (turn, next) => {
    const form = turn.message.form;
    if (!form) return next();
    await saveForm(ctx, turn, form);
  };
}
