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
  const channel = String(posted.params.channel);
  const ts = String(posted.response?.ts);
  const blocks = posted.params.blocks as Array<{
    type: string;
    block_id?: string;
    elements?: PostedElement[];
  }>;
  const choices = blocks.find((b) => b.block_id === 'nec_choices');
  const elements = choices?.elements ?? [];
  const picks = [choose].flat();
  const common = {
    type: 'block_actions',
    team: { id: FAKE_TEAM, domain: 'nec' },
    user: { id: user, username: user.toLowerCase(), team_id: FAKE_TEAM },
    api_app_id: 'A0NEC',
    token: 'verification-token',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: `trigger-${Math.random()}`,
    channel: { id: channel, name: channel.startsWith('D') ? 'directmessage' : 'general' },
    message: { type: 'message', ts, text: posted.params.text, blocks, user: 'U0BOT' },
    response_url: responseUrl,
  };
  const actionTs = `${Date.now() / 1000}${Math.random().toString().slice(2, 6)}`;
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
      actions: [{ ...action, text: button.text, action_ts: actionTs }],
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
      actions: [{ ...action, selected_option: optionOf(picks[0] ?? ''), action_ts: actionTs }],
    };
  }
  const pick = elements.find((e) => e.action_id === 'nec_pick_many');
  if (!pick) throw new Error('the posted message has no choices');
  const selected = picks.map(optionOf);
  return {
    ...common,
    state: { values: { nec_choices: { nec_pick_many: { type: pick.type, selected_options: selected } } } },
    actions: [{ type: 'button', block_id: 'nec_choices', action_id: 'nec_submit', action_ts: actionTs }],
  };
}
