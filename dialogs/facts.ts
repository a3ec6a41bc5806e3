/**
 * Facts given ahead: a message that says more than asked (« nous sommes l'association Les Petits
 * Débrouillards et voulons organiser un NEC local hybride le 15 juin 2027 à Rennes pour 200 personnes »)
 * fills the steps it answers. Only clear statements count: an option named exactly, a whole day to come, a
 * number next to the words that tie it to a step, a name where the step's pattern finds one.
 */

import { perObject } from '../src/core/per-object.ts';
import { normalize } from '../src/core/text.ts';
import { choiceIn, choicesIn } from '../src/understanding/choices.ts';
import { dateIn } from '../src/understanding/dates.ts';
import { withoutNegated } from '../src/understanding/negation.ts';
import { numbersIn } from '../src/understanding/numbers.ts';
import { withoutOtherParties } from '../src/understanding/other-parties.ts';
import { quantityIn } from '../src/understanding/quantities.ts';
import { contentWords } from '../src/understanding/words.ts';
import type { Answers } from './application.ts';
import { type Option, YES, yesNoOptions } from './parsers/choices.ts';
import { type Step, stepNameWords } from './steps.ts';

/**
 * The names of the calls themselves and of who runs them: « Numérique en Commun », « inclusif et
 * responsable », "the foreign ministry's call for projects" say nothing of the answers.
 */
const CALL_NAMES =
  /num[ée]rique en communs?(?:\[s\])?|num[ée]rique inclusif et responsable|inclusive and responsible digital|\bNEC(?:\s+(?:local|ESS(?:\s+Europe)?))?\b|\blocal\s+NEC\b|\bMEAE\b|\bAAP\b|minist[èe]re des affaires [ée]trang[èe]res|affaires [ée]trang[èe]res|foreign (?:affairs )?ministry(?:['’]s)?|appels? [àa] projets|calls? for projects/gi;

/** A text without the calls' names in it. */
export const withoutCallNames = (text: string): string => text.replace(CALL_NAMES, ' ');

/** The answers a message gives for steps not answered yet, by slot. */
export function factsIn(text: string, steps: Step[], answers: Answers, today: string): Answers {
  const cleaned = withoutCallNames(text);
  const facts: Answers = {};
  const { text: digits, numbers } = numbersIn(withoutNegated(cleaned));
  const open = steps.filter((step) => !(step.slot in answers) && !step.onlyIf);
  const owners = ownersOfNumbers(open, digits, numbers);
  // Names first: the other facts are read without them (« Coop'Num » is a name, not a cooperative).
  for (const step of open.filter((s) => s.type === 'text')) {
    const value = factFor(step, cleaned, today, { digits, numbers, owners });
    // « On est une SCIC », "we're a French municipality": a kind said alone is the kind, not a name.
    const kind = steps.find((s) => s.slot === step.nameGives);
    if (value !== undefined && !(kind && typeof value === 'string' && kindSaidAlone(kind, value)))
      facts[step.slot] = value;
  }
  const names = Object.values(facts).filter((v): v is string => typeof v === 'string');
  const rest = names.reduce((said, name) => said.split(name).join(' '), cleaned);
  for (const step of open.filter((s) => s.type !== 'text')) {
    const value = factFor(step, rest, today, { digits, numbers, owners });
    if (value !== undefined) facts[step.slot] = value;
  }
  const kinds = Object.fromEntries(
    open.flatMap((step) => {
      const kind = kindOfName(steps, step, facts[step.slot]);
      return kind && !(kind.slot in answers) && !(kind.slot in facts) ? [[kind.slot, kind.id]] : [];
    }),
  );
  return { ...facts, ...kinds };
}

/**
 * What a message says in part of the steps not answered yet, by slot: a month without its day (« un NEC local à
 * Brest en mars » gives `2027-03` for the date), for the step to ask the rest.
 */
export function partialFactsIn(
  text: string,
  steps: Step[],
  answers: Answers,
  today: string,
): Record<string, string> {
  const month = monthSaid(text, today);
  const dates = steps.filter((s) => s.type === 'date' && !(s.slot in answers) && !s.onlyIf);
  // The first date asked is the one a month said in passing is about (the event's).
  return month && dates[0] ? { [dates[0].slot]: month } : {};
}

/** The month (`YYYY-MM`, not gone) a message names without its day (« en mars », « mi-juin »), if it does. */
export function monthSaid(text: string, today: string): string | undefined {
  const reading = dateIn(withoutCallNames(text), today);
  return reading.kind === 'vague' && reading.month && reading.month >= today.slice(0, 7)
    ? reading.month
    : undefined;
}

/**
 * What a name says of the step it gives (`nameGives`): « Mairie de Créteil » is a collectivité, « Association
 * Les Liens » an association — its first words are exactly a name of one of the step's options (not « autre »).
 */
export function kindOfName(
  steps: Step[],
  step: Step,
  name: Answers[string] | undefined,
): { slot: string; id: string } | undefined {
  const target = steps.find((s) => s.slot === step.nameGives);
  if (typeof name !== 'string' || !target) return undefined;
  const said = target.factIn?.(name);
  if (typeof said === 'string') return { slot: target.slot, id: said };
  const words = contentWords(name);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const id = optionNamed(target, words.slice(0, n));
    if (id) return { slot: target.slot, id };
  }
  return undefined;
}

/** The kind a name answered before proposes for this step (« Mairie de Créteil »: a collectivité?), if any. */
export function proposedByName(steps: Step[], step: Step, answers: Answers): string | undefined {
  const named = steps.find((s) => s.nameGives === step.slot);
  return named ? kindOfName(steps, named, answers[named.slot])?.id : undefined;
}

/** Words that say where a kind of body is, not which one: "a French municipality" names no one. */
const WHERE_A_KIND_IS = new Set([
  'french',
  'francais',
  'francaise',
  'foreign',
  'etranger',
  'etrangere',
  'local',
  'locale',
]);

/** Whether a name found is only a kind of the step it gives (« une SCIC », "a French municipality"). */
function kindSaidAlone(kind: Step, name: string): boolean {
  const words = contentWords(name);
  return (
    optionNamed(kind, words) !== undefined ||
    optionNamed(
      kind,
      words.filter((w) => !WHERE_A_KIND_IS.has(w)),
    ) !== undefined
  );
}

/** The option (not « autre ») that these words name exactly, by its label or one of its other names. */
function optionNamed(step: Step, words: string[]): string | undefined {
  const said = words.join(' ');
  const options = named(step).filter((o) => namesOfOption(o).includes(said));
  // « Métropole de Lyon »: a word of two kinds tells neither.
  return options.length === 1 ? options[0]?.id : undefined;
}

/** An option's label and other names, each as its meaningful words: read once per option (data). */
const namesOfOption = perObject((option: Option): string[] =>
  [option.label.fr, option.label.en, ...(option.keywords ?? [])].map((k) => contentWords(k).join(' ')),
);

/** A message's numbers, in the text they were read in, and the steps some of them belong to. */
type NumbersSaid = { digits: string; numbers: FoundNumbers; owners: NumberOwners };
type FoundNumbers = ReturnType<typeof numbersIn>['numbers'];

function factFor(
  step: Step,
  text: string,
  today: string,
  { digits, numbers, owners }: NumbersSaid,
): Answers[string] | undefined {
  const said = step.type === 'choice' ? undefined : step.factIn?.(text);
  if (said !== undefined) return said;
  switch (step.type) {
    case 'choice': {
      // « autre » is never a fact: said in passing it rarely means the option.
      const organiser = withoutOtherParties(text);
      const own = step.factIn?.(organiser);
      if (own !== undefined) return own;
      const reading = choiceIn(organiser, [...named(step), ...otherByItsWords(step)], { exactOnly: true });
      return reading.kind === 'one' ? reading.id : undefined;
    }
    case 'multi': {
      if (bothOf(step, text)) return named(step).map((o) => o.id);
      // The options named among other words (« un NEC local sur l'accessibilité numérique, 300 participants »);
      // a number said in passing (« 1,000,000 people ») is a number, never an option by its place in the list.
      const words = text.replace(/\d+/g, ' ');
      const reading = choicesIn(words, named(step), { exactOnly: true, ignore: stepNameWords(step) });
      const ids = reading.kind === 'some' ? reading.ids : reading.kind === 'unknown' ? reading.known : [];
      return ids.length > 0 ? [...new Set(ids)] : undefined;
    }
    case 'boolean': {
      // Said in the step's own words only (« avec le soutien de la région », "first time at NEC ESS").
      if (!step.keywords) return undefined;
      const reading = choiceIn(text, yesNoOptions(step.keywords), { exactOnly: true, keepNegated: true });
      return reading.kind === 'one' ? reading.id === YES : undefined;
    }
    case 'date': {
      const reading = dateIn(text, today);
      return reading.kind === 'day' && reading.day >= today ? reading.day : undefined;
    }
    case 'integer':
    case 'number':
    case 'money': {
      if (!step.cues) return undefined;
      const cued = numbers.filter((n, i) => {
        const owner = owners.get(i);
        const tied = (!owner || owner === step) && tieOf(step, digits, numbers, i) !== undefined;
        return (
          tied &&
          (step.type !== 'money' ||
            /^[\d\s.,]*(?:k\b|k?\s*€|euros?\b|keur\b)/.test(digits.slice(n.start)) ||
            /(?:€|\beur|\beuros?)\s*$/.test(digits.slice(0, n.start)) ||
            (n.value >= 100 && step.cues?.test(digits.slice(0, n.end))))
        );
      });
      if (cued.length !== 1) return undefined;
      const value = scaled(digits, cued[0] as (typeof numbers)[number]);
      // « pour 80 à 100 personnes »: a bound of a range is no answer; the step asks which one when it comes.
      return boundOfRange(text, step, value) ? undefined : value;
    }
    case 'text':
      for (const pattern of step.findIn ?? []) {
        const value = pattern.exec(text)?.groups?.value?.trim();
        if (value) return value;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * How a number is tied to a step, if it is: by the words before it (« la salle peut accueillir 300 ») or only by
 * those after it (« 300 personnes »). The words after a number go up to the next one: « 25 000 €, asking for
 * 15 000 » ties only the second; those before it go back to the one before (« budget 16 000 € dont 10 000 €
 * demandés »: the budget is 16 000).
 */
function tieOf(step: Step, digits: string, numbers: FoundNumbers, i: number): 'before' | 'after' | undefined {
  const n = numbers[i];
  if (!n || !step.cues) return undefined;
  // (The previous number's place is marked, so that a cue for the words after a number does not read those
  // after it as this one's.)
  const previous = numbers[i - 1];
  const before = previous ? `#${digits.slice(previous.end, n.end)}` : digits.slice(0, n.end);
  if (step.cues.test(before) || labelledAs(step, before)) return 'before';
  return step.cues.test(digits.slice(n.start, numbers[i + 1]?.start)) ? 'after' : undefined;
}

/** The step each number some step's words tie it to belongs to, by its place among the numbers. */
type NumberOwners = ReadonlyMap<number, Step>;

/**
 * One number two steps claim goes to the one whose words come before it: « la salle peut accueillir 300
 * personnes » is the venue's size, its « personnes » only the unit — never also the number of people expected
 * (and « nous attendons 250 participants et le lieu peut accueillir 300 personnes » leaves the 250 to the count).
 */
function ownersOfNumbers(steps: Step[], digits: string, numbers: FoundNumbers): NumberOwners {
  const owners = new Map<number, Step>();
  numbers.forEach((_, i) => {
    const ties = steps.map((s) => ({ step: s, tie: tieOf(s, digits, numbers, i) })).filter((t) => t.tie);
    const byWordsBefore = ties.filter((t) => t.tie === 'before');
    if (ties.length > 1 && byWordsBefore.length === 1)
      owners.set(i, (byWordsBefore[0] as (typeof ties)[number]).step);
  });
  return owners;
}

/**
 * « Participants : 120 », "Budget: 15,000": the number written after one of the step's names and a colon (a line
 * copied from a form), the words before it reaching back to the message's start or to its previous number.
 */
function labelledAs(step: Step, before: string): boolean {
  const label = /(?:^|[#,;.\n]\s*)([^#,;.:\d\n]{2,40}?)\s*:\s*[\d\s.,]*$/.exec(before)?.[1];
  if (label === undefined) return false;
  const words = contentWords(label);
  const names = stepNameWords(step);
  return words.length > 0 && words.every((w) => names.includes(w));
}

/** The options of a choice step but « autre ». */
const named = (step: Step) => (step.choices ?? []).filter((o) => o.id !== 'other');

/** Words that say « autre » itself: said in passing, they rarely mean the option. */
const OTHER_ITSELF = new Set(['autre', 'autres', 'other', 'others']);

/**
 * « autre » by the kinds its data names (« on est une fondation », "a trade union"), never by its label: those
 * words say the option as clearly as an option's own name.
 */
function otherByItsWords(step: Step): Option[] {
  const other = step.choices?.find((o) => o.id === 'other');
  return other ? otherByKinds(other) : [];
}

/**
 * Made once per option: `choiceIn` knows the names of an option list by its objects, and a new one on every
 * message was read anew each time (and kept, one more list each message).
 */
const otherByKinds = perObject((other: Option): Option[] => {
  const keywords = other.keywords?.filter((k) => !OTHER_ITSELF.has(k)) ?? [];
  return keywords.length > 0 ? [{ ...other, label: { fr: '', en: '' }, keywords }] : [];
});

/** « sur les deux champs », "both fields": every option of a step that has two, named by the step's names. */
function bothOf(step: Step, text: string): boolean {
  if (named(step).length !== 2 || !step.names) return false;
  const names = step.names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`\\b(?:les deux|both|(?:dans|sur) les 2)\\s+(?:${names})\\b`).test(normalize(text));
}

/** Whether `value` is one end of a range the message gives for what the step measures (« 80-100 people »). */
function boundOfRange(text: string, step: Step, value: number): boolean {
  const reading = quantityIn(text, step.type === 'money' ? 'money' : (step.measure ?? 'count'));
  return reading.kind === 'range' && (reading.low === value || reading.high === value);
}

/** `20k€` in a message: the thousands. */
function scaled(digits: string, n: { value: number; end: number }): number {
  return /^\s*k(?!m)/.test(digits.slice(n.end)) ? n.value * 1000 : n.value;
}
