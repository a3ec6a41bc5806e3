/**
 * Socket Mode (SLACK_APP_TOKEN): the same adapter over Slack's WebSocket instead of the HTTP receiver; each
 * envelope is acknowledged before the core's work is done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { slashCommandBody } from '../../support/slack-requests.ts';

let harness: SlackHarness;
let release: () => void = () => {};
const held = new Promise<void>((resolve) => {
  release = resolve;
});

beforeAll(async () => {
  harness = await startSlackHarness({
    socketMode: true,
    prepare: (app) =>
      app.bot.commands.add({
        id: 'test-hold',
        aliases: { fr: ['tenir'], en: ['hold'] },
        summary: { fr: 'test', en: 'test' },
        run: async (turn) => {
          await held;
          turn.say({ text: 'Held work done.', intent: 'test:held' });
        },
      }),
  });
});

afterAll(async () => {
  await harness?.close();
});

describe('Slack over Socket Mode', () => {
  it('opens the connection with the app token and serves no HTTP receiver', async () => {
    const open = harness.fake.callsTo('apps.connections.open')[0];
    expect(open?.token).toBe('xapp-test');
    expect(harness.adapter.port).toBeUndefined();
  });

  it('answers a direct message sent as an events_api envelope', async () => {
    const event = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0S1',
      user: 'U0S1',
      text: 'help',
      ts: '9.1',
    };
    const body = { type: 'event_callback', team_id: 'T0NEC', api_app_id: 'A0NEC', event_id: 'Ev-s1', event };
    const ack = await harness.socket?.send('events_api', body);
    expect(ack?.envelope_id).toBe('envelope-1');
    const posted = await harness.fake.waitFor('chat.postMessage');
    expect(posted.params.channel).toBe('D0S1');
  });

  it('acknowledges a slash command before the core has finished', async () => {
    const form = slashCommandBody({
      text: 'hold',
      user: 'U0S2',
      channel: 'D0S2',
      responseUrl: harness.fake.responseUrl('s'),
    });
    const command = Object.fromEntries(new URLSearchParams(form));
    const ack = await harness.socket?.send('slash_commands', command);
    expect(ack?.envelope_id).toBe('envelope-2');
    expect(harness.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'D0S2')).toHaveLength(
      0,
    );
    release();
    const posted = await harness.fake.waitFor('chat.postMessage', (c) => c.params.channel === 'D0S2');
    expect(String(posted.params.text)).toMatch(/^Held work done\./);
  });
});
