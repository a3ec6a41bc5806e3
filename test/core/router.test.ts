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
