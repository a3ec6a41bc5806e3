/**
 * What is said to the bot in the middle of a step rather than as its answer (`chatKind`): a wait, a remark about
 * the conversation, a pause. Each gets its reply and the step stays as it was: nothing is stored. (The next
 * question asked for is a skip offer: `asides.ts`; a person asked for, the contacts, before the dialogs:
 * `src/features/person-request.ts`.)
 */
import type { Localized } from '../src/core/i18n.ts';
import type { Counted } from '../src/core/plural.ts';
import type { Turn } from '../src/core/turn.ts';
import type { ChatKind } from '../src/understanding/chat.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { ask } from './progress.ts';
import { progress } from './steps.ts';

export const TAKE_YOUR_TIME: Localized = {
  fr: 'Prenez votre temps : je n’ai pas encore de réponse. « aide » explique cette étape.',
  en: 'Take your time: I do not have an answer yet. “help” explains this step.',
};

/** The chat a step replies to: not the next question (a skip offer) nor a person asked for (the contacts). */
type StepChat = Exclude<ChatKind, 'next' | 'person'>;

const REPLIES: Record<StepChat, Localized> = {
  wait: TAKE_YOUR_TIME,
  remark: {
    fr: 'Merci de votre patience : {left}. « passer » laisse une étape pour plus tard, « on en est où ? » montre vos réponses, « annuler » arrête la candidature.',
    en: 'Thank you for your patience: {left}. “skip” leaves a step for later, “where are we?” shows your answers, “cancel” stops the application.',
  },
  pause: {
    fr: 'Pas de souci : vos réponses sont gardées. Revenez quand vous voulez, la candidature reprendra à cette question :',
    en: 'No problem: your answers are kept. Come back whenever you like; the application will resume at this question:',
  },
  back: {
    fr: 'Bon retour ! Nous en étions à cette question :',
    en: 'Welcome back! We were at this question:',
  },
};

const LEFT: Counted = {
  fr: { one: 'il reste {count} question après celle-ci', other: 'il reste {count} questions après celle-ci' },
  en: { one: '{count} question remains after this one', other: '{count} questions remain after this one' },
};

/** Replies to what was said to the bot (`chatKind`, but the next question asked for) and asks the step again. */
export async function replyToChat(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  kind: StepChat,
): Promise<void> {
  const { remaining } = progress(ctx.stepsOf(application), application);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:${kind === 'wait' ? 'invalid' : 'aside'}`,
    text: turn.t(REPLIES[kind], { left: turn.plural(remaining, LEFT) }),
  });
  await ask(ctx, turn, application);
}
