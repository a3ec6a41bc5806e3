/** Facts the sources do not hold though a card names the thing: an item of a list, a participle's ask, a scope. */
import { afterEach, describe, expect, it } from 'vitest';
import { firstReply } from '../support/ask.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

const ask = (question: string) => firstReply(app, question);

describe('a precise fact of something a card only lists', () => {
  it('the date or attendance of one local NEC of the figures card’s list: the sources do not say', async () => {
    app = await createTestApp();
    for (const question of [
      'le NEC local de Chambéry c’était quand ?',
      'le nec local de chambery c etait quand',
      'when was the Strasbourg local NEC held?',
      'how many people attended the Nantes local NEC?',
      'qui a organisé le NEC local de Montpellier Métropole ?',
    ]) {
      const reply = await ask(question);
      expect(reply.intent, question).toBe('fallback:local-nec');
      expect(reply.text, question).toContain('amelie.naquet@anct.gouv.fr');
    }
  });

  it('still answers whether one of the list took place, and the facts a list item states with its number', async () => {
    app = await createTestApp();
    expect((await ask('y a-t-il eu des NEC locaux en Guadeloupe ?')).intent).toBe('faq:local-nec-figures');
    expect((await ask('combien de débats par an chez les Interconnectés ?')).intent).toBe(
      'faq:interconnectes-figures',
    );
  });
});

describe('the ask carried by a participle or a bare noun', () => {
  it('"who directed the documentary" asks a name the sources do not give', async () => {
    app = await createTestApp();
    expect((await ask('who directed the LOL free software documentary?')).intent).not.toMatch(/^faq:/);
    expect((await ask('qui a réalisé le documentaire LOL ?')).intent).not.toMatch(/^faq:/);
  });

  it('"does the grant cover staff salaries?" names a cost the card does not list', async () => {
    app = await createTestApp();
    expect((await ask('does the local NEC grant cover staff salaries?')).intent).toBe('fallback:local-nec');
    // What the card does list is answered.
    expect((await ask('does the local NEC grant cover communication costs?')).intent).toBe(
      'faq:local-nec-grant',
    );
  });
});

describe('the topic qualified as another event of its kind', () => {
  it('« le prochain NEC national » is not the local NECs’ card: the sources do not give its date', async () => {
    app = await createTestApp();
    const reply = await ask('quand a lieu le prochain NEC national ?');
    expect(reply.intent).toBe('fallback:local-nec');
    expect(reply.text).not.toContain('Prochains NEC locaux');
    expect((await ask('when is the next national NEC?')).text).not.toContain('Upcoming local NECs');
    // The national event the cards do speak of.
    expect((await ask('faut-il participer au NEC national ?')).intent).toBe('faq:local-nec-commitments');
  });
});

describe('cue words of how strangers ask', () => {
  it('« à qui je pose mes questions ? » inside the ministry call asks its contact', async () => {
    app = await createTestApp();
    const faq = app.faq;
    expect(faq.search('à qui je pose mes questions ?', 'fr', { callId: 'meae-nir' }).entry?.id).toBe(
      'meae-nir-contacts',
    );
  });

  it('"where do I fill in the form?" asks how, not a place; « ça va ? » is small talk, no card', async () => {
    app = await createTestApp();
    const form = app.faq.search('where do I fill in the form for it?', 'en', { callId: 'nec-ess-travel' });
    expect([form.entry?.id, form.second?.id]).toEqual(['nec-ess-travel-allowance', undefined]);
    expect(app.faq.search('bonjour ça va ?').confident).toBe(false);
  });
});

describe('a sum in euros, a salary, a sale price, a language: facts the cards do not give', () => {
  it('the local NEC grant in euros is no percentage of a budget: the sources give no sum', async () => {
    app = await createTestApp();
    expect((await ask('what is the local NEC grant in euros?')).intent).toBe('fallback:local-nec');
    expect((await ask('la subvention nec local c’est combien d’euros pile ?')).intent).toBe(
      'fallback:local-nec',
    );
    // A sum in euros a card does give.
    expect((await ask('le défraiement du NEC ESS fait combien d’euros ?')).intent).toBe(
      'faq:nec-ess-travel-allowance',
    );
  });

  it('« combien est payé le journaliste du duo ? », « le magazine NEC est vendu combien ? », who hosts a day, its language', async () => {
    app = await createTestApp();
    expect((await ask('combien est payé le journaliste du duo ?')).intent).toMatch(/^fallback/);
    expect((await ask('le magazine NEC est vendu combien ?')).intent).toBe('fallback:local-nec');
    expect((await ask('qui anime la journée de Bruxelles du NEC ESS ?')).intent).toBe('fallback:nec-ess');
    expect((await ask('is the NEC ESS Brussels day held in English or French?')).intent).toBe(
      'fallback:nec-ess',
    );
  });
});

describe('ways of asking how, and what something is', () => {
  it('« je m’y prends comment ? » asks how to apply; « ça ressemble à quoi ? » what a local NEC is', async () => {
    app = await createTestApp();
    expect((await ask('je veux monter un nec local dans ma ville, je m’y prends comment ?')).intent).toBe(
      'faq:local-nec-how-to-apply',
    );
    expect((await ask('un nec local, concrètement ça ressemble à quoi ?')).intent).toBe('faq:local-nec-what');
  });
});
