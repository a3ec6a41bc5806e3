/**
 * Reminders and broadcasts posted at most once. Each post carries its job id in the message's metadata; a
 * job in doubt (an earlier post may have reached Slack unanswered: a timeout, a reset, a 500, a claim left by
 * a dead process) is first looked for among the conversation's recent messages, and posted only if absent
 * (post-marks.ts).
 */
import type { webApi } from '@slack/bolt';
import { type Logger, RetryAfterError } from '../../src/core/port.ts';
import { alreadyPosted, jobMark, type PostPlace } from './post-marks.ts';
import type { SlackMessage } from './render-blocks.ts';

/** Posts `message` for `jobId`, unless it is in doubt and already in the conversation. */
export async function postJob(
  client: webApi.WebClient,
  place: PostPlace,
  job: { message: SlackMessage; jobId: string; inDoubt?: boolean },
  logger: Logger,
): Promise<void> {
  if (job.inDoubt && (await alreadyPosted(client, place, jobMark(job.jobId)))) {
    logger.info({ job: job.jobId }, 'slack: job in doubt found already posted; not sent again');
    return;
  }
  await client.chat.postMessage({
    token: place.token,
    channel: place.channel,
    thread_ts: place.threadTs,
    metadata: jobMark(job.jobId),
    ...job.message,
  });
}

/** Slack's 429 (the client rejects rate-limited calls) as the scheduler's RetryAfterError; others unchanged. */
export function asRetryAfter(error: unknown): unknown {
  const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof retryAfter === 'number'
    ? new RetryAfterError(retryAfter * 1000, (error as Error).message)
    : error;
}
