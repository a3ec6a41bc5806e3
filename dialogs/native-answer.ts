/**
 * Answers from native inputs (a date picked in Slack, a Matrix poll vote) name the question they answer. A
 * control left on an older message must not answer whatever is asked now: such an answer is refused kindly
 * and the current question asked again; the answer to the current question goes on like a typed one.
 */

import type { Middleware } from '../src/core/bot.ts';
import type { DialogContext } from './context.ts';
import { ask } from './progress.ts';

export function nativeAnswers(ctx: DialogContext): Middleware {
  return async (turn, next) => {
    const answering = turn.message.answering;
    if (!answering) return next();
    const active = turn.state.activeApplication;
    const application = active ? await ctx.store.get(turn.user, active) : undefined;
    if (application?.id === answering.application && application.currentSlot === answering.slot)
      return next();
    ctx.say(turn, {
      intent: 'dialog:stale-answer',
      text: turn.t({
        fr: 'Cette question n’est plus celle en cours : je n’ai rien changé. Pour modifier une réponse donnée, écrivez « modifier ».',
        en: 'That question is no longer the one being asked: I changed nothing. To change an answer given, type “edit”.',
      }),
    });
    if (application?.currentSlot) await ask(ctx, turn, application);
  };
}
