/**
 * Issue 14's injection, end to end through the real Bolt app and the fake Web API: « @nec-bot remind me to
 * [hi](!here) tomorrow » made the bot post `<!here|hi>` in the channel. Neither the confirmation in the
 * thread nor the reminder delivered the next day may hold a broadcast mention, a user mention or a link of
 * the person's making; their words are still shown.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FAKE_BOT_USER } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { eventBody, JSON_TYPE, signedPost } from '../../support/slack-requests.ts';

let slack: SlackHarness;
beforeEach(async () => {
  slack = await startSlackHarness();
});
afterEach(() => slack.close());

/** Everything a post shows: its text fallback and its blocks. */
const shown = (params: Record<string, unknown>) =>
  `${String(params.text)} ${JSON.stringify(params.blocks ?? [])}`;

it.each([
  ['[hi](!here)', '[hi](!here)'],
  ['[boss](!channel) <!everyone>', '[boss](!channel) @everyone'],
  ['[x](@U0ADMIN) <@U0ADMIN>', '[x](@U0ADMIN) @U0ADMIN'],
  ['[free money](https://evil.example/login)', '[free money](https://evil.example/login)'],
  // Slack's markup typed as text: Slack sends it entity-encoded, the bot reads it back as typed and must
  // escape it again, or its own post is a live @here.
  [
    '&lt;!here|hi&gt; &lt;!channel&gt; &lt;@U0ADMIN&gt;',
    '&lt;!here|hi&gt; &lt;!channel&gt; &lt;@U0ADMIN&gt;',
  ],
])('a reminder to « %s » mentions no one and links nowhere, confirmed or delivered', async (what, words) => {
  const { fake, app, baseUrl } = slack;
  // "tomorrow" is read from the message's own time: the app's clock.
  const ts = `${Math.floor(app.clock.now().getTime() / 1000)}.000200`;
  const event = {
    type: 'app_mention',
    user: 'U0ALICE',
    text: `<@${FAKE_BOT_USER}> remind me to ${what} tomorrow at 9:00`,
    ts,
    channel: 'C0GEN',
    event_ts: ts,
  };
  expect((await signedPost(baseUrl, eventBody(event, `Ev-inject-${what}`), JSON_TYPE)).status).toBe(200);
  const confirmed = await fake.waitFor('chat.postMessage');
  const posts = [confirmed];
  const due = await app.scheduler.nextDue();
  expect(due).toBeDefined();
  app.clock.advanceTo(due as Date);
  await app.scheduler.tick(app.clock.now());
  posts.push(...fake.callsTo('chat.postMessage').slice(1));
  expect(posts.length).toBeGreaterThanOrEqual(2);
  for (const post of posts) {
    const text = shown(post.params);
    expect(text).not.toMatch(/<!(here|channel|everyone)|<@U|<https?:|<#C/);
  }
  // Both say what the person typed, as text.
  for (const post of posts) expect(String(post.params.text)).toContain(words);
});
