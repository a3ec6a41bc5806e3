import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

describe('router and language', () => {
  it('answers `aide` in French and `help` in English for a new user', async () => {
    app = await createTestApp();
    const [fr] = await app.say('a', 'aide');
    const [en] = await app.say('b', 'help');
    expect(fr?.intent).toBe('help');
    expect(fr?.text).toContain('Ce que vous pouvez faire');
    expect(en?.intent).toBe('help');
    expect(en?.text).toContain('What you can do');
  });

  it('keeps French when a lone English command word comes later', async () => {
    app = await createTestApp();
    await app.say('a', 'bonjour, je voudrais des informations');
    const [reply] = await app.say('a', 'help');
    expect(reply?.text).toContain('Ce que vous pouvez faire');
  });

  it('answers a command written as a whole sentence in the other language in that language', async () => {
    app = await createTestApp();
    const manager = { room: 'general', isManager: true };
    const [french] = await app.say(
      'max',
      'diffuser #general demain 9h Les inscriptions ferment vendredi',
      manager,
    );
    expect(french?.text).toContain('Je programme cette diffusion ?');
    await app.say('max', 'oui', manager);
    const [english] = await app.say(
      'max',
      'broadcast #general tomorrow at 10am Registrations close on Friday, please apply now',
      manager,
    );
    expect(english?.text).toContain('Shall I schedule this broadcast?');
    // The French words of the command and an English text to post: not clearly English, so French stays.
    await app.say('zoe', 'bonjour', manager);
    const [mixed] = await app.say(
      'zoe',
      'diffuser #general demain 9h Registrations close on Friday',
      manager,
    );
    expect(mixed?.text).toContain('Je programme cette diffusion ?');
    // An English command followed by an id alone is as a lone command word.
    await app.say('zoe', 'non', manager);
    const [cancel] = await app.say('zoe', 'cancel broadcast zzzzz', manager);
    expect(cancel?.text).toContain('diffusion');
  });

  it('switches language on request and keeps it', async () => {
    app = await createTestApp();
    await app.say('a', 'aide');
    await app.say('a', 'language en');
    const [reply] = await app.say('a', 'aide');
    expect(reply?.text).toContain('What you can do');
  });

  it('refuses a message over 4,000 characters kindly, and an empty one', async () => {
    app = await createTestApp();
    const [long] = await app.say('a', 'x'.repeat(10_000));
    expect(long?.intent).toBe('too-long');
    expect(long?.text).toContain('10000');
    const [empty] = await app.say('a', '   ');
    expect(empty?.intent).toBe('empty');
  });

  it('falls back honestly on what it does not understand', async () => {
    app = await createTestApp();
    const [reply] = await app.say('a', 'zzkq wxv');
    expect(reply?.intent).toBe('fallback');
  });

  it('reads a number as the choice it designates', async () => {
    app = await createTestApp();
    await app.say('a', 'language');
    const [reply] = await app.say('a', '2');
    expect(reply?.intent).toBe('language');
    expect(reply?.text).toContain('English');
  });

  it('refuses manager-only commands to others', async () => {
    app = await createTestApp();
    app.bot.commands.add({
      id: 'test-manager',
      aliases: { en: ['secret'], fr: ['secret'] },
      summary: { en: 's', fr: 's' },
      managerOnly: true,
      run: async (turn) => turn.say({ text: 'ok', intent: 'ok' }),
    });
    expect((await app.say('a', 'secret'))[0]?.intent).toBe('forbidden');
    expect((await app.say('m', 'secret', { isManager: true }))[0]?.intent).toBe('ok');
  });
});
