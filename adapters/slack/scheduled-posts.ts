/**
 * Reminders and broadcasts posted at most once. Each post carries its job id in the message's metadata; a
 * job in doubt (an earlier post may have reached Slack unanswered: a timeout, a reset, a 500, a claim left by
 * a dead process) is first looked for among the conversation's recent messages, and posted only if absent.
 */
import type { webApi } from '@slack/bolt';
import { type Logger, RetryAfterError } from '../../src/core/port.ts';
import type { SlackMessage } from './render-blocks.ts';

/** The metadata event type that carries a scheduled message's job id. */
const JOB_EVENT = 'nec_job';
/** Recent messages a job in doubt is looked for in: it was posted within minutes, at most a few hundred ago. */
const HISTORY_LOOKBACK = 200;

/** Where a job is posted. */
export interface JobPlace {
  token: string;
  channel: string;
  threadTs?: string;
}

/** Posts `message` for `jobId`, unless it is in doubt and already in the conversation. */
export async function postJob(
  client: webApi.WebClient,
  place: JobPlace,
  job: { message: SlackMessage; jobId: string; inDoubt?: boolean },
  logger: Logger,
): Promise<void> {
  if (job.inDoubt && (await alreadyPosted(client, place, job.jobId))) {
    logger.info({ job: job.jobId }, 'slack: job in doubt found already posted; not sent again');
    return;
  }
  await client.chat.postMessage({
    token: place.token,
    channel: place.channel,
    thread_ts: place.threadTs,
    metadata: { event_type: JOB_EVENT, event_payload: { job_id: job.jobId } },
    ...job.message,
  });
}

/** Whether a message carrying `jobId` in its metadata is among the recent ones of the channel (or thread). */
async function alreadyPosted(client: webApi.WebClient, place: JobPlace, jobId: string): Promise<boolean> {
  const query = {
    token: place.token,
    channel: place.channel,
    limit: HISTORY_LOOKBACK,
    include_all_metadata: true,
  };
  const page = place.threadTs
    ? await client.conversations.replies({ ...query, ts: place.threadTs })
    : await client.conversations.history(query);
  return (page.messages ?? []).some((m) => {
    const metadata = (m as { metadata?: { event_type?: string; event_payload?: { job_id?: unknown } } })
      .metadata;
    return metadata?.event_type === JOB_EVENT && metadata.event_payload?.job_id === jobId;
  });
}

/** Slack's 429 (the client rejects rate-limited calls) as the scheduler's RetryAfterError; others unchanged. */
export function asRetryAfter(error: unknown): unknown {
  const retryAfter = (error as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof retryAfter === 'number'
    ? new RetryAfterError(retryAfter * 1000, (error as Error).message)
    : error;
}
