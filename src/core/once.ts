/**
 * What a turn adds to the shared counters (the unanswered log, the dialog funnel, the activity charts, the
 * rate limit) is added once per platform event. The counters are added to during the turn, while a kept
 * event's replies are saved only with the turn's final write (src/ops/inbox.ts): a process killed in between
 * leaves the event to another replica, which runs the turn again. Each addition therefore carries a marker
 * naming the event and the counter, set in the same atomic step as the addition (`AtomicOps.incrementOnce`),
 * so the turn run again adds nothing and sees the figures the first run saw. Two counters of one event both
 * count; one counter is added to once per event, so a turn adds its total to it in one call.
 */
import { createHash } from 'node:crypto';
import type { AtomicOps } from '../store/atomic.ts';
import { eventKey, REMEMBER_MS } from './dedup.ts';
import type { IncomingMessage } from './message.ts';

/** The platform event a turn answers; undefined when the message has none (the terminal, scripts). */
export type TurnEvent = string | undefined;

export function turnEvent(message: IncomingMessage): TurnEvent {
  const { eventId, ref } = message;
  return eventId ? eventKey(ref.platform, ref.workspace, eventId) : undefined;
}

/**
 * Adds `by` to the counter `key` once for `event` (each time when there is no event, nothing being run
 * twice then) and returns the value that addition gave. The marker lasts as long as the inbox may hand the
 * event over again.
 */
export function addOnce(
  atomic: AtomicOps,
  event: TurnEvent,
  key: string,
  by = 1,
  ttlMs?: number,
): Promise<number> {
  if (event === undefined) return atomic.increment(key, by, ttlMs);
  // A digest: the counter's key may name a person (the rate limit's), the marker need not repeat it.
  const marker = `once:${createHash('sha256').update(`${event}\n${key}`).digest('base64url').slice(0, 22)}`;
  return atomic.incrementOnce({ marker, ttlMs: REMEMBER_MS }, key, by, ttlMs);
}
