/**
 * Sending events with a transaction id of our choosing (the SDK's `sendEvent` makes up its own): the
 * homeserver treats a second PUT with the same id as the same event, so a send whose answer was lost (the
 * connection dropped, a 5xx, a timeout) is sent again at once under the same id — shown once, and what comes
 * after it (a file after its notice) still goes out. Encrypted rooms get the content encrypted first, as the
 * SDK's `sendEvent` would. Files are uploaded with a bound as well.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type MatrixClient, MatrixError } from 'matrix-bot-sdk';
import type { MessageContent } from './render.ts';

/**
 * How long a send may take: a homeserver answers in well under a second; the SDK's own default (60 s)
 * would hold a delivery slot for a minute.
 */
const SEND_TIMEOUT_MS = 10_000;
/** An upload carries a file (`my data`'s export, an `.ics`): a little longer than a send. */
const UPLOAD_TIMEOUT_MS = 15_000;
/** Tries of one send or upload whose answer was lost, and the pause between two. */
const LOST_ANSWER_ATTEMPTS = 3;
const LOST_ANSWER_PAUSE_MS = 500;

/** Sends one `m.room.message` as transaction `txnId`; resolves with the event id. */
export function sendMessage(
  client: MatrixClient,
  roomId: string,
  content: MessageContent,
  txnId: string,
): Promise<string> {
  return sendEvent(client, roomId, 'm.room.message', content, txnId);
}

/** Sends one room event of any type (a poll, a reaction) as transaction `txnId`; resolves with the event id. */
export async function sendEvent(
  client: MatrixClient,
  roomId: string,
  eventType: string,
  content: MessageContent,
  txnId: string,
): Promise<string> {
  let type = eventType;
  let body: unknown = content;
  if (client.crypto && (await client.crypto.isRoomEncrypted(roomId))) {
    body = await client.crypto.encryptRoomEvent(roomId, type, content);
    type = 'm.room.encrypted';
  }
  const path = `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${type}/${encodeURIComponent(txnId)}`;
  const response: { event_id: string } = await againIfLost(() =>
    client.doRequest('PUT', path, null, body, SEND_TIMEOUT_MS),
  );
  return response.event_id;
}

/**
 * Uploads a file; resolves with its `mxc://` URI. An upload whose answer was lost is made again: the first
 * copy stays unreferenced on the media store, nobody sees it.
 */
export async function uploadFile(
  client: MatrixClient,
  data: Buffer,
  mimeType: string,
  filename: string,
): Promise<string> {
  const response: { content_uri: string } = await againIfLost(() =>
    client.doRequest(
      'POST',
      '/_matrix/media/v3/upload',
      { filename },
      data,
      UPLOAD_TIMEOUT_MS,
      false,
      mimeType,
    ),
  );
  return response.content_uri;
}

/** Runs `call` again while its answer was lost (see `answerLost`), up to LOST_ANSWER_ATTEMPTS in all. */
async function againIfLost<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!answerLost(error) || attempt >= LOST_ANSWER_ATTEMPTS) throw error;
      await sleep(LOST_ANSWER_PAUSE_MS);
    }
  }
}

/**
 * True when the homeserver may have carried the request out without the bot knowing: no answer (a reset, a
 * timeout) or a server error. A refusal (4xx, a rate limit) was answered: it is not tried again here.
 */
function answerLost(error: unknown): boolean {
  const status = error instanceof MatrixError ? error.statusCode : statusOf(error);
  return status === undefined || status >= 500;
}

/** The status of a non-JSON error answer, which the SDK throws as the response itself. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Used when the homeserver rate-limits without saying for how long. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** How long the homeserver asks to wait (M_LIMIT_EXCEEDED), or undefined for any other error. */
export function rateLimitDelay(error: unknown): number | undefined {
  if (!(error instanceof MatrixError)) return undefined;
  if (error.errcode !== 'M_LIMIT_EXCEEDED' && error.statusCode !== 429) return undefined;
  return error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
}
