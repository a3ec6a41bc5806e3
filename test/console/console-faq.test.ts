/**
 * The console's FAQ pages over plain HTTP: "try a question" shows which entry would answer and the evidence (or
 * why the bot falls back), and a new topic is created with its first entry, validated, and answered from in chat.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { app, signIn, start, stopConsoleApp } from '../support/console-app.ts';
import { type ConsoleClient, inputValue, pageText } from '../support/console-client.ts';

afterEach(stopConsoleApp);

describe('try a question', () => {
  const tried = async (manager: ConsoleClient, q: string) =>
    pageText((await manager.get(`/console/faq/try?q=${encodeURIComponent(q)}`)).html);

  it('shows which entry would answer and the evidence, or why the bot falls back', async () => {
    await start();
    const manager = await signIn();
    const answered = await tried(manager, 'Quelle est la date limite pour candidater au NEC local ?');
    expect(answered).toMatch(/Réponse donnée par l’entrée [^.]+\./);
    expect(answered).toContain('Mots de la question trouvés dans l’entrée : date, limite, candidater');
    expect(answered).toMatch(
      /Couverture : 100 % des mots .* pour un seuil de 30 % — atteint : le bot répond/,
    );
    expect(answered).toMatch(/Ce que la question demande : deadline · ce que l’entrée donne : [^·]*deadline/);

    const below = await tried(manager, 'ticket de train pour Bruxelles');
    expect(below).toContain('Le bot ne répondrait pas');
    expect(below).toMatch(/Couverture : 24 % .* seuil de 45 % — pas atteint : le bot ne devine pas/);
    expect(below).toContain('Mots de la question trouvés dans l’entrée : train');

    const notInSources = await tried(manager, 'Quel est le numéro de téléphone de SOGA ?');
    expect(notInSources).toMatch(/ses sources sur « [^»]+ » ne donnent pas ce qui est demandé/);
    expect(notInSources).toMatch(
      /Ce que la question demande : phone · ce que l’entrée donne : .* — une entrée ne répond que si elle donne ce qui est demandé/,
    );

    const nothing = await tried(manager, 'Y a-t-il une garderie pour les enfants ?');
    expect(nothing).toContain('Pourquoi : aucun mot de la question ne se trouve dans une entrée.');
    expect(nothing).toContain('Créer une entrée à partir de cette question');
  });
});

describe('a new FAQ topic', () => {
  it('is created with its first entry and contact, validated, and the chat answers from it', async () => {
    await start();
    const manager = await signIn();
    await manager.get('/console/faq/new');
    const entry = {
      topic: '__new',
      id: 'garderie',
      'title.fr': 'Garde des enfants',
      'title.en': 'Childcare',
      'questions.fr': 'Y a-t-il une garderie pour les enfants ?',
      'questions.en': 'Is there childcare for children?',
      'keywords.fr': 'garderie, enfants',
      'keywords.en': 'childcare, children',
      'answer.fr': 'Les sources ne parlent pas de garderie.',
      'answer.en': 'The sources say nothing about childcare.',
      'source.title.fr': 'Équipe organisatrice',
      'source.title.en': 'Organising team',
      'source.file': 'contacts',
      version: '0',
    };
    const refused = await manager.post('/console/faq/new', {
      ...entry,
      'new-topic.id': 'Vie Pratique',
      'new-topic.title.fr': 'Vie pratique',
      'new-topic.title.en': 'Practicalities',
      'new-topic.contact.fr': '',
      'new-topic.contact.en': 'the organising team',
    });
    expect(refused.status).toBe(422);
    expect(refused.html).toMatch(/id="f-new-topic-id-error">des mots en minuscules reliés par des tirets</);
    expect(refused.html).toMatch(/id="f-new-topic-contact-fr-error">à remplir</);
    expect(inputValue(refused.html, 'new-topic.title.en')).toBe('Practicalities');
    const taken = await manager.post('/console/faq/new', {
      ...entry,
      'new-topic.id': 'contacts',
      'new-topic.title.fr': 'Vie pratique',
      'new-topic.title.en': 'Practicalities',
      'new-topic.contact.fr': 'l’équipe organisatrice',
      'new-topic.contact.en': 'the organising team',
    });
    expect(taken.html).toMatch(/id="f-new-topic-id-error">le sujet «.contacts.» existe déjà</);
    expect(app.faq.kb.topic('vie-pratique')).toBeUndefined();

    const saved = await manager.post('/console/faq/new', {
      ...entry,
      'new-topic.id': 'vie-pratique',
      'new-topic.title.fr': 'Vie pratique',
      'new-topic.title.en': 'Practicalities',
      'new-topic.contact.fr': 'l’équipe organisatrice, bonjour@example.org',
      'new-topic.contact.en': 'the organising team, bonjour@example.org',
    });
    expect(pageText(saved.html)).toContain('Version 1 enregistrée');
    expect(pageText((await manager.get('/console/faq')).html)).toMatch(
      /Vie pratique Entrée Source Actions Garde des enfants/,
    );
    const [answer] = await app.say('organiser', 'Y a-t-il une garderie pour les enfants ?');
    expect(answer?.intent).toBe('faq:garderie');
    expect((await app.say('organiser', 'faq'))[0]?.text).toContain('**Vie pratique** — 1');
    // On the new topic, a fact its entry does not give names the topic's contact.
    const unknown = await app.say('organiser', 'Quel est le numéro de téléphone de la garderie ?');
    expect(unknown.map((r) => r.text).join('\n')).toContain('bonjour@example.org');
  });
});
