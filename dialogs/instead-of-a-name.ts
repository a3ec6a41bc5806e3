/**
 * A date or a quantity typed where a name is asked — « le 10 octobre », "we are based in Lille, about 300 km
 * away" at the organisation's name — answers the steps it fits: a name holds neither a day to come nor a
 * number tied to what a step counts. Those steps are filled, the bot says so, and the name is asked again;
 * nothing is stored as the name.
 */

import type { Turn } from '../src/core/turn.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { applyCorrections, type Change } from './corrections.ts';
import { factsIn } from './facts.ts';
import { formatAnswer } from './render.ts';
import type { Step } from './steps.ts';

/**
 * The steps read in place of a name: a kind of organisation or a yes said inside a name (« Association Les
 * Liens », « Oui Numérique ») belongs to the name, a day or a counted number never does.
 */
const NEVER_IN_A_NAME = new Set<Step['type']>(['date', 'integer', 'number', 'money']);

/** Fills the steps a message typed at a name step answers instead; true when it did (nothing else to do). */
export async function placedInsteadOfName(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  if (step.type !== 'text' || step.properName !== true) return false;
  const steps = ctx.stepsOf(application);
  const targets = steps.filter((s) => s.slot !== step.slot && NEVER_IN_A_NAME.has(s.type));
  const facts = factsIn(text, targets, application.answers, ctx.today(turn));
  const call = ctx.call(application.callId);
  const changes: Change[] = targets.flatMap((target) => {
    const value = facts[target.slot];
    if (value === undefined) return [];
    const echo = {
      fr: formatAnswer(call, target.slot, value, 'fr'),
      en: formatAnswer(call, target.slot, value, 'en'),
    };
    return [{ step: target, parsed: { ok: true as const, value, echo } }];
  });
  if (changes.length === 0) return false;
  await applyCorrections(ctx, turn, application, changes);
  return true;
}
