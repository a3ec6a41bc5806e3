/**
 * Platform events are handled once: Slack retries an event it thinks was missed (`X-Slack-Retry-Num`), a
 * Matrix sync can replay one. The ids recently seen are kept per person in the shared store, so replicas
 * agree and "forget me" can drop them with one key.
 */
import type { Keyv } from 'keyv';
import type { UserKey } from '../store/user-records.ts';
import type { Middleware } from './bot.ts';
import type { Clock } from './clock.ts';

/** How long an event id is remembered: Slack retries within minutes, Matrix replays within a sync. */
const REMEMBER_MS = 60 * 60_000;
/** Event ids kept per person; a person's messages arrive one at a time, so a short list is enough. */
const KEEP = 50;

interface SeenEvents {
  ids: Array<{ id: string; at: number }>;
}

/** The store key holding a person's recently seen event ids. */
export function dedupKey(user: UserKey): string {
  return `dedup:${user}`;
}

export interface DedupOptions {
  kv: Keyv;
  clock: Clock;
  /** Called for every dropped duplicate (metrics). */
  onDuplicate?: (platform: string) => void;
}

/** Drops a message whose event id was already handled: no reply, no state change. */
export function dropDuplicateEvents({ kv, clock, onDuplicate }: DedupOptions): Middleware {
  return async (turn, next) => {
    const eventId = turn.message.eventId;
    if (!eventId) return next();
    const key = dedupKey(turn.user);
    const now = clock.now().getTime();
    const seen = ((await kv.get<SeenEvents>(key)) ?? { ids: [] }).ids.filter((e) => now - e.at < REMEMBER_MS);
    if (seen.some((e) => e.id === eventId)) {
      turn.discardState = true;
      onDuplicate?.(turn.message.ref.platform);
      return;
    }
    // Recorded before the turn runs, so a retry arriving while this one is still running is dropped too.
    await kv.set(key, { ids: [...seen.slice(-(KEEP - 1)), { id: eventId, at: now }] }, REMEMBER_MS);
    await next();
  };
}
