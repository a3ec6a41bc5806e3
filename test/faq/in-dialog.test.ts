/** The FAQ inside a conversation: the call being prepared as context, a pending yes/no kept, bare follow-ups. */
import { describe, expect, it } from 'vitest';
import { appPerTest, intentsOf, textsOf } from '../dialogs/support.ts';

const apps = appPerTest();

describe('the FAQ asked at a pending yes/no question', () => {
  it('at the NEC ESS closed-call question, "what’s the max amount?" is the travel allowance, and the question stays', async () => {
    const app = await apps.start();
    let r = await app.say('u', 'apply nec-ess-travel');
    expect(intentsOf(r)).toContain('confirm:dialog-closed-call');
    r = await app.say('u', 'what’s the max amount?');
    expect(intentsOf(r)).toEqual(['faq:nec-ess-travel-allowance', 'confirm:dialog-closed-call']);
    expect(textsOf(r)).not.toContain('I did not understand');
    expect(textsOf(r)).toContain('Prepare it anyway?');
    // The question kept: « yes » still answers it.
    r = await app.say('u', 'yes');
    expect(intentsOf(r).some((i) => i.startsWith('dialog:nec-ess-travel'))).toBe(true);
  });

  it('a question on another topic is answered and the question asked again, without « Je n’ai pas compris »', async () => {
    const app = await apps.start();
    await app.say('u', 'candidater meae-nir');
    const r = await app.say('u', 'c’est quoi le thème du NEC ESS ?');
    expect(intentsOf(r)).toEqual(['faq:nec-ess-theme', 'confirm:dialog-closed-call']);
    expect(textsOf(r)).not.toContain('Je n’ai pas compris');
    expect(intentsOf(await app.say('u', 'non'))).toContain('confirm:dialog-closed-call:declined');
  });

  it('what the FAQ cannot answer there still asks for a yes or a no', async () => {
    const app = await apps.start();
    await app.say('u', 'candidater meae-nir');
    const r = await app.say('u', 'raconte-moi une blague');
    expect(intentsOf(r)).toEqual(['confirm:dialog-closed-call']);
    expect(textsOf(r)).toContain('Je n’ai pas compris');
  });
});

describe('follow-ups made of question words only', () => {
  it('"and where?" after a NEC ESS answer is where NEC ESS takes place', async () => {
    const app = await apps.start();
    expect(intentsOf(await app.say('u', 'what is the theme of NEC ESS?'))).toEqual(['faq:nec-ess-theme']);
    const r = await app.say('u', 'and where?');
    expect(intentsOf(r)).toEqual(['faq:nec-ess-dates']);
    expect(textsOf(r)).toContain('Brussels');
  });

  it('« et quand ? » with no previous topic is no question for the FAQ', async () => {
    const app = await apps.start();
    const r = await app.say('u', 'et quand ?');
    expect(intentsOf(r).every((i) => !i.startsWith('faq:'))).toBe(true);
  });
});
