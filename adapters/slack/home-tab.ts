/**
 * The App Home tab: published when a person opens it, from their overview in the core (their applications,
 * reminders, broadcasts and subscriptions), and published again once they are forgotten, so it no longer
 * shows what was deleted.
 */
import type { webApi } from '@slack/bolt';
import type { BotPort } from '../../src/core/port.ts';
import { homeView } from './home-view.ts';
import type { SlackPeople } from './people.ts';

export interface HomeTabOptions {
  port: BotPort;
  people: SlackPeople;
  /** The zone of people whose Slack profile has none (BOT_TIMEZONE). */
  defaultTimezone: string;
}

/** Publishes the person's App Home tab (`token` when the client is not the workspace's own). */
export async function publishHome(
  { port, people, defaultTimezone }: HomeTabOptions,
  client: webApi.WebClient,
  workspace: string | undefined,
  userId: string,
  token?: string,
): Promise<void> {
  const person = await people.lookup(client, workspace, userId);
  const request = {
    platform: 'slack' as const,
    workspace,
    userId,
    lang: await port.languageOf({ platform: 'slack', workspace, userId }),
    timezone: person.timezone ?? defaultTimezone,
    isManager: person.isManager,
  };
  const view = homeView(await port.overview(request), request);
  await client.views.publish({ user_id: userId, view, token });
}
