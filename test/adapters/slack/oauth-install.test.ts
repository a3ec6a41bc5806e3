/**
 * The OAuth install flow over HTTP: /slack/install, Slack's redirect back with a code, the installation kept
 * in the project's store, then events of that workspace answered with its own token; other workspaces not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { eventBody, JSON_TYPE, signedPost } from '../../support/slack-requests.ts';

let harness: SlackHarness;

beforeAll(async () => {
  harness = await startSlackHarness({
    env: {
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: 'client-id',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
    },
  });
});

afterAll(async () => {
  await harness?.close();
});

/** Goes through Slack's install flow for workspace `team` (the fake installs where the code says). */
async function install(team: string): Promise<Response> {
  const start = await fetch(`${harness.baseUrl}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location') ?? '');
  expect(authorize.searchParams.get('scope')?.split(',')).toContain('chat:write');
  const state = authorize.searchParams.get('state') ?? '';
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return fetch(`${harness.baseUrl}/slack/oauth_redirect?code=${team}&state=${state}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

function mention(team: string, eventId: string): string {
  const event = { type: 'app_mention', user: 'U1', text: '<@U0BOT> help', ts: '1.5', channel: 'C1' };
  return eventBody(event, eventId).replace(/"T0NEC"/g, JSON.stringify(team));
}

describe('Slack OAuth installs', () => {
  it('keeps the installation in the store and answers that workspace with its own token', async () => {
    const done = await install('T0COMMUNITY');
    expect(done.status).toBe(200);
    const stored = await harness.app.backend.kv.get<{ bot?: { token?: string } }>(
      'slack:installation:team:T0COMMUNITY',
    );
    expect(stored?.bot?.token).toBe('xoxb-installed-T0COMMUNITY');

    await signedPost(harness.baseUrl, mention('T0COMMUNITY', 'Ev-o1'), JSON_TYPE);
    const posted = await harness.fake.waitFor('chat.postMessage');
    expect(posted.token).toBe('xoxb-installed-T0COMMUNITY');
    expect(posted.params.channel).toBe('C1');
  });

  it('answers nothing in a workspace that did not install the app', async () => {
    harness.fake.reset();
    await signedPost(harness.baseUrl, mention('T0STRANGER', 'Ev-o2'), JSON_TYPE);
    // The installed workspace is still answered afterwards, and only it.
    await signedPost(harness.baseUrl, mention('T0COMMUNITY', 'Ev-o3'), JSON_TYPE);
    await harness.fake.waitFor('chat.postMessage');
    expect(harness.fake.callsTo('chat.postMessage').map((c) => c.token)).toEqual([
      'xoxb-installed-T0COMMUNITY',
    ]);
  });
});
