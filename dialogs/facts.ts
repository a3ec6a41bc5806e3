/**
 * Facts given ahead: a message that says more than asked (« nous sommes l'association Les Petits
 * Débrouillards et voulons organiser un NEC local hybride le 15 juin 2027 à Rennes pour 200 personnes »)
 * fills the steps it answers. Only clear statements count: an option named exactly, a whole day to come, a
 * number next to the words that tie it to a step, a name where the step's pattern finds one.
 */
import { choiceIn, choicesIn } from '../src/understanding/choices.ts';
import { dateIn } from '../src/understanding/dates.ts';
import { numbersIn } from '../src/understanding/numbers.ts';
import type { Answers } from './application.ts';
import type { Step } from './steps.ts';

/** The names of the calls themselves: « Numérique en Commun », « inclusif et responsable » say nothing of the answers. */
const CALL_NAMES =
  /num[ée]rique en communs?(?:\[s\])?|num[ée]rique inclusif et responsable|\bNEC(?:\s+(?:local|ESS))?\b|\blocal\s+NEC\b|\bMEAE\b/gi;

/** A text without the calls' names in it. */
export const withoutCallNames = (text: string): string => text.replace(CALL_NAMES, ' ');

/** The answers a message gives for steps not answered yet, by slot. */
export function factsIn(text: string, steps: Step[], answers: Answers, today: string): Answers {
  const cleaned = withoutCallNames(text);
  const facts: Answers = {};
  const { text: digits, numbers } = numbersIn(cleaned);
  for (const step of steps) {
    if (step.slot in answers || step.onlyIf) continue;
    const value = factFor(step, cleaned, today, digits, numbers);
    if (value !== undefined) facts[step.slot] = value;
  }
  return facts;
}

function factFor(
  step: Step,
  text: string,
  today: string,
  digits: string,
  numbers: ReturnType<typeof numbersIn>['numbers'],
): Answers[string] | undefined {
  switch (step.type) {
    case 'choice': {
      // « autre » is never a fact: said in passing it rarely means the option.
      const reading = choiceIn(text, named(step), { exactOnly: true });
      return reading.kind === 'one' ? reading.id : undefined;
    }
    case 'multi': {
      const reading = choicesIn(text, named(step), { exactOnly: true });
      return reading.kind === 'some' && reading.ids.length > 0 ? reading.ids : undefined;
    }
    case 'date': {
      const reading = dateIn(text, today);
      return reading.kind === 'day' && reading.day >= today ? reading.day : undefined;
    }
    case 'integer':
    case 'number':
    case 'money': {
      if (!step.cues) return undefined;
      const cued = numbers.filter((n) => {
        const tied = step.cues?.test(digits.slice(n.start)) || step.cues?.test(digits.slice(0, n.end));
        return (
          tied && (step.type !== 'money' || /^[\d\s.,]*(?:k\s*)?(?:€|euros?\b)/.test(digits.slice(n.start)))
        );
      });
      return cued.length === 1 ? scaled(digits, cued[0] as (typeof numbers)[number]) : undefined;
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

/** The options of a choice step but « autre ». */
const named = (step: Step) => (step.choices ?? []).filter((o) => o.id !== 'other');

/** `20k€` in a message: the thousands. */
function scaled(digits: string, n: { value: number; end: number }): number {
  return /^\s*k(?!m)/.test(digits.slice(n.end)) ? n.value * 1000 : n.value;
}
