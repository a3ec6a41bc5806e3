/**
 * A broadcast asked for in words (« je voudrais envoyer un message à tout le monde pour la date limite », "how do I
 * send an announcement to the channel?") is told how to do it — the managers' commands to a manager, who may do it
 * to anyone else — never answered with an FAQ card or the fallback. Inside an application, the step's answer
 * stays the step's.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../dialogs/support.ts';

const { start } = appPerTest();

const ASKED = {
  fr: [
    'je voudrais envoyer un message à tout le monde pour la date limite',
    'comment je fais pour diffuser une annonce dans le canal ?',
    'programmer un rappel pour tous les membres',
    'je veux prévenir tout le monde de la clôture',
  ],
  en: [
    'how do I send an announcement to the channel?',
    'I would like to post a message to everyone about the deadline',
    'can I schedule a reminder for the whole community',
  ],
};

describe('a broadcast asked for in words', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const text of ASKED[lang]) {
      it(`« ${text} », from a manager, gets the broadcast commands in ${lang}`, async () => {
        const app = await start();
        const [reply, ...rest] = await app.say('cm', text, { isManager: true });
        expect(rest).toEqual([]);
        expect(reply?.intent).toBe('help');
        expect(reply?.text).toContain(lang === 'fr' ? '`diffuser' : '`broadcast');
      });
    }
  }

  it('from someone who is not a manager: who may, and the reminder for oneself', async () => {
    const app = await start();
    const [reply, ...rest] = await app.say('ana', ASKED.fr[0] as string);
    expect(rest).toEqual([]);
    expect(reply?.intent).toBe('broadcast-ask');
    expect(reply?.text).toMatch(/community managers/);
    expect(reply?.text).toContain('rappelle-moi');
  });

  it('inside an application, the message is the dialog’s, not a broadcast ask', async () => {
    const app = await start();
    await app.say('cm', 'candidater local-nec', { isManager: true });
    const replies = await app.say('cm', 'Les Liens du Numérique', { isManager: true });
    expect(replies.at(-1)?.intent).toBe('dialog:local-nec:legal_entity');
    const sent = await app.say('cm', 'envoyer un message à tout le monde', { isManager: true });
    expect(sent.map((r) => r.intent)).not.toContain('help');
  });

  it('a question about the sources that names a message is still the FAQ’s', async () => {
    const app = await start();
    const [reply] = await app.say('ana', 'who should I send my application to?');
    expect(reply?.intent).not.toBe('broadcast-ask');
  });
});
