/**
 * What a manager reads before a broadcast is scheduled: the time read up to a colon ("tomorrow at 3pm: hello"),
 * a day already past said so, a second preview that replaces the first said so, and a message holding mentions
 * or links warned about (they are posted as plain text: nobody is notified).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const manager = { room: 'general', isManager: true };

beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-23T10:00:00+01:00' });
  app.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async () => {},
  });
});
afterEach(() => app.close());

describe('a broadcast preview', () => {
  it('reads the time up to a colon stuck to it, in English and French', async () => {
    const [en] = await app.say('max', 'broadcast tomorrow at 3pm: hello', manager);
    expect(en?.text).toContain('Tuesday, 24 November 2026 at 15:00');
    expect(en?.text).toContain('> hello\n');
    const [fr] = await app.say('léa', 'diffuser demain à 15h: Bonjour', manager);
    expect(fr?.text).toContain('à 15:00');
    expect(fr?.text).toContain('> Bonjour\n');
  });

  it('says a day already past is past, and schedules nothing', async () => {
    const [reply] = await app.say('léa', 'diffuser #general hier à 9h Bonjour', manager);
    expect(reply?.intent).toBe('broadcast:refused');
    expect(reply?.text).toContain('est déjà passé');
    expect(reply?.text).toContain('je ne peux diffuser que dans le futur');
    expect(await app.broadcasts.scheduled()).toEqual([]);
  });

  it('says a second preview replaces the one still awaiting a yes', async () => {
    await app.say('max', 'broadcast #a tomorrow 9:00 first', manager);
    const [second] = await app.say('max', 'broadcast #b tomorrow 10:00 second', manager);
    expect(second?.intent).toBe('confirm:broadcast:send');
    expect(second?.text).toContain('This preview replaces the one to #a');
    expect(second?.text).toContain('“first”');
    await app.say('max', 'yes', manager);
    expect((await app.broadcasts.scheduled()).map((b) => b.text)).toEqual(['📣 second']);
  });

  it('warns that mentions and links are posted as plain text', async () => {
    const [reply] = await app.say(
      'max',
      'broadcast tomorrow 9:00 <!here> @channel see [the page](https://example.org/x)',
      manager,
    );
    expect(reply?.text).toContain('@here, @channel');
    expect(reply?.text).toContain('posted as plain text: nobody is notified');
    expect(reply?.text).toContain('links are not made clickable by the bot');
    const [plain] = await app.say('max', 'broadcast tomorrow 9:00 Deadline on Friday', manager);
    expect(plain?.text).not.toContain('plain text');
  });
});
