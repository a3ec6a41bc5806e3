/**
 * A console test's bot: a test app with the ops server (where the console lives) on a free port, and a manager
 * signed in from a conversation. One app per test; `app` and `server` are the running test's (live bindings).
 */
import type { Server } from 'node:http';
import { expect } from 'vitest';
import type { IncomingMessage } from '../../src/core/message.ts';
import { serveOps } from '../../src/ops/routes.ts';
import { ConsoleClient } from './console-client.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export let app: TestApp;
export let server: Server;

/** Stops the running test's server and app (for an afterEach). */
export async function stopConsoleApp(): Promise<void> {
  await new Promise((r) => server?.close(r));
  await app?.close();
}

/** Starts a test app with its ops server; `options` as for createTestApp. */
export async function start(options: Parameters<typeof createTestApp>[0] = {}): Promise<void> {
  app = await createTestApp(options);
  app.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async () => {},
  });
  server = await serveOps(app, 0, '127.0.0.1');
}

/** A manager's `console` from a conversation (`ref` says which platform, workspace and room). */
export async function signIn(ref: Partial<IncomingMessage['ref']> = {}, user = 'cm'): Promise<ConsoleClient> {
  const [reply] = await app.bot.handle({
    ref: { platform: 'shell', roomId: user, userId: user, isDirect: true, ...ref },
    userId: user,
    text: 'console',
    isManager: true,
    timestamp: app.clock.now(),
  });
  expect(reply?.intent).toBe('console:link');
  return ConsoleClient.signIn(String(reply?.data?.url));
}
