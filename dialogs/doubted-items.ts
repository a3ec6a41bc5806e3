/**
 * A list answer said with a doubt on some of its items (« je sais pas trop, inclusion numérique et peut-être
 * open data »): the items said for sure are the answer, stored at once, and those said with a doubt are asked
 * about — « oui » adds them, « non » keeps the answer without them. A hedge before a clear answer is not a
 * non-answer.
 */
import type { Turn } from '../src/core/turn.ts';
import { sureAndDoubted } from '../src/understanding/unsure.ts';
import { plainYesNo } from '../src/understanding/yes-no.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { formatAnswer } from './render.ts';
import { parseForm, type Step } from './steps.ts';

/**
 * The sure part of a list answer (to read as the answer: with no sure item, the doubted ones, then asked back as
 * any value said with a doubt) and the options said with a doubt beside it.
 */
export interface DoubtedItems {
  sure: string;
  doubted: string[];
}

/** The items of a several-choice answer said with a doubt, when some are said for sure beside them. */
export function doubtedItems(step: Step, text: string, today: string): DoubtedItems | undefined {
  if (step.type !== 'multi') return undefined;
  const split = sureAndDoubted(text);
  if (!split) return undefined;
  // « not sure, perhaps open source »: only doubted items — read as the answer, held back as any doubted value.
  if (split.sure === '') {
    const held = parseForm(step, split.doubted, today);
    return held.ok ? { sure: split.doubted, doubted: [] } : undefined;
  }
  const sure = parseForm(step, split.sure, today);
  if (!sure.ok || !Array.isArray(sure.value)) return undefined;
  const taken = sure.value;
  const maybe = split.doubted === '' ? undefined : parseForm(step, split.doubted, today);
  const doubted =
    maybe?.ok && Array.isArray(maybe.value)
      ? maybe.value.filter((id) => id !== 'other' && !taken.includes(id))
      : [];
  return { sure: split.sure, doubted };
}

/** Asks whether to add the doubtful items to the answer just stored (`unconfirmed` holds the whole list). */
export async function askDoubted(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  doubted: string[],
): Promise<void> {
  const stored = application.answers[step.slot];
  const sure = Array.isArray(stored) ? stored : [];
  const all = [...sure, ...doubted];
  application.unconfirmed = { slot: step.slot, value: all };
  await ctx.save(turn, application);
  const call = ctx.call(application.callId);
  const items = formatAnswer(call, step.slot, doubted, turn.lang);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:clarify`,
    text: turn.t(
      {
        fr: 'Vous n’aviez pas l’air sûr pour « {items} » : je l’ajoute aussi ? (oui / non)',
        en: 'You did not sound sure about “{items}”: shall I add it too? (yes / no)',
      },
      { items },
    ),
    choices: [
      { id: all.join(','), label: turn.t({ fr: 'oui, l’ajouter', en: 'yes, add it' }) },
      { id: sure.join(','), label: turn.t({ fr: 'non', en: 'no' }) },
    ],
    data: { application: application.id, slot: step.slot },
  });
}

/** A « non » to that question: the answer stored stays as it is. */
export function declinesDoubted(application: Application, step: Step, text: string): boolean {
  const asked = application.unconfirmed;
  const stored = application.answers[step.slot];
  return (
    asked?.slot === step.slot &&
    Array.isArray(asked.value) &&
    Array.isArray(stored) &&
    stored.every((id) => (asked.value as string[]).includes(id)) &&
    plainYesNo(text) === false
  );
}
