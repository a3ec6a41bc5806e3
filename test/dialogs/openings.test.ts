/**
 * Opening messages as strangers write them: a plan said in other words than « je veux » (« on réfléchit à
 * organiser un NEC local », « on se demandait si on pouvait faire un nec local ») starts the dialog; a
 * question about the call followed by facts (« est-ce ouvert aux entreprises ? On est une SARL ») does not.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Today is Tuesday 1 December 2026: the local NEC call is open. */
const start = () => createTestApp({ now: '2026-12-01T10:00:00+01:00' });

describe('an opening that tells a plan in its own words', () => {
  for (const text of [
    'Bonjour, je travaille au département de la Creuse, on réfléchit à organiser un NEC local en 2027',
    'bonjour, on est une petite asso, on se demandait si on pouvait faire un nec local chez nous, genre en avril',
    'we have been thinking of hosting a local NEC in Lille',
  ])
    it(`« ${text} » starts the local NEC`, async () => {
      app = await start();
      const r = await app.say('u', text);
      expect(r.map((x) => x.intent)).toContain('dialog:local-nec:start');
    });
});

describe('an opening that asks about the call', () => {
  for (const text of [
    'Bonjour, est-ce que le NEC local c’est ouvert aux entreprises ? On est une SARL de formation à Tours.',
    'Bonjour, est-ce qu’on peut organiser un NEC local en ligne ? Nous sommes une association.',
  ])
    it(`« ${text} » starts nothing`, async () => {
      app = await start();
      const r = await app.say('u', text);
      expect(r.some((x) => x.intent.endsWith(':start'))).toBe(false);
    });
});
