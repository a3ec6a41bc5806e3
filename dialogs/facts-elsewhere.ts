/**
 * Another step's fact typed where a step asks something else — « le 10 octobre » or "we are based in Lille, about
 * 300 km away" at the organisation's name, « en présentiel » at the date, « oui la mairie nous soutient » at the
 * themes — answers the steps it fits, the way an opening message does (`factsIn`): those steps are filled, the bot
 * says so, and the step is asked again. Nothing is stored as the step's own answer.
 */

import type { Localized } from '../src/core/i18n.ts';
import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { applyCorrections, type Change } from './corrections.ts';
import { factsIn, partialFactsIn } from './facts.ts';
import { ask } from './progress.ts';
import { answerInBoth, answersSaid, partsSaid } from './render.ts';
import type { Step } from './steps.ts';

/**
 * The steps read in place of a name: a kind of organisation or a yes said inside a name (« Association Les
 * Liens », « Oui Numérique ») belongs to the name, a day or a counted number never does.
 */
const NEVER_IN_A_NAME = new Set<Step['type']>(['date', 'integer', 'number', 'money']);

/** A proper name has a capital letter or a digit (« Les Liens », « la Ville de Nantes », « 3 Petits Points »). */
export const looksLikeAName = (value: unknown): boolean =>
  typeof value !== 'string' || /[\p{Lu}\d]/u.test(value);

/** Fills the steps a message typed at a name step answers instead; true when it did (nothing else to do). */
export function placedInsteadOfName(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  if (step.type !== 'text' || step.properName !== true) return Promise.resolve(false);
  // « nous sommes une asso », a few words in small letters and no question, names no one: it tells the kind
  // of organisation. Longer words are a doubt or a question about the name (« pas encore arbitré entre la
  // ville et l'agglo »), which the step deals with.
  const named = looksLikeAName(text) || text.includes('?') || contentWords(text).length > 3;
  return placed(
    ctx,
    turn,
    application,
    text,
    // « c'est notre première participation », "it's our first time yes": a yes/no said in its step's own words.
    (s) =>
      s.slot !== step.slot &&
      (NEVER_IN_A_NAME.has(s.type) || (!named && (s.type === 'choice' || s.type === 'boolean'))),
  );
}

/**
 * Fills the steps a message the step could not read answers instead; true when it did. Free-text steps are
 * left out: their words are found by patterns, too loosely for a message that was meant for another step. A
 * month said without its day ("probably early April" at the kind of organisation) is kept for the date step,
 * which asks the day when it comes.
 */
export async function placedInsteadOfAnswer(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  const readsAt = (s: Step) => s.slot !== step.slot && s.type !== 'text';
  return (
    (await placed(ctx, turn, application, text, readsAt)) ||
    (await monthKept(ctx, turn, application, text, readsAt)) ||
    (await saidAgain(ctx, turn, application, step, text))
  );
}

/** « sûrement début avril » before the date step: the month kept for it. */
async function monthKept(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  text: string,
  readsAt: (step: Step) => boolean,
): Promise<boolean> {
  const targets = ctx.stepsOf(application).filter(readsAt);
  const partial = partialFactsIn(text, targets, application.answers, ctx.today(turn));
  const [slot] = Object.keys(partial);
  if (slot === undefined || application.partial?.[slot] !== undefined) return false;
  application.partial = { ...application.partial, ...partial };
  await ctx.save(turn, application);
  const [said] = partsSaid(targets, partial, turn.lang);
  return sayThenAsk(ctx, turn, application, 'noted', { fr: 'Noté : {said}.', en: 'Noted: {said}.' }, said);
}

/**
 * An answer noted before, typed again at another step (« Mairie de Saint-Brieuc » at the format, when the opening
 * gave it): the person had not seen it was noted. Said so, and the step asked again.
 */
async function saidAgain(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  step: Step,
  text: string,
): Promise<boolean> {
  const answered = ctx
    .stepsOf(application)
    .filter((s) => s.slot !== step.slot && s.slot in application.answers);
  const read = factsIn(text, answered, {}, ctx.today(turn));
  const typed = normalize(text).replace(/[\s.!]+$/, '');
  const same = answered.find((s) => {
    const stored = application.answers[s.slot];
    return typeof stored === 'string' && s.type === 'text'
      ? normalize(stored) === typed
      : read[s.slot] !== undefined && JSON.stringify(read[s.slot]) === JSON.stringify(stored);
  });
  if (!same) return false;
  const [said] = answersSaid(ctx.call(application.callId), [same], application.answers, turn.lang);
  const line = { fr: 'C’est déjà noté : {said}.', en: 'Already noted: {said}.' };
  return sayThenAsk(ctx, turn, application, 'already-noted', line, said);
}

/** Says what was noted (`said`, in the line's `{said}`), then asks the step again: the message is dealt with. */
async function sayThenAsk(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  intent: string,
  line: Localized,
  said: string | undefined,
): Promise<true> {
  ctx.say(turn, {
    intent: `dialog:${application.callId}:${intent}`,
    text: turn.t(line, { said: said ?? '' }),
  });
  await ask(ctx, turn, application);
  return true;
}

async function placed(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  text: string,
  readsAt: (step: Step) => boolean,
): Promise<boolean> {
  const targets = ctx.stepsOf(application).filter(readsAt);
  const facts = factsIn(text, targets, application.answers, ctx.today(turn));
  const call = ctx.call(application.callId);
  const changes: Change[] = targets.flatMap((target) => {
    const value = facts[target.slot];
    if (value === undefined) return [];
    return [
      { step: target, parsed: { ok: true as const, value, echo: answerInBoth(call, target.slot, value) } },
    ];
  });
  if (changes.length === 0) return false;
  await applyCorrections(ctx, turn, application, changes);
  return true;
}
