/**
 * Per-person rate limit on the chat platforms: a flood gets one polite "slow down", not a reply each.
 * The counter lives in the shared store so every replica sees the same count. The terminal and the
 * scripting interface are trusted (the operator's own input) and never limited.
 */
import type { Keyv } from 'keyv';
import type { UserKey } from '../store/user-records.ts';
import type { Middleware } from './bot.ts';
import type { Clock } from './clock.ts';

/** Messages a person may send per window before being asked to slow down. */
export const RATE_LIMIT_MESSAGES = 10;
/** The window, in milliseconds. */
export const RATE_LIMIT_WINDOW_MS = 10_000;

interface Window {
  start: number;
  count: number;
}

/** The store key holding a person's current window. */
export function rateLimitKey(user: UserKey): string {
  return `ratelimit:${user}`;
}

export interface RateLimitOptions {
  kv: Keyv;
  clock: Clock;
  /** Called for every message held back (metrics). */
  onLimited?: (platform: string) => void;
}

/** Answers the first message over the limit with a slow-down notice and drops the rest of the window. */
export function limitMessageRate({ kv, clock, onLimited }: RateLimitOptions): Middleware {
  return async (turn, next) => {
    if (turn.message.ref.platform === 'shell') return next();
    const key = rateLimitKey(turn.user);
    const now = clock.now().getTime();
    const stored = await kv.get<Window>(key);
    const window = stored && now - stored.start < RATE_LIMIT_WINDOW_MS ? stored : { start: now, count: 0 };
    window.count++;
    await kv.set(key, window, RATE_LIMIT_WINDOW_MS - (now - window.start));
    if (window.count <= RATE_LIMIT_MESSAGES) return next();
    onLimited?.(turn.message.ref.platform);
    // Held-back messages change nothing, so a dialog resumes exactly where it was.
    turn.discardState = true;
    if (window.count === RATE_LIMIT_MESSAGES + 1) {
      turn.say({
        intent: 'rate-limited',
        text: turn.t(
          {
            fr: 'Vous m’écrivez très vite : je fais une courte pause. Réessayez dans {seconds} secondes ; vos réponses précédentes sont conservées.',
            en: 'You are writing to me very fast: I am taking a short pause. Try again in {seconds} seconds; your earlier answers are kept.',
          },
          { seconds: Math.ceil((window.start + RATE_LIMIT_WINDOW_MS - now) / 1000) },
        ),
      });
    }
  };
}
