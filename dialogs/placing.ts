/**
 * A quantity said where it does not belong — « non attendez, c'est 180 » after a free-text answer, « on
 * attend 200 personnes » or « 20 000 euros » at the audience step — goes to the step that counts what it
 * counts (people, euros, kilometres; the words beside it narrow it: « 180 places »): that step is filled or
 * corrected and the bot says so; when several steps could take it, the person is asked which, with the steps
 * as buttons. A number never lands in a free-text step. Said beside the step's own number (« on attend 180
 * personnes dans une salle de 250 places »), the number another step's words tie to is left to that step.
 */

import type { Turn } from '../src/core/turn.ts';
import { withoutNegated } from '../src/understanding/negation.ts';
import { numbersIn } from '../src/understanding/numbers.ts';
import { type Measure, quantityOnly } from '../src/understanding/quantities.ts';
import type { Application } from './application.ts';
import type { DialogContext } from './context.ts';
import { applyCorrection, type Reading } from './corrections.ts';
import { factsIn } from './facts.ts';
import { applicableSteps, parseAnswer, type Step } from './steps.ts';

/** What a step measures, when it takes a number. */
function measureOf(step: Step): Measure | undefined {
  if (step.type === 'money') return 'money';
  if (step.type === 'integer' || step.type === 'number') return step.measure ?? 'count';
  return undefined;
}

/** The steps that take the quantity, those its words tie to first (« 180 places »: the venue's capacity). */
function stepsTaking(steps: Step[], application: Application, current: Step, text: string): Step[] {
  const measure = quantityOnly(text);
  if (measure === undefined) return [];
  const fitting = applicableSteps(steps, application.answers).filter((s) => {
    const takes = measureOf(s);
    return s.slot !== current.slot && takes !== undefined && (measure === 'bare' || takes === measure);
  });
  const { text: digits, numbers } = numbersIn(text);
  const from = numbers[0] ? digits.slice(numbers[0].start) : digits;
  const cued = fitting.filter((s) => s.cues?.test(from) || s.cues?.test(digits));
  return cued.length > 0 ? cued : fitting;
}

/**
 * The one other step a number is said of by the words before it — its subject and verb, « la salle peut
 * accueillir 300 personnes », "the total budget is actually 11,000", « pour le public on sera plutôt 250 » — when
 * the current step's words do not say it too: a unit after the number (« personnes ») is weaker evidence than
 * what the sentence says the number is. The message holds one number only.
 */
function stepSaidOf(steps: Step[], application: Application, current: Step, text: string): Step | undefined {
  const { text: digits, numbers } = numbersIn(withoutNegated(text));
  if (numbers.length !== 1 || !current.cues) return undefined;
  const before = digits.slice(0, (numbers[0] as { end: number }).end);
  if (current.cues.test(before)) return undefined;
  const said = applicableSteps(steps, application.answers).filter(
    (s) => s.slot !== current.slot && measureOf(s) !== undefined && s.cues?.test(before),
  );
  return said.length === 1 ? said[0] : undefined;
}

/**
 * A number the sentence says is another step's (`stepSaidOf`), at a step that counts too: that step gets it
 * (noted, or corrected when answered) and the current question is asked again. True when it was placed.
 */
export async function placeSaidOf(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step,
  text: string,
): Promise<boolean> {
  if (measureOf(current) === undefined) return false;
  const target = stepSaidOf(ctx.stepsOf(application), application, current, text);
  const parsed = target ? parseAnswer(target, text, ctx.today(turn), application.answers) : undefined;
  if (!target || !parsed?.ok) return false;
  await applyCorrection(ctx, turn, application, target, parsed);
  return true;
}

/**
 * Places a quantity said alone in the step it fits: with `correcting`, among the answers given first (the
 * earlier steps that count), else among the steps to come. True when it was placed or a question asked.
 */
export async function placeQuantity(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step,
  text: string,
  correcting: boolean,
): Promise<boolean> {
  const today = ctx.today(turn);
  const taking = stepsTaking(ctx.stepsOf(application), application, current, text)
    .map((step) => ({ step, parsed: parseAnswer(step, text, today, application.answers) }))
    .filter((f): f is { step: Step; parsed: Reading } => f.parsed.ok);
  const answered = taking.filter((f) => f.step.slot in application.answers);
  const candidates = correcting && answered.length > 0 ? answered : taking;
  if (candidates.length === 0) return false;
  if (candidates.length === 1) {
    const [only] = candidates as [{ step: Step; parsed: Reading }];
    await applyCorrection(ctx, turn, application, only.step, only.parsed);
    return true;
  }
  application.pendingQuantity = { text, slots: candidates.map((c) => c.step.slot) };
  await ctx.save(turn, application);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:clarify`,
    text: turn.t(
      { fr: 'À quelle réponse correspond « {text} » ?', en: 'Which answer is “{text}” for?' },
      { text: text.trim() },
    ),
    choices: candidates.map((c) => ({ id: c.step.slot, label: c.step.label[turn.lang] })),
    data: { application: application.id, slot: current.slot },
  });
  return true;
}

/**
 * The answer to « À quelle réponse correspond… ? »: the step clicked or named gets the quantity. False when
 * the message is something else (it is then read as usual, and the question is dropped).
 */
export async function placePending(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  text: string,
): Promise<boolean> {
  const pending = application.pendingQuantity;
  if (!pending) return false;
  application.pendingQuantity = undefined;
  const clicked = turn.message.choiceId;
  const target =
    clicked !== undefined
      ? ctx.stepsOf(application).find((s) => s.slot === clicked)
      : ctx.stepNamed(application, text);
  if (!target || !pending.slots.includes(target.slot)) return false;
  const parsed = parseAnswer(target, pending.text, ctx.today(turn), application.answers);
  if (!parsed.ok) return false;
  await applyCorrection(ctx, turn, application, target, parsed);
  return true;
}

/** The steps that take a number. */
const NUMERIC = new Set<Step['type']>(['integer', 'number', 'money']);

/**
 * A message with several numbers at a step that takes one, without those that later steps' words tie to them
 * (« une salle de 250 places » at the attendance): the text with their numbers and units blanked; as typed else.
 */
export function withoutOthersNumbers(
  steps: Step[],
  step: Step,
  text: string,
  application: Application,
  today: string,
): string {
  if (!NUMERIC.has(step.type)) return text;
  const { text: digits, numbers } = numbersIn(text);
  if (numbers.length < 2) return text;
  const others = steps.filter((s) => s.slot !== step.slot && NUMERIC.has(s.type));
  const facts = factsIn(text, others, application.answers, today);
  const taken = new Set(Object.values(facts).filter((v): v is number => typeof v === 'number'));
  const kept = numbers.filter((n) => !taken.has(n.value));
  if (kept.length === 0 || kept.length === numbers.length) return text;
  return numbers
    .filter((n) => taken.has(n.value))
    .reverse()
    .reduce((said, n) => `${said.slice(0, n.start)} ${said.slice(n.end).replace(/^\s*\S+/, ' ')}`, digits);
}
