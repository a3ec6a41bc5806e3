/**
 * Builders for conversation tests (Bot Framework's TestAdapter style): a real app on an in-memory store
 * with a manual clock, and a `say` that sends a message as a given user and returns the replies.
 */

import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { IncomingMessage, Reply } from '../../src/core/message.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { type App, createApp } from '../../src/main.ts';

export interface TestApp extends App {
  clock: ManualClock;
  /** Sends `text` as `user` (a DM unless `room` is given) and returns the bot's replies. */
  say(user: string, text: string, options?: Partial<IncomingMessage> & { room?: string }): Promise<Reply[]>;
}

export async function createTestApp(
  options: { now?: string; storeUrl?: string; env?: Record<string, string>; logger?: Logger } = {},
): Promise<TestApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...options.env });
  const clock = new ManualClock(new Date(options.now ?? '2026-11-23T10:00:00+01:00'));
  const app = await createApp({
    config,
    clock,
    logger: options.logger ?? createLogger('silent'),
    storeUrl: options.storeUrl ?? 'sqlite://:memory:',
  });
  const say: TestApp['say'] = (user, text, { room, ...rest } = {}) =>
    app.bot.handle({
      ref: { platform: 'shell', roomId: room ?? user, userId: user, isDirect: room === undefined },
      userId: user,
      text,
      timestamp: clock.now(),
      ...rest,
    });
  return { ...app, clock, say };
}
