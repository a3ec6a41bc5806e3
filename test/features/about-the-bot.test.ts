/**
 * Asked what the bot is for (« tu sers à quoi ? », "what is this bot for?"), it introduces itself — who it is and
 * its three paths, in the asker's language — instead of saying it has no answer in its sources.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const ASKED = {
  fr: [
    'tu sers à quoi ?',
    'c’est quoi ce bot',
    "c'est quoi ce bot ?",
    'à quoi sert ce bot ?',
    'vous servez à quoi ?',
    'bonjour, tu sers à quoi ?',
    'qu’est-ce que tu fais ?',
    'tu fais quoi ?',
    'c’est quoi nec-bot ?',
    'qui êtes-vous ?',
  ],
  en: [
    'what is this bot for?',
    'what is this bot?',
    "what's this bot for",
    'what are you for?',
    'what do you do?',
    'who are you?',
    'hi, what is this bot for?',
    'what is nec-bot?',
  ],
};

describe('what the bot is for', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const text of ASKED[lang]) {
      it(`« ${text} » gets the introduction in ${lang}`, async () => {
        app = await createTestApp();
        const [reply, ...rest] = await app.say('ana', text);
        expect(reply?.intent).toBe('welcome');
        expect(rest).toEqual([]);
        expect(reply?.text).toContain(lang === 'fr' ? 'Je suis nec-bot' : 'I am nec-bot');
        expect(reply?.text).not.toMatch(/réponse sûre|reliable answer/);
      });
    }
  }

  it('a question about the NEC itself is still the FAQ’s', async () => {
    app = await createTestApp();
    const [reply] = await app.say('ana', 'c’est quoi un NEC local ?');
    expect(reply?.intent).toMatch(/^faq:/);
  });

  it('in the middle of an application, it introduces itself and the question comes back', async () => {
    app = await createTestApp();
    await app.say('ana', 'candidater local-nec');
    const replies = await app.say('ana', 'tu sers à quoi ?');
    expect(replies[0]?.intent).toBe('welcome');
    expect(replies.at(-1)?.intent).toBe('dialog:local-nec:organizer_name');
  });
});
