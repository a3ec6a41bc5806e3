import { describe, expect, it } from 'vitest';
import { readAsks } from '../../src/faq/asks.ts';
import { words } from '../../src/faq/terms.ts';

const asks = (q: string) => [...readAsks(words(q)).asks].sort();

describe('what a question asks for', () => {
  it('reads the one word that carries the ask', () => {
    expect(asks("SOGA's email?")).toEqual(['email']);
    expect(asks('numéro de téléphone de l’ANCT')).toEqual(['phone']);
    expect(asks('tel ANCT')).toEqual(['phone']);
    expect(asks('address of the Musée Social')).toEqual(['address']);
    expect(asks('Interconnectés membership fee')).toEqual(['price']);
    expect(asks('budget max nec local')).toEqual(['amount']);
    expect(asks('et la date limite ?')).toEqual(['deadline']);
    expect(asks('next NEC ESS in 2026?')).toEqual(['next']);
    expect(readAsks(words('next NEC ESS in 2026?')).years).toEqual(['2026']);
  });

  it('tells an e-mail address from a street address, and a count from a phone number', () => {
    expect(asks('adresse mail de l’anct')).toEqual(['email']);
    expect(asks('phone number of the SCAC')).toEqual(['phone']);
    expect(asks('combien de nec locaux')).toEqual(['figures']);
    expect(asks('combien de temps avant')).toEqual(['deadline']);
  });

  it('reads « quand » / "when" as a date only where it asks one, not where it joins two clauses', () => {
    expect(asks('quand a lieu le nec ess ?')).toEqual(['date']);
    expect(asks('le nec ess c’est quand ?')).toEqual(['date']);
    expect(asks('on peut quand même avoir des financements ?')).toEqual([]);
    expect(asks('faut-il y aller chaque année quand on a fait un NEC local ?')).toEqual([]);
    expect(asks('does ANCT look at diversity when selecting?')).toEqual([]);
  });

  it('reads the thing « quel » / "which" asks one of as what the entry must speak of', () => {
    const objects = (q: string) => {
      const typed = words(q);
      return readAsks(typed).objects.map((at) => typed[at]);
    };
    expect(objects('dans quelle salle Nancy a-t-elle montré le documentaire ?')).toEqual(['salle']);
    expect(objects('c’est quel genre de structure ?')).toEqual(['structure']);
    expect(objects('which radio station aired the podcast?')).toEqual(['radio']);
    // A cue phrase's own word, or a noun saying only how it is asked, is no object.
    expect(objects('quel jour a lieu le nec ess ?')).toEqual([]);
    expect(objects('à quelle occasion Nancy a eu le label ?')).toEqual([]);
  });

  it('reads where to find something as how, places counted as places or figures, and a sum asked after its verb', () => {
    expect(asks('le formulaire, on le télécharge où ?')).toEqual(['how']);
    expect(asks('le nec ess 2023 est passé dans combien de pays ?')).toEqual(['figures', 'place']);
    expect(asks('combien de places au total ?')).toEqual(['figures']);
    expect(asks('l’appel donne combien par collectivité ?')).toEqual(['amount']);
    expect(asks('un projet peut durer combien d’années ?')).toEqual(['duration']);
  });

  it('tells a price (what one pays, or that it is free) from a sum, and leaves « combien » open to both', () => {
    expect(asks('l’inscription est gratuite ?')).toEqual(['price']);
    expect(asks('faut-il payer pour utiliser la marque ?')).toEqual(['price']);
    expect(asks('le montant de la subvention')).toEqual(['amount']);
    expect(asks('la subvention peut payer la location ?')).toEqual(['amount']);
    expect(readAsks(words('does it cost anything to attend?')).objects).toEqual([]);
  });

  it('reads « avant quelle date » as a deadline, « à partir de » as no place, "who can I" as no eligibility', () => {
    expect(asks('il faut le demander avant quelle date ?')).toEqual(['deadline']);
    expect(asks('notre événement est dans 3 mois, c’est jouable ?')).toEqual(['deadline']);
    expect(asks('what if our event is in 6 weeks?')).toEqual(['deadline']);
    expect(asks('c’est à partir de combien de km ?')).toEqual(['figures']);
    expect(asks('who can I get in touch with?')).toEqual(['contact']);
    expect(asks('who can apply?')).toEqual(['who-may']);
  });

  it('reads whether someone may take part from a modal and a verb of taking part', () => {
    expect(asks('can a cooperative send two people to NEC ESS?')).toEqual(['who-may']);
    expect(asks('la région Normandie peut-elle vraiment candidater ?')).toEqual(['who-may']);
    // What someone else may do is no question of eligibility.
    expect(asks('the researcher ANCT can send')).toEqual([]);
  });

  it('takes a typo of a cue word, not another form of it', () => {
    expect(asks('telephnoe de l’anct')).toEqual(['phone']);
    expect(asks('le label récompense quoi ?')).toEqual([]);
    expect(asks('l’étape espagnole du NEC ESS')).toEqual([]);
    // A letter changed in a short word makes another word: « chose » is not "close".
    expect(asks('faut-il payer quelque chose ?')).toEqual(['price']);
  });

  it('reads « où » as a place only where it asks one, and where to act as how', () => {
    expect(asks('c’est où à paris le nec ess')).toEqual(['place']);
    expect(asks('le nec ess ou le nec local ?')).toEqual([]);
    expect(asks('ou deposer ma candidature')).toEqual(['how']);
  });

  it('tolerates a typo in a long cue word, never one that is another word of the knowledge base', () => {
    expect(asks('telephnoe de morgane')).toEqual(['phone']);
    expect(readAsks(words('is there a contract to sign'), (w) => w === 'contract').asks.has('contact')).toBe(
      false,
    );
  });

  it('reads the wider ways of asking a price, a contact, a next edition, the winners', () => {
    expect(asks('c’est combien l’entrée au forum ?')).toEqual(['amount']);
    expect(asks('do we have to pay to attend?')).toEqual(['price']);
    expect(asks('à qui m’adresser pour le label ?')).toEqual(['contact']);
    expect(asks('y aura-t-il une prochaine édition ?')).toEqual(['next']);
    expect(asks('will there be another edition')).toEqual(['next']);
    expect(asks('how many winners in Nancy?')).toEqual(['figures', 'winners']);
    expect(asks('is it too late to apply?')).toEqual(['deadline']);
    expect(asks('pour qui est le défraiement ?')).toEqual(['who-may']);
    // « c'est combien de … » counts: no price.
    expect(asks('c’est combien de mois avant ?')).toEqual(['deadline']);
  });

  it('reads the asks about people, times of day, web addresses, languages and what counts', () => {
    expect(asks('comment s’appelle le maire de Nancy ?')).toEqual(['name']);
    expect(asks('who runs the Social Good Accelerator')).toEqual(['head']);
    expect(asks("what is Amélie Naquet's job title?")).toEqual(['role']);
    expect(asks('what are the Musée Social’s opening hours?')).toEqual(['hours']);
    expect(asks('url of the interconnectes forum?')).toEqual(['web']);
    expect(asks('can we submit our application in English?')).toEqual(['language']);
    // A text in English is no question of language.
    expect(asks('le programme dont parle la page en anglais ?')).toEqual([]);
    expect(asks('ça compte les intervenants ?')).toEqual(['counts']);
    expect(asks('qu’est-ce que l’appel finance ?')).toEqual(['scope']);
    expect(asks('which projects won the call?')).toEqual(['winners']);
  });

  it('reads "free" as a price only where it is one, and a provisional budget as a document', () => {
    expect(asks('is the Forum free?')).toEqual(['price']);
    expect(asks('is it free to attend?')).toEqual(['price']);
    expect(asks('free software in Nancy')).toEqual([]);
    expect(asks('faut-il fournir un budget previsionnel')).toEqual([]);
    expect(asks('budget max nec local')).toEqual(['amount']);
  });

  it('says what a price is asked of, before it in English ("membership fee")', () => {
    const asked = readAsks(words('Interconnectés membership fee'));
    expect(asked.objects.map((at) => words('Interconnectés membership fee')[at])).toEqual(['membership']);
    expect([...asked.primary]).toEqual(['price']);
  });

  it('asks nothing in particular of a question about a subject', () => {
    expect(asks('quelles thematiques pour un nec local')).toEqual([]);
    expect(asks('comment immatriculer mon entreprise ?')).toEqual([]);
  });

  it('counts what follows « combien de » / "how many" even when it is a cue word itself (« étapes »)', () => {
    const typed = words('combien d’étapes avait l’IntercoTOUR 2018 ?');
    const asked = readAsks(typed);
    expect(asked.counted.map((at) => typed[at])).toEqual(['etapes']);
    // Stages counted are places too: a card giving their number or naming them answers.
    expect([...asked.asks].sort()).toEqual(['figures', 'place']);
  });

  it('reads "reach" as a contact only when someone is to be reached', () => {
    expect(asks('which level did Nancy reach?')).toEqual([]);
    expect(asks('how can I reach the SOGA?')).toContain('contact');
  });
  it('reads the verbs « s’adresser » and « joindre » (a document) apart from an address and a contact', () => {
    expect(asks("l'appel numérique inclusif et responsable s'adresse à qui ?")).toEqual(['who-may']);
    expect(asks('à qui s’adresse le NEC ESS ?')).toEqual(['who-may']);
    expect(asks('je m’adresse à qui pour le label ?')).toEqual(['contact']);
    expect(asks('quelle est l’adresse du Musée Social ?')).toEqual(['address']);
    expect(asks('faut-il joindre un budget prévisionnel ?')).toEqual([]);
    expect(asks('que faut-il joindre au dossier ?')).toEqual([]);
    expect(asks('comment joindre l’ANCT ?')).toEqual(['contact']);
    expect(asks('who is the Forum aimed at?')).toEqual(['who-may']);
    expect(asks('le label est destiné à quelles collectivités ?')).toEqual(['who-may']);
  });

  it('reads how long something is valid as its end date, and where to publish as how', () => {
    expect(asks('how long is the ANCT agreement valid?')).toEqual(['deadline']);
    expect(asks('la convention est valable combien de temps ?')).toEqual(['deadline']);
    expect(asks('how long does NEC ESS last?')).toEqual(['duration']);
    expect(asks('où publier les contenus produits pendant mon nec local ?')).toEqual(['how']);
    expect(asks('after the event, where are we supposed to upload the material?')).toEqual(['how']);
  });
});
