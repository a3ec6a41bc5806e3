/**
 * What follows a change of answers, the same whether it came from the chat (an answer, a correction) or from the
 * whole-application form (Slack's « Modifier ma candidature »): the rules the change breaks or puts at risk are
 * said, and the reminders become those the new answers and verdict imply, the person told of any difference.
 * (The answers that make no sense beside the others are refused before this, by `implausible` in `steps.ts`.)
 */

import type { Turn } from '../src/core/turn.ts';
import type { Answers, Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { liveEligibility } from './eligibility.ts';

/**
 * Live eligibility after these slots changed from the answers `before`: what they break or put at risk, what they
 * bring back within reach, and what remains possible.
 */
export function sayEligibility(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  slots: readonly string[],
  before: Answers,
): void {
  const live = liveEligibility(
    ctx.call(application.callId),
    application.answers,
    slots,
    ctx.deps.clock.now(),
    ctx.timezone(turn),
    turn.lang,
    before,
  );
  if (live) ctx.say(turn, { intent: `dialog:${application.callId}:eligibility`, text: live });
}

/**
 * After answers changed: any of them can move a date or the verdict, and accepted reminders follow both (a
 * deadline for a benefit now out of reach goes, and comes back when it is within reach again), said to the person.
 */
export async function followReminders(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
): Promise<void> {
  const reminders = ctx.deps.services().reminders;
  if (application.remindersAccepted && reminders) await reminders.followAnswers(turn, application);
}
