/**
 * Broadcasts posted through the real adapter and Web API client while the fake Slack API answers 429: the post
 * waits out the Retry-After Slack asked for, whether it goes through the delivery queue or the scheduler.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SlackAdapter } from '../../../adapters/slack/slack-adapter.ts';
import type { Delivery } from '../../../src/core/message.ts';
import { DeliveryQueue } from '../../../src/scheduler/delivery-queue.ts';
import { FAKE_TEAM, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import type { TestApp } from '../../support/test-app.ts';

let harness: SlackHarness;
let fake: FakeSlackApi;
let app: TestApp;
let adapter: SlackAdapter;

beforeAll(async () => {
  harness = await startSlackHarness();
  ({ fake, app, adapter } = harness);
});

afterAll(async () => {
  await harness?.close();
});

afterEach(() => {
  fake.reset();
});

describe('Slack broadcasts under rate limits', () => {
  it('delivers a broadcast after the Retry-After a 429 asked for', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    const waits: number[] = [];
    const queue = new DeliveryQueue({
      send: (delivery) => adapter.send(delivery),
      maxWaitMs: 60_000,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    const broadcast: Delivery = {
      ref: { platform: 'slack', workspace: FAKE_TEAM, roomId: 'C0ANN', isDirect: false },
      reply: { text: 'Applications close on **13 March**.', intent: 'broadcast' },
      jobId: 'broadcast:1',
      lang: 'en',
    };
    await queue.deliver(broadcast);
    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    // The wait is what remains of the Retry-After when the next send is reserved: a millisecond or so may
    // already have passed since the 429 (under load), so 999 is as right as 1000.
    expect(waits.some((ms) => ms > 900 && ms <= 1000)).toBe(true);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(calls[1]?.params).toMatchObject({ channel: 'C0ANN', text: 'Applications close on *13 March*.' });
  });

  it('delivers a scheduled broadcast through the scheduler, waiting out a 429', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    const now = app.clock.now();
    await app.scheduler.schedule({
      id: 'broadcast:test:C0NEWS',
      kind: 'broadcast',
      dueAt: now.getTime(),
      owner: 'broadcast:test',
      ref: { platform: 'slack', workspace: FAKE_TEAM, roomId: 'C0NEWS', isDirect: false },
      reply: { text: 'The call opens **today**.', intent: 'broadcast' },
      lang: 'en',
      timezone: 'Europe/Paris',
    });
    await app.scheduler.tick(now);
    const calls = fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(calls[1]?.params).toMatchObject({ channel: 'C0NEWS' });
    expect(String(calls[1]?.params.text)).toContain('The call opens *today*.');
    expect(await app.scheduler.get('broadcast:test:C0NEWS')).toBeUndefined();
  });
});
