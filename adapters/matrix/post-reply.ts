/**
 * Posting on Matrix: a reply goes where it belongs — a private one to the person's DM (Matrix has no "only you
 * can see this"), one in a thread into the thread, quoting the question for clients that do not show threads —
 * then its files, each under a transaction id derived from the reply's, so a send made again (a retry, an
 * event taken over from a dead process) is shown once. Every file message is listed in the person's records,
 * so that `forget me` can redact it. Replies to a person spend short rate-limit waits here; scheduled
 * deliveries hand them to the delivery queue, which waits and sends again under the same job id.
 */
import type { MatrixClient } from 'matrix-bot-sdk';
import {
  type BotPort,
  type ConversationRef,
  type Delivery,
  type PersonRef,
  type Reply,
  RetryAfterError,
} from '../../src/core/port.ts';
import type { Posted } from './native-questions.ts';
import { fileContent, inThread, type MessageContent, noticeContent } from './render.ts';
import { rateLimitDelay, sendMessage, uploadFile } from './send.ts';
import { recordSentFile } from './sent-files.ts';

/** Rate-limit waits a reply to a person may spend in process; longer ones give up (the error is logged). */
const MAX_REPLY_WAIT_MS = 30_000;
const MAX_REPLY_ATTEMPTS = 3;

export class ReplyPoster {
  readonly #port: BotPort;
  readonly #client: () => MatrixClient;
  readonly #personOf: (userId: string) => PersonRef;

  /** `client`: the current sync session's client; `personOf`: the person a Matrix user id is. */
  constructor(port: BotPort, client: () => MatrixClient, personOf: (userId: string) => PersonRef) {
    this.#port = port;
    this.#client = client;
    this.#personOf = personOf;
  }

  /** A scheduled delivery, the job id as transaction id; a rate limit goes back to the queue to wait. */
  async deliver({ ref, reply, jobId }: Delivery): Promise<void> {
    try {
      await this.post(ref, reply, jobId);
    } catch (error) {
      const delay = rateLimitDelay(error);
      // The delivery queue waits and tries again with the same job id (so the same transaction id).
      if (delay !== undefined) throw new RetryAfterError(delay, 'matrix: M_LIMIT_EXCEEDED');
      throw error;
    }
  }

  /** Replies to a person are not scheduled jobs: a short rate-limit wait is spent here. */
  async withReplyRetries<T>(post: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await post();
      } catch (error) {
        const delay = rateLimitDelay(error);
        if (delay === undefined || delay > MAX_REPLY_WAIT_MS || attempt >= MAX_REPLY_ATTEMPTS) throw error;
        this.#port.metrics.platformRateLimitWaits.inc({ platform: 'matrix' });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Posts a reply (then its files) where it belongs, under `txnId`; in a thread it quotes `inReplyTo`. */
  async post(ref: ConversationRef, reply: Reply, txnId: string, inReplyTo?: string): Promise<Posted> {
    const client = this.#client();
    const toDm = (reply.toDirect || reply.ephemeral) && !ref.isDirect;
    const roomId = toDm || ref.roomId.startsWith('@') ? await this.#directRoom(ref) : ref.roomId;
    const threadId = toDm ? undefined : ref.threadId;
    const place = (content: MessageContent) => (threadId ? inThread(content, threadId, inReplyTo) : content);
    const eventId = await sendMessage(client, roomId, place(noticeContent(reply)), txnId);
    for (const [index, attachment] of (reply.attachments ?? []).entries()) {
      const data = Buffer.from(attachment.content);
      const url = await uploadFile(client, data, attachment.mimeType, attachment.filename);
      const content = place(fileContent(attachment, url));
      const fileId = await sendMessage(client, roomId, content, `${txnId}.file${index}`);
      // Listed in the person's records, so that `forget me` can redact it (the upload itself cannot be deleted).
      if (ref.userId)
        await recordSentFile(this.#port.personal, this.#personOf(ref.userId), { roomId, eventId: fileId });
    }
    return { roomId, eventId, txnId, threadId, place };
  }

  /** The person's DM room with the bot, created (and remembered in m.direct) when there is none yet. */
  #directRoom(ref: ConversationRef): Promise<string> {
    const userId = ref.userId ?? ref.roomId;
    if (!userId.startsWith('@')) throw new Error(`matrix: no user to write to directly in ${ref.roomId}`);
    return this.#client().dms.getOrCreateDm(userId);
  }
}
