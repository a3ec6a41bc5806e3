/**
 * One more item for a list answered before, said later in passing — "accessibility too" at the goal, « et
 * l'open data aussi » at the budget — is added to that list: the person adds, they do not answer the step in
 * front of them. The list's step is corrected and said back, and the current step is asked again.
 */

import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import { choicesIn } from '../src/understanding/choices.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { applyCorrection } from './corrections.ts';
import { answerInBoth } from './render.ts';
import { parseForm, type Step, stepNameWords } from './steps.ts';

/** The words that say "this one as well": « aussi », « également », « en plus », "too", "also", "as well". */
const AS_WELL = /\b(?:aussi|egalement|en plus|de plus|too|also|as well|in addition)\b/;

/** At most this many words beside the items: a longer sentence says more than "add this". */
const MOST_OTHER_WORDS = 3;

/** Adds the options a message names "as well" to the list step answered before; true when it did. */
export async function addedToList(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  const typed = normalize(text);
  if (!AS_WELL.test(typed)) return false;
  // « l'accessibilité aussi » at the themes themselves is their answer.
  if (step.type !== 'text' && parseForm(step, text, ctx.today(turn)).ok) return false;
  const items = typed.replace(AS_WELL, ' ');
  for (const list of ctx.stepsOf(application)) {
    const before = application.answers[list.slot];
    if (list.slot === step.slot || list.type !== 'multi' || !Array.isArray(before)) continue;
    const options = (list.choices ?? []).filter((o) => o.id !== 'other');
    const reading = choicesIn(items, options, { exactOnly: true, ignore: stepNameWords(list) });
    if (reading.kind !== 'some') continue;
    const added = reading.ids.filter((id) => !before.includes(id));
    if (added.length === 0 || otherWords(items, options) > MOST_OTHER_WORDS) continue;
    const value = [...before, ...added];
    const echo = answerInBoth(ctx.call(application.callId), list.slot, value);
    await applyCorrection(ctx, turn, application, list, { ok: true, value, echo });
    return true;
  }
  return false;
}

/** How many words of the message are not in the options' names (« ah et », "oh and"). */
function otherWords(items: string, options: NonNullable<Step['choices']>): number {
  const named = new Set(
    options.flatMap((o) => contentWords([o.label.fr, o.label.en, ...(o.keywords ?? [])].join(' '))),
  );
  return contentWords(items).filter((w) => !named.has(w)).length;
}
