/**
 * Per-person rate limit on the chat platforms: a flood gets one polite "slow down", not a reply each.
 * The counter is one atomic increment in the shared store, so replicas count every message. The terminal
 * and the scripting interface are trusted (the operator's own input) and never limited.
 */
import type { AtomicOps } from '../store/atomic.ts';
import { personDigest, type UserKey } from '../store/user-records.ts';
import type { Middleware } from './bot.ts';
import type { Clock } from './clock.ts';
import { addOnce, turnEvent } from './once.ts';

/** Messages a person may send per window before being asked to slow down. */
export const RATE_LIMIT_MESSAGES = 10;
/** The window, in milliseconds. */
export const RATE_LIMIT_WINDOW_MS = 10_000;

/** The counter of a person's window at `now` (windows are fixed slices of the bot's clock). */
export function windowKey(user: UserKey, now: number): string {
  return `ratelimit:${personDigest(user)}:${Math.floor(now / RATE_LIMIT_WINDOW_MS)}`;
}

/** The counters that may still exist for a person at `now` (the current and the previous window): "forget me". */
export function rateLimitKeys(user: UserKey, now: number): string[] {
  return [windowKey(user, now), windowKey(user, now - RATE_LIMIT_WINDOW_MS)];
}

export interface RateLimitOptions {
  atomic: AtomicOps;
  clock: Clock;
  /** Called for every message held back (metrics). */
  onLimited?: (platform: string) => void;
}

/** Answers the first message over the limit with a slow-down notice and drops the rest of the window. */
export function limitMessageRate({ atomic, clock, onLimited }: RateLimitOptions): Middleware {
  return async (turn, next) => {
    if (turn.message.ref.platform === 'shell') return next();
    const now = clock.now().getTime();
    // Kept two windows, then gone: the store holds no count about a person for long. Once per event: a turn
    // run again after its process died is the same message, and decides the same way.
    const key = windowKey(turn.user, now);
    const count = await addOnce(atomic, turnEvent(turn.message), key, 1, 2 * RATE_LIMIT_WINDOW_MS);
    if (count <= RATE_LIMIT_MESSAGES) return next();
    onLimited?.(turn.message.ref.platform);
    // Held-back messages change nothing, so a dialog resumes exactly where it was.
    turn.discardState = true;
    if (count === RATE_LIMIT_MESSAGES + 1) {
      const windowEnd = (Math.floor(now / RATE_LIMIT_WINDOW_MS) + 1) * RATE_LIMIT_WINDOW_MS;
      turn.say({
        intent: 'rate-limited',
        text: turn.t(
          {
            fr: 'Vous m’écrivez très vite : je fais une courte pause. Réessayez dans {seconds} secondes ; vos réponses précédentes sont conservées.',
            en: 'You are writing to me very fast: I am taking a short pause. Try again in {seconds} seconds; your earlier answers are kept.',
          },
          { seconds: Math.ceil((windowEnd - now) / 1000) },
        ),
      });
    }
  };
}
