/**
 * Scheduled posts to Slack through the real adapter and Web API client, against the fake API failing after
 * it received the post (the connection reset before the answer, an HTTP 500): the client never re-posts
 * blindly, the job comes back in doubt, and the next attempt finds the first post by its job id in the
 * channel's history instead of posting it twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewJob } from '../../../src/scheduler/job.ts';
import type { Fault } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';

let slack: SlackHarness;
beforeEach(async () => {
  slack = await startSlackHarness();
});
afterEach(() => slack.close());

const broadcast = (id: string, channel: string): NewJob => ({
  id,
  kind: 'broadcast',
  dueAt: slack.app.clock.now().getTime(),
  owner: `broadcast:${id}`,
  ref: { platform: 'slack', roomId: channel, isDirect: false },
  reply: { intent: 'broadcast', text: `📣 ${id}` },
  lang: 'en',
  timezone: 'Europe/Paris',
});

/** Ticks at each time the job falls due again, until it is settled. */
async function deliverAll(): Promise<void> {
  const { app } = slack;
  await app.scheduler.tick(app.clock.now());
  for (let due = await app.scheduler.nextDue(); due; due = await app.scheduler.nextDue()) {
    app.clock.advanceTo(due);
    await app.scheduler.tick(due);
  }
}

describe('Slack posts whose answer was lost', () => {
  it.each<Fault>(['reset', '500'])('are posted once after a %s once Slack had the post', async (fault) => {
    slack.fake.failNext('chat.postMessage', fault);
    await slack.app.scheduler.schedule(broadcast('b-lost-answer', 'C0NEWS'));
    await deliverAll();
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.fake.messages.get('C0NEWS')).toHaveLength(1);
    // The retry looked for the job before posting, and found it.
    expect(slack.fake.callsTo('conversations.history')).toHaveLength(1);
  });

  it('carry their job id in the message metadata, and a job in doubt never posted is posted', async () => {
    slack.fake.failNext('chat.postMessage', 'reset');
    await slack.app.scheduler.schedule(broadcast('b-first', 'C0NEWS'));
    await deliverAll();
    // A job in doubt from another channel's history is not taken for this one.
    await slack.app.scheduler.schedule({ ...broadcast('b-second', 'C0NEWS'), inDoubt: true } as NewJob);
    await deliverAll();
    const posted = slack.fake.messages.get('C0NEWS') ?? [];
    expect(posted.map((m) => m.metadata)).toEqual([
      { event_type: 'nec_job', event_payload: { job_id: 'b-first' } },
      { event_type: 'nec_job', event_payload: { job_id: 'b-second' } },
    ]);
  });

  it.each<Fault>(['reset', '500'])(
    'hold back no reply after one whose answer was lost (%s): my data’s file is uploaded, its post is there once',
    async (fault) => {
      const { fake } = slack;
      fake.failNext('chat.postMessage', fault);
      expect((await slack.dm('U0DATA', 'my data')).status).toBe(200);
      for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
        if (fake.callsTo('files.completeUploadExternal').length > 0) break;
      expect(fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
      expect(fake.messages.get('DU0DATA')).toHaveLength(1);
      // The post in doubt was looked for before anything else was sent, and found.
      expect(fake.callsTo('conversations.history')).toHaveLength(1);
    },
  );

  it('are not re-posted by the client when a reply’s answer is lost', async () => {
    slack.fake.failNext('chat.postMessage', 'reset');
    await slack.dm('U0ALICE', 'help');
    await slack.fake.waitFor('chat.postMessage');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
