/**
 * The talk around an answer and the hedges beside it: talk alone is answered kindly and the step asked again, an
 * answer put off is offered for later, an unclear yes or no asked back; a value said before a doubt, or a
 * question after a hedge, is told apart for the step's reading.
 */

import type { Localized } from '../src/core/i18n.ts';
import type { Turn } from '../src/core/turn.ts';
import type { AroundTheAnswer } from '../src/understanding/around-the-answer.ts';
import { readsAsQuestion } from '../src/understanding/questions.ts';
import { valueBeforeDoubt, withoutHedge } from '../src/understanding/unsure.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { rightOrNo } from './parsers/choices.ts';
import { ask } from './progress.ts';
import { offerSkip } from './skip-offer.ts';
import { parseForm, type Step } from './steps.ts';

/** Said when a message was only talk around the answer: nothing noted, the question stays. */
const NOTHING_NOTED: Localized = {
  fr: 'Pas de souci, je n’ai rien noté : répondez quand vous pourrez (« passer » pour y revenir plus tard).',
  en: 'No problem, I have noted nothing: answer whenever you can (“skip” to come back to it later).',
};

/**
 * The talk around an answer (`aroundTheAnswer`): an answer put off or checked (« je finis ce soir », "let me ask
 * my colleague") is offered for later; an unclear yes or no (« le maire a changé, c'est flou ») is asked back;
 * talk alone (« désolé je suis dans le train », « @Julien tu peux regarder ça ») is answered kindly and the step
 * asked again. True when it was dealt with; false when what remains is to be read as the answer.
 */
export async function handledAsTalk(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  around: AroundTheAnswer,
): Promise<boolean> {
  if (around.talk.length === 0) return false;
  if (around.talk.includes('later') || (around.talk.includes('unsure') && step.type !== 'boolean')) {
    offerSkip(ctx, turn, application, step);
    return true;
  }
  const asked = rightOrNo();
  if (around.talk.includes('unsure') && !asked.ok && asked.clarify) {
    ctx.say(turn, {
      intent: `dialog:${application.callId}:clarify`,
      text: turn.t(asked.clarify.question),
      choices: asked.clarify.options.map((o) => ({ id: o.id, label: o.label[turn.lang] })),
      data: { application: application.id, slot: step.slot },
    });
    return true;
  }
  if (around.rest !== '') return false;
  ctx.say(turn, { intent: `dialog:${application.callId}:aside`, text: turn.t(NOTHING_NOTED) });
  await ask(ctx, turn, application);
  return true;
}

/** « ça dépend, vous attendez quoi exactement ? », "hmm not sure, is it per person?": a question after a hedge. */
export function asksAfterHedge(text: string): boolean {
  const rest = withoutHedge(text);
  return rest !== text && readsAsQuestion(rest);
}

/**
 * The value said first with a doubt taken back after « mais » (« sans doute hybride mais rien n'est calé »), when
 * the step reads it: asked back with the value by `answer`, not left for later.
 */
export function heldWithDoubt(step: Step, text: string, today: string): string | undefined {
  if (step.type === 'text' || step.type === 'boolean') return undefined;
  const value = valueBeforeDoubt(text);
  return value !== undefined && parseForm(step, value, today).ok ? value : undefined;
}
