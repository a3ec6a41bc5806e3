import { afterEach, describe, expect, it } from 'vitest';
import type { IncomingMessage } from '../../src/core/message.ts';
import { RATE_LIMIT_WINDOW_MS } from '../../src/core/rate-limit.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

function onSlack(user: string): Partial<IncomingMessage> {
  return { ref: { platform: 'slack', workspace: 'T1', roomId: `D-${user}`, userId: user, isDirect: true } };
}

async function burst(user: string, count: number, options: Partial<IncomingMessage> = {}) {
  const replies = [];
  for (let i = 0; i < count; i++) {
    replies.push(...(await app.say(user, `zzkq ${i}`, options)));
    app.clock.advanceTo(new Date(app.clock.now().getTime() + 400));
  }
  return replies;
}

describe('per-user rate limit', () => {
  it('answers a burst of 20 messages in 10 s with one polite slow-down, not 20 replies', async () => {
    app = await createTestApp();
    const replies = await burst('u1', 20, onSlack('u1'));
    const slowDowns = replies.filter((r) => r.intent === 'rate-limited');
    expect(slowDowns).toHaveLength(1);
    expect(replies.length).toBeLessThan(20);
    expect(slowDowns[0]?.text).toMatch(/slow|pause/i);
    // Another person is not affected.
    const [other] = await app.say('u2', 'help', onSlack('u2'));
    expect(other?.intent).toBe('help');
  });

  it('lets the person talk again once the window has passed, with their state intact', async () => {
    app = await createTestApp();
    await app.say('u1', 'language en', onSlack('u1'));
    await burst('u1', 20, onSlack('u1'));
    app.clock.advanceTo(new Date(app.clock.now().getTime() + RATE_LIMIT_WINDOW_MS));
    const [reply] = await app.say('u1', 'help', onSlack('u1'));
    expect(reply?.intent).toBe('help');
    expect(reply?.text).toContain('What you can do');
  });

  it('never limits the trusted terminal and scripting interface', async () => {
    app = await createTestApp();
    const replies = await burst('local', 30);
    expect(replies.filter((r) => r.intent === 'rate-limited')).toEqual([]);
    // Every message answered (the first one also gets the greeting).
    expect(replies.filter((r) => r.intent !== 'welcome')).toHaveLength(30);
  });
});
