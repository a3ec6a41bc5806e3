/**
 * Where `/healthz`, `/metrics` and `/console` are served when no adapter serves them: the Slack HTTP receiver
 * serves them itself; otherwise they get their own port — METRICS_PORT, else PORT — on the loopback interface
 * only for the terminal, where the console is the operator's.
 */
import type { Server } from 'node:http';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { type OpsSources, serveOps } from '../ops/routes.ts';

/** What of the app the ops server reads (this module stays below src/app.ts: nothing imports it back). */
export interface OpsApp extends OpsSources {
  config: Config;
  logger: Logger;
}

/** The ops server for these chat platforms (none: the terminal), or undefined when none is needed or the port is taken. */
export async function serveOpsBeside(app: OpsApp, platforms: readonly string[]): Promise<Server | undefined> {
  const { config, logger } = app;
  const slackServesHttp = platforms.includes('slack') && !config.SLACK_APP_TOKEN;
  // The terminal uses PORT's default; a platform only a PORT set on purpose (Socket Mode with the OAuth
  // install flow already serves its install pages there).
  const installPagesOnPort = platforms.includes('slack') && config.SLACK_CLIENT_ID !== undefined;
  const portForUs = platforms.length === 0 || (process.env.PORT !== undefined && !installPagesOnPort);
  const opsPort = config.METRICS_PORT ?? (portForUs ? config.PORT : undefined);
  if (slackServesHttp || opsPort === undefined) return undefined;
  const host = platforms.length === 0 ? '127.0.0.1' : '0.0.0.0';
  const server = await serveOps(app, opsPort, host).catch((error) => {
    // A port taken by something else costs the console and the probes, not the chat.
    logger.error({ err: error, port: opsPort }, 'health, metrics and console not served');
    return undefined;
  });
  if (server) logger.info({ port: opsPort }, 'health, metrics and console served');
  return server;
}
