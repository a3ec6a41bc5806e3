/**
 * Lists inside a sentence read as each language writes them (Intl.ListFormat): « a, b et c », "a, b and c",
 * never the French « ; » in English; items holding commas or a colon are told apart by semicolons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { listOf } from '../../src/core/lists.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('listOf', () => {
  it('joins with the language’s own last word', () => {
    expect(listOf(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
    expect(listOf(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(listOf(['a', 'b'], 'fr', 'disjunction')).toBe('a ou b');
    expect(listOf(['a'], 'en')).toBe('a');
    expect(listOf([], 'en')).toBe('');
  });

  it('separates items holding commas or a colon with semicolons, French spacing kept', () => {
    expect(listOf(['X, chargée', 'Y, e-mail', 'Z'], 'fr')).toBe('X, chargée ; Y, e-mail et Z');
    expect(listOf(['X, officer', 'Y, e-mail', 'Z'], 'en')).toBe('X, officer; Y, e-mail; and Z');
    expect(listOf(['type : association', 'date : 15 juin'], 'fr')).toBe(
      'type : association et date : 15 juin',
    );
  });
});

describe('lists in what the bot says', () => {
  it('the published selection criteria read as an English list in English, a French one in French', async () => {
    app = await createTestApp();
    const [en] = await app.say('ana', 'eligibility local-nec');
    expect(en?.text).toContain(
      'the steps taken to transcribe workshops or turn them into resources; and innovation in formats and in themes.',
    );
    const [fr] = await app.say('bea', 'éligibilité local-nec');
    expect(fr?.text).toMatch(/ressources et l’innovation/);
    expect(fr?.text).not.toContain('; and');
  });

  it('the facts noted from an opening sentence are one list, “and” before the last in English', async () => {
    app = await createTestApp();
    const replies = await app.say(
      'ana',
      'We are the Town of Brest, a local authority, organising a local NEC on 15 June 2027 for 200 people',
    );
    const facts = replies.find((r) => r.intent.endsWith(':facts'));
    expect(facts?.text).toMatch(/^I noted: .+; and .+ — “edit …” to correct\.$/);
  });
});
