import { afterEach, describe, expect, inject, it } from 'vitest';
import type { IncomingMessage } from '../../src/core/message.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

function slack(eventId: string): Partial<IncomingMessage> {
  return { ref: { platform: 'slack', workspace: 'T1', roomId: 'D1', userId: 'U1', isDirect: true }, eventId };
}

describe('event de-duplication', () => {
  it('handles a retried Slack event once and leaves the state untouched', async () => {
    const app = await createTestApp();
    apps.push(app);
    const first = await app.say('U1', 'language', slack('Ev1'));
    expect(first[0]?.choices?.length).toBe(2);
    const retry = await app.say('U1', 'language', slack('Ev1'));
    expect(retry).toEqual([]);
    // The choices offered by the first handling are still answerable by number.
    const [chosen] = await app.say('U1', '2', slack('Ev2'));
    expect(chosen?.text).toContain('English');
  });

  it('is shared by replicas on the same Redis store', async ({ skip }) => {
    const redisUrl = inject('redisUrl');
    if (!redisUrl) return skip('redis-server is not installed');
    const replicaA = await createTestApp({ storeUrl: redisUrl });
    const replicaB = await createTestApp({ storeUrl: redisUrl });
    apps.push(replicaA, replicaB);
    const eventId = `Ev-${Date.now()}`;
    expect(await replicaA.say('U1', 'help', slack(eventId))).toHaveLength(1);
    expect(await replicaB.say('U1', 'help', slack(eventId))).toEqual([]);
  });
});
