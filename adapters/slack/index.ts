/**
 * Builds the Slack adapter from the configuration: Socket Mode when SLACK_APP_TOKEN is set, else the HTTP
 * receiver on PORT (signed requests only, plus the ops routes); one workspace with SLACK_BOT_TOKEN, or
 * Slack's OAuth install flow with installations kept in the project's store.
 */
import { readFileSync } from 'node:fs';
import { type AppOptions, App as BoltApp, type Logger as BoltLogger, LogLevel, webApi } from '@slack/bolt';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Adapter, AdapterContext, Logger } from '../../src/core/port.ts';
import { KeyvInstallationStore } from './installation-store.ts';
import { guardRequests } from './request-guard.ts';
import { SlackAdapter } from './slack-adapter.ts';
import { KeepFirstSocketModeReceiver } from './socket-mode.ts';

/** The bot scopes the OAuth flow asks for: those of the manifest, so the two never drift apart. */
function manifestScopes(): string[] {
  const manifest = z
    .object({ oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }) })
    .parse(parse(readFileSync(new URL('./manifest.yml', import.meta.url), 'utf8')));
  return manifest.oauth_config.scopes.bot;
}

/** Bolt and the Slack SDK log through the project's logger (stderr, secrets redacted). */
function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  // Bolt logs whole request bodies at debug: they are formatted only when that level is on.
  const at =
    (method: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      if (!child.isLevelEnabled(method)) return;
      child[method](args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    // The project's LOG_LEVEL rules; Bolt's own level setting is ignored.
    setLevel: () => {},
    getLevel: () => (child.isLevelEnabled('debug') ? LogLevel.DEBUG : LogLevel.INFO),
    setName: () => {},
  };
}

/**
 * Every Web API call is bounded in time and never repeated by the client: a post whose answer was lost
 * (connection reset, HTTP 500, timeout) may have reached Slack, and a blind retry would show it twice.
 * A 429 is rejected at once with Slack's delay, for the caller to wait and send again (nothing was posted).
 */
const BOUNDED_CALLS = {
  timeout: 10_000,
  retryConfig: { retries: 0 },
  rejectRateLimitedCalls: true,
} as const;

/** The Slack adapter for the configured transport and installation mode. */
export async function createSlackAdapter({ port, config, routes }: AdapterContext): Promise<Adapter> {
  const logger = boltLogger(port.logger);
  const slackApiUrl = config.SLACK_API_URL;
  // No Bolt conversation store: the core keeps each person's state in the project's store.
  const options: AppOptions = {
    logger,
    clientOptions: { slackApiUrl, ...BOUNDED_CALLS },
    convoStore: false,
    // Socket Mode's connection requests and the OAuth installer have their own clients: same API base.
    installerOptions: { clientOptions: { slackApiUrl } },
  };
  const installationStore = new KeyvInstallationStore(port.kv);
  const singleToken = config.SLACK_BOT_TOKEN;
  const socketMode = config.SLACK_APP_TOKEN !== undefined;

  if (singleToken) {
    options.token = singleToken;
  } else {
    options.clientId = config.SLACK_CLIENT_ID;
    options.clientSecret = config.SLACK_CLIENT_SECRET;
    options.stateSecret = config.SLACK_STATE_SECRET;
    options.scopes = manifestScopes();
    options.installationStore = installationStore;
    // Socket Mode has no HTTP server of its own: the install pages get one on PORT.
    options.installerOptions = {
      ...options.installerOptions,
      directInstall: true,
      ...(socketMode ? { port: config.PORT } : {}),
    };
  }
  if (config.SLACK_APP_TOKEN !== undefined) {
    options.socketMode = true;
    // Bolt's own Socket Mode receiver, built from the same options, acknowledging events once kept.
    options.receiver = new KeepFirstSocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN,
      logger,
      installerOptions: options.installerOptions,
      ...(singleToken
        ? {}
        : {
            clientId: options.clientId,
            clientSecret: options.clientSecret,
            stateSecret: options.stateSecret,
            scopes: options.scopes,
            installationStore,
          }),
    });
  } else {
    options.signingSecret = config.SLACK_SIGNING_SECRET;
    options.customRoutes = routes;
    // Slack's 200 waits for the listeners: they keep each event in the inbox first, and run the turn after
    // (slack-adapter.ts), so an event Slack was told arrived is in the store.
    options.processBeforeResponse = true;
  }

  const bolt = new BoltApp(options);
  guardRequests(bolt);
  const deliveryClient = new webApi.WebClient(undefined, { slackApiUrl, logger, ...BOUNDED_CALLS });
  const botToken = async (workspace: string | undefined) => {
    if (singleToken) return singleToken;
    const installation = await installationStore.fetchInstallation({
      teamId: workspace,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    const token = installation.bot?.token;
    if (!token) throw new Error(`the Slack installation of ${workspace} has no bot token`);
    return token;
  };
  return new SlackAdapter({
    port,
    managers: config.SLACK_MANAGERS,
    defaultTimezone: config.BOT_TIMEZONE,
    bolt,
    httpPort: socketMode ? undefined : config.PORT,
    deliveryClient,
    botToken,
    replyClient: async (workspace) =>
      new webApi.WebClient(await botToken(workspace), { slackApiUrl, logger, ...BOUNDED_CALLS }),
  });
}
