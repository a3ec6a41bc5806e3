/** Step navigation: ask the current step, move on after an answer or a skip, go back, show the summary. */

import { callStatus } from '../rules/dates.ts';
import type { Localized } from '../src/core/i18n.ts';
import type { Turn } from '../src/core/turn.ts';
import { saysNotKnownYet } from '../src/understanding/not-yet.ts';
import type { Application } from './application.ts';
import { followReminders } from './consequences.ts';
import type { DialogContext } from './context.ts';
import { factsIn } from './facts.ts';
import { dayOfMonthPrompt } from './parsers/dates.ts';
import { openWithout, statusText, stepReply } from './render.ts';
import { nextStep, previousStep } from './steps.ts';
import { summaryReply } from './summary.ts';

/** Asks the application's current step, or shows its summary when every step is done. */
export async function ask(ctx: DialogContext, turn: Turn, application: Application): Promise<void> {
  const dialog = ctx.dialog(application.callId);
  const steps = ctx.steps(dialog);
  const step = steps.find((s) => s.slot === application.currentSlot);
  if (!step) return showSummary(ctx, turn, application);
  // A closed call's event is past: a step about it speaks in the past tense.
  const closed =
    step.pastPrompt !== undefined &&
    callStatus(ctx.call(dialog.id), ctx.deps.clock.now(), ctx.timezone(turn)).state === 'closed';
  // « … en mars » said ahead: which day of that month.
  const month = step.slot in application.answers ? undefined : application.partial?.[step.slot];
  const prompt = month ? dayOfMonthPrompt(month) : closed ? step.pastPrompt : undefined;
  const asked = prompt ? { ...step, prompt } : step;
  ctx.say(turn, stepReply(ctx.call(dialog.id), steps, application, asked, turn.lang));
}

/** What is answered, what is missing, step k and what remains; then the current step, if any. */
export async function showStatus(ctx: DialogContext, turn: Turn, application: Application): Promise<void> {
  const call = ctx.call(application.callId);
  ctx.say(turn, {
    intent: `dialog:${call.id}:status`,
    text: `**${call.name[turn.lang]}**\n${statusText(call, ctx.stepsOf(application), application, turn.lang)}`,
  });
  if (application.currentSlot) await ask(ctx, turn, application);
}

/** The summary: answers, verdict per benefit, missing, key dates, next steps. */
export function showSummary(ctx: DialogContext, turn: Turn, application: Application): void {
  const call = ctx.call(application.callId);
  ctx.say(
    turn,
    summaryReply(
      call,
      ctx.stepsOf(application),
      application,
      ctx.deps.clock.now(),
      ctx.timezone(turn),
      turn.lang,
    ),
  );
}

/** Moves to the next step to ask; past the last one, completes the application and shows its summary. */
export async function advance(ctx: DialogContext, turn: Turn, application: Application): Promise<void> {
  const next = nextStep(ctx.stepsOf(application), application);
  application.currentSlot = next?.slot;
  if (!next) {
    application.status = 'complete';
    if (turn.state.activeApplication === application.id) turn.state.activeApplication = undefined;
  }
  await ctx.save(turn, application);
  await ask(ctx, turn, application);
  // Right after a summary reached by answering (not one merely viewed again): offer the reminders, unless the
  // offer was answered already — a "no" is recorded too, so a completed edit does not ask again.
  const reminders = ctx.deps.services().reminders;
  if (!next && reminders && application.remindersAccepted === undefined)
    await reminders.offer(turn, application);
}

/** Goes back one step. */
export async function back(ctx: DialogContext, turn: Turn, application: Application): Promise<void> {
  const previous = previousStep(ctx.stepsOf(application), application);
  if (!previous) {
    ctx.say(turn, {
      intent: 'dialog:first-step',
      text: turn.t({ fr: 'C’est déjà la première étape.', en: 'This is already the first step.' }),
    });
    return ask(ctx, turn, application);
  }
  application.currentSlot = previous.slot;
  await ctx.save(turn, application);
  await ask(ctx, turn, application);
}

/**
 * Leaves the current step for later (recorded as missing). A required one may be left too — as a « je ne sais
 * pas encore » accepted leaves it: the summary lists it as missing and the verdict cannot be given without it,
 * which is said at once rather than refusing (a person who cannot answer now would otherwise be stuck).
 */
export async function skip(ctx: DialogContext, turn: Turn, application: Application): Promise<void> {
  const step = ctx.currentStep(application);
  if (!step) return showSummary(ctx, turn, application);
  const hadAnswer = step.slot in application.answers;
  delete application.answers[step.slot];
  if (!application.skipped.includes(step.slot)) application.skipped.push(step.slot);
  const open = step.optional ? openWithout(ctx.call(application.callId), step) : undefined;
  ctx.say(turn, {
    intent: 'dialog:skipped',
    text: turn.t(skippedText(step.optional, open !== undefined), {
      label: step.label[turn.lang],
      open: open?.[turn.lang] ?? '',
    }),
  });
  await advance(ctx, turn, application);
  // An answer taken back (an edit skipped) changes the verdict as any other change does.
  if (hadAnswer) await followReminders(ctx, turn, application);
}

/**
 * What skipping a step says: an optional one stays to be given — and, when a rule reads it, the benefits whose
 * verdict stays open until then (`{open}`); a required one is needed for the application.
 */
function skippedText(optional: boolean, costs: boolean): Localized {
  if (optional && costs)
    return {
      fr: 'Étape passée : « {label} » reste à compléter ; d’ici là, le verdict reste en suspens pour {open}.',
      en: 'Step skipped: “{label}” is still to be given; until then, the verdict on {open} stays open.',
    };
  if (optional)
    return {
      fr: 'Étape passée : « {label} » reste à compléter.',
      en: 'Step skipped: “{label}” is still to be given.',
    };
  return {
    fr: 'Étape laissée pour plus tard : « {label} » est nécessaire au dossier, elle reste à compléter dans le récapitulatif (« modifier {label} » pour y revenir).',
    en: 'Step left for later: “{label}” is needed for the application, it stays missing in the summary (“edit {label}” to come back to it).',
  };
}

/** Registers what the answer to « on la laisse pour plus tard ? » does: leave the step, or ask it again. */
export function registerSkipOffer(ctx: DialogContext, action: string): void {
  const atStep = async (turn: Turn, data: Record<string, unknown>) => {
    const application = await ctx.store.get(turn.user, String(data.id));
    return application?.currentSlot === data.slot ? application : undefined;
  };
  ctx.deps.confirmations.register(action, {
    yes: async (turn, data) => {
      const application = await atStep(turn, data);
      if (application) await skip(ctx, turn, application);
    },
    declined: { fr: 'D’accord, j’attends votre réponse.', en: 'All right, I am waiting for your answer.' },
    no: async (turn, data) => {
      const application = await atStep(turn, data);
      if (application) await ask(ctx, turn, application);
    },
    // « je sais pas encore », « plus tard » to « on la laisse pour plus tard ? »: that is the offer taken.
    meansYes: (text) => saysNotKnownYet(text, { others: 4 }),
    // "yes it is our first time", « non, le 12 mars » answer the step itself, in its own words.
    answersInstead: async (turn, data, rest) => {
      const application = await atStep(turn, data);
      const step = application && ctx.stepsOf(application).find((s) => s.slot === data.slot);
      if (!application || !step || step.type === 'text') return false;
      return step.slot in factsIn(rest, [step], {}, ctx.today(turn));
    },
  });
}
