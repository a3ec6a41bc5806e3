/**
 * The console on Slack's own HTTP receiver (the real Bolt app, with the routes the Slack adapter mounts), beside
 * /slack/events: the sign-in link a Slack admin gets in chat opens a session scoped to their workspace, forms
 * go through Bolt untouched, and behind an https proxy the cookie is Secure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleClient, inputValue, pageText } from '../support/console-client.ts';
import { FAKE_TEAM } from '../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.ts';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness({ env: { SLACK_MANAGERS: 'UCM' } });
  // As `npm start` does once the receiver listens: links are made on its address.
  slack.app.console.served(slack.baseUrl);
});
afterAll(async () => slack?.close());

/** The link the bot sent a Slack manager who typed `console`. */
async function linkFromSlack(): Promise<string> {
  slack.later();
  await slack.dm('UCM', 'console');
  const posted = await slack.fake.waitFor('chat.postMessage', (c) =>
    JSON.stringify(c.params).includes('/console/sign-in?token='),
  );
  // Slack's mrkdwn escapes `&`; the Slack client shows (and opens) the link unescaped.
  const text = String(posted.params.text).replaceAll('&amp;', '&');
  const url = /(http:\/\/127\.0\.0\.1:\d+\/console\/sign-in\?token=[\w-]+&lang=\w+)/.exec(text)?.[1];
  expect(url).toBeDefined();
  slack.fake.reset();
  return url as string;
}

describe('the console on the Slack HTTP receiver', () => {
  it('serves the console beside /slack/events, from a link a Slack manager got in chat', async () => {
    const link = await linkFromSlack();
    expect(new URL(link).origin).toBe(slack.baseUrl);
    const manager = await ConsoleClient.signIn(link);
    const calls = await manager.get('/console/calls');
    expect(calls.status).toBe(200);
    expect(calls.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${slack.baseUrl}/console/assets/console.css`)).status).toBe(200);

    // A form through Bolt's receiver: the call is saved, and the chat on Slack follows.
    const form = await manager.get('/console/calls/meae-nir');
    const saved = await manager.post('/console/calls/meae-nir', {
      version: inputValue(form.html, 'version') ?? '',
      'figures.closes': '2026-12-15',
      action: 'save',
    });
    expect(pageText(saved.html)).toMatch(/Version 1 (saved|enregistrée)/);
    expect((await slack.app.say('someone', 'calls'))[0]?.text).toMatch(/meae-nir[^\n]*: open/);

    // The session is the Slack workspace's: its broadcasts are scheduled there.
    await manager.post('/console/broadcasts', {
      channels: '#general',
      at: '2027-01-05T09:30',
      text: 'Calls are open',
      action: 'schedule',
    });
    const [broadcast] = await slack.app.broadcasts.scheduled();
    expect(broadcast).toMatchObject({ platform: 'slack', workspace: FAKE_TEAM, rooms: ['general'] });

    const forged = await manager.post('/console/sign-out', {}, { csrf: 'forged' });
    expect(forged.status).toBe(403);
  });

  it('marks the session cookie Secure behind an https proxy', async () => {
    const token = new URL(await linkFromSlack()).searchParams.get('token') ?? '';
    const response = await fetch(`${slack.baseUrl}/console/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ token }),
      headers: { 'x-forwarded-proto': 'https' },
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(
      /^nec_console=[\w-]+; Path=\/console; HttpOnly; SameSite=Strict; Secure$/,
    );
  });
});
