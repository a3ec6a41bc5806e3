/**
 * Another step's option typed alone at a free-text step — « en ligne » at the partners, "online only" at the goal,
 * « hybride » at the area — is no answer to it: the step writes any words, but these say what the other
 * step asks, and nothing of what this one does. The other step gets it when it has no answer yet (and the bot
 * says so); one answered otherwise is left as it is, the way to change it said. The step is asked again.
 */

import type { Turn } from '../src/core/turn.ts';
import { choiceIn } from '../src/understanding/choices.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { applyCorrection } from './corrections.ts';
import { ask } from './progress.ts';
import { formatAnswer } from './render.ts';
import { applicableSteps, parseForm, type Step } from './steps.ts';

/** Words that only stress an option (« uniquement en présentiel », "online only", « 100 % en ligne »). */
const STRESS = new Set([
  'only',
  'uniquement',
  'seulement',
  'juste',
  'just',
  'purement',
  'fully',
  'entierement',
  'tout',
  'all',
  '100',
]);

/** The words of a step's own question and help: an option they name is a fair answer here (« associations » as a public). */
const ownWords = (step: Step): Set<string> =>
  new Set(contentWords([step.prompt.fr, step.prompt.en, step.help.fr, step.help.en].join(' ')));

/** The other step of options that the whole message names one option of, and that option; undefined if none. */
function optionNamed(steps: Step[], application: Application, step: Step, text: string) {
  const words = contentWords(text).filter((w) => !STRESS.has(w));
  if (words.length === 0 || words.length > 3) return undefined;
  const own = ownWords(step);
  if (words.some((w) => own.has(w))) return undefined;
  for (const other of applicableSteps(steps, application.answers)) {
    if (other.slot === step.slot || (other.type !== 'choice' && other.type !== 'multi')) continue;
    // A kind of body (« une association », "the public library") is a fair answer where bodies are named (the
    // partners): the steps of the organiser's kind are left out.
    if (steps.some((s) => s.nameGives === other.slot) || other.factIn) continue;
    const reading = choiceIn(text, other.choices ?? [], { exactOnly: true });
    if (reading.kind !== 'one' || reading.id === 'other') continue;
    const option = other.choices?.find((c) => c.id === reading.id);
    const names = new Set(
      contentWords([option?.label.fr, option?.label.en, ...(option?.keywords ?? [])].join(' ')),
    );
    if (words.every((w) => names.has(w))) return { other, id: reading.id };
  }
  return undefined;
}

/** Deals with another step's option typed at a free-text step; true when the message was one. */
export async function placedOptionOfAnotherStep(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  if (step.type !== 'text' || step.properName) return false;
  const found = optionNamed(ctx.stepsOf(application), application, step, text);
  if (!found) return false;
  const { other, id } = found;
  const call = ctx.call(application.callId);
  if (!(other.slot in application.answers)) {
    const parsed = parseForm(other, text, ctx.today(turn));
    if (parsed.ok) {
      await applyCorrection(ctx, turn, application, other, parsed);
      return true;
    }
  }
  ctx.say(turn, {
    intent: `dialog:${application.callId}:elsewhere`,
    text: turn.t(
      {
        fr: '« {said} » répond à l’étape « {label} » (noté : {answer} ; « modifier {label} » pour la changer), pas à celle-ci.',
        en: '“{said}” answers the step “{label}” (noted: {answer}; “edit {label}” to change it), not this one.',
      },
      {
        said: text.trim(),
        label: other.label[turn.lang],
        answer: formatAnswer(call, other.slot, application.answers[other.slot] ?? id, turn.lang),
      },
    ),
  });
  await ask(ctx, turn, application);
  return true;
}
