/**
 * A question the FAQ cannot answer in the middle of an application: whom to ask is the contact of the call being
 * prepared (as its topic gives it from the sources), not that of whichever entry happened to come closest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function fallbackInside(call: string, question: string): Promise<Reply> {
  app = await createTestApp();
  const start = await app.say('u', `candidater ${call}`);
  if (start.some((r) => r.intent === 'confirm:dialog-closed-call')) await app.say('u', 'oui');
  return reply(await app.say('u', question), 'fallback');
}

async function unsureInside(call: string, question: string): Promise<string> {
  return (await fallbackInside(call, question)).text;
}

describe('the contact of a fallback inside an application', () => {
  it('is the ANCT programme in a local NEC application', async () => {
    const text = await unsureInside('local-nec', 'peut-on inviter un ministre ?');
    expect(text).toContain('amelie.naquet@anct.gouv.fr');
    expect(text).not.toContain('Social Good Accelerator');
  });

  it('is the Social Good Accelerator (which gives no e-mail) in a NEC ESS travel application', async () => {
    const text = await unsureInside('nec-ess-travel', 'le ministère peut-il nous aider ?');
    expect(text).toContain('Social Good Accelerator (SOGA)');
    expect(text).not.toContain('@');
  });

  it('is the ministry’s officer in a MEAE application', async () => {
    const text = await unsureInside('meae-nir', 'peut-on inviter un ministre ?');
    expect(text).toContain('morgane.millon@diplomatie.gouv.fr');
    expect(text).not.toContain('Social Good Accelerator');
  });
});

describe('the topics a fallback offers', () => {
  it('inside a local NEC application, only the call’s own (never « Inscription à NEC ESS »), or none', async () => {
    const fallback = await fallbackInside('local-nec', 'peut-on inviter un ministre ?');
    const offered = fallback.choices?.map((c) => c.id) ?? [];
    const topics = offered.map((id) => app?.faq.kb.get(id.replace(/^faq:/, ''))?.topic);
    expect(topics.every((topic) => topic === 'local-nec')).toBe(true);
    expect(fallback.text).not.toContain('NEC ESS');
    // With nothing of the call's close enough, no « closest topics » line announcing choices that are not there.
    if (offered.length === 0) expect(fallback.text).not.toMatch(/plus proches|closest/);
  });

  it('outside an application, names the general NEC contact rather than a closest entry’s guess', async () => {
    app = await createTestApp();
    await app.say('v', 'bonjour');
    for (const question of ['peut-on inviter un ministre ?', 'peut-on venir avec son chien ?']) {
      const fallback = reply(await app.say('v', question), 'fallback');
      expect(fallback.text).toContain('amelie.naquet@anct.gouv.fr');
      expect(fallback.text).not.toContain('Social Good Accelerator');
    }
    const english = reply(await app.say('w', 'can I bring my dog?'), 'fallback');
    expect(english.text).toContain('amelie.naquet@anct.gouv.fr');
    expect(english.text).not.toContain('morgane.millon');
  });
});
