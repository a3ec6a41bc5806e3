/**
 * Renders core replies as Slack Block Kit: Markdown becomes mrkdwn sections, choices become buttons, a
 * select or checkboxes, fields become section fields, dates and counts get native inputs
 * (native-inputs.ts), and a plain `text` fallback is always set.
 */
import type { types } from '@slack/bolt';
import { z } from 'zod';
import {
  type Choice,
  type Field,
  isOwnLink,
  type Lang,
  type Localized,
  type OutgoingReply,
  type Reply,
  t,
} from '../../src/core/port.ts';
import { answerInputBlock, editFormButton } from './native-inputs.ts';

type Block = types.KnownBlock;

/** Action ids the adapter listens to: one choice (button or select), a multi-choice pick, its submit button. */
export const ACTION = {
  choice: 'nec_choice',
  pickMany: 'nec_pick_many',
  submit: 'nec_submit',
} as const;

/** Block id of the block holding the choices, to find the picks in a click's `state.values`. */
export const CHOICES_BLOCK = 'nec_choices';
/** Block id of a summary's « Modifier ma candidature » button. */
const EDIT_BLOCK = 'nec_edit';

/** Slack's limits: section text, field text, fields per section, blocks per message, option labels. */
const LIMIT = { section: 3000, field: 2000, fields: 10, blocks: 50, label: 75, buttons: 5, checkboxes: 10 };
/** Slack shows the first ~4,000 characters of `text` in notifications; longer texts belong in blocks. */
const FALLBACK_LIMIT = 4000;

const SUBMIT: Localized = { fr: 'Valider', en: 'Submit' };
const PICK_ONE: Localized = { fr: 'Choisir…', en: 'Choose…' };
const PICK_MANY: Localized = { fr: 'Choisir une ou plusieurs options…', en: 'Choose one or more…' };
const CONFIRM_TITLE: Localized = { fr: 'Confirmer', en: 'Please confirm' };
const CONFIRM_YES: Localized = { fr: 'Oui, continuer', en: 'Yes, go ahead' };
const CONFIRM_NO: Localized = { fr: 'Non', en: 'No' };
const ANSWERED: Localized = { fr: 'Réponse : {answer}', en: 'Answer: {answer}' };
const VERDICT: Record<'true' | 'false' | 'null', Localized> = {
  true: { fr: '✅ Éligible', en: '✅ Eligible' },
  false: { fr: '❌ Non éligible', en: '❌ Not eligible' },
  null: { fr: '❔ À confirmer', en: '❔ Not settled yet' },
};

/** The verdict a summary carries in `data.verdict` (the rules' `verdictData`): eligibility per benefit. */
const verdictSchema = z.record(z.string(), z.looseObject({ eligible: z.boolean().nullable() }));

/** A rendered message: what `chat.postMessage` / `chat.update` / `respond` take. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** Escapes the three characters Slack reserves for its own markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Converts the core's Markdown subset to Slack mrkdwn: **bold**, *italic*, links, headings and lists. */
export function toMrkdwn(markdown: string): string {
  let result = '';
  let last = 0;
  for (const match of markdown.matchAll(LINK)) {
    result += convertInline(markdown.slice(last, match.index));
    const [whole, label = '', url = ''] = match;
    // Only the bot's own links are made live: one typed by a person (`[hi](!here)`, `[x](@U…)`) stays text.
    // A `|` or `>` would end Slack's link syntax early.
    result += isOwnLink(url)
      ? `<${url.replace(/[|>]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`
      : convertInline(whole);
    last = match.index + match[0].length;
  }
  return result + convertInline(markdown.slice(last));
}

function convertInline(markdown: string): string {
  const BOLD = '\u0000';
  return escapeMrkdwn(markdown)
    .replace(/^#{1,6}\s+(.+)$/gm, `${BOLD}$1${BOLD}`)
    .replace(/\*\*(.+?)\*\*/g, `${BOLD}$1${BOLD}`)
    .replace(/__(.+?)__/g, `${BOLD}$1${BOLD}`)
    .replace(/(?<![*\w])\*(?!\s)([^*\n]+?)\*(?![*\w])/g, '_$1_')
    .replace(/^(\s*)[-*]\s+/gm, '$1• ')
    .replaceAll(BOLD, '*');
}

/** Cuts a text into pieces of at most `limit` characters, at paragraph, then line, then word boundaries. */
export function splitText(text: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = [window.lastIndexOf('\n\n'), window.lastIndexOf('\n'), window.lastIndexOf(' ')].find(
      (i) => i > limit / 2,
    );
    const at = cut ?? limit;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function plain(text: string, limit = LIMIT.label): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, limit), emoji: true };
}

function option(choice: Choice): types.PlainTextOption {
  return { text: plain(choice.label), value: choice.id };
}

/** Whether clicking this choice cancels something or sends a broadcast: those ask "are you sure?" first. */
function isWeighty(reply: Reply, choice: Choice): boolean {
  if (choice.id === 'cancel') return true;
  return choice.id === 'yes' && /^confirm:.*(cancel|broadcast|forget|delete)/.test(reply.intent);
}

function confirmDialog(reply: Reply, lang: Lang): types.ConfirmationDialog {
  return {
    title: plain(t(lang, CONFIRM_TITLE), 24),
    text: { type: 'mrkdwn', text: truncate(toMrkdwn(reply.text), 300) },
    confirm: plain(t(lang, CONFIRM_YES), 30),
    deny: plain(t(lang, CONFIRM_NO), 30),
    style: 'danger',
  };
}

function choiceBlock(reply: Reply, choices: Choice[], lang: Lang): Block {
  if (reply.multiple) {
    const pick: types.Checkboxes | types.MultiStaticSelect =
      choices.length <= LIMIT.checkboxes
        ? { type: 'checkboxes', action_id: ACTION.pickMany, options: choices.map(option) }
        : {
            type: 'multi_static_select',
            action_id: ACTION.pickMany,
            placeholder: plain(t(lang, PICK_MANY), 150),
            options: choices.slice(0, 100).map(option),
          };
    const submit: types.Button = {
      type: 'button',
      action_id: ACTION.submit,
      text: plain(t(lang, SUBMIT)),
      style: 'primary',
    };
    return { type: 'actions', block_id: CHOICES_BLOCK, elements: [pick, submit] };
  }
  if (choices.length <= LIMIT.buttons) {
    const buttons = choices.map((choice, index): types.Button => {
      const button: types.Button = {
        type: 'button',
        // Action ids must be unique within a block.
        action_id: `${ACTION.choice}:${index}`,
        text: plain(choice.label),
        value: choice.id,
      };
      if (isWeighty(reply, choice)) {
        button.confirm = confirmDialog(reply, lang);
        button.style = 'danger';
      }
      return button;
    });
    return { type: 'actions', block_id: CHOICES_BLOCK, elements: buttons };
  }
  return {
    type: 'actions',
    block_id: CHOICES_BLOCK,
    elements: [
      {
        type: 'static_select',
        action_id: ACTION.choice,
        placeholder: plain(t(lang, PICK_ONE), 150),
        options: choices.slice(0, 100).map(option),
      },
    ],
  };
}

/** The verdict per benefit as section fields, named in the person's language when the name is known. */
function verdictFields(reply: OutgoingReply): Field[] {
  const verdict = verdictSchema.safeParse(reply.data?.verdict);
  if (!verdict.success) return [];
  return Object.entries(verdict.data).map(([id, entry]) => ({
    label: reply.benefitNames?.[id] ?? id,
    value: t(reply.lang, VERDICT[`${entry.eligible}`]),
  }));
}

function fieldBlocks(fields: Field[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += LIMIT.fields) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + LIMIT.fields).map((field) => ({
        type: 'mrkdwn',
        text: truncate(`*${escapeMrkdwn(field.label)}*\n${toMrkdwn(field.value)}`, LIMIT.field),
      })),
    });
  }
  return blocks;
}

/**
 * The Block Kit message for a reply; the few labels the renderer adds are in the reply's language, and a
 * summary's verdict shows as fields, one per benefit.
 */
export function renderReply(reply: OutgoingReply): SlackMessage {
  const { lang } = reply;
  const mrkdwn = toMrkdwn(reply.text);
  const blocks: Block[] = splitText(mrkdwn, LIMIT.section).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece },
  }));
  const fields = [...(reply.fields ?? []), ...verdictFields(reply)];
  if (fields.length > 0) blocks.push(...fieldBlocks(fields));
  const choices = reply.choices ?? [];
  const controls: Block[] = [];
  if (choices.length > 0) controls.push(choiceBlock(reply, choices, lang));
  const native = answerInputBlock(reply);
  if (native) controls.push(native);
  const edit = editFormButton(reply);
  if (edit) controls.push({ type: 'actions', block_id: EDIT_BLOCK, elements: [edit] });
  // Blocks beyond Slack's maximum are dropped, never the controls: they carry the conversation on.
  blocks.splice(LIMIT.blocks - controls.length);
  blocks.push(...controls);
  return { text: truncate(fallbackText(reply, mrkdwn), FALLBACK_LIMIT), blocks };
}

/** Notifications and screen readers read `text`: the message itself, then its fields (a summary's answers). */
function fallbackText(reply: Reply, mrkdwn: string): string {
  const fields = (reply.fields ?? []).map((f) => `${escapeMrkdwn(f.label)}: ${toMrkdwn(f.value)}`);
  return [mrkdwn.trim(), ...fields].filter((line) => line !== '').join('\n') || reply.intent;
}

/** The blocks of an answered question: its text kept, its buttons replaced by the answer given. */
export function answeredBlocks(blocks: Block[], answer: string, lang: Lang): Block[] {
  return [
    ...blocks.filter((block) => block.type !== 'actions' && block.type !== 'input'),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `✓ ${escapeMrkdwn(t(lang, ANSWERED, { answer }))}` }],
    },
  ];
}
