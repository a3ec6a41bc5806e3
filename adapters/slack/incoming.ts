/**
 * Maps Slack events (slash command, DM message, mention, button click, someone joining a channel) to the
 * core's incoming messages and joins. Pure functions: what is not for the bot (bot messages, edits, checkbox
 * toggles, the bot's own join) maps to `undefined`.
 */
import type { BlockAction, SlashCommand } from '@slack/bolt';
import { z } from 'zod';
import type { ConversationRef, IncomingMessage, MemberJoin } from '../../src/core/port.ts';
import { answeredQuestion } from './native-inputs.ts';
import { ACTION, CHOICES_BLOCK } from './render-blocks.ts';

/** What the mapping reads of a `message` or `app_mention` event (Bolt types these as wide unions). */
export const slackMessageEventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string(),
  channel: z.string(),
  channel_type: z.string().optional(),
  thread_ts: z.string().optional(),
  edited: z.unknown().optional(),
});

export type SlackMessageEvent = z.infer<typeof slackMessageEventSchema>;

/** A message for the core, without what the adapter adds after looking the person up (role, time zone). */
export type MappedMessage = Omit<IncomingMessage, 'isManager' | 'timezone' | 'langHint'>;

/**
 * Slack's message markup read back as typed: links as their text, entities decoded, mentions as `@id`, and
 * channel mentions as `#<channel id>` — the id, not the name, so a broadcast reaches that very channel
 * (private ones included, and after a rename).
 */
export function fromSlackText(text: string): string {
  return text
    .replace(/<mailto:[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<((?:https?|ftp):[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|ftp):[^>]+)>/g, '$1')
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<#([A-Z0-9]+)(?:\|[^>]*)?>/g, '#$1')
    .replace(/<!(here|channel|everyone)[^>]*>/g, '@$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Slack's message timestamps are unix seconds with a sequence suffix ("1700000000.000100"). */
function slackTime(ts: string, fallback: Date): Date {
  const seconds = Number.parseFloat(ts);
  return Number.isFinite(seconds) ? new Date(seconds * 1000) : fallback;
}

/** Direct-message channel ids start with `D`; Slack names the channel `directmessage` in slash commands. */
function isDirectChannel(channelId: string, channelName?: string): boolean {
  return channelId.startsWith('D') || channelName === 'directmessage';
}

/** `/nec <text>`: the command's own words are already gone; its response URL answers where it was typed. */
export function fromSlashCommand(command: SlashCommand, now: Date): MappedMessage {
  const ref: ConversationRef = {
    platform: 'slack',
    workspace: command.team_id,
    roomId: command.channel_id,
    userId: command.user_id,
    isDirect: isDirectChannel(command.channel_id, command.channel_name),
  };
  return {
    ref,
    userId: command.user_id,
    userName: command.user_name,
    text: fromSlackText(command.text),
    eventId: `command:${command.trigger_id}`,
    timestamp: now,
  };
}

/** Whether a message event is a person writing (not a bot, not an edit, deletion or join notice). */
function isPersonWriting(event: SlackMessageEvent): event is SlackMessageEvent & { user: string } {
  return (
    event.user !== undefined &&
    event.bot_id === undefined &&
    event.edited === undefined &&
    (event.subtype === undefined || event.subtype === 'thread_broadcast')
  );
}

/** A direct message to the bot; channel messages reach the bot only through mentions. */
export function fromDirectMessage(
  event: SlackMessageEvent,
  teamId: string,
  eventId: string,
  now: Date,
): MappedMessage | undefined {
  if (event.channel_type !== 'im' || !isPersonWriting(event)) return undefined;
  return {
    ref: {
      platform: 'slack',
      workspace: teamId,
      roomId: event.channel,
      userId: event.user,
      isDirect: true,
      threadId: event.thread_ts,
    },
    userId: event.user,
    text: fromSlackText(event.text ?? ''),
    eventId,
    timestamp: slackTime(event.ts, now),
  };
}

/** `@nec-bot …` in a channel: the mention is dropped and the answer goes into the message's thread. */
export function fromMention(
  event: SlackMessageEvent,
  teamId: string,
  eventId: string,
  botUserId: string | undefined,
  now: Date,
): MappedMessage | undefined {
  if (!isPersonWriting(event)) return undefined;
  const withoutMention = botUserId
    ? (event.text ?? '').replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g'), ' ')
    : (event.text ?? '');
  return {
    ref: {
      platform: 'slack',
      workspace: teamId,
      roomId: event.channel,
      userId: event.user,
      isDirect: false,
      threadId: event.thread_ts ?? event.ts,
    },
    userId: event.user,
    text: fromSlackText(withoutMention),
    eventId,
    timestamp: slackTime(event.ts, now),
  };
}

/** A click that answers a question: the message for the core and the label to show on the answered message. */
export interface ClickedAnswer {
  message: MappedMessage;
  /** What the person picked, as shown to them (labels, comma-separated). */
  label: string;
}

interface PickedOption {
  value?: string;
  text?: { text?: string };
}

/** The options picked in the multi-choice block of the clicked message (its `state.values`). */
function pickedOptions(body: BlockAction): PickedOption[] {
  const state = body.state?.values[CHOICES_BLOCK]?.[ACTION.pickMany];
  return (state?.selected_options ?? []) as PickedOption[];
}

/**
 * A button press, a pick in a select, or the submit button of checkboxes, as the same text a typed answer
 * gives (`text = choice id`, several ids comma-separated); a date picked or a number entered as the text
 * typed, naming the question it answers. Checkbox toggles themselves map to `undefined`.
 */
export function fromBlockAction(body: BlockAction, now: Date): ClickedAnswer | undefined {
  const action = body.actions[0];
  const channel = body.channel?.id ?? body.container.channel_id;
  if (!action || typeof channel !== 'string') return undefined;
  const native = nativeAnswer(action);
  if (native !== undefined) {
    const answering = answeredQuestion(action.block_id);
    if (!answering || native === '') return undefined;
    const message: MappedMessage = {
      ...clickMessage(body, channel, action.action_ts, now),
      text: native,
      answering,
    };
    return { message, label: native };
  }
  let picked: PickedOption[];
  if (action.type === 'button' && action.action_id === ACTION.submit) picked = pickedOptions(body);
  else if (action.type === 'button') picked = [{ value: action.value, text: action.text }];
  else if (action.type === 'static_select') picked = [action.selected_option];
  else return undefined;
  const ids = picked.map((p) => p.value).filter((v): v is string => typeof v === 'string' && v !== '');
  const choiceId = ids.length > 0 ? ids.join(',') : undefined;
  const message: MappedMessage = {
    ...clickMessage(body, channel, action.action_ts, now),
    text: choiceId ?? '',
    choiceId,
  };
  const label = picked.map((p) => p.text?.text ?? p.value ?? '').join(', ');
  return { message, label };
}

/** What any interaction in a message says of where it happened and who acted. */
function clickMessage(body: BlockAction, channel: string, actionTs: string, now: Date): MappedMessage {
  return {
    ref: {
      platform: 'slack',
      workspace: body.team?.id ?? body.user.team_id,
      roomId: channel,
      userId: body.user.id,
      isDirect: isDirectChannel(channel, body.channel?.name),
      threadId: typeof body.message?.thread_ts === 'string' ? body.message.thread_ts : undefined,
    },
    userId: body.user.id,
    userName: body.user.name ?? body.user.username,
    text: '',
    eventId: `action:${actionTs}`,
    timestamp: now,
  };
}

/** The answer a datepicker or a number field gives, as typed text; undefined for other elements. */
function nativeAnswer(action: BlockAction['actions'][number]): string | undefined {
  if (action.type === 'datepicker') return action.selected_date ?? '';
  const raw = action as { type: string; value?: unknown };
  if (raw.type === 'number_input') return typeof raw.value === 'string' ? raw.value.trim() : '';
  return undefined;
}

/** What the mapping reads of a `member_joined_channel` event. */
export const slackJoinEventSchema = z.object({
  user: z.string(),
  channel: z.string(),
  team: z.string().optional(),
});

/** Someone joined a channel the bot is in (its own join, when it is added to a channel, is not a newcomer's). */
export function fromMemberJoined(
  event: z.infer<typeof slackJoinEventSchema>,
  teamId: string,
  eventId: string,
  botUserId: string | undefined,
  now: Date,
): MemberJoin | undefined {
  if (event.user === botUserId) return undefined;
  return {
    ref: { platform: 'slack', workspace: teamId, roomId: event.channel, userId: event.user, isDirect: false },
    userId: event.user,
    eventId,
    timestamp: now,
  };
}
