/**
 * The bot's posts carry, in their message metadata, what they are: a scheduled job (`nec_job`, its job id)
 * or one reply of a turn (`nec_reply`, the event answered and the reply's place among its replies). A post
 * whose outcome is unknown (a timeout, a reset, a 500, a process killed before it knew) is first looked for
 * by that mark among the conversation's recent messages, and sent again only if absent.
 */
import type { webApi } from '@slack/bolt';

/** Recent messages a post in doubt is looked for in: it was posted within minutes, at most a few hundred ago. */
const HISTORY_LOOKBACK = 200;

/** Message metadata naming one post (Slack keeps `event_payload`'s strings and numbers as given). */
export interface PostMark {
  event_type: string;
  event_payload: Record<string, string | number>;
}

/** A reminder's or broadcast's mark: its job id. */
export function jobMark(jobId: string): PostMark {
  return { event_type: 'nec_job', event_payload: { job_id: jobId } };
}

/** The mark of reply `index` (from 0) to the platform event `eventId`. */
export function replyMark(eventId: string, index: number): PostMark {
  return { event_type: 'nec_reply', event_payload: { event_id: eventId, reply: index } };
}

/** Where a post goes: a channel, or a thread of it; `token` when the client is not the workspace's own. */
export interface PostPlace {
  token?: string;
  channel: string;
  threadTs?: string;
}

/** Whether a message carrying `mark` is among the recent ones of the channel (or thread). */
export async function alreadyPosted(
  client: webApi.WebClient,
  place: PostPlace,
  mark: PostMark,
): Promise<boolean> {
  const query = {
    token: place.token,
    channel: place.channel,
    limit: HISTORY_LOOKBACK,
    include_all_metadata: true,
  };
  const page = place.threadTs
    ? await client.conversations.replies({ ...query, ts: place.threadTs })
    : await client.conversations.history(query);
  return (page.messages ?? []).some((m) => sameMark((m as { metadata?: unknown }).metadata, mark));
}

function sameMark(metadata: unknown, mark: PostMark): boolean {
  const found = metadata as { event_type?: unknown; event_payload?: Record<string, unknown> } | undefined;
  if (found?.event_type !== mark.event_type) return false;
  return Object.entries(mark.event_payload).every(
    ([key, value]) => String(found.event_payload?.[key]) === String(value),
  );
}
