/**
 * Posting the core's replies to one incoming message where they belong: in the conversation, privately
 * (ephemeral, or the command's response URL), in the person's DM (with their files), and where the bot is not
 * a member, through the command's response URL; a welcome, to the newcomer alone or else in their DM. A 429 is waited out and tried again (nothing was posted);
 * anything else is the caller's. Posts are marked and looked for before being posted again; what leaves
 * nothing to look for (a private reply, a response URL's post, a file) is claimed in the store just before it
 * is sent, so an event taken over never sends it twice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RespondFn, webApi } from '@slack/bolt';
import type { OutgoingReply } from '../../src/core/port.ts';
import type { MappedMessage } from './incoming.ts';
import { alreadyPosted, replyMark } from './post-marks.ts';
import { renderReply, type SlackMessage } from './render-blocks.ts';

/** Replies that are errors of the person's own command: only they need to see them. */
const PRIVATE_INTENTS = new Set(['error', 'forbidden', 'too-long', 'empty', 'rate-limited']);
/** Slack errors meaning the bot cannot post there itself (not a member), where a response URL still can. */
const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found']);
/** Slack errors meaning an ephemeral message cannot reach the person in that channel: it goes to the DM. */
const NO_EPHEMERAL = new Set([...NOT_POSTABLE, 'restricted_action', 'ekm_access_denied', 'is_archived']);
/** How long a post to a response URL may take, as the Web API's calls (index.ts). */
const RESPOND_TIMEOUT_MS = 10_000;
/** How often a reply refused with a 429 is tried again (a 429 means nothing was posted). */
const REPLY_RATE_LIMIT_RETRIES = 2;

/** Where the replies to one incoming message go. */
export interface ReplyTarget {
  client: webApi.WebClient;
  workspace?: string;
  userId: string;
  channel: string;
  threadTs?: string;
  /** The response URL of a slash command or click: answers even where the bot is not a member. */
  respond?: RespondFn;
  /** Replies to a slash command keep its errors private. */
  fromCommand: boolean;
}

/**
 * The target of the replies to a message: its conversation and thread, the click's or command's response URL
 * (posted to by `respondTo`, bounded in time: Bolt's own `respond` has no timeout, and one response URL that
 * never answers would hold the turn, and its person's next ones, for minutes).
 */
export function replyTargetOf(
  message: Pick<MappedMessage, 'ref' | 'userId'>,
  client: webApi.WebClient,
  responseUrl?: string,
): ReplyTarget {
  return {
    client,
    workspace: message.ref.workspace,
    userId: message.userId,
    channel: message.ref.roomId,
    threadTs: message.ref.threadId,
    respond: responseUrl === undefined ? undefined : respondTo(responseUrl),
    fromCommand: false,
  };
}

/**
 * A response URL as Bolt's `respond` (a JSON POST), for an event kept with it and answered by another
 * process, which has no Bolt request to take it from.
 */
export function respondTo(responseUrl: string): RespondFn {
  return async (message) => {
    const body = typeof message === 'string' ? { text: message } : message;
    const response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(RESPOND_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`slack response URL answered ${response.status}`);
    return response;
  };
}

/** People's direct-message channels, opened once per person (conversations.open). */
export class DirectChannels {
  readonly #known = new Map<string, string>();

  async of(client: webApi.WebClient, workspace: string | undefined, userId: string, token?: string) {
    const key = `${workspace ?? '-'}:${userId}`;
    const known = this.#known.get(key);
    if (known) return known;
    const opened = await client.conversations.open({ users: userId, token });
    const id = opened.channel?.id;
    if (!id) throw new Error(`slack conversations.open returned no channel for ${userId}`);
    this.#known.set(key, id);
    return id;
  }

  forget(workspace: string | undefined, userId: string): void {
    this.#known.delete(`${workspace ?? '-'}:${userId}`);
  }
}

/**
 * Which reply of which event a post is: its message carries that mark, so that when the event is answered
 * again (`inDoubt`: taken over from a process that died while posting its replies) a reply already in the
 * conversation is not posted twice. A send with no history to look in is claimed first (`firstSend`, the
 * kept event's): once claimed, by this process or a dead one, it is not sent again.
 */
export interface ReplyPost {
  eventId: string;
  index: number;
  inDoubt: boolean;
  firstSend(step: string): Promise<boolean>;
}

/** Sends what cannot be looked for afterwards only if this is its first claim (always without `which`). */
async function once(which: ReplyPost | undefined, step: string, send: () => Promise<unknown>): Promise<void> {
  if (which && !(await which.firstSend(`${which.index}:${step}`))) return;
  await send();
}

/** Posts one reply to `target`; with `which`, marked, and in doubt only if not found already posted. */
export async function deliverReply(
  reply: OutgoingReply,
  target: ReplyTarget,
  directChannels: DirectChannels,
  which?: ReplyPost,
): Promise<void> {
  const rendered = renderReply(reply);
  const { client } = target;
  if (reply.toDirect || reply.attachments?.length) {
    const dm = await directChannels.of(client, target.workspace, target.userId);
    const destination = reply.toDirect
      ? { ...target, channel: dm, threadTs: undefined, respond: undefined }
      : target;
    if (reply.text.trim() || reply.choices?.length) await post(destination, rendered, which);
    // Slack keeps no trace of an upload to look for: each file is claimed, then uploaded.
    for (const [n, file] of (reply.attachments ?? []).entries()) {
      await once(which, `file:${n}`, () =>
        client.files.uploadV2({
          channel_id: dm,
          file: Buffer.from(file.content, 'utf8'),
          filename: file.filename,
          title: file.filename,
        }),
      );
    }
    return;
  }
  if (reply.ephemeral || (target.fromCommand && PRIVATE_INTENTS.has(reply.intent))) {
    const { respond } = target;
    await once(which, 'private', () =>
      respond
        ? respond({ response_type: 'ephemeral', ...rendered })
        : client.chat.postEphemeral({
            channel: target.channel,
            user: target.userId,
            thread_ts: target.threadTs,
            ...rendered,
          }),
    );
    return;
  }
  await post(target, rendered, which);
}

/**
 * Posts as the bot (marked as `which` reply); where it is not a member, a command's response URL posts in its
 * name instead. Ephemeral messages and response URLs have no history to look in: only posts are marked, the
 * response URL's post is claimed before it is sent.
 */
async function post(target: ReplyTarget, message: SlackMessage, which?: ReplyPost): Promise<void> {
  const place = { channel: target.channel, threadTs: target.threadTs };
  const mark = which && replyMark(which.eventId, which.index);
  const { respond } = target;
  const inChannel = (by: RespondFn) =>
    once(which, 'respond', () => by({ response_type: 'in_channel', ...message }));
  try {
    if (mark && which.inDoubt && (await alreadyPosted(target.client, place, mark))) return;
  } catch (error) {
    // No history to read where the bot is not a member: the reply could only have gone by the response URL.
    if (respond && NOT_POSTABLE.has(slackErrorCode(error) ?? '')) return inChannel(respond);
    throw error;
  }
  try {
    await afterRateLimits(() =>
      target.client.chat.postMessage({
        channel: place.channel,
        thread_ts: place.threadTs,
        ...message,
        ...(mark ? { metadata: mark } : {}),
      }),
    );
  } catch (error) {
    if (!respond || !NOT_POSTABLE.has(slackErrorCode(error) ?? '')) throw error;
    await inChannel(respond);
  }
}

/**
 * Shows `message` to one person alone in a channel (ephemeral); where Slack cannot show it there (posting
 * restricted, archived, the bot not a member…), in their DM instead. A welcome's way: it has no event to mark.
 */
export async function whisperOrDirect(
  client: webApi.WebClient,
  directChannels: DirectChannels,
  to: { workspace?: string; channel: string; userId: string },
  message: SlackMessage,
): Promise<void> {
  try {
    await afterRateLimits(() =>
      client.chat.postEphemeral({ channel: to.channel, user: to.userId, ...message }),
    );
  } catch (error) {
    if (!NO_EPHEMERAL.has(slackErrorCode(error) ?? '')) throw error;
    const dm = await directChannels.of(client, to.workspace, to.userId);
    await afterRateLimits(() => client.chat.postMessage({ channel: dm, ...message }));
  }
}

/** The `error` field of a Slack Web API error response, if the error is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Runs a post, waiting out and retrying a 429 (nothing was posted); any other failure is the caller's. */
export async function afterRateLimits<T>(post: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await post();
    } catch (error) {
      const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
      if (typeof retryAfter !== 'number' || attempt >= REPLY_RATE_LIMIT_RETRIES) throw error;
      await sleep(Math.min(retryAfter, 30) * 1000);
    }
  }
}
