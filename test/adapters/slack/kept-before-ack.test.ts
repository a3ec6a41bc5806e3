/**
 * Slack is told an event arrived only once it is kept in the inbox: the real Bolt app, over signed HTTP and
 * over Socket Mode, with a store that cannot keep anything. Over HTTP every kind of turn-making request —
 * message event, slash command, click, modal submission, Home button — gets a 500 (an event is sent again by
 * Slack, a person sees their command or click fail); over Socket Mode the envelope is left unacknowledged
 * (Slack sends it again). Then, the store back, the same requests are acknowledged and answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDIT_VIEW } from '../../../adapters/slack/edit-modal.ts';
import { HOME_ACTION } from '../../../adapters/slack/home-view.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import {
  clickPayload,
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  signedPost,
  slashCommandBody,
  viewButtonPayload,
  viewSubmissionPayload,
} from '../../support/slack-requests.ts';
import type { TestApp } from '../../support/test-app.ts';

/** A store that cannot keep: every inbox write fails while `down` is set. */
function storeDownWhile(app: TestApp): { down: boolean } {
  const store = { down: false };
  const keep = app.inbox.keep.bind(app.inbox);
  app.inbox.keep = (...args) => (store.down ? Promise.reject(new Error('store down')) : keep(...args));
  return store;
}

/** A message of the bot's with one choice button, as the fake API recorded it. */
const withButton = (channel: string) => ({
  params: {
    channel,
    text: 'Which one?',
    blocks: [
      {
        type: 'actions',
        block_id: 'nec_choices',
        elements: [
          {
            type: 'button',
            action_id: 'nec_choice:0',
            value: 'yes',
            text: { type: 'plain_text', text: 'Yes' },
          },
        ],
      },
    ],
  },
  response: { ts: '1700000000.000100' },
});

const homeView = {
  blocks: [{ type: 'actions', elements: [{ action_id: `${HOME_ACTION}:help`, value: 'help' }] }],
};

const modal = (channel: string) => ({
  id: `V-${channel}`,
  callback_id: EDIT_VIEW,
  private_metadata: JSON.stringify({ application: 'app-none', channel }),
});

/** The turn-making requests, each from its own person, as payloads for HTTP (`body`, `type`) and Socket Mode. */
function requests(harness: SlackHarness, round: string) {
  const user = (kind: string) => `U${kind}${round}`;
  const responseUrl = harness.fake.responseUrl(round);
  const dm = {
    type: 'message',
    channel_type: 'im',
    channel: `D${user('EV')}`,
    user: user('EV'),
    text: 'help',
    ts: '1800000000.000100',
  };
  const command = slashCommandBody({
    text: 'help',
    user: user('CMD'),
    channel: `D${user('CMD')}`,
    responseUrl,
  });
  const click = clickPayload(withButton(`D${user('CLK')}`), user('CLK'), 'yes', responseUrl);
  const home = viewButtonPayload(homeView, user('HOME'), `${HOME_ACTION}:help`);
  const submission = viewSubmissionPayload(modal(`D${user('VIEW')}`), user('VIEW'), {});
  return [
    {
      kind: 'message event',
      http: { body: eventBody(dm, `Ev-${round}`), type: JSON_TYPE },
      socket: {
        type: 'events_api',
        payload: { type: 'event_callback', team_id: 'T0NEC', event_id: `Ev-${round}`, event: dm },
      },
    },
    {
      kind: 'slash command',
      http: { body: command, type: FORM },
      socket: { type: 'slash_commands', payload: Object.fromEntries(new URLSearchParams(command)) },
    },
    {
      kind: 'click',
      http: { body: interactionBody(click), type: FORM },
      socket: { type: 'interactive', payload: click },
    },
    {
      kind: 'Home button',
      http: { body: interactionBody(home), type: FORM },
      socket: { type: 'interactive', payload: home },
    },
    {
      kind: 'modal submission',
      http: { body: interactionBody(submission), type: FORM },
      socket: { type: 'interactive', payload: submission },
    },
  ];
}

describe('over HTTP', () => {
  let harness: SlackHarness;
  let store: { down: boolean };
  beforeAll(async () => {
    harness = await startSlackHarness({
      prepare: (app) => {
        store = storeDownWhile(app);
      },
    });
  });
  afterAll(() => harness.close());

  it('answers 500 to every turn-making request it could not keep, 200 once it can', async () => {
    store.down = true;
    for (const { kind, http } of requests(harness, 'A')) {
      const response = await signedPost(harness.baseUrl, http.body, http.type);
      expect({ kind, status: response.status }).toEqual({ kind, status: 500 });
    }
    store.down = false;
    for (const { kind, http } of requests(harness, 'B')) {
      const response = await signedPost(harness.baseUrl, http.body, http.type);
      expect({ kind, status: response.status }).toEqual({ kind, status: 200 });
    }
  });
});

describe('over Socket Mode', () => {
  let harness: SlackHarness;
  let store: { down: boolean };
  beforeAll(async () => {
    harness = await startSlackHarness({
      socketMode: true,
      prepare: (app) => {
        store = storeDownWhile(app);
      },
    });
    await harness.socket?.connected;
  });
  afterAll(() => harness.close());

  /** The app's acknowledgement of an envelope, or `none` if it sends none within a second. */
  const ackOf = async (type: string, payload: Record<string, unknown>) => {
    const sent = harness.socket?.send(type, payload) ?? Promise.resolve(undefined);
    const none = new Promise<'none'>((resolve) => setTimeout(resolve, 1_000, 'none'));
    return (await Promise.race([sent, none])) === 'none' ? 'none' : 'acknowledged';
  };

  it('leaves every turn-making envelope it could not keep unacknowledged, acknowledges once it can', async () => {
    store.down = true;
    for (const { kind, socket } of requests(harness, 'C')) {
      expect({ kind, ack: await ackOf(socket.type, socket.payload) }).toEqual({ kind, ack: 'none' });
    }
    store.down = false;
    for (const { kind, socket } of requests(harness, 'D')) {
      expect({ kind, ack: await ackOf(socket.type, socket.payload) }).toEqual({ kind, ack: 'acknowledged' });
    }
    // The message kept in the end is answered.
    const posted = await harness.fake.waitFor('chat.postMessage', (c) => c.params.channel === 'DUEVD');
    expect(String(posted.params.text)).toMatch(/help|can do/i);
  });
});
