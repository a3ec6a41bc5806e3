/**
 * Signed requests whose body is valid JSON but not an object (`null`, a number, a list), or an interaction
 * whose payload is one: answered 400, and the bot goes on answering. Timestamps more than five minutes in
 * the future are refused like stale ones (a signature captured now cannot be replayed later).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { FORM, JSON_TYPE, signedPost } from '../../support/slack-requests.ts';

let slack: SlackHarness;
beforeEach(async () => {
  slack = await startSlackHarness();
});
afterEach(() => slack.close());

describe('hostile signed bodies', () => {
  it.each([
    ['null', JSON_TYPE],
    ['42', JSON_TYPE],
    ['[]', JSON_TYPE],
    ['"text"', JSON_TYPE],
    ['payload=null', FORM],
    ['payload=7', FORM],
    ['payload=%5B%5D', FORM],
  ])('%s is refused with 400 and the bot answers the next message', async (body, type) => {
    const response = await signedPost(slack.baseUrl, body, type);
    expect(response.status).toBe(400);
    await response.arrayBuffer();
    expect((await slack.dm('U0ALICE', 'help')).status).toBe(200);
    await slack.fake.waitFor('chat.postMessage');
  });

  it.each([
    [401, 'an hour', 3600],
    [401, 'six minutes', 360],
    // Within Slack's five minutes of clock skew either way: a signed request is taken.
    [200, 'four minutes', 240],
  ])(
    'answers %i to a timestamp %s ahead (five minutes of skew either way)',
    async (status, _ahead, seconds) => {
      const response = await signedPost(
        slack.baseUrl,
        '{"type":"url_verification","challenge":"x"}',
        JSON_TYPE,
        { timestamp: Math.floor(Date.now() / 1000) + seconds },
      );
      expect(response.status).toBe(status);
    },
  );
});
