/**
 * Requests as Slack sends them to an app's HTTP receiver, signed with the signing secret: slash commands and
 * interactions form-encoded (interactions as `payload=<json>`), events as JSON.
 */
import { createHmac } from 'node:crypto';
import { FAKE_TEAM } from './fake-slack-api.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SignedPostOptions {
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Signs with another secret, to test refusal. */
  secret?: string;
  /** Slack's retry headers, as on a redelivered event. */
  retryNum?: number;
}

/** The `x-slack-signature` of a body: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`. */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** POSTs a signed body to the receiver's events endpoint. */
export async function signedPost(
  baseUrl: string,
  body: string,
  contentType: string,
  options: SignedPostOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.secret ?? SIGNING_SECRET, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

/** A slash command as Slack posts it. */
export function slashCommandBody(fields: {
  text: string;
  user: string;
  channel: string;
  responseUrl: string;
  triggerId?: string;
}): string {
  return new URLSearchParams({
    token: 'verification-token',
    team_id: FAKE_TEAM,
    team_domain: 'nec',
    channel_id: fields.channel,
    channel_name: fields.channel.startsWith('D') ? 'directmessage' : 'general',
    user_id: fields.user,
    user_name: fields.user.toLowerCase(),
    command: '/nec',
    text: fields.text,
    api_app_id: 'A0NEC',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `trigger-${Math.random()}`,
  }).toString();
}

/** An Events API envelope around `event`. */
export function eventBody(event: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    token: 'verification-token',
    team_id: FAKE_TEAM,
    api_app_id: 'A0NEC',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: FAKE_TEAM, user_id: 'U0BOT', is_bot: true }],
    event,
  });
}

/** An interaction (`block_actions`) as Slack posts it: form-encoded `payload=<json>`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

interface PostedElement {
  type: string;
  action_id: string;
  value?: string;
  text?: { text: string };
  options?: Array<{ value: string; text: { text: string } }>;
}

/**
 * The `block_actions` payload of `user` answering the choices of a message the bot posted (as recorded by the
 * fake API): a button press, a pick in a select, or ticked checkboxes and their submit button.
 */
export function clickPayload(
  posted: { params: Record<string, unknown>; response?: Record<string, unknown> },
  user: string,
  choose: string | string[],
  responseUrl: string,
): Record<string, unknown> {
  const blocks = posted.params.blocks as Array<{
    type: string;
    block_id?: string;
    elements?: PostedElement[];
  }>;
  const choices = blocks.find((b) => b.block_id === 'nec_choices');
  const elements = choices?.elements ?? [];
  const picks = [choose].flat();
  const common = { ...actor(user), ...inMessage(posted, responseUrl) };
  const at = actionTs();
  const button = elements.find((e) => e.type === 'button' && e.value === picks[0]);
  if (button) {
    const action = {
      type: 'button',
      block_id: 'nec_choices',
      action_id: button.action_id,
      value: button.value,
    };
    return {
      ...common,
      actions: [{ ...action, text: button.text, action_ts: at }],
      state: { values: {} },
    };
  }
  const select = elements.find((e) => e.type === 'static_select');
  const optionOf = (id: string) => {
    const found = [select, ...elements].flatMap((e) => e?.options ?? []).find((o) => o.value === id);
    if (!found) throw new Error(`no choice ${id} in the posted message`);
    return found;
  };
  if (select) {
    const action = { type: 'static_select', block_id: 'nec_choices', action_id: select.action_id };
    return {
      ...common,
      actions: [{ ...action, selected_option: optionOf(picks[0] ?? ''), action_ts: at }],
    };
  }
  const pick = elements.find((e) => e.action_id === 'nec_pick_many');
  if (!pick) throw new Error('the posted message has no choices');
  const selected = picks.map(optionOf);
  return {
    ...common,
    state: { values: { nec_choices: { nec_pick_many: { type: pick.type, selected_options: selected } } } },
    actions: [{ type: 'button', block_id: 'nec_choices', action_id: 'nec_submit', action_ts: at }],
  };
}

/** Who acts in an interaction payload, in the fake's workspace. */
function actor(user: string) {
  return {
    type: 'block_actions',
    team: { id: FAKE_TEAM, domain: 'nec' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: FAKE_TEAM },
    api_app_id: 'A0NEC',
    token: 'verification-token',
    trigger_id: `trigger-${Math.random()}`,
  };
}

/** Where an interaction with a posted message happened: its channel, the message, its response URL. */
function inMessage(
  posted: { params: Record<string, unknown>; response?: Record<string, unknown> },
  responseUrl: string,
) {
  const channel = String(posted.params.channel);
  const ts = String(posted.response?.ts);
  return {
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
    message: { type: 'message', ts, text: posted.params.text, blocks: posted.params.blocks, user: 'U0BOT' },
    response_url: responseUrl,
  };
}

function actionTs(): string {
  return `${Date.now() / 1000}${Math.random().toString().slice(2, 6)}`;
}

/**
 * The `block_actions` payload of `user` using the native input of a message the bot posted: picking a date
 * in its datepicker, or typing a number in its number field and pressing Enter.
 */
export function nativeInputPayload(
  posted: { params: Record<string, unknown>; response?: Record<string, unknown> },
  user: string,
  answer: { date: string } | { number: string },
  responseUrl: string,
): Record<string, unknown> {
  const blocks = posted.params.blocks as Array<{ type: string; block_id?: string }>;
  const block = blocks.find((b) => b.block_id?.startsWith('nec_answer:'));
  if (!block) throw new Error('the posted message has no native input');
  const action =
    'date' in answer
      ? { type: 'datepicker', action_id: 'nec_date', selected_date: answer.date }
      : { type: 'number_input', action_id: 'nec_number', value: answer.number };
  return {
    ...actor(user),
    ...inMessage(posted, responseUrl),
    actions: [{ ...action, block_id: block.block_id, action_ts: actionTs() }],
    state: { values: {} },
  };
}

/** The `block_actions` payload of `user` pressing the button of `actionId` in a view (the App Home). */
export function viewButtonPayload(
  view: { blocks: Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }> },
  user: string,
  actionId: string,
): Record<string, unknown> {
  const button = view.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId} in the view`);
  return {
    ...actor(user),
    container: { type: 'view', view_id: 'V1' },
    view: { id: 'V1', type: 'home', blocks: view.blocks },
    actions: [
      { type: 'button', block_id: 'b', action_id: actionId, value: button.value, action_ts: actionTs() },
    ],
  };
}

/** The `view_submission` payload of `user` saving a modal the bot opened, with `values` by block id. */
export function viewSubmissionPayload(
  view: { id?: string; callback_id?: string; private_metadata?: string },
  user: string,
  values: Record<string, Record<string, unknown>>,
): Record<string, unknown> {
  return {
    ...actor(user),
    type: 'view_submission',
    view: {
      id: view.id ?? 'V-modal',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      hash: `h${Math.random()}`,
      state: {
        values: Object.fromEntries(Object.entries(values).map(([block, state]) => [block, { value: state }])),
      },
    },
  };
}

/**
 * The state Slack submits for a modal left as the bot opened it: each input's initial value, as its element
 * reports it (a text, a number, a picked date, a selected option, ticked options); `changes` replace some.
 */
export function modalState(
  view: { blocks: Array<{ type: string; block_id?: string; element?: Record<string, unknown> }> },
  changes: Record<string, string | string[]> = {},
): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    const element = block.element as
      | {
          type: string;
          initial_value?: string;
          initial_date?: string;
          initial_option?: { value: string };
          initial_options?: Array<{ value: string }>;
        }
      | undefined;
    if (block.type !== 'input' || !block.block_id || !element) continue;
    const changed = changes[block.block_id];
    const { type } = element;
    if (type === 'datepicker')
      state[block.block_id] = { type, selected_date: (changed as string) ?? element.initial_date ?? null };
    else if (type === 'static_select') {
      const value = (changed as string) ?? element.initial_option?.value;
      state[block.block_id] = { type, selected_option: value ? { value } : null };
    } else if (type === 'checkboxes' || type === 'multi_static_select') {
      const values = (changed as string[]) ?? (element.initial_options ?? []).map((o) => o.value);
      state[block.block_id] = { type, selected_options: values.map((value) => ({ value })) };
    } else state[block.block_id] = { type, value: (changed as string) ?? element.initial_value ?? null };
  }
  return state;
}
