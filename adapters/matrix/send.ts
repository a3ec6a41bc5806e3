/**
 * Sending events with a transaction id of our choosing (the SDK's `sendEvent` makes up its own): the
 * homeserver treats a second PUT with the same id as the same event, so a retried delivery is never shown
 * twice. Encrypted rooms get the content encrypted first, as the SDK's `sendEvent` would.
 */
import { type MatrixClient, MatrixError } from 'matrix-bot-sdk';
import type { MessageContent } from './render.ts';

/**
 * How long a send may take: a homeserver answers in well under a second; the SDK's own default (60 s)
 * would hold a delivery slot for a minute. A send abandoned this way is retried with the same `txnId`.
 */
const SEND_TIMEOUT_MS = 10_000;

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
  const response: { event_id: string } = await client.doRequest('PUT', path, null, body, SEND_TIMEOUT_MS);
  return response.event_id;
}

/** Used when the homeserver rate-limits without saying for how long. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** How long the homeserver asks to wait (M_LIMIT_EXCEEDED), or undefined for any other error. */
export function rateLimitDelay(error: unknown): number | undefined {
  if (!(error instanceof MatrixError)) return undefined;
  if (error.errcode !== 'M_LIMIT_EXCEEDED' && error.statusCode !== 429) return undefined;
  return error.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
}
