/**
 * A person asked for in words (« parler à quelqu un », « je veux un humain », "can I speak to someone?") gets the
 * contact handoff, in the asker's language; in the middle of an application, the contact of the call being
 * prepared comes first, and the application's question comes back.
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
    'parler à quelqu’un',
    "parler à quelqu'un",
    'parler à quelqu un',
    'je veux un humain',
    'je voudrais parler à une personne',
  ],
  en: ['talk to a human', 'can I speak to someone?', 'I want to talk to a person', 'speak to someone please'],
};

describe('a person asked for', () => {
  for (const lang of ['fr', 'en'] as const) {
    for (const text of ASKED[lang]) {
      it(`« ${text} » gets the contacts, in ${lang}`, async () => {
        app = await createTestApp();
        const [reply, ...rest] = await app.say('ana', text);
        expect(reply?.intent).toBe('contact');
        expect(rest).toEqual([]);
        expect(reply?.text).toContain('amelie.naquet@anct.gouv.fr');
        expect(reply?.text).toMatch(
          lang === 'fr' ? /^Voici les personnes à contacter/ : /^Here is whom to contact/,
        );
      });
    }
  }

  it('inside a local NEC application: its contact first, the others after, then the question again', async () => {
    app = await createTestApp();
    await app.say('ana', 'candidater local-nec');
    for (const text of ['parler à quelqu un', 'je veux un humain']) {
      const replies = await app.say('ana', text);
      expect(replies[0]?.intent).toBe('contact');
      const [first, ...others] = (replies[0]?.text ?? '').split('\n\n');
      expect(first).toMatch(/^Pour votre candidature « NEC local .*amelie\.naquet@anct\.gouv\.fr/);
      expect(others.join('\n')).toContain('morgane.millon@diplomatie.gouv.fr');
      expect(replies.at(-1)?.intent).toBe('dialog:local-nec:organizer_name');
    }
    // Nothing was taken as the organiser's name.
    const [status] = await app.say('ana', 'état');
    expect(status?.text).not.toMatch(/humain|quelqu/);
  });

  it('inside a MEAE application, in English: the ministry’s officer', async () => {
    app = await createTestApp({ now: '2024-02-01T10:00:00+01:00' });
    await app.say('bob', 'apply meae-nir');
    const replies = await app.say('bob', 'can I speak to someone?');
    expect(replies[0]?.intent).toBe('contact');
    expect(replies[0]?.text).toMatch(/^For your “.*” application, .*morgane\.millon@diplomatie\.gouv\.fr/);
    expect(replies.at(-1)?.intent).toMatch(/^dialog:meae-nir:/);
  });
});
