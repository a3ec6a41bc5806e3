/**
 * SIGTERM and SIGINT, from the first moment of the process: the entry point sets this before the bot's modules
 * load (they take seconds on a small server), so a container stopped at any moment exits 0 instead of dying
 * by the signal. While the bot starts, nothing is in hand: what was opened so far (the store) is closed,
 * within a bound, and the process exits 0. Once the bot runs, the signal goes to its shutdown (lifecycle.ts).
 *
 * One listener for the life of the process, whose action changes: removing a listener and adding another
 * would drop a signal that arrived while the process was busy in between (Node stops watching a signal
 * that has no listener left, and forgets one not yet dispatched).
 *
 * Node's built-ins only: this module must load in no time.
 */

/** How long what was opened while starting may take to close before the process exits anyway. */
const CLOSE_GRACE_MS = 5_000;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface Signals {
  /** What to close should a signal come while the bot starts (the app, once built). */
  closeOnSignal(close: () => Promise<void>): void;
  /** From now on a signal runs `action` (the running bot's shutdown) instead. */
  handOver(action: (signal: NodeJS.Signals) => void): void;
}

/** Handles SIGTERM and SIGINT: close what was opened and exit 0, until `handOver`. */
export function handleSignals(): Signals {
  let closing: (() => Promise<void>) | undefined;
  const whileStarting = () => {
    const closed = closing?.().catch(() => undefined) ?? Promise.resolve();
    const bound = new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref());
    void Promise.race([closed, bound]).then(() => process.exit(0));
  };
  let action: (signal: NodeJS.Signals) => void = whileStarting;
  for (const signal of SIGNALS) process.on(signal, () => action(signal));
  return {
    closeOnSignal: (close) => {
      closing = close;
    },
    handOver: (next) => {
      action = next;
    },
  };
}

/** The default action of a signal (the process ends by it), for runs that keep it (the scripting interface). */
export function endBySignal(signal: NodeJS.Signals): void {
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}
