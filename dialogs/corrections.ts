/**
 * Corrections: « non attendez, c'est 180 », « oups, le budget total c'est 14 000 et pas 12 000 » — the
 * answer corrected (the previous one, the one the message names, or the one its value fits), said back,
 * and the current step asked again.
 */

import type { Turn } from '../src/core/turn.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Application } from './application.ts';
import { followReminders, sayEligibility } from './consequences.ts';
import type { DialogContext } from './context.ts';
import { ask } from './progress.ts';
import { parseAnswer, parseForm, pruneAnswers, type Step } from './steps.ts';

export type Reading = Extract<ReturnType<typeof parseAnswer>, { ok: true }>;

/**
 * A change that names the step it changes and gives its new value (« le budget total c'est 14 000 et pas
 * 12 000 », « la date n'est plus le 23 mars, on a décalé au 8 avril », "typo in the name: it's Les Liens
 * Solidaires"): that step, given before, and the value read. A free-text step takes only a value set apart
 * (after « : » or « c'est »): « modifier le partenaire » names it without giving one.
 */
export function namedChange(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step,
  said: string | undefined,
): { step: Step; parsed: Reading } | undefined {
  if (said === undefined || !contentWords(said).some((w) => !/^\d+$/.test(w))) return undefined;
  const colon = said.search(/[:=→]/);
  const naming = colon > 0 ? said.slice(0, colon) : said;
  const value = colon >= 0 ? said.slice(colon + 1).trim() : said;
  const target = ctx.stepNamed(application, naming);
  if (!target || target.slot === current.slot) return undefined;
  if (!(target.slot in application.answers) && !application.skipped.includes(target.slot)) return undefined;
  if (target.type === 'text' && colon < 0 && !/\b(?:c['’]est|it['’]s|it is)\s/i.test(said)) return undefined;
  const typed =
    target.type === 'text' && colon < 0 ? said.replace(/^.*?\b(?:c['’]est|it['’]s|it is)\s+/i, '') : value;
  const parsed = parseAnswer(target, typed, ctx.today(turn), application.answers);
  return parsed.ok ? { step: target, parsed } : undefined;
}

/**
 * « non attendez, c'est 180 »: the previous answer gets the new value — or, when it cannot take it, the one
 * earlier answer whose kind the value fits (« oups, c'est une coopérative » two steps later) — and the
 * current step is asked again.
 */
export async function correct(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step,
  text: string,
): Promise<boolean> {
  const steps = ctx.stepsOf(application);
  const today = ctx.today(turn);
  const previous = steps.find((s) => s.slot === application.lastSlot && s.slot !== current.slot);
  // Free text takes anything: correcting it is only read so when the current step could not take the words.
  if (previous && !(previous.type === 'text' && parseForm(current, text, today).ok)) {
    const parsed = parseAnswer(previous, text, today, application.answers);
    if (parsed.ok) {
      await applyCorrection(ctx, turn, application, previous, parsed);
      return true;
    }
  }
  const fits = steps
    .filter((s) => s.slot !== current.slot && s.slot in application.answers && s.type !== 'text')
    .map((s) => ({ step: s, parsed: parseAnswer(s, text, today, application.answers) }))
    .filter((f): f is { step: Step; parsed: Reading } => f.parsed.ok);
  if (fits.length !== 1) return false;
  const [only] = fits as [{ step: Step; parsed: Reading }];
  await applyCorrection(ctx, turn, application, only.step, only.parsed);
  return true;
}

/** Records a corrected answer, says so (and what it changes), and asks the current step again. */
export async function applyCorrection(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  target: Step,
  parsed: Reading,
): Promise<void> {
  application.answers[target.slot] = parsed.value;
  application.skipped = application.skipped.filter((s) => s !== target.slot);
  pruneAnswers(ctx.stepsOf(application), application);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:corrected`,
    text: turn.t(
      { fr: 'Corrigé : {label} : {echo}.', en: 'Corrected: {label}: {echo}.' },
      { label: target.label[turn.lang], echo: parsed.echo[turn.lang] },
    ),
  });
  sayEligibility(ctx, turn, application, [target.slot]);
  await ctx.save(turn, application);
  await ask(ctx, turn, application);
  await followReminders(ctx, turn, application);
}
