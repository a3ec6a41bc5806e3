/**
 * Native Block Kit inputs beside a question's text: a date step gets a datepicker, a count step a number
 * field (Enter sends it), and a summary a « Modifier ma candidature » button that opens the whole
 * application as a modal. Typing the answer keeps working; the text fallback is unchanged.
 */
import type { types } from '@slack/bolt';
import { type Lang, type Localized, type OutgoingReply, t } from '../../src/core/port.ts';

/** Action ids of the native inputs. */
export const NATIVE_ACTION = { date: 'nec_date', number: 'nec_number', editForm: 'nec_edit_form' } as const;

const ANSWER_BLOCK = 'nec_answer';

const PICK_DATE: Localized = { fr: 'Choisir une date', en: 'Pick a date' };
const YOUR_ANSWER: Localized = {
  fr: 'Votre réponse (Entrée pour l’envoyer)',
  en: 'Your answer (Enter sends it)',
};
const EDIT_FORM: Localized = { fr: 'Modifier ma candidature', en: 'Edit my application' };

/** The dialog question a reply asks (`data.application`, `data.slot`), when it is one. */
function questionOf(reply: OutgoingReply): { application: string; slot: string } | undefined {
  const { application, slot } = reply.data ?? {};
  return typeof application === 'string' && typeof slot === 'string' ? { application, slot } : undefined;
}

/** The block id naming the question a native input answers, so an older message cannot answer a newer one. */
function answerBlockId(question: { application: string; slot: string }): string {
  return `${ANSWER_BLOCK}:${question.application}:${question.slot}`;
}

/** The question named by a native input's block id, if it is one. */
export function answeredQuestion(
  blockId: string | undefined,
): { application: string; slot: string } | undefined {
  const [prefix, application, slot] = (blockId ?? '').split(':');
  return prefix === ANSWER_BLOCK && application && slot ? { application, slot } : undefined;
}

/** The native input of a question's reply, when its kind of answer has one. */
export function answerInputBlock(reply: OutgoingReply): types.KnownBlock | undefined {
  const question = questionOf(reply);
  const input = reply.input;
  if (!question || !input) return undefined;
  const block_id = answerBlockId(question);
  if (input.kind === 'date') {
    return {
      type: 'actions',
      block_id,
      elements: [
        {
          type: 'datepicker',
          action_id: NATIVE_ACTION.date,
          placeholder: { type: 'plain_text', text: t(reply.lang, PICK_DATE) },
        },
      ],
    };
  }
  if (input.kind === 'integer' || input.kind === 'number') {
    return {
      type: 'input',
      block_id,
      dispatch_action: true,
      label: { type: 'plain_text', text: t(reply.lang, YOUR_ANSWER) },
      element: {
        type: 'number_input',
        action_id: NATIVE_ACTION.number,
        is_decimal_allowed: input.kind === 'number',
        ...(input.min === undefined ? {} : { min_value: String(input.min) }),
        ...(input.max === undefined ? {} : { max_value: String(input.max) }),
        dispatch_action_config: { trigger_actions_on: ['on_enter_pressed'] },
      },
    };
  }
  return undefined;
}

/** The button opening an application as a modal, on a summary (`data.application`). */
export function editFormButton(reply: OutgoingReply): types.Button | undefined {
  const application = reply.data?.application;
  if (!reply.intent.endsWith(':summary') || typeof application !== 'string') return undefined;
  return editButton(application, reply.lang);
}

/** « Modifier ma candidature »: opens the application's modal. */
export function editButton(application: string, lang: Lang): types.Button {
  return {
    type: 'button',
    action_id: NATIVE_ACTION.editForm,
    text: { type: 'plain_text', text: t(lang, EDIT_FORM) },
    value: application,
  };
}
