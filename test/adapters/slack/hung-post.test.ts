/**
 * One Slack post that never answers (issue 14: it held every other reminder and broadcast for over 420 s):
 * through the real adapter and Web API client, the other posts of the tick go out at once, and the hung one
 * is given up by the client's own timeout (10 s, before the delivery queue's 20 s) and comes back in doubt —
 * then found in the channel's history, not posted twice. A command's private reply whose response URL never
 * answers is given up after the same timeout, its event finished (Bolt's own `respond` has no timeout).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import { FORM, signedPost, slashCommandBody } from '../../support/slack-requests.ts';

let slack: SlackHarness;
beforeEach(async () => {
  slack = await startSlackHarness();
});
afterEach(() => slack.close());

it('holds no other post, and is given up after the Web API timeout, in doubt', async () => {
  const { app, fake } = slack;
  const channels = Array.from({ length: 6 }, (_, i) => `C0HUNG${i}`);
  fake.failNext('chat.postMessage', 'hang');
  for (const channel of channels)
    await app.scheduler.schedule({
      id: `hung-${channel}`,
      kind: 'broadcast',
      dueAt: app.clock.now().getTime(),
      owner: 'broadcast:hung',
      ref: { platform: 'slack', roomId: channel, isDirect: false },
      reply: { intent: 'broadcast', text: `news for ${channel}` },
      lang: 'en',
      timezone: 'Europe/Paris',
    });
  const started = Date.now();
  const tick = app.scheduler.tick(app.clock.now());
  await fake.waitFor('chat.postMessage', (call) => call.params.channel === channels.at(-1));
  const [hung] = fake.callsTo('chat.postMessage');
  const id = `hung-${String(hung?.params.channel)}`;
  // The five others are delivered and done while the first still hangs.
  const others = channels.map((c) => `hung-${c}`).filter((other) => other !== id);
  for (let pending = others; pending.length > 0; await new Promise((r) => setTimeout(r, 20)))
    pending = (await Promise.all(pending.map((o) => app.scheduler.get(o)))).flatMap((j) => (j ? [j.id] : []));
  expect(Date.now() - started).toBeLessThan(3_000);
  await tick;
  const settled = Date.now() - started;
  expect(settled).toBeGreaterThanOrEqual(9_000);
  expect(settled).toBeLessThan(15_000);
  const job = await app.scheduler.get(id);
  expect(job?.inDoubt).toBe(true);

  app.clock.advanceTo((await app.scheduler.nextDue()) as Date);
  await app.scheduler.tick(app.clock.now());
  expect(await app.scheduler.get(id)).toBeUndefined();
  expect(fake.callsTo('chat.postMessage')).toHaveLength(6);
  expect(fake.callsTo('conversations.history')).toHaveLength(1);
}, 30_000);

it('gives up a command’s private reply whose response URL never answers, and finishes its event', async () => {
  const { app, fake, baseUrl } = slack;
  const pending = () => app.backend.atomic.setMembers('inbox:pending');
  fake.failNext('response_url', 'hang');
  const started = Date.now();
  // Too long to take: refused privately, through the command's response URL.
  const command = slashCommandBody({
    text: `apply ${'x'.repeat(4_100)}`,
    user: 'U0HUNGR',
    channel: 'C0GENERAL',
    responseUrl: fake.responseUrl('hung'),
  });
  expect((await signedPost(baseUrl, command, FORM)).status).toBe(200);
  await fake.waitFor('response_url');
  expect(await pending()).toHaveLength(1);
  while ((await pending()).length > 0 && Date.now() - started < 20_000)
    await new Promise((r) => setTimeout(r, 100));
  expect(await pending()).toHaveLength(0);
  const settled = Date.now() - started;
  expect(settled).toBeGreaterThanOrEqual(9_000);
  expect(settled).toBeLessThan(15_000);
  expect(fake.callsTo('response_url')).toHaveLength(1);
}, 30_000);
