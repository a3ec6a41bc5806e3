/** How a dialog's questions, answers and progress read, in the person's language. */

import type { CallDefinition } from '../rules/schema.ts';
import { benefitsNeeding } from '../rules/touching.ts';
import { answerParam, figureParams, formatParam, localize, slotOf } from '../rules/values.ts';
import { type Lang, type Localized, t } from '../src/core/i18n.ts';
import type { Reply } from '../src/core/message.ts';
import { perLanguage } from '../src/core/per-language.ts';
import { type Counted, plural } from '../src/core/plural.ts';
import type { Answers, AnswerValue, Application } from './application.ts';
import { proposedByName } from './facts.ts';
import { spellMonth } from './parsers/dates.ts';
import { applicableSteps, missingSteps, progress, type Step } from './steps.ts';

/** An answer as it reads (choice labels, euros, days in words). */
export function formatAnswer(call: CallDefinition, slot: string, value: AnswerValue, lang: Lang): string {
  return formatParam(answerParam(slotOf(call, slot), value), lang);
}

/**
 * How an answer just read is said back (« Noté : … »): a count in its unit, as every other place writes it
 * (« 300 km », « 150 personnes »); else as its step read it (a day with its weekday, a text in quotes, euros).
 */
export function saidBack(
  call: CallDefinition,
  slot: string,
  parsed: { value: AnswerValue; echo: Localized },
): Localized {
  const { value } = parsed;
  if (typeof value !== 'number' || !slotOf(call, slot)?.unit) return parsed.echo;
  return answerInBoth(call, slot, value);
}

/** An answer as the summary writes it, in both languages (the echo of a value the bot read elsewhere). */
export function answerInBoth(call: CallDefinition, slot: string, value: AnswerValue): Localized {
  return { fr: formatAnswer(call, slot, value, 'fr'), en: formatAnswer(call, slot, value, 'en') };
}

/** « type de structure : association », one per step these answers fill, in the order of the steps. */
export function answersSaid(call: CallDefinition, steps: Step[], answers: Answers, lang: Lang): string[] {
  const colon = lang === 'fr' ? ' : ' : ': ';
  return steps
    .filter((s) => s.slot in answers)
    .map(
      (s) => `${s.label[lang]}${colon}${formatAnswer(call, s.slot, answers[s.slot] as AnswerValue, lang)}`,
    );
}

/** The facts said in part, as the list of what was noted says them (« date de l'événement : mars 2027, jour à préciser »). */
export function partsSaid(steps: Step[], partial: Record<string, string>, lang: Lang): string[] {
  const colon = lang === 'fr' ? ' : ' : ': ';
  return steps
    .filter((s) => s.slot in partial)
    .map(
      (s) =>
        `${s.label[lang]}${colon}${spellMonth(partial[s.slot] as string, lang)}${lang === 'fr' ? ', jour à préciser' : ', day to be given'}`,
    );
}

/**
 * The question of a step, with its choices as buttons and where the person is. A step asked again (an edit,
 * `back`) shows its current answer instead of the questions left: the person is not moving forward.
 */
export function stepReply(
  call: CallDefinition,
  steps: Step[],
  application: Application,
  step: Step,
  lang: Lang,
): Reply {
  const { index, total, remaining } = progress(steps, { ...application, currentSlot: step.slot });
  const current = application.answers[step.slot];
  const heading =
    current !== undefined
      ? t(
          lang,
          {
            fr: '**Étape {index}** (modification ; réponse actuelle : {value})',
            en: '**Step {index}** (editing; current answer: {value})',
          },
          { index, value: formatAnswer(call, step.slot, current, lang) },
        )
      : application.skipped.includes(step.slot)
        ? t(
            lang,
            {
              fr: '**Étape {index}** (modification ; laissée pour plus tard)',
              en: '**Step {index}** (editing; left for later)',
            },
            { index },
          )
        : stepHeading(index, remaining, lang);
  // An answer the earlier ones imply is proposed with the question, not asked blind: the organiser's own
  // support, the kind a name says (« Mairie de Créteil »).
  const implied =
    step.implied?.(application.answers)?.note[lang] ?? nameProposal(call, steps, step, application, lang);
  const open = step.optional ? openWithout(call, step) : undefined;
  const optional = !step.optional
    ? ''
    : open
      ? t(
          lang,
          {
            fr: ' _(facultatif, mais sans cette réponse le verdict reste en suspens pour {open} : « passer » pour sauter)_',
            en: ' _(optional, but without it the verdict on {open} stays open: “skip” to leave it)_',
          },
          { open: open[lang] },
        )
      : t(lang, { fr: ' _(facultatif : « passer » pour sauter)_', en: ' _(optional: “skip” to leave it)_' });
  const choices =
    step.type === 'boolean'
      ? [
          { id: 'yes', label: t(lang, { fr: 'Oui', en: 'Yes' }) },
          { id: 'no', label: t(lang, { fr: 'Non', en: 'No' }) },
        ]
      : step.choices?.map((c) => ({ id: c.id, label: c.label[lang] }));
  return {
    intent: `dialog:${call.id}:${step.slot}`,
    text: `${heading} — ${implied ? `${implied} ` : ''}${(step.promptGiven?.(application.answers) ?? step.prompt)[lang]}${optional}`,
    ...(choices ? { choices } : {}),
    ...(step.type === 'multi' ? { multiple: true } : {}),
    input: { kind: step.type, ...bounds(step) },
    data: { application: application.id, slot: step.slot, step: index, of: total, remaining },
  };
}

/**
 * What leaving an optional step costs, when a rule reads its answer: the benefits whose verdict then stays open,
 * quoted and listed (« « subvention de l’ANCT » »); undefined when no rule needs it. Said where the step is asked
 * and where it is skipped, so that « facultatif » never hides what the verdict needs.
 */
export function openWithout(call: CallDefinition, step: Step): Localized | undefined {
  const names = benefitsNeeding(call, step.slot).map((b) => localize(b.name, figureParams(call)));
  if (names.length === 0) return undefined;
  return {
    fr: andList(
      names.map((n) => `« ${n.fr} »`),
      'fr',
    ),
    en: andList(
      names.map((n) => `“${n.en}”`),
      'en',
    ),
  };
}

// Made once: building an Intl formatter costs far more than using one (core benchmark).
const AND_LISTS = perLanguage((lang) => new Intl.ListFormat(lang, { type: 'conjunction' }));

/** « A, B et C », "A, B and C". */
export function andList(items: string[], lang: Lang): string {
  return AND_LISTS(lang).format(items);
}

/** « D’après son nom, « Mairie de Créteil » est : collectivité territoriale ? « oui » pour le confirmer… » */
function nameProposal(
  call: CallDefinition,
  steps: Step[],
  step: Step,
  application: Application,
  lang: Lang,
): string | undefined {
  const kind = proposedByName(steps, step, application.answers);
  const name = steps.find((s) => s.nameGives === step.slot)?.slot;
  if (!kind || !name) return undefined;
  const params = { name: String(application.answers[name]), kind: formatAnswer(call, step.slot, kind, lang) };
  return t(
    lang,
    {
      fr: 'D’après son nom, « {name} » est : {kind} ? « oui » pour le confirmer, ou choisissez un autre type.',
      en: 'From its name, “{name}” is: {kind}? “yes” to confirm, or choose another kind.',
    },
    params,
  );
}

/** The bounds a count step reads answers within (as `parseAnswer` does), for a native number field. */
export function bounds(step: Step): { min?: number; max?: number } {
  if (step.type !== 'integer' && step.type !== 'number') return {};
  return { min: step.min ?? 0, ...(step.max === undefined ? {} : { max: step.max }) };
}

const STILL_TO_COME: Counted = {
  fr: { one: 'encore {count} question ensuite', other: 'encore {count} questions ensuite' },
  en: { one: '{count} more question after this one', other: '{count} more questions after this one' },
};

/** « **Étape 5** (encore 12 questions ensuite) », « **Étape 17** (dernière question) ». */
export function stepHeading(index: number, remaining: number, lang: Lang): string {
  const after =
    remaining === 0
      ? t(lang, { fr: 'dernière question', en: 'last question' })
      : plural(lang, remaining, STILL_TO_COME);
  return t(lang, { fr: '**Étape {index}** ({after})', en: '**Step {index}** ({after})' }, { index, after });
}

/** Answered, missing, step k and what remains. */
export function statusText(
  call: CallDefinition,
  steps: Step[],
  application: Application,
  lang: Lang,
): string {
  const answered = applicableSteps(steps, application.answers).filter((s) => s.slot in application.answers);
  const missing = missingSteps(steps, application);
  const { index, remaining } = progress(steps, application);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const lines = [
    application.currentSlot
      ? stepHeading(index, remaining, lang)
      : t(lang, { fr: '**Toutes les étapes sont passées.**', en: '**Every step is done.**' }),
    '',
    t(lang, { fr: '**Réponses données** ({n})', en: '**Answers given** ({n})' }, { n: answered.length }),
    ...answered.map(
      (s) =>
        `• ${s.label[lang]}${colon}${formatAnswer(call, s.slot, application.answers[s.slot] as AnswerValue, lang)}`,
    ),
  ];
  if (missing.length > 0)
    lines.push(
      '',
      t(lang, { fr: '**Encore manquantes** ({n})', en: '**Still missing** ({n})' }, { n: missing.length }),
      ...missing.map(
        (s) => `• ${s.label[lang]}${application.skipped.includes(s.slot) ? skippedMark(lang) : ''}`,
      ),
    );
  return lines.join('\n');
}

function skippedMark(lang: Lang): string {
  return t(lang, { fr: ' (passée)', en: ' (skipped)' });
}
