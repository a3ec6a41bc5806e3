/**
 * Selecting the platform adapters: those whose credentials are set. Their SDKs are loaded only when
 * configured, so the terminal starts fast.
 */
import type { Adapter, AdapterContext, Config } from '../src/core/port.ts';

export type ChatPlatform = 'slack' | 'matrix';

/** The platforms the configuration names credentials for, in start order. */
export function configuredPlatforms(config: Config): ChatPlatform[] {
  const platforms: ChatPlatform[] = [];
  if (
    config.SLACK_BOT_TOKEN ||
    config.SLACK_APP_TOKEN ||
    config.SLACK_SIGNING_SECRET ||
    config.SLACK_CLIENT_ID
  )
    platforms.push('slack');
  if (config.MATRIX_HOMESERVER_URL || config.MATRIX_ACCESS_TOKEN) platforms.push('matrix');
  return platforms;
}

/** Builds the adapter of a platform on the port. */
export async function loadPlatformAdapter(platform: ChatPlatform, context: AdapterContext): Promise<Adapter> {
  if (platform === 'matrix') return (await import('./matrix/index.ts')).createMatrixAdapter(context);
  return (await import('./slack/index.ts')).createSlackAdapter(context);
}
