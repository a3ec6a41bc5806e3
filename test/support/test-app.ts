/**
 * Builders for conversation tests (Bot Framework's TestAdapter style): a real app on an in-memory store
 * with a manual clock, and a `say` that sends a message as a given user and returns the replies.
 */

import { loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { IncomingMessage, Reply } from '../../src/core/message.ts';
import { NARROW_NBSP, NBSP } from '../../src/core/typography.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { type App, createApp } from '../../src/main.ts';

export interface TestApp extends App {
  clock: ManualClock;
  /**
   * Sends `text` as `user` (a DM unless `room` is given) and returns the bot's replies, their no-break spaces
   * read back as ordinary ones (`withPlainSpaces`): conversation tests check what is said, and spell it as the
   * sources do; French typography has its own test (test/core/typography.test.ts), on `bot.handle`.
   */
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
  const say: TestApp['say'] = async (user, text, { room, ...rest } = {}) =>
    (
      await app.bot.handle({
        ref: { platform: 'shell', roomId: room ?? user, userId: user, isDirect: room === undefined },
        userId: user,
        text,
        timestamp: clock.now(),
        ...rest,
      })
    ).map(withPlainSpaces);
  return { ...app, clock, say };
}

const NO_BREAK_SPACES = new RegExp(`[${NBSP}${NARROW_NBSP}]`, 'g');

/** A text with the no-break spaces of French typography as ordinary spaces. */
export function plainSpaces(text: string): string {
  return text.replace(NO_BREAK_SPACES, ' ');
}

/** A reply (or delivery's reply) as tests not about typography read it: see `TestApp.say`. */
export function withPlainSpaces<R extends Reply>(reply: R): R {
  return {
    ...reply,
    text: plainSpaces(reply.text),
    ...(reply.choices ? { choices: reply.choices.map((c) => ({ ...c, label: plainSpaces(c.label) })) } : {}),
    ...(reply.fields
      ? { fields: reply.fields.map((f) => ({ label: plainSpaces(f.label), value: plainSpaces(f.value) })) }
      : {}),
  };
}
