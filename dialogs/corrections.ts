/**
 * Corrections: « non attendez, c'est 180 », « oups, le budget total c'est 14 000 et pas 12 000 » — the
 * answer corrected (the previous one, the one the message names, or the one its value fits), said back,
 * and the current step asked again.
 */

import type { Localized } from '../src/core/i18n.ts';
import { normalize } from '../src/core/text.ts';
import type { Turn } from '../src/core/turn.ts';
import {
  correctionIn,
  correctionSaidLast,
  replacementIn,
  withoutLeadingNo,
} from '../src/understanding/correcting.ts';
import { inMonth } from '../src/understanding/dates.ts';
import { withoutNegated } from '../src/understanding/negation.ts';
import { quantityOnly } from '../src/understanding/quantities.ts';
import { readsAsQuestion } from '../src/understanding/questions.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Answers, AnswerValue, Application } from './application.ts';
import { followReminders, sayEligibility } from './consequences.ts';
import type { DialogContext } from './context.ts';
import { factsIn } from './facts.ts';
import { ask } from './progress.ts';
import { saidBack } from './render.ts';
import { parseAnswer, parseForm, pruneAnswers, type Step, stepNameWords } from './steps.ts';

export type Reading = Extract<ReturnType<typeof parseAnswer>, { ok: true }>;

/** A change a message names: the step and its new value, or why that value cannot be (a budget below the grant). */
export type Change = { step: Step; parsed: Reading } | { step: Step; refused: Localized };

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
  current: Step | undefined,
  said: string | undefined,
  stated = false,
): Change | undefined {
  if (said === undefined || !contentWords(said).some((w) => !/^\d+$/.test(w))) return undefined;
  const colon = said.search(/[:=→]/);
  const naming = colon > 0 ? said.slice(0, colon) : said;
  const value = colon >= 0 ? said.slice(colon + 1).trim() : said;
  // « on est une collectivité étrangère : … » says what the applicant is; it names no step.
  if (/^(?:on est|nous sommes|we are|we['’]re|je suis|i am|i['’]m)\b/i.test(naming.trim())) return undefined;
  const target = ctx.stepNamed(application, naming);
  if (!target || target.slot === current?.slot) return undefined;
  // A step not answered yet takes a value stated ahead (« le budget c'est 9000 » at the goal), but for free text.
  // Stated without a word of correcting, a free text is never the step named: « un syndicat mixte c'est une
  // collectivité ou… ? » does not name the applicant.
  const given = target.slot in application.answers || application.skipped.includes(target.slot);
  if ((!given && !stated) || (stated && target.type === 'text')) return undefined;
  if (target.type === 'text' && colon < 0 && !SAYS_WHAT.test(said)) return undefined;
  // « changer ma réponse sur la première participation » names the step and gives no new value.
  const nameWords = new Set([...stepNameWords(target), ...ABOUT_AN_ANSWER]);
  if (colon < 0 && contentWords(said).every((w) => nameWords.has(w))) return undefined;
  // « the area is Saint-Nazaire, not Nantes »: the words after « is », less what they say is not meant.
  const typed =
    target.type === 'text' && colon < 0
      ? withoutNegated(said.replace(new RegExp(`^.*?${SAYS_WHAT.source}`, 'i'), ''))
          .replace(/[\s,;]+$/, '')
          .trim()
      : value;
  const parsed = readChange(target, typed, ctx.today(turn), application.answers);
  if (!parsed.ok && !parsed.clarify && parseForm(target, typed, ctx.today(turn)).ok)
    return { step: target, refused: parsed.error };
  return parsed.ok ? { step: target, parsed } : undefined;
}

/**
 * The new value of a change; a day alone for a date given before (« changer la date au 25 », "change the date
 * to the 25th") is that day of the same month.
 */
function readChange(
  target: Step,
  typed: string,
  today: string,
  answers: Answers,
): ReturnType<typeof parseAnswer> {
  const parsed = parseAnswer(target, typed, today, answers);
  const before = answers[target.slot];
  if (parsed.ok || target.type !== 'date' || typeof before !== 'string') return parsed;
  const day = /\b(?:au|to|le|the|on)\s+(?=(?:the\s+)?\d)/i.exec(typed);
  if (!day) return parsed;
  const rest = typed.slice(day.index).replace(/^(?:au|to|on)\s+/i, '');
  const again = parseAnswer(target, inMonth(rest, before.slice(0, 7)), today, answers);
  return again.ok ? again : parsed;
}

/**
 * « le budget c'est 9000, les 8000 c'est la subvention »: several changes in one message, each clause naming its
 * step; all of them or none (a clause that names no step leaves the message to the other readings). Said
 * without a word of correcting (`stated`), each clause must say what is what (« c'est », « est de », « : »,
 * "is"): « un NEC pour 200 habitants, avec un budget serré » states no budget.
 */
export function namedChanges(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step | undefined,
  said: string | undefined,
  stated = false,
): Change[] {
  if (said === undefined) return [];
  const clauses = said.split(
    /\s*[;,]\s+|\s+(?:et|and|puis|then)\s+(?=(?:l[ea']|les|the|notre|our|mon|my)\b)/i,
  );
  if (stated && (readsAsQuestion(said) || !clauses.every((clause) => STATES.test(normalize(clause)))))
    return [];
  if (clauses.length >= 2) {
    const first = clauses.map((clause) => namedChange(ctx, turn, application, current, clause, stated));
    // Each value is checked beside the others given with it (a budget lowered with its grant).
    const given = Object.fromEntries(
      first.flatMap((c) => (c && 'parsed' in c ? [[c.step.slot, c.parsed.value]] : [])),
    );
    const together = { ...application, answers: { ...application.answers, ...given } };
    const changes = first.map((c, i) =>
      c && 'refused' in c ? namedChange(ctx, turn, together, current, clauses[i], stated) : c,
    );
    const slots = new Set(changes.map((c) => c?.step.slot));
    if (changes.every((c) => c !== undefined && 'parsed' in c) && slots.size === changes.length)
      return changes as Change[];
  }
  const one = namedChange(ctx, turn, application, current, said, stated);
  return one ? [one] : [];
}

/** What says what a free-text answer is, in a correction: « c'est », "it's", « la zone est », "the area is". */
const SAYS_WHAT = /\b(?:c['’]est|it['’]s|it is|is|est)\s+/i;

/** Words that point at an answer without giving one (« ma réponse sur… », "my answer about…"). */
const ABOUT_AN_ANSWER = [
  'reponse',
  'reponses',
  'answer',
  'answers',
  'choix',
  'choice',
  'about',
  'concernant',
  'regarding',
  'question',
  'champ',
  'field',
];

/** The words that say what is what in a clause: « le budget c'est 9000 », « la subvention est de 8000 », "budget: 9k". */
const STATES =
  /\s(?:c'est|ce sera|est de|sera de|est|sera|fait|is|will be|comes to|totals?)\s+\S|^[^:=]+[:=]\s*\S/;

/**
 * « c'est Paris finalement, pas Bruxelles », "the grant is 7,000 not 9,000": the value replaced tells the
 * answer corrected — the one answered step (not free text) whose answer it is, which takes the new value.
 */
export function replacedAnswer(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  current: Step,
  text: string,
): { step: Step; parsed: Reading } | undefined {
  const said = replacementIn(text);
  if (!said) return undefined;
  const today = ctx.today(turn);
  const now = correctionIn(said.now) ?? correctionSaidLast(said.now) ?? withoutLeadingNo(said.now);
  const hits = ctx.stepsOf(application).flatMap((step) => {
    if (step.slot === current.slot || step.type === 'text' || !(step.slot in application.answers)) return [];
    const was = parseForm(step, said.was, today);
    if (!was.ok || !sameAnswer(was.value, application.answers[step.slot])) return [];
    const parsed = parseAnswer(step, now, today, application.answers);
    return parsed.ok && !sameAnswer(parsed.value, was.value) ? [{ step, parsed }] : [];
  });
  return hits.length === 1 ? hits[0] : undefined;
}

const sameAnswer = (a: AnswerValue | undefined, b: AnswerValue | undefined): boolean =>
  JSON.stringify(Array.isArray(a) ? [...a].sort() : a) ===
  JSON.stringify(Array.isArray(b) ? [...b].sort() : b);

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
  // A number alone (« c'est 180 ») goes to a step that counts, never to a free-text one.
  const quantity = quantityOnly(text) !== undefined;
  const read = quantity ? [] : answersFitting(steps, application, current, text, today);
  // Several read it loosely (« in person » is also a kind of person): the one that reads it strictly.
  const strict =
    read.length > 1 || (read.length === 1 && previous?.type === 'text')
      ? factsIn(
          text,
          read.map((f) => f.step),
          {},
          today,
        )
      : {};
  const sure = read.filter((f) => sameAnswer(strict[f.step.slot], f.parsed.value));
  // Free text takes anything: correcting it is only read so when the current step could not take the words,
  // and no earlier answer is said in its own words (« ah si finalement la mairie nous soutient »).
  const textFirst = previous?.type === 'text' && sure.length !== 1;
  if (
    previous &&
    (previous.type !== 'text' || (textFirst && !quantity && !parseForm(current, text, today).ok))
  ) {
    const parsed = parseAnswer(previous, inMonthOf(previous, application, text), today, application.answers);
    if (parsed.ok) {
      await applyCorrection(ctx, turn, application, previous, parsed);
      return true;
    }
  }
  // A number the previous answer could not take is placed by `placing.ts`, which may ask which step.
  if (quantity) return false;
  const fits = sure.length === 1 ? sure : read;
  // A kind said (« on est une collectivité étrangère ») is read by its choice step before a yes/no's own words.
  const choices = fits.filter((f) => f.step.type !== 'boolean');
  const [only] = (fits.length === 1 ? fits : choices.length === 1 ? choices : []) as Array<{
    step: Step;
    parsed: Reading;
  }>;
  if (!only) return false;
  await applyCorrection(ctx, turn, application, only.step, only.parsed);
  return true;
}

/** « wait, I meant the 16th » after a date: a day alone is that day in the month of the date it corrects. */
function inMonthOf(step: Step, application: Application, text: string): string {
  const was = application.answers[step.slot];
  return step.type === 'date' && typeof was === 'string' ? inMonth(text, was.slice(0, 7)) : text;
}

/** The answered steps (not free text, not the current one) that can take these words as their answer. */
export function answersFitting(
  steps: Step[],
  application: Application,
  current: Step,
  text: string,
  today: string,
): Array<{ step: Step; parsed: Reading }> {
  return steps
    .filter((s) => s.slot !== current.slot && s.slot in application.answers && s.type !== 'text')
    .map((s) => ({ step: s, parsed: parseAnswer(s, text, today, application.answers) }))
    .filter((f): f is { step: Step; parsed: Reading } => f.parsed.ok);
}

/** Records several corrected answers, says each, and asks the current step again once. */
export async function applyCorrections(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  changes: Change[],
): Promise<void> {
  const refused = changes.find((c) => 'refused' in c);
  if (refused && 'refused' in refused) {
    // The step named cannot take that value: why, and the current question again; nothing changes.
    ctx.say(turn, { intent: `dialog:${application.callId}:invalid`, text: turn.t(refused.refused) });
    return ask(ctx, turn, application);
  }
  const readings = changes.flatMap((c) => ('parsed' in c ? [c] : []));
  for (const change of readings.slice(0, -1)) record(ctx, turn, application, change.step, change.parsed);
  const last = readings.at(-1);
  if (last) await applyCorrection(ctx, turn, application, last.step, last.parsed);
}

/**
 * Records a corrected answer, says so (and what it changes), and asks the current step again. A step not
 * answered yet (a number said ahead of its step) is said to be noted rather than corrected.
 */
export async function applyCorrection(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  target: Step,
  parsed: Reading,
): Promise<void> {
  record(ctx, turn, application, target, parsed);
  await ctx.save(turn, application);
  await ask(ctx, turn, application);
  await followReminders(ctx, turn, application);
}

/** Stores one corrected (or early) answer and says so, with what it changes. */
function record(
  ctx: DialogContext,
  turn: Turn,
  application: Application,
  target: Step,
  parsed: Reading,
): void {
  const ahead = !(target.slot in application.answers);
  const before = { ...application.answers };
  application.answers[target.slot] = parsed.value;
  if (application.partial) delete application.partial[target.slot];
  application.skipped = application.skipped.filter((s) => s !== target.slot);
  // The answer just said back is the one a correction that follows is about (« wait, I meant the 16th »).
  application.lastSlot = target.slot;
  pruneAnswers(ctx.stepsOf(application), application);
  ctx.say(turn, {
    intent: `dialog:${application.callId}:${ahead ? 'noted' : 'corrected'}`,
    text: turn.t(
      ahead
        ? { fr: 'Noté pour « {label} » : {echo}.', en: 'Noted for “{label}”: {echo}.' }
        : { fr: 'Corrigé : {label} : {echo}.', en: 'Corrected: {label}: {echo}.' },
      {
        label: target.label[turn.lang],
        echo: saidBack(ctx.call(application.callId), target.slot, parsed)[turn.lang],
      },
    ),
  });
  sayEligibility(ctx, turn, application, [target.slot], before);
}
