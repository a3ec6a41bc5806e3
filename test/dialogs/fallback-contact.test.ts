/**
 * A question the FAQ cannot answer in the middle of an application: whom to ask is the contact of the call being
 * prepared (as its topic gives it from the sources), not that of whichever entry happened to come closest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function unsureInside(call: string, question: string): Promise<string> {
  app = await createTestApp();
  const start = await app.say('u', `candidater ${call}`);
  if (start.some((r) => r.intent === 'confirm:dialog-closed-call')) await app.say('u', 'oui');
  return reply(await app.say('u', question), 'fallback').text;
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
