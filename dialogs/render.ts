/** How a dialog's questions, answers and progress read, in the person's language. */

import type { CallDefinition } from '../rules/schema.ts';
import { answerParam, formatParam, slotOf } from '../rules/values.ts';
import { type Lang, t } from '../src/core/i18n.ts';
import type { Reply } from '../src/core/message.ts';
import { type Counted, plural } from '../src/core/plural.ts';
import type { AnswerValue, Application } from './application.ts';
import { applicableSteps, missingSteps, progress, type Step } from './steps.ts';

/** An answer as it reads (choice labels, euros, days in words). */
export function formatAnswer(call: CallDefinition, slot: string, value: AnswerValue, lang: Lang): string {
  return formatParam(answerParam(slotOf(call, slot), value), lang);
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
  // An answer the earlier ones imply is proposed with the question, not asked blind.
  const implied = step.implied?.(application.answers);
  const optional = step.optional
    ? t(lang, { fr: ' _(facultatif : « passer » pour sauter)_', en: ' _(optional: “skip” to leave it)_' })
    : '';
  const choices =
    step.type === 'boolean'
      ? [
          { id: 'yes', label: t(lang, { fr: 'Oui', en: 'Yes' }) },
          { id: 'no', label: t(lang, { fr: 'Non', en: 'No' }) },
        ]
      : step.choices?.map((c) => ({ id: c.id, label: c.label[lang] }));
  return {
    intent: `dialog:${call.id}:${step.slot}`,
    text: `${heading} — ${implied ? `${implied.note[lang]} ` : ''}${step.prompt[lang]}${optional}`,
    ...(choices ? { choices } : {}),
    ...(step.type === 'multi' ? { multiple: true } : {}),
    input: { kind: step.type, ...bounds(step) },
    data: { application: application.id, slot: step.slot, step: index, of: total, remaining },
  };
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
