/**
 * Platform events are handled once: Slack retries an event it thinks was missed (`X-Slack-Retry-Num`), a
 * Matrix sync can replay one. Each event id is claimed with one atomic set-if-absent in the shared store,
 * so of two replicas receiving the same event only one answers it. The key names the event, not the
 * person (platform event ids are unique), and expires on its own.
 */
import type { AtomicOps } from '../store/atomic.ts';
import type { Middleware } from './bot.ts';

/** How long an event id is remembered: Slack retries within minutes, Matrix replays within a sync. */
export const REMEMBER_MS = 60 * 60_000;

/** The key claiming an event id (a platform's event ids are unique within a workspace). */
export function eventKey(platform: string, workspace: string | undefined, eventId: string): string {
  return `dedup:${platform}:${workspace ?? '-'}:${eventId}`;
}

export interface DedupOptions {
  atomic: AtomicOps;
  /** Called for every dropped duplicate (metrics). */
  onDuplicate?: (platform: string) => void;
}

/** Drops a message whose event id was already handled: no reply, no state change. */
export function dropDuplicateEvents({ atomic, onDuplicate }: DedupOptions): Middleware {
  return async (turn, next) => {
    const eventId = turn.message.eventId;
    // A kept event was claimed when the inbox took it (src/ops/inbox.ts), with this same key.
    if (!eventId || turn.message.kept) return next();
    const { platform, workspace } = turn.message.ref;
    // Claimed before the turn runs, so a retry arriving while this one is still running is dropped too.
    if (!(await atomic.setIfAbsent(eventKey(platform, workspace, eventId), '1', REMEMBER_MS))) {
      turn.discardState = true;
      onDuplicate?.(platform);
      return;
    }
    await next();
  };
}
