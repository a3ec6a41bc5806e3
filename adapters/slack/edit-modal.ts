/**
 * « Modifier ma candidature » as a Slack modal: every answer of the application as an input of its kind
 * (text, number field, date picker, select, checkboxes), pre-filled; and the submitted view read back as
 * the texts the chat would have received, for the core to check with the same parsers.
 */
import type { types } from '@slack/bolt';
import { z } from 'zod';
import {
  type ApplicationForm,
  type Choice,
  type FormField,
  type Localized,
  t,
  withoutMarkdown,
} from '../../src/core/port.ts';

/** The modal's callback id, which the submission listener matches. */
export const EDIT_VIEW = 'nec_edit_application';
/** Every input's action id: the block id is the slot. */
const VALUE = 'value';

/** Slack's limits: modal title, button labels, input labels and hints, option labels, options per select. */
const LIMIT = { title: 24, button: 24, label: 2000, hint: 2000, option: 75, options: 100, checkboxes: 10 };

const TEXT = {
  title: { fr: 'Ma candidature', en: 'My application' },
  save: { fr: 'Enregistrer', en: 'Save' },
  cancel: { fr: 'Annuler', en: 'Cancel' },
  intro: {
    fr: '*{title}* (`{id}`) — changez ce que vous voulez, puis « Enregistrer » : je vérifie chaque réponse comme dans la conversation et réévalue la candidature.',
    en: '*{title}* (`{id}`) — change what you like, then “Save”: I check each answer as in the conversation and evaluate the application again.',
  },
  pick: { fr: 'Choisir…', en: 'Choose…' },
} satisfies Record<string, Localized>;

/** What the modal keeps for its submission: which application, and where the person's DM is. */
const metadataSchema = z.object({ application: z.string(), channel: z.string() });
export type EditMetadata = z.infer<typeof metadataSchema>;

function plain(text: string, limit: number): types.PlainTextElement {
  return { type: 'plain_text', text: text.length <= limit ? text : `${text.slice(0, limit - 1)}…` };
}

function option(choice: Choice): types.PlainTextOption {
  return { text: plain(choice.label, LIMIT.option), value: choice.id };
}

/** The input element of a field, pre-filled with its answer. */
function element(field: FormField, form: ApplicationForm): types.InputBlock['element'] {
  const { input, value } = field;
  const single = typeof value === 'string' ? value : undefined;
  const choices = (field.choices ?? []).slice(0, LIMIT.options);
  switch (input.kind) {
    case 'date':
      return { type: 'datepicker', action_id: VALUE, ...(single ? { initial_date: single } : {}) };
    case 'integer':
    case 'number':
    case 'money':
      return {
        type: 'number_input',
        action_id: VALUE,
        is_decimal_allowed: input.kind !== 'integer',
        ...(single ? { initial_value: single } : {}),
        ...(input.min === undefined ? {} : { min_value: String(input.min) }),
        ...(input.max === undefined ? {} : { max_value: String(input.max) }),
      };
    case 'boolean':
    case 'choice': {
      const initial = choices.find((c) => c.id === single);
      return {
        type: 'static_select',
        action_id: VALUE,
        placeholder: plain(t(form.lang, TEXT.pick), 150),
        options: choices.map(option),
        ...(initial ? { initial_option: option(initial) } : {}),
      };
    }
    case 'multi': {
      const picked = choices.filter((c) => Array.isArray(value) && value.includes(c.id)).map(option);
      const initial = picked.length > 0 ? { initial_options: picked } : {};
      return choices.length <= LIMIT.checkboxes
        ? { type: 'checkboxes', action_id: VALUE, options: choices.map(option), ...initial }
        : { type: 'multi_static_select', action_id: VALUE, options: choices.map(option), ...initial };
    }
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: VALUE,
        multiline: true,
        ...(single ? { initial_value: single } : {}),
      };
  }
}

/** The modal of an application's form; `channel` is where the saved form's replies go (the person's DM). */
export function editModal(form: ApplicationForm, channel: string): types.ModalView {
  const { lang } = form;
  const metadata: EditMetadata = { application: form.applicationId, channel };
  return {
    type: 'modal',
    callback_id: EDIT_VIEW,
    private_metadata: JSON.stringify(metadata),
    title: plain(t(lang, TEXT.title), LIMIT.title),
    submit: plain(t(lang, TEXT.save), LIMIT.button),
    close: plain(t(lang, TEXT.cancel), LIMIT.button),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: t(lang, TEXT.intro, { title: form.title, id: form.applicationId }) },
      },
      ...form.fields.map(
        (field): types.InputBlock => ({
          type: 'input',
          block_id: field.slot,
          optional: field.optional,
          label: plain(field.label, LIMIT.label),
          hint: plain(withoutMarkdown(field.prompt), LIMIT.hint),
          element: element(field, form),
        }),
      ),
    ],
  };
}

/** The modal's metadata, or undefined when it is not one of ours (or was tampered with). */
export function editMetadata(privateMetadata: string): EditMetadata | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(privateMetadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** One input's state in a submitted view, whatever its element. */
interface InputState {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: Array<{ value?: string }>;
}

/** A submitted view's inputs as the texts the chat reads: a date, a number, choice ids comma-separated. */
export function submittedValues(
  values: Record<string, Record<string, InputState>>,
): Record<string, string | undefined> {
  const read = (state: InputState | undefined): string | undefined => {
    if (!state) return undefined;
    if (state.selected_options) return state.selected_options.map((o) => o.value ?? '').join(',');
    if (state.selected_option !== undefined) return state.selected_option?.value ?? undefined;
    if (state.selected_date !== undefined) return state.selected_date ?? undefined;
    return state.value ?? undefined;
  };
  return Object.fromEntries(Object.entries(values).map(([slot, inputs]) => [slot, read(inputs[VALUE])]));
}
