import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.ts';

let slack: SlackHarness;
beforeAll(async () => {
  slack = await startSlackHarness();
});
afterAll(async () => slack?.close());

describe('health and metrics on the Slack HTTP receiver', () => {
  it('serves /healthz with the Slack adapter connected', async () => {
    const response = await fetch(`${slack.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      ok: true,
      adapters: [{ platform: 'slack', connected: true }],
    });
  });

  it('serves /metrics, counting Slack messages', async () => {
    await slack.dm('U42', 'help');
    await slack.fake.waitFor('chat.postMessage');
    const text = await (await fetch(`${slack.baseUrl}/metrics`)).text();
    expect(text).toContain('nec_messages_received_total{platform="slack"} 1');
    expect(text).toContain('nec_reply_latency_seconds_bucket');
  });
});
