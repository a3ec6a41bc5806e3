/**
 * A running bot's clock and its end: the tick that looks for due reminders and broadcasts, and the shutdown
 * that stops taking work, gives in-flight calls a bounded grace and releases what is unfinished.
 */
import type { Server } from 'node:http';
import type { Adapter } from '../core/adapter.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../logger.ts';
import type { Health } from '../ops/health.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';

/** What of the app a running bot ticks and closes (this module stays below src/app.ts: nothing imports it back). */
export interface RunningApp {
  clock: Clock;
  logger: Logger;
  health: Health;
  scheduler: Scheduler;
  close(): Promise<void>;
}

/** How often the real clock looks for due reminders and broadcasts. */
export const TICK_INTERVAL_MS = 15_000;
/**
 * On SIGTERM, adapters get this long to stop taking messages; the scheduler then gives its sends a short
 * grace and hands back its claims. All of it ends well within the 10 s a container runtime waits.
 */
const ADAPTER_STOP_MS = 3_000;

/** Ticks the scheduler now and every TICK_INTERVAL_MS; `tickNow` sends what is due at once; `stop` ends it. */
export function startTicking(app: RunningApp): { tickNow: () => void; stop: () => void } {
  app.health.expectTicks(TICK_INTERVAL_MS);
  const tickNow = () => {
    app.scheduler
      .tick(app.clock.now())
      .then(() => app.health.ticked(app.clock.now()))
      .catch((error) => app.logger.error({ err: error }, 'scheduler tick failed'));
  };
  const ticker = setInterval(tickNow, TICK_INTERVAL_MS);
  return { tickNow, stop: () => clearInterval(ticker) };
}

export interface Running {
  app: RunningApp;
  adapters: readonly Adapter[];
  ticking: { stop: () => void };
  opsServer?: Server;
}

/** Stops everything once (later calls do nothing), then exits 0; SIGINT and SIGTERM call it (signals.ts). */
export function shutdownOf({ app, adapters, ticking, opsServer }: Running): (why: string) => Promise<void> {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    ticking.stop();
    opsServer?.close();
    await Promise.race([
      Promise.allSettled(adapters.map((a) => a.stop())),
      new Promise((resolve) => setTimeout(resolve, ADAPTER_STOP_MS).unref()),
    ]);
    await app.close();
    process.exit(0);
  };
  return shutdown;
}
