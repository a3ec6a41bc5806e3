/** Answer handling: read a message as the answer to the current step, or as a question for the FAQ. */

import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { liveEligibility } from './eligibility.ts';
import { advance, ask, showSummary } from './progress.ts';
import { parseAnswer, pruneAnswers, type Step } from './steps.ts';

/** Reads an answer to the current step: stores it, says what was understood and what it changes, goes on. */
export async function answer(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  text: string,
): Promise<void> {
  const steps = ctx.stepsOf(application);
  const step = steps.find((s) => s.slot === application.currentSlot);
  if (!step) return showSummary(ctx, turn, application);
  const clicked = turn.message.choiceId;
  if (clicked !== undefined && !acceptsChoice(step, clicked)) {
    const answered = steps.find((s) => s.slot in application.answers && acceptsChoice(s, clicked));
    if (answered) {
      ctx.say(turn, {
        intent: 'dialog:already-answered',
        text: turn.t(
          {
            fr: 'Cette question (« {label} ») a déjà sa réponse ; pour la changer, écrivez « modifier {label} ». Voici où nous en sommes :',
            en: 'That question (“{label}”) already has its answer; to change it, type “edit {label}”. Here is where we are:',
          },
          { label: answered.label[turn.lang] },
        ),
      });
      return ask(ctx, turn, application);
    }
  }
  const parsed = parseAnswer(step, text, ctx.today(turn));
  // A free-text step takes anything, so there only a text ending in "?" may be a question for the FAQ.
  const maybeQuestion = parsed.ok ? step.type === 'text' && text.trim().endsWith('?') : readsAsQuestion(text);
  if (maybeQuestion && answerFromFaq(ctx, turn, text)) return ask(ctx, turn, application);
  if (!parsed.ok) {
    ctx.say(turn, { intent: `dialog:${application.callId}:invalid`, text: turn.t(parsed.error) });
    return ask(ctx, turn, application);
  }
  const before = application.answers[step.slot];
  application.answers[step.slot] = parsed.value;
  application.skipped = application.skipped.filter((s) => s !== step.slot);
  pruneAnswers(steps, application);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:noted`,
    text: turn.t({ fr: 'Noté : {echo}.', en: 'Noted: {echo}.' }, { echo: parsed.echo[turn.lang] }),
  });
  const live = liveEligibility(
    ctx.call(application.callId),
    application.answers,
    step.slot,
    ctx.deps.clock.now(),
    ctx.timezone(turn),
    turn.lang,
  );
  if (live) ctx.say(turn, { intent: `dialog:${application.callId}:eligibility`, text: live });
  await advance(ctx, turn, application);
  const reminders = ctx.deps.services().reminders;
  if (application.remindersAccepted && reminders && before !== parsed.value && step.type === 'date')
    await reminders.syncApplication(turn.user, application, turn.lang, ctx.timezone(turn));
}

/** Whether a clicked choice id answers this step (a yes/no, or one or more of its choices). */
function acceptsChoice(step: Step, id: string): boolean {
  if (step.type === 'boolean') return id === 'yes' || id === 'no';
  return id.split(',').every((part) => step.choices?.some((c) => c.id === part) ?? false);
}

/** Answers a question typed during a step from the FAQ, when it knows the answer; false otherwise. */
function answerFromFaq(ctx: DialogContext, turn: Turn, text: string): boolean {
  const faq = ctx.deps.services().faq;
  const match = faq?.search(text, turn.lang);
  if (!faq || !match?.confident) return false;
  ctx.say(turn, faq.replyFor(turn, match));
  ctx.say(turn, {
    intent: 'dialog:resume',
    text: turn.t({ fr: 'Reprenons la candidature.', en: 'Back to the application.' }),
  });
  return true;
}

/** A text that reads as a question rather than an answer. */
function readsAsQuestion(text: string): boolean {
  const typed = normalize(text);
  return (
    typed.endsWith('?') ||
    /^(comment|pourquoi|quand|qu'est-ce|quel|quelle|quels|quelles|combien|est-ce|ou |qui |que |puis-je|peut-on|faut-il|how|what|when|why|where|who|which|can |could |is |are |do |does |should )/.test(
      typed,
    )
  );
}
