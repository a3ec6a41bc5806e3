/** A dialog's steps resolved against its call file, and the small pure functions that move through them. */

import type { CallDefinition, SlotDefinition } from '../rules/schema.ts';
import type { Localized } from '../src/core/i18n.ts';
import { normalize } from '../src/core/text.ts';
import { addressesIn, withoutAddresses } from '../src/understanding/addresses.ts';
import { withoutOtherParties } from '../src/understanding/other-parties.ts';
import { speaksOfThePastOnly } from '../src/understanding/past-time.ts';
import { contentWords } from '../src/understanding/words.ts';
import { yesNoIn } from '../src/understanding/yes-no.ts';
import type { Answers, AnswerValue, Application } from './application.ts';
import type { DialogDefinition, StepDefinition } from './definition.ts';
import type { Option } from './parsers/choices.ts';
import { parseBoolean, parseChoice, parseChoices, parseText } from './parsers/choices.ts';
import { type Day, parseDate } from './parsers/dates.ts';
import { parseMoney } from './parsers/money.ts';
import { parseCount } from './parsers/numbers.ts';
import { clarify, PAST_TIME_ANSWER, type Parsed } from './parsers/result.ts';

/** A step with what the call file says of its slot: type, label, choices. */
export interface Step extends StepDefinition {
  type: SlotDefinition['type'];
  label: Localized;
  choices?: Option[];
  optional: boolean;
}

/** Joins a dialog's steps with its call's slots; a step naming a slot the call lacks is a programming error. */
export function resolveSteps(dialog: DialogDefinition, call: CallDefinition): Step[] {
  return dialog.steps.map((step) => {
    const slot = call.slots.find((s) => s.id === step.slot);
    if (!slot) throw new Error(`dialog ${dialog.id}: the call file has no slot "${step.slot}"`);
    return {
      ...step,
      type: slot.type,
      label: slot.label,
      choices: slot.choices?.map((c) => ({
        ...c,
        keywords: step.keywords?.[c.id],
        blend: step.blends?.[c.id],
      })),
      optional: step.optional ?? slot.optional ?? false,
    };
  });
}

/** Reads an answer to a step, typed or clicked (a click arrives as the choice id). */
export function parseAnswer(
  step: Step,
  text: string,
  today: Day,
  answers: Answers = {},
): Parsed<AnswerValue> {
  const parsed = parseForm(step, text, today);
  const problem = parsed.ok ? implausible(step, parsed.value, answers) : undefined;
  return problem ? { ok: false, error: problem } : parsed;
}

/**
 * Why a well-formed answer makes no sense beside the others (a grant above the budget), if it does not. The one
 * check of the chat (each answer, against those given) and of the whole-application form (each changed field,
 * against the form's other fields): both come here, so a form cannot save what the chat would refuse.
 */
export function implausible(step: Step, value: AnswerValue, answers: Answers): Localized | undefined {
  return step.plausible?.(value, answers);
}

/** Reads an answer's form only (a number, a date, a choice…), before asking whether it makes sense. */
export function parseForm(step: Step, typed: string, today: Day): Parsed<AnswerValue> {
  // « 3 place de la mairie » at a step of options: the address's words name none of them (« place » is no « sur
  // place », « mairie » no yes). (Numbers leave addresses out by themselves: `numbersIn`.)
  const text = OPTIONS.has(step.type) ? withoutAddressOf(typed) : typed;
  // What the step reads beyond its options' words (« la ville de Dakar »: a foreign authority) comes first.
  const said = step.type === 'choice' ? step.factIn?.(text) : undefined;
  const option = step.choices?.find((c) => c.id === said);
  if (option) return { ok: true, value: option.id, echo: option.label };
  // « l'an dernier c'était en ligne », « la mairie nous avait dit non l'an dernier »: not this time's answer —
  // but a yes or a no said first answers the question as asked (« non, on était venus l'an dernier »).
  if (step.type !== 'text' && !(step.type === 'boolean' && yesNoIn(text)) && speaksOfThePastOnly(text))
    return clarify(PAST_TIME_ANSWER, []);
  switch (step.type) {
    case 'text':
      return parseName(step, parseText(text));
    case 'integer':
      return parseCount(text, { min: step.min ?? 0, max: step.max });
    case 'number':
      return parseCount(text, { min: step.min ?? 0, max: step.max, decimals: true, measure: step.measure });
    case 'money':
      return parseMoney(text);
    case 'date':
      return parseDate(text, { today, future: step.future, askWithin: step.askWithin });
    case 'boolean':
      return parseBoolean(text, step.keywords);
    case 'choice':
      return ownChoice(text, step.choices ?? []);
    case 'multi':
      return parseChoices(text, step.choices ?? [], stepNameWords(step));
  }
}

const OPTIONS = new Set<Step['type']>(['choice', 'multi', 'boolean']);

/** The message without its street addresses, as typed when it has none. */
export function withoutAddressOf(text: string): string {
  const typed = normalize(text);
  return addressesIn(typed).length === 0 ? text : withoutAddresses(typed).replace(/^[\s,;.]+|[\s,;.]+$/g, '');
}

/**
 * One option, read in what the message says of the person's own side (« une asso, avec le soutien de la
 * mairie »): an option named only of a partner or a supporter (« notre partenaire principal est une
 * association ») is asked about, with it as a button.
 */
function ownChoice(text: string, options: Option[]): Parsed<string> {
  const own = withoutOtherParties(text);
  const mine = own === text ? undefined : parseChoice(own, options);
  // « une asso, avec le soutien de la mairie »: the person's own side is the answer.
  if (mine?.ok) return mine;
  const parsed = parseChoice(text, options);
  if (!parsed.ok || !mine) return parsed;
  return clarify(
    {
      fr: `${parsed.echo.fr} : c’est un partenaire ou un soutien, ou bien vous-même ?`,
      en: `${parsed.echo.en}: is that a partner or a supporter, or yourselves?`,
    },
    [{ id: parsed.value, label: parsed.echo }],
  );
}

/** The words that name a step (its label and other names): « les deux champs » says « les deux ». */
export function stepNameWords(step: Step): string[] {
  let words = NAME_WORDS.get(step);
  if (!words) {
    words = contentWords([step.label.fr, step.label.en, ...(step.names ?? [])].join(' '));
    NAME_WORDS.set(step, words);
  }
  return words;
}

/** Each step's name words, read once: a step is never changed once resolved (`DialogContext.steps`). */
const NAME_WORDS = new WeakMap<Step, string[]>();

/**
 * A free-text answer that is only the way the step's value is written in a sentence (« à Saint-Brieuc »,
 * "in Greater Lyon"): the value itself.
 */
function parseName(step: Step, parsed: Parsed<string>): Parsed<string> {
  if (!parsed.ok) return parsed;
  const typed = parsed.value.replace(/[.!]+$/, '').trim();
  // « Commune : Saint-Pierre », "Name: Code Club Roubaix", « Titre : « Clics solidaires » »: the value after its
  // label; « nous c'est l'association Les Liens »: the name after what introduces it.
  const said = withoutLabel(step, step.properName ? typed.replace(NAME_INTRO, '') : typed);
  if (said !== typed) {
    const value = step.properName ? nameWithout(said) : said;
    return { ok: true, value, echo: { fr: `« ${value} »`, en: `“${value}”` } };
  }
  // « la Ville de Brest, on est une commune », "Open Lab, we're a nonprofit": the name, without what follows it
  // about the body (its kind is read from those words: `factsAhead`).
  const name = step.properName ? nameWithout(said) : said;
  if (name !== said) return { ok: true, value: name, echo: { fr: `« ${name} »`, en: `“${name}”` } };
  for (const pattern of step.findIn ?? []) {
    const match = pattern.exec(said);
    const value = match?.groups?.value?.trim();
    // The match is the whole answer, but for the words that introduce it (« on est une asso qui s'appelle … »).
    const ends = match && match.index + match[0].trimEnd().length === said.length;
    if (match && value && ends && INTRODUCING.test(said.slice(0, match.index)))
      return { ok: true, value, echo: { fr: `« ${value} »`, en: `“${value}”` } };
  }
  return parsed;
}

/**
 * « nous c'est l'… », « moi c'est la … », "us, it's the …", « c'est pour la commune de … », "it's for the city of …":
 * what introduces a name said by its owner, or the body an application is for.
 */
const NAME_INTRO =
  /^(?:(?:nous|moi|ici|us|we)\s*,?\s*(?:c['’]est|it['’]s|are)\s+|(?:c['’]est\s+|it['’]s\s+)?(?:pour|for)\s+(?=l['’]|la\s|le\s|the\s))(?:l['’]\s*|la\s+|le\s+|the\s+)?(?=\S)/iu;

/** Words a form's label is made of, for any free-text step (beside the step's own names). */
const LABEL_WORDS = new Set(
  'nom name titre title intitule organisation organization structure commune collectivite ville city partenaire partner projet project objectif objectifs goal aim but public audience territoire area resume summary'.split(
    ' ',
  ),
);
/** A label and its colon before the value (« Commune : », "Name:"), and quotes around the value. */
const LABELLED = /^(?<label>[^:\d]{2,40}?)\s*:\s*(?<value>.+)$/su;

/** A free-text value without the label it was written after (a line copied from a form), if it was. */
function withoutLabel(step: Step, said: string): string {
  const found = LABELLED.exec(said)?.groups;
  if (!found?.label || !found.value) return said;
  const words = contentWords(found.label);
  const names = stepNameWords(step);
  if (words.length === 0 || words.some((w) => !LABEL_WORDS.has(w) && !names.includes(w))) return said;
  const value = found.value.trim().replace(/^[«"“]\s*(.+?)\s*[»"”]$/su, '$1');
  return value === '' ? said : value;
}

/** What is said of a body after its name: « , on est une commune », " - we're a nonprofit", « (une asso) ». */
const ABOUT_THE_BODY =
  /^(?<name>.*?\p{Lu}.*?)\s*(?:,|;|\s[-–—]\s|\()\s*(?:(?:on est|nous sommes|c['’]est|ce sont|il s['’]agit d['’]|we['’]re|we are|it['’]s|it is|which is|qui est)\s+)?(?:une?|des|l['’]|la|le|an?|the|notre|our)\s+[^\p{Lu}\d]*?\)?$/u;
/** A lowercase article before a name's capital (« la Ville de Brest »): not part of the name. */
const ARTICLE_BEFORE_NAME = /^(?:la|le|les|l['’]|the)\s*(?=\p{Lu})/u;

/**
 * A proper name said with what follows it about the body: the name alone, and without its article then — a name
 * said alone is taken as written (« la Ville de Brest »).
 */
function nameWithout(said: string): string {
  const name = ABOUT_THE_BODY.exec(said)?.groups?.name;
  return name ? name.replace(ARTICLE_BEFORE_NAME, '').trim() : said;
}

/** What may come before a name said in a sentence: a greeting, « on est / nous sommes / c'est », an article. */
const INTRODUCING =
  /^(?:(?:bonjour|bonsoir|salut|hello|hi|hey)[\s,!]*)?(?:(?:alors|donc|so|well)[\s,]+)?(?:(?:c['’]est|ce sera|nous sommes|on est|je suis|je repr[ée]sente|nous repr[ée]sentons|we are|we['’]re|it['’]s|it is|i['’]m|i am|i represent|we represent)\s+)?(?:(?:une?|la|le|les|l['’]|notre|nos|an?|the|our)\s*)?$/i;

/** The steps that apply given the answers so far (conditions checked), in order. */
export function applicableSteps(steps: Step[], answers: Answers): Step[] {
  return steps.filter((s) => !s.onlyIf || s.onlyIf(answers));
}

/** The first applicable step neither answered nor skipped; undefined when the summary comes next. */
export function nextStep(steps: Step[], application: Application): Step | undefined {
  return applicableSteps(steps, application.answers).find(
    (s) => !(s.slot in application.answers) && !application.skipped.includes(s.slot),
  );
}

/** The applicable step before the current one (the last one when at the summary). */
export function previousStep(steps: Step[], application: Application): Step | undefined {
  const applicable = applicableSteps(steps, application.answers);
  const index = application.currentSlot
    ? applicable.findIndex((s) => s.slot === application.currentSlot)
    : applicable.length;
  return index > 0 ? applicable[index - 1] : undefined;
}

/** Drops the answers and skips of steps that no longer apply (support changed to "no": no authority name). */
export function pruneAnswers(steps: Step[], application: Application): void {
  const applicable = new Set(applicableSteps(steps, application.answers).map((s) => s.slot));
  for (const step of steps) {
    if (applicable.has(step.slot)) continue;
    delete application.answers[step.slot];
    application.skipped = application.skipped.filter((s) => s !== step.slot);
  }
}

/**
 * Where the person is: step k among the steps that apply, and how many questions remain after it. The total
 * alone would move mid-dialog (an « autre » answer adds its « which other? » step), so people are shown the
 * remaining count — counting a step that does not apply yet but may still come (the « which other? » after an
 * unanswered choice, the authority's name after an unanswered "is there support?"), so that the count only
 * goes down as the person answers, by one or by more when such a step turns out not to come.
 */
export function progress(
  steps: Step[],
  application: Application,
): { index: number; total: number; remaining: number } {
  const { answers, skipped, currentSlot } = application;
  const applicable = applicableSteps(steps, answers);
  const applies = new Set(applicable.map((s) => s.slot));
  const open = (s: Step) => !(s.slot in answers) && !skipped.includes(s.slot);
  const mayCome = (at: number) =>
    steps
      .slice(0, at)
      .some((before) => applies.has(before.slot) && (open(before) || before.slot === currentSlot));
  const remaining = steps.filter(
    (s, at) => s.slot !== currentSlot && open(s) && (applies.has(s.slot) || mayCome(at)),
  ).length;
  const index = applicable.findIndex((s) => s.slot === currentSlot);
  return { index: index < 0 ? applicable.length : index + 1, total: applicable.length, remaining };
}

/** The applicable steps still without an answer (skipped or not reached). */
export function missingSteps(steps: Step[], application: Application): Step[] {
  return applicableSteps(steps, application.answers).filter((s) => !(s.slot in application.answers));
}
