import { afterEach, describe, expect, it } from 'vitest';
import { firstReply } from '../support/ask.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => app?.close());

/** The reply to one question from a new person. */
const ask = (question: string, user = 'u') => firstReply(app, question, user);

describe('FAQ: the asked-for fact, or an honest "the sources don’t say"', () => {
  it('does not answer a near miss with the topic’s card: it says the fact is not in the sources, and whom to ask', async () => {
    app = await createTestApp();
    const email = await ask("SOGA's email?");
    expect(email.intent).toBe('fallback:nec-ess');
    expect(email.text).toContain('e-mail');
    expect(email.choices?.length).toBeGreaterThan(0);
    const phone = await ask('numéro de téléphone de l’ANCT');
    expect(phone.intent).toBe('fallback:local-nec');
    expect(phone.text).toContain('amelie.naquet@anct.gouv.fr');
    expect(phone.text).not.toContain('01 43 17 62 71');
    expect((await ask('next NEC ESS in 2026?')).intent).toBe('fallback:nec-ess');
    expect((await ask('address of the Musée Social')).intent).toBe('fallback:nec-ess');
    expect((await ask('Interconnectés membership fee')).intent).toBe('fallback:interconnectes');
  });

  it('answers a price asked of something only from an entry speaking of it: not the brand card’s « usage libre »', async () => {
    app = await createTestApp();
    const fee = await ask('c’est combien l’inscription au NEC national ?');
    expect(fee.intent).toBe('fallback:local-nec');
    expect(fee.text).toContain('ne donnent pas ce montant');
    expect(fee.text).toContain('amelie.naquet@anct.gouv.fr');
    expect(fee.text).not.toContain('usage libre');
    // The price of a registration the sources do give.
    expect((await ask('combien coûte l’inscription au NEC ESS ?')).intent).toBe('faq:nec-ess-registration');
  });

  it('answers « which thing » only from an entry speaking of that kind of thing', async () => {
    app = await createTestApp();
    // The Nancy card names the documentary, not where it was shown.
    expect((await ask('dans quelle salle Nancy a-t-elle montré le documentaire LOL ?')).intent).not.toMatch(
      /^faq:/,
    );
    expect((await ask('which radio station aired the Parlez-moi d’IA podcast?')).intent).not.toMatch(/^faq:/);
    // The themes card speaks of themes, whatever words it does not have (« acceptés »).
    expect((await ask('quels thèmes sont acceptés pour un nec local ?')).intent).toBe('faq:local-nec-themes');
    expect((await ask('à quelle occasion Nancy a reçu le niveau 5 ?')).intent).toBe('faq:tnl-nancy');
  });

  it('answers « is it free? » with the card saying what one pays, not with a sum one receives', async () => {
    app = await createTestApp();
    expect((await ask('NEC ESS, c’est payant ?')).intent).toBe('faq:nec-ess-registration');
    expect((await ask('le montant du défraiement NEC ESS ?')).intent).toBe('faq:nec-ess-travel-allowance');
    // Two sentences, two questions.
    expect((await ask('NEC ESS : c’est payant ? et on peut être défrayé pour le train ?')).intent).toBe(
      'faq:nec-ess-registration+nec-ess-travel-allowance',
    );
  });

  it('gives the overview to « what is it, in a few words »', async () => {
    app = await createTestApp();
    expect((await ask('le NEC ESS c’est quoi, en quelques mots ?')).intent).toBe('faq:nec-ess-what');
    expect(
      (await ask('what is the ministry’s Numérique Inclusif et Responsable call, in short?')).intent,
    ).toBe('faq:meae-nir-what');
  });

  it('answers « who is the <role> » only from a card naming the person holding that role', async () => {
    app = await createTestApp();
    for (const q of [
      'qui est le maire de Nancy ?',
      'qui est la directrice générale de l’ANCT ?',
      'who is the Adullact’s treasurer?',
    ])
      expect((await ask(q)).intent, q).toMatch(/^fallback/);
    // The role a card names.
    expect((await ask('who is the head of the Adullact?')).intent).toBe('faq:tnl-what');
    expect((await ask('who’s the contact for the Interconnectés?')).intent).toBe(
      'faq:interconnectes-contact',
    );
  });

  it('answers a count only from a card giving a number of the thing counted', async () => {
    app = await createTestApp();
    // The Nancy card names one collectivité and counts its inhabitants: no count of labelled collectivités.
    expect((await ask('combien de villes ont le label Territoire Numérique Libre ?')).intent).toMatch(
      /^fallback/,
    );
    expect((await ask('how many territories have hosted a local NEC?')).intent).toBe('faq:local-nec-figures');
    // A number written as a word counts too (« trois fois par an »).
    expect((await ask('le magazine NEC paraît combien de fois par an ?')).intent).toBe(
      'faq:local-nec-magazine',
    );
    // The second part is of the year the first names.
    const both = await ask('le NEC ESS 2025 c’était où, et il y avait combien de participants ?');
    expect(both.intent).toBe('faq:nec-ess-dates');
    expect(both.data?.missing).toEqual(['figures']);
  });

  it('gives every contact to a question asking them all, on no topic in particular', async () => {
    app = await createTestApp();
    expect((await ask('je voudrais la liste de tous les contacts')).intent).toBe('faq:contacts');
    expect((await ask('every email address you know, please')).intent).toBe('faq:contacts');
    // On a topic, its own contact.
    expect((await ask('tous les contacts pour un NEC local')).intent).toBe('faq:local-nec-contact');
  });

  it('answers who may take part whoever the candidate is named, without asking the sources about that name', async () => {
    app = await createTestApp();
    expect((await ask('le département du Finistère peut-il candidater à l’appel du MEAE ?')).intent).toBe(
      'faq:meae-nir-who',
    );
    expect((await ask('could a retired citizen attend NEC ESS?')).intent).toBe('faq:nec-ess-audience');
    // The candidate's words count for a card naming it, never against one that names it by its kind.
    expect((await ask('une SCOP peut-elle organiser un NEC local ?')).intent).toBe(
      'faq:local-nec-who-may-apply',
    );
    expect((await ask('can a city council send staff to NEC ESS?')).intent).toBe('faq:nec-ess-audience');
  });

  it('takes "next year" for the next edition, which the sources do not give', async () => {
    app = await createTestApp();
    expect((await ask('NEC ESS next year?')).intent).toBe('fallback:nec-ess');
    expect((await ask('y aura-t-il une prochaine édition du NEC ESS ?')).intent).toBe('fallback:nec-ess');
  });

  it('answers a fact asked of something only from an entry that speaks of it', async () => {
    app = await createTestApp();
    // The ministry officer's phone is not Villes Internet's.
    expect((await ask("what is Villes Internet's phone number?")).intent).not.toMatch(/^faq:/);
    expect((await ask('téléphone de Villes Internet')).intent).not.toMatch(/^faq:/);
    // The one entry of the topic on the amount: it says the rules give none, as a fallback.
    const amount = await ask(
      'combien d’euros peut-on obtenir avec l’appel Numérique Inclusif et Responsable ?',
    );
    expect(amount.intent).toBe('fallback:meae-nir');
    expect(amount.data?.entry).toBe('meae-nir-funding');
    // A number naming one of a series (« le niveau 4 ») is that one: the card on level 5 does not speak of it.
    expect(
      (await ask('quelle ville a obtenu le niveau 4 du label Territoire Numérique Libre ?')).intent,
    ).not.toMatch(/^faq:/);
    expect(
      (await ask('quelle ville a obtenu le niveau 5 du label Territoire Numérique Libre ?')).intent,
    ).toBe('faq:tnl-nancy');
  });

  it('gives the overview to « what is it » however it is said', async () => {
    app = await createTestApp();
    expect((await ask('bonjour, un NEC local c’est quoi concrètement ?')).intent).toBe('faq:local-nec-what');
    expect((await ask('wat is teh NEC ESS about')).intent).toBe('faq:nec-ess-what');
    // Nothing asked, a word the sources do not know: no overview.
    expect((await ask('le repas du midi est compris au nec ess ?')).intent).not.toMatch(/^faq:/);
  });

  it('falls back plainly on questions about something else that share a word with the sources', async () => {
    app = await createTestApp();
    for (const q of [
      'train ticket to Brussels',
      'comment immatriculer mon entreprise ?',
      'quel temps fait-il à Paris ?',
      'plane ticket paris brussels price',
      'le musée du Louvre est ouvert le mardi ?',
    ])
      expect((await ask(q)).intent, q).toBe('fallback');
  });

  it('says the sources do not say when a question names a thing they never speak of, whatever it shares with a card', async () => {
    app = await createTestApp();
    for (const [q, topic] of [
      ['what is the dress code for NEC ESS?', 'nec-ess'],
      ['what’s the wifi password at the Musée Social?', 'nec-ess'],
      ['quel est le salaire du duo chercheur journaliste ?', 'local-nec'],
      ['on peut se faire rembourser l’hotel a paris pour le nec ess ?', 'nec-ess'],
    ] as const)
      expect((await ask(q)).intent, q).toBe(`fallback:${topic}`);
    expect((await ask('can I bring my dog to NEC ESS?')).intent).not.toMatch(/^faq:/);
    // A typo, an adjective, a number after a determiner name nothing new.
    expect((await ask('what’s the alowance for first-time NEC ESS participants?')).intent).toBe(
      'faq:nec-ess-travel-allowance',
    );
    expect((await ask('is digital accessibility an accepted theme for local events?')).intent).toBe(
      'faq:local-nec-themes',
    );
    expect((await ask('who can aply to organise a locl NEC?')).intent).toBe('faq:local-nec-who-may-apply');
  });

  it('reads « au juste » and « à hauteur de » as how a question is said, and the seeds’ own words', async () => {
    app = await createTestApp();
    expect((await ask('que fait le SOGA au juste ?')).intent).toBe('faq:soga');
    expect((await ask('le ministere finance a hauteur de combien les projets ?')).data?.entry).toBe(
      'meae-nir-funding',
    );
    expect((await ask('la lutte contre l’obsolescence programmée entre dans quel volet ?')).intent).toBe(
      'faq:meae-nir-responsible-actions',
    );
    expect((await ask('la cybersecurite fait partie des themes possibles pour un nec local ?')).intent).toBe(
      'faq:local-nec-themes',
    );
  });

  it('picks the entry holding the fact on the topic the question names, not the topic’s overview', async () => {
    app = await createTestApp();
    expect((await ask('budget max nec local')).intent).toBe('faq:local-nec-grant');
    expect((await ask('contact for the Numérique Inclusif et Responsable call')).intent).toBe(
      'faq:meae-nir-contacts',
    );
    expect((await ask('qui peut repondre a l’appel du ministere des affaires etrangeres')).intent).toBe(
      'faq:meae-nir-who',
    );
    // No year named: the current edition, not an earlier one held in the same city.
    expect((await ask('le nec ess c’est à Bruxelles ?')).intent).toBe('faq:nec-ess-dates');
    expect((await ask('c’était où le nec ess 2023 ?')).intent).toBe('faq:nec-ess-2023');
  });

  it('answers paraphrases, typos and a French name inside an English question, in the question’s language', async () => {
    app = await createTestApp();
    expect((await ask('Has any local NEC happened overseas?')).intent).toBe('faq:local-nec-figures');
    expect((await ask('les interconectés c’est quoi exactement ?')).intent).toBe('faq:interconnectes-what');
    expect((await ask('which documentary did Nancy preview?')).text).toContain('LOL');
    const english = await ask('Who runs the Territoire Numérique Libre award?', 'en-user');
    expect(english.intent).toBe('faq:tnl-what');
    expect(english.text).toContain('Source:');
  });

  it('answers in the question’s own language when its words tell it, whatever the conversation’s was', async () => {
    app = await createTestApp();
    expect((await ask('bonjour, c’est quoi un nec local ?', 'fr-user')).text).toContain('Source :');
    const email = await ask("SOGA's email?", 'fr-user');
    expect(email.intent).toBe('fallback:nec-ess');
    expect(email.text).toContain('My sources');
    // A French name and one English word, as a first message: the English word decides.
    expect((await ask('Territoire Numérique Libre winners?', 'new')).text).toContain('Source:');
    // Other proper names are set aside too, with the small words joining their parts.
    expect((await ask('when is the 2026 Congrès des Maires?', 'new')).text).toContain('My sources');
    expect(
      (await ask('where did Nancy get the label at the Congrès des Maires de France?', 'new')).text,
    ).toContain('Source:');
    // A lone word both languages use does not switch a conversation.
    expect((await ask('what is a local NEC?', 'en-user')).text).toContain('Source:');
    expect((await ask('contact ?', 'en-user')).text).toContain('Source:');
  });

  it('answers a two-part question from two entries', async () => {
    app = await createTestApp();
    const reply = await ask('qui peut candidater et quelle est la date limite pour un nec local ?');
    // In the question's order.
    expect(reply.intent).toBe('faq:local-nec-who-may-apply+local-nec-deadline');
    expect(reply.text).toContain('4 mois');
    expect(reply.text).toContain('personne morale');
    expect((await ask('c’est quand le nec ess 2025 et c’est sur quel thème')).intent).toBe(
      'faq:nec-ess-dates+nec-ess-theme',
    );
    expect((await ask('territoir’prod et intercotour, c quoi la diff')).intent).toBe(
      'faq:territoirprod+intercotour',
    );
    // « et » inside a name splits nothing.
    expect((await ask('qui peut répondre à l’appel Numérique Inclusif et Responsable ?')).intent).toBe(
      'faq:meae-nir-who',
    );
  });

  it('keeps the previous question’s topic for a follow-up, per person', async () => {
    app = await createTestApp();
    expect((await ask('c’est quoi l’appel numérique inclusif et responsable', 'p')).intent).toBe(
      'faq:meae-nir-what',
    );
    expect((await ask('et la date limite ?', 'p')).intent).toBe('faq:meae-nir-calendar');
    expect((await ask('c’est quoi un nec local', 'q')).intent).toBe('faq:local-nec-what');
    expect((await ask('et la date limite ?', 'q')).intent).toBe('faq:local-nec-deadline');
  });

  it('keeps the person’s previous topic for a new question naming none, and for a bare fragment', async () => {
    app = await createTestApp();
    await ask('c’est quoi un nec local ?', 'r');
    expect((await ask('comment je m’inscris ?', 'r')).intent).toBe('faq:local-nec-how-to-apply');
    await ask('what is the réseau des Interconnectés?', 's');
    expect((await ask('who can I get in touch with?', 's')).intent).toBe('faq:interconnectes-contact');
    // A fragment after a call's answer: that call's "the sources don't say", with its contact.
    await ask('c’est quoi l’appel numérique inclusif et responsable ?', 't');
    const place = await ask('Ouidah', 't');
    expect(place.intent).toBe('fallback:meae-nir');
    expect(place.text).toContain('morgane.millon@diplomatie.gouv.fr');
    // Something else altogether stays the plain fallback.
    await ask('c’est quoi un nec local ?', 'v');
    expect((await ask('tell me a joke', 'v')).intent).toBe('fallback');
    await ask('c’est quoi un nec local ?', 'w');
    expect((await ask('quel temps fait-il à Paris ?', 'w')).intent).toBe('fallback');
  });

  it('prefers the current call’s entries when asked inside its application', async () => {
    app = await createTestApp();
    const question = 'c’est quoi le montant max de la subvention ?';
    expect(app.faq.search(question, 'fr', { callId: 'local-nec' }).entry?.id).toBe('local-nec-grant');
    expect(app.faq.search('quand ferme l’appel ?', 'fr', { callId: 'meae-nir' }).entry?.id).toBe(
      'meae-nir-calendar',
    );
  });

  it('does not answer inside an application with another topic’s card that only shares words', async () => {
    app = await createTestApp();
    const limit = app.faq.search('what’s the page limit for the application?', 'en', { callId: 'meae-nir' });
    expect(limit.confident).toBe(false);
    expect(limit.topic).toBe('meae-nir');
    // A question naming its own topic is still answered there.
    const stages = app.faq.search('how many stages did the 2018 IntercoTOUR have?', 'en', {
      callId: 'meae-nir',
    });
    expect(stages.entry?.id).toBe('intercotour');
  });

  it('does not give the overview to « which X » when the overview does not speak of X', async () => {
    app = await createTestApp();
    expect((await ask('which hotel should I book for NEC ESS?')).intent).toBe('fallback:nec-ess');
    expect((await ask('which level did Nancy reach?')).intent).toBe('faq:tnl-nancy');
    expect((await ask('combien d’étapes avait l’IntercoTOUR 2018 ?')).intent).toBe('faq:intercotour');
  });

  it('answers a question typed during an application from that call’s entries, then goes back to it', async () => {
    app = await createTestApp();
    await app.say('d', 'candidater local-nec');
    const replies = await app.say('d', 'quel est le montant max de la subvention ?');
    expect(replies.map((r) => r.intent)).toContain('faq:local-nec-grant');
    expect(replies.map((r) => r.intent)).toContain('dialog:resume');
  });

  it('gives the plain fallback, never an entry, to unreadable input, and does not log it', async () => {
    app = await createTestApp();
    // Control characters are stripped as a message enters the bot (test/features/stranger.test.ts).
    for (const q of ['asdfgh qwrtz zxcvb', `${'pourquoi le nec ess '.repeat(30)}?`]) {
      const reply = await ask(q);
      expect(reply.intent, JSON.stringify(q)).toBe('fallback');
      // No entry offered (a first message gets the greeting's three paths, nothing of the FAQ's).
      expect((reply.choices ?? []).filter((c) => c.id.startsWith('faq:'))).toEqual([]);
    }
    expect((await ask('🎉🎉🎉')).intent).toBe('fallback');
    const [list] = await app.say('m', 'unanswered', { isManager: true });
    expect(list?.text).not.toContain('asdfgh');
  });
});

describe('FAQ: questions a stranger asked on main', () => {
  it('reads chat spellings of question words', async () => {
    app = await createTestApp();
    expect((await ask('c koi les interconnectes')).intent).toBe('faq:interconnectes-what');
  });

  it('gives the topic’s figures to a count of the topic’s own events', async () => {
    app = await createTestApp();
    expect((await ask('combien de NEC locaux ont été organisés ?')).intent).toBe('faq:local-nec-figures');
  });

  it('answers what a call funds with its fields, not with the amount it does not give', async () => {
    app = await createTestApp();
    expect((await ask('what does NIR fund?')).intent).toBe('faq:meae-nir-fields');
  });

  it('says the sources are silent on a price, a dog or whether something counts, instead of answering', async () => {
    app = await createTestApp();
    const free = await ask('is the Forum free?');
    expect(free.intent).toBe('fallback:interconnectes');
    expect(free.text).toContain('that price');
    // Not the card on the NEC events « à venir », recording what the sources lack: it shares one word.
    const dog = await ask('Peut-on venir avec son chien au NEC ?');
    expect(dog.intent).toMatch(/^fallback/);
    expect(dog.text).not.toContain('Prochains NEC locaux');
    expect(
      app.faq.search('ça compte les intervenants ?', 'fr', { callId: 'local-nec' }).unknown,
    ).toBeDefined();
  });

  it('says what the sources do not give in one grammatical phrase', async () => {
    app = await createTestApp();
    const dates = await ask('quand est le NEC ESS 2026 ?');
    expect(dates.intent).toBe('fallback:nec-ess');
    expect(dates.text).toContain('ne donnent pas cette date pour 2026');
    expect((await ask('NEC ESS 2026 ?')).text).toContain('ne donnent pas d’information pour 2026');
    expect((await ask('adresse et téléphone du Musée Social ?')).text).toContain(
      'ne donnent pas l’adresse postale ou ce numéro de téléphone',
    );
  });

  it('does not answer a fact asked of a name the sources never speak of', async () => {
    app = await createTestApp();
    expect((await ask('combien de NEC locaux ont eu lieu en Bretagne ?')).intent).toBe('fallback:local-nec');
    expect((await ask("what's the phone number of the SCAC in Dakar?")).intent).toMatch(/^fallback/);
    // A place the sources do not name sets the scene of a question they do answer.
    expect((await ask('is there a local nec coming up near Lyon')).data?.entry).toBe('local-nec-upcoming');
  });

  it('tells apart the kinds of fact about people: a name, who heads it, a job title', async () => {
    app = await createTestApp();
    expect((await ask('who runs the Social Good Accelerator')).intent).toBe('faq:soga');
    expect((await ask('qui préside le réseau des interconnectés ?')).intent).toBe('fallback:interconnectes');
    expect((await ask("what is Amélie Naquet's job title at ANCT?")).intent).toBe('fallback:local-nec');
    expect((await ask('what are the Musée Social’s opening hours?')).intent).toBe('fallback:nec-ess');
  });
});
