/**
 * `abonner` / "subscribe" typed in a direct conversation: channel subscriptions work in a channel, so the bot says
 * where to type it (and subscribes nothing); someone who is not a manager hears kindly what the command does and
 * who may use it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('subscribing from a direct conversation', () => {
  it('a manager is told to type it in the channel, and nothing is subscribed', async () => {
    app = await createTestApp();
    // (A first « abonner local-nec » alone is read as English: the language is set first.)
    await app.say('cm', 'langue fr', { isManager: true });
    const [fr] = await app.say('cm', 'abonner local-nec', { isManager: true });
    expect(fr?.intent).toBe('subscribe:direct');
    expect(fr?.text).toContain('« abonner local-nec »');
    expect(fr?.text).toMatch(/dans le canal/);
    const [en] = await app.say('cm2', 'subscribe local-nec', { isManager: true, langHint: 'en' });
    expect(en?.intent).toBe('subscribe:direct');
    expect(en?.text).toContain('“subscribe local-nec”');
    expect(en?.text).toMatch(/in the channel/);
    const [list] = await app.say('cm', 'abonnements', { isManager: true });
    expect(list?.data?.subscriptions ?? []).toEqual([]);
    const [off] = await app.say('cm', 'désabonner local-nec', { isManager: true });
    expect(off?.intent).toBe('subscribe:direct');
    // In a channel it still subscribes.
    const [here] = await app.say('cm', 'abonner local-nec', { isManager: true, room: 'general' });
    expect(here?.intent).toBe('subscribed');
  });

  it('someone else hears what the command is for and who may use it, in their language', async () => {
    app = await createTestApp();
    await app.say('ana', 'langue fr');
    const [fr] = await app.say('ana', 'abonner local-nec');
    expect(fr?.intent).toBe('forbidden');
    expect(fr?.text).toContain('abonner ce canal aux échéances d’un appel');
    expect(fr?.text).toMatch(/community managers/);
    const [en] = await app.say('bob', 'subscribe local-nec', { langHint: 'en' });
    expect(en?.text).toContain('subscribe this channel to a call’s deadlines');
  });
});
