/** Runs the project's Matrix adapter (real MatrixClient) on a test app against a FakeHomeserver. */
import { MatrixAdapter, type MatrixAdapterOptions } from '../../adapters/matrix/matrix-adapter.ts';
import type { Adapter } from '../../src/core/adapter.ts';
import type { FakeHomeserver } from './fake-homeserver.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/** A running bot: its app, its adapter, and how to stop it. */
export interface MatrixBot {
  app: TestApp;
  adapter: Adapter;
  /** Stops syncing and closes the app (the homeserver keeps running, for restart tests). */
  stop(): Promise<void>;
}

/** Starts the Matrix adapter on a fresh test app (manual clock) against `server`. */
export async function startMatrixBot(
  server: FakeHomeserver,
  options: {
    storeUrl?: string;
    env?: Record<string, string>;
    now?: string;
    lease?: MatrixAdapterOptions['lease'];
  } = {},
): Promise<MatrixBot> {
  const app = await createTestApp({
    now: options.now,
    storeUrl: options.storeUrl,
    env: { MATRIX_HOMESERVER_URL: server.url, MATRIX_ACCESS_TOKEN: server.accessToken, ...options.env },
  });
  const adapter = new MatrixAdapter({
    port: app.port,
    config: app.config,
    homeserverUrl: server.url,
    accessToken: server.accessToken,
    lease: options.lease,
  });
  app.outbox.register(adapter);
  await adapter.start();
  return {
    app,
    adapter,
    stop: async () => {
      await adapter.stop();
      await app.close();
    },
  };
}
