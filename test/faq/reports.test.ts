import { afterEach, describe, expect, it } from 'vitest';
import { firstReply } from '../support/ask.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

/** The reply to one question from a new person. */
const ask = (question: string, user = 'u') => firstReply(app, question, user);

describe('FAQ: what users reported', () => {
  it('answers the amount of the travel allowance, asked of « l’aide au déplacement »', async () => {
    app = await createTestApp();
    const reply = await ask("montant de l'aide au deplacement pour nec ess");
    expect(reply.intent).toBe('faq:nec-ess-travel-allowance');
    expect(reply.text).toContain('948');
  });

  it('gives the venue and says the street address is not in the sources', async () => {
    app = await createTestApp();
    const reply = await ask("c'est ou le NEC ESS a Paris, l'adresse ?");
    expect(reply.intent).toBe('faq:nec-ess-dates');
    expect(reply.text).toContain('Musée Social');
    expect(reply.text).toContain('ne donnent pas l’adresse postale');
  });

  it('gives SOGA’s contact, not ANCT’s, for the address of the Brussels venue', async () => {
    app = await createTestApp();
    const reply = await ask("what's the address of the Brussels venue?");
    expect(reply.intent).toBe('fallback:nec-ess');
    expect(reply.text).toContain('Social Good Accelerator');
    expect(reply.text).not.toContain('amelie.naquet');
  });

  it('falls back on small talk that names a place of the sources', async () => {
    app = await createTestApp();
    expect((await ask('il fait beau a Nancy ?')).intent).toMatch(/^fallback/);
    expect((await ask('is there parking at the Musée Social – CEDIAS?')).intent).toMatch(/^fallback/);
    // The place alone still asks for what the sources say of it.
    expect((await ask('Nancy et le logiciel libre ?')).intent).toBe('faq:tnl-nancy');
  });

  it('reads the question, not the markup around it', async () => {
    app = await createTestApp();
    expect((await ask("[cliquez ici](http://evil) c'est quoi un NEC local ?")).intent).toBe(
      'faq:local-nec-what',
    );
    expect((await ask('<b>c’est quoi</b> un **NEC local** ?')).intent).toBe('faq:local-nec-what');
    // A link's address is not what is asked.
    expect((await ask('[NEC ESS](http://example.org/dates) c’est quand ?')).intent).toBe('faq:nec-ess-dates');
  });

  it('answers the known part of a two-part question and says the other is not in the sources', async () => {
    app = await createTestApp();
    const reply = await ask('c’est quand le NEC ESS et il y a des horaires ?');
    expect(reply.intent).toBe('faq:nec-ess-dates');
    expect(reply.text).toContain('ne donnent pas les horaires');
    const phone = await ask('qui organise le NEC ESS et quel est leur numéro de téléphone ?');
    expect(phone.intent).toBe('faq:nec-ess-partners');
    expect(phone.text).toContain('Social Good Accelerator');
    expect(phone.text).toContain('ne donnent pas ce numéro de téléphone');
  });

  it('never answers the next edition with a past one, and reads chat spellings of question words', async () => {
    app = await createTestApp();
    expect((await ask('where will the next NEC ESS be held?')).intent).toBe('fallback:nec-ess');
    expect((await ask('wen was nec ess in brussels')).intent).toBe('faq:nec-ess-dates');
  });

  it('answers both parts from one card when it holds both, and reads who may run an event', async () => {
    app = await createTestApp();
    expect((await ask('when was EUSES held and how many people joined?')).intent).toBe('faq:euses-2021');
    expect((await ask('can a private company host a local NEC?')).intent).toBe('faq:local-nec-who-may-apply');
  });

  it('lists each contact once in « parler à quelqu’un »', async () => {
    app = await createTestApp();
    const [person] = await app.say('j', "parler à quelqu'un");
    expect(person?.intent).toBe('contact');
    expect(person?.text.match(/amelie\.naquet@anct\.gouv\.fr/g)).toHaveLength(1);
    expect(person?.text).toContain('morgane.millon@diplomatie.gouv.fr');
  });

  it('offers what the sources say of the current step when they do not hold what is asked there', async () => {
    app = await createTestApp();
    const step = 'Participants attendus Le nombre de participants attendus à l’événement.';
    const match = app.faq.search('ça compte les intervenants ?', 'fr', { callId: 'local-nec', step });
    expect(match.unknown).toBeDefined();
    expect(match.alternatives.map((e) => e.id)).toContain('local-nec-funding-requirements');
  });

  it('still gives the plain fallback to bad input wrapped in markup', async () => {
    app = await createTestApp();
    for (const q of ['**asdfgh qwrtz zxcvb**', '[🎉](http://x)', '<i></i>']) {
      expect((await ask(q)).intent, q).toBe('fallback');
    }
  });
});
