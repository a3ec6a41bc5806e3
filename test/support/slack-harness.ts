/**
 * The real Bolt app with the project's Slack adapter on a free local port, over a test app, talking to the
 * fake Web API; plus helpers that send signed requests as a given person.
 */
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import type { SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { opsRoutes } from '../../src/ops/routes.ts';
import { FakeSlackApi, type RecordedCall } from './fake-slack-api.ts';
import { FakeSocketMode } from './fake-socket-mode.ts';
import { freePort } from './free-port.ts';
import {
  clickPayload,
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  SIGNING_SECRET,
  signedPost,
} from './slack-requests.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface SlackHarness {
  fake: FakeSlackApi;
  app: TestApp;
  adapter: SlackAdapter;
  /** Slack's Socket Mode side, when started with `socketMode`. */
  socket?: FakeSocketMode;
  /** The receiver's base URL (`http://127.0.0.1:<port>`). */
  baseUrl: string;
  /** Sends a direct message from `user` (a `message.im` event); resolves with Slack's acknowledgement. */
  dm(user: string, text: string): Promise<Response>;
  /** Moves the manual clock on, as a person takes a few seconds per answer (the per-person rate limit). */
  later(): void;
  /** Clicks (or picks, or ticks and submits) `choose` on a message the bot posted. */
  click(posted: RecordedCall, user: string, choose: string | string[]): Promise<Response>;
  close(): Promise<void>;
}

/**
 * Starts the fake API, a test app configured for it, and the adapter: over HTTP, or over Socket Mode with
 * `socketMode`. `prepare` runs before the adapter starts.
 */
export async function startSlackHarness(
  options: {
    env?: Record<string, string>;
    prepare?: (app: TestApp) => void;
    socketMode?: boolean;
    /** The store (default: SQLite in memory). */
    storeUrl?: string;
  } = {},
): Promise<SlackHarness> {
  const fake = await FakeSlackApi.start();
  const socket = options.socketMode ? await FakeSocketMode.start() : undefined;
  fake.socketModeUrl = socket?.url;
  const transport: Record<string, string> = socket
    ? { SLACK_APP_TOKEN: 'xapp-test', SLACK_SIGNING_SECRET: '' }
    : { SLACK_SIGNING_SECRET: SIGNING_SECRET };
  const app = await createTestApp({
    ...(options.storeUrl !== undefined && { storeUrl: options.storeUrl }),
    env: {
      SLACK_BOT_TOKEN: 'xoxb-test',
      ...transport,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(await freePort()),
      BOT_LANG: 'en',
      ...options.env,
    },
  });
  options.prepare?.(app);
  const context = { port: app.port, config: app.config, routes: opsRoutes(app) };
  const adapter = (await createSlackAdapter(context)) as SlackAdapter;
  // As `npm start` does: scheduled reminders and broadcasts reach Slack through the outbox.
  app.outbox.register(adapter);
  await adapter.start();
  const baseUrl = `http://127.0.0.1:${adapter.port}`;
  let sequence = 0;
  return {
    fake,
    app,
    adapter,
    socket,
    baseUrl,
    dm: (user, text) => {
      sequence += 1;
      const ts = `${1_800_000_000 + sequence}.000100`;
      const event = { type: 'message', channel_type: 'im', channel: `D${user}`, user, text, ts };
      return signedPost(baseUrl, eventBody(event, `Ev-dm-${sequence}`), JSON_TYPE);
    },
    later: () => app.clock.advanceTo(new Date(app.clock.now().getTime() + 5_000)),
    click: (posted, user, choose) =>
      signedPost(
        baseUrl,
        interactionBody(clickPayload(posted, user, choose, fake.responseUrl('click'))),
        FORM,
      ),
    close: async () => {
      await adapter.stop();
      await app.close();
      await socket?.close();
      await fake.close();
    },
  };
}
