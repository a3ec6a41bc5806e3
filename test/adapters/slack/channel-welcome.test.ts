/**
 * The channel welcome on Slack, through the real Bolt app over signed HTTP against the fake Web API: a manager
 * types `/nec welcome on` in a channel, then `member_joined_channel` gets the newcomer an ephemeral welcome
 * (or a DM where Slack cannot show one), once, in their language; bots and channels without it get nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_TEAM } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { eventBody, FORM, JSON_TYPE, signedPost, slashCommandBody } from '../../support/slack-requests.ts';

let harness: SlackHarness;
/** How many joins the adapter has handed to the core so far, and who waits for more. */
let joinsHandled = 0;
let waiters: Array<() => void> = [];
let events = 0;

beforeEach(async () => {
  joinsHandled = 0;
  waiters = [];
  harness = await startSlackHarness({
    prepare: (app) => {
      // Counts the joins the core answered, so a test can wait for a join that must give nothing.
      const memberJoined = app.port.memberJoined;
      app.port.memberJoined = async (join) => {
        const welcome = await memberJoined(join);
        joinsHandled++;
        for (const wake of waiters.splice(0)) wake();
        return welcome;
      };
    },
  });
  harness.fake.users.set('UADMIN', { is_admin: true });
});
afterEach(() => harness.close());

/** A manager types `/nec <text>` in a channel; resolves once the bot answered there. */
async function command(channel: string, text: string): Promise<void> {
  const { fake, baseUrl } = harness;
  const before = fake.calls.length;
  const body = slashCommandBody({ text, user: 'UADMIN', channel, responseUrl: fake.responseUrl('cmd') });
  await signedPost(baseUrl, body, FORM);
  await fake.waitFor(
    'chat.postMessage',
    (c) => c.params.channel === channel && fake.calls.indexOf(c) >= before,
  );
}

/** `user` joins `channel`, as Slack sends `member_joined_channel`. */
function joins(user: string, channel: string): Promise<Response> {
  events++;
  const event = {
    type: 'member_joined_channel',
    user,
    channel,
    channel_type: 'C',
    team: FAKE_TEAM,
    inviter: 'UADMIN',
    event_ts: `${1_800_000_000 + events}.000200`,
  };
  return signedPost(harness.baseUrl, eventBody(event, `Ev-join-${events}`), JSON_TYPE);
}

/** Resolves once the core has answered `count` joins in all and the adapter has finished with them. */
async function handled(count: number): Promise<void> {
  while (joinsHandled < count) await new Promise<void>((resolve) => waiters.push(resolve));
  await harness.adapter.settled();
}

const ephemeralsTo = (user: string) =>
  harness.fake.callsTo('chat.postEphemeral').filter((c) => c.params.user === user);

describe('member_joined_channel', () => {
  it('welcomes a newcomer with an ephemeral message in the channel, once', async () => {
    await command('C0WELCOME', 'welcome on');
    await joins('U0NEW', 'C0WELCOME');
    const welcome = await harness.fake.waitFor('chat.postEphemeral', (c) => c.params.user === 'U0NEW');
    expect(welcome.params.channel).toBe('C0WELCOME');
    expect(String(welcome.params.text)).toMatch(/^Welcome to this channel! I am nec-bot/);
    await joins('U0NEW', 'C0WELCOME');
    await handled(2);
    expect(ephemeralsTo('U0NEW')).toHaveLength(1);
    expect(harness.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'DU0NEW')).toEqual([]);
  });

  it('speaks the language of the person’s Slack profile', async () => {
    harness.fake.users.set('U0FR', { locale: 'fr-FR' });
    await command('C0WELCOME', 'welcome on');
    await joins('U0FR', 'C0WELCOME');
    const welcome = await harness.fake.waitFor('chat.postEphemeral', (c) => c.params.user === 'U0FR');
    expect(String(welcome.params.text)).toMatch(/^Bienvenue dans ce canal\u202f!/);
  });

  it('welcomes in the DM where Slack cannot show an ephemeral message in the channel', async () => {
    harness.fake.ephemeralRefused.set('C0ANNOUNCE', 'restricted_action');
    await command('C0ANNOUNCE', 'welcome on');
    await joins('U0NEW', 'C0ANNOUNCE');
    const dm = await harness.fake.waitFor('chat.postMessage', (c) => c.params.channel === 'DU0NEW');
    expect(String(dm.params.text)).toMatch(/^Welcome to this channel!/);
  });

  it('says nothing in a channel where the welcome is off, nor to other bots', async () => {
    await joins('U0EARLY', 'C0WELCOME');
    await handled(1);
    await command('C0WELCOME', 'welcome on');
    await command('C0WELCOME', 'welcome off');
    await joins('U0LATE', 'C0WELCOME');
    await handled(2);
    await command('C0WELCOME', 'welcome on');
    harness.fake.users.set('U0APP', { is_bot: true });
    await joins('U0APP', 'C0WELCOME');
    await harness.fake.waitFor('users.info', (c) => c.params.user === 'U0APP');
    await harness.adapter.settled();
    expect(harness.fake.callsTo('chat.postEphemeral')).toEqual([]);
    expect(joinsHandled).toBe(2);
  });
});
