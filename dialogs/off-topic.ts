/**
 * A message at a step that was meant for somewhere else: a line pasted from a diary (« Rdv chez le dentiste jeudi
 * 14h30 », "Reminder: dentist Thursday 2:30pm"), or a street address where the step reads none (« 3 place de la
 * mairie » at the format, the support, a number). Nothing of it is stored; the bot says so and asks the step again.
 */

import type { Localized } from '../src/core/i18n.ts';
import type { Turn } from '../src/core/turn.ts';
import { readsAsAgendaLine } from '../src/understanding/agenda-lines.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { ask } from './progress.ts';
import { type Step, withoutAddressOf } from './steps.ts';

/** Deals with a diary line or an address alone; true when the message was one. */
export async function handledAsOffTopic(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  const said = readsAsAgendaLine(text)
    ? AGENDA_LINE
    : step.type !== 'text' && isOnlyAnAddress(text)
      ? ADDRESS_ONLY
      : undefined;
  if (!said) return false;
  ctx.say(turn, { intent: `dialog:${application.callId}:aside`, text: turn.t(said, { said: text.trim() }) });
  await ask(ctx, turn, application);
  return true;
}

const AGENDA_LINE: Localized = {
  fr: '« {said} » ressemble à une ligne de votre agenda : je n’ai rien noté.',
  en: '“{said}” looks like a line from your diary: I have noted nothing.',
};
const ADDRESS_ONLY: Localized = {
  fr: '« {said} » est une adresse, qui ne répond pas à cette question : je n’ai rien noté.',
  en: '“{said}” is an address, which does not answer this question: I have noted nothing.',
};

/** Words said around an address only (« c'est au 3 place… », "it's at 12 Station Road"). */
const ABOUT_A_PLACE = new Set([
  'at',
  'au',
  'chez',
  'adresse',
  'address',
  'situe',
  'situee',
  'located',
  'based',
]);

/** « 3 place de la mairie », "it's at 12 Station Road": an address and nothing else. */
function isOnlyAnAddress(text: string): boolean {
  const rest = withoutAddressOf(text);
  return rest !== text && contentWords(rest).every((w) => ABOUT_A_PLACE.has(w));
}
