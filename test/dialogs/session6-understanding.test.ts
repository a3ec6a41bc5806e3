/**
 * What session 6's tuning part and strangers wrote, as conversation scripts on the real app: kinds of
 * organisation by their legal forms in either dialog, facts after `apply <call>`, days said without a month
 * or gone, edits in the plural.
 */
import { describe, expect, it } from 'vitest';
import { appPerTest, askedSlot, ELIGIBLE_LOCAL_NEC, intentsOf } from './support.ts';

const { start, answers, reach } = appPerTest();

const MEAE = { authority_name: 'Nantes', applicant_type: '1', foreign_partner: 'oui', partner_name: 'Dakar' };

describe('kinds of organisation', () => {
  it('reads a legal form (« une sarl ») and a university at the foreign ministry call as at the local NEC', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'applicant_type', MEAE);
    expect(intentsOf(await bot.say('u', 'une sarl'))).toContain('dialog:meae-nir:noted');
    expect((await answers('u')).applicant_type).toBe('company');
    const r = await bot.say('w', 'our university wants to apply to the MEAE decentralised cooperation call');
    if (intentsOf(r).includes('confirm:dialog-closed-call')) await bot.say('w', 'yes');
    expect((await answers('w')).applicant_type).toBe('other');
  });
});

describe('facts said after the call’s name', () => {
  it('« apply for the travel allowance, … 680 km from Paris … » fills the venue and the distance', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'apply for the travel allowance, we are about 680 km from Paris and will attend the Paris days',
    );
    await bot.say('u', 'yes');
    expect(await answers('u')).toMatchObject({ venue: 'paris', distance_km: 680 });
  });

  it('« le département de la Martinique veut déposer un projet NIR … » starts the foreign ministry call', async () => {
    const bot = await start();
    const r = await bot.say(
      'u',
      'le département de la Martinique veut déposer un projet NIR avec une commune d’Haïti',
    );
    expect(intentsOf(r)).toEqual(['confirm:dialog-closed-call']);
  });
});

describe('openings', () => {
  it('reads the head of « une fondation d’entreprise » as the kind, and « budget 16 000 € dont 10 000 € demandés » as both amounts', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'Bonjour, nous sommes une fondation d’entreprise et voulons organiser un NEC local en ligne',
    );
    expect((await answers('u')).legal_entity).toBe('other');
    await bot.say(
      'w',
      'nous sommes l’association Clic Solidaire et on prépare un NEC local, budget 16 000 € dont 10 000 € demandés',
    );
    expect(await answers('w')).toMatchObject({ budget_total: 16000, grant_requested: 10000 });
  });
});

describe('names said in a sentence', () => {
  it('« … une asso loi 1901 qui s’appelle Les Liens Numériques … » fills the name and the kind, in an opening or at the step', async () => {
    const bot = await start();
    await bot.say(
      'u',
      'Bonjour, on est une asso loi 1901 qui s’appelle Les Liens Numériques, on veut organiser un NEC local en hybride',
    );
    expect(await answers('u')).toMatchObject({
      organizer_name: 'Les Liens Numériques',
      legal_entity: 'association',
    });
    await bot.say('w', 'We are a nonprofit called Open Lab and we would like to organise a local NEC');
    expect((await answers('w')).organizer_name).toBe('Open Lab');
    await reach('v', 'local-nec', 'organizer_name', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('v', 'on est un collectif nommé « Clic & Lien »');
    expect(askedSlot(r)).toBe('event_date');
    expect(await answers('v')).toMatchObject({ organizer_name: 'Clic & Lien', legal_entity: 'association' });
  });
});

describe('steps named with their values, at any step', () => {
  it('« le budget c’est 9000, les 8000 c’est la subvention » at the goal fills those two, not the goal', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'le budget c’est 9000, les 8000 c’est la subvention');
    expect(askedSlot(r)).toBe('goal');
    expect(await answers('u')).toMatchObject({ budget_total: 9000, grant_requested: 8000 });
    expect((await answers('u')).goal).toBeUndefined();
    // A sentence that only mentions a budget is the goal.
    await bot.say('u', 'Un NEC pour 200 habitants, avec un budget serré');
    expect((await answers('u')).goal).toBe('Un NEC pour 200 habitants, avec un budget serré');
  });

  it('a share (« 80 % ») is no amount: asked back in euros', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'grant_requested', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', '80 %'))).toEqual(['dialog:local-nec:clarify']);
    expect((await answers('u')).grant_requested).toBeUndefined();
  });
});

describe('corrections and answers that look like them', () => {
  it('« ah si finalement la mairie nous soutient, j’avais oublié » corrects the support, not the free text before', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'budget_total', { ...ELIGIBLE_LOCAL_NEC, local_authority_support: 'non' });
    const r = await bot.say('u', 'ah si finalement la mairie nous soutient, j’avais oublié');
    expect(intentsOf(r)).toContain('dialog:local-nec:corrected');
    expect(await answers('u')).toMatchObject({
      local_authority_support: true,
      resources: ELIGIBLE_LOCAL_NEC.resources,
    });
  });

  it('« plutôt le numérique inclusif, … » at a choice step is its answer', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'fields', { ...MEAE, applicant_type: '1' });
    await bot.say('u', 'plutôt le numérique inclusif, la formation des agents');
    expect(await answers('u')).toMatchObject({ applicant_type: 'french_local_authority' });
    expect((await answers('u')).fields).toContain('inclusive');
  });
});

describe('questions about a step', () => {
  it('what a partner must be is the partners step’s help, in the language asked, at that step or another', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'what counts as a partner?');
    expect(intentsOf(r)[0]).toBe('dialog:step-help');
    expect(r[0]?.text).toContain('co-organisers and partners');
    // The application goes on in its own language.
    expect((await bot.say('u', 'Rapprocher les habitants du numérique'))[0]?.text).toMatch(/^Noté/);
    await reach('w', 'local-nec', 'partners', ELIGIBLE_LOCAL_NEC);
    const help = await bot.say('w', 'does a partner have to be signed up already or can it be in talks?');
    expect(intentsOf(help)[0]).toBe('dialog:step-help');
    expect(askedSlot(help)).toBe('partners');
  });
});

describe('leaving a step for later', () => {
  it('« je sais pas encore » to the skip offer takes it, rather than offering it again', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'area', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', 'je ne sais pas encore'))).toEqual(['confirm:dialog-skip-offer']);
    const r = await bot.say('u', 'je sais pas encore');
    expect(intentsOf(r)[0]).toBe('dialog:skipped');
    expect(askedSlot(r)).toBe('audience');
  });
});

describe('what the organiser is, and what is asked of it', () => {
  it('asks the kind of a grouping of local authorities (EPCI, syndicat mixte, métropole) rather than choosing', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'legal_entity', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'un syndicat mixte');
    expect(intentsOf(r)).toEqual(['dialog:local-nec:clarify']);
    expect(r[0]?.choices?.map((c) => c.id)).toEqual(['local_authority', 'public_body']);
    await bot.say('w', 'La Métropole de Lyon souhaite organiser un NEC local');
    expect(await answers('w')).toMatchObject({ organizer_name: 'Métropole de Lyon' });
    expect((await answers('w')).legal_entity).toBeUndefined();
  });

  it('asks an online event for its video tool’s capacity, and the MEAE call for the applicant’s name before its kind', async () => {
    await start();
    const r = await reach('u', 'local-nec', 'venue_capacity', {
      ...ELIGIBLE_LOCAL_NEC,
      event_format: 'en ligne',
    });
    expect(r.at(-1)?.text).toContain('outil de visioconférence');
    const meae = await reach('w', 'meae-nir', 'authority_name', MEAE);
    expect(meae.at(-1)?.text).toContain('Quelle structure candidate ?');
  });
});

describe('what is said to the bot rather than as an answer', () => {
  it('never stores a wait, thanks, a remark, small talk, a pause or a person asked for at a free-text step', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'goal', ELIGIBLE_LOCAL_NEC);
    for (const [text, intent] of [
      ['attendez deux secondes', 'dialog:local-nec:invalid'],
      ['hold on, checking', 'dialog:local-nec:invalid'],
      ['merci beaucoup pour votre aide', 'dialog:local-nec:clarify'],
      ['c’est long ce questionnaire', 'dialog:local-nec:aside'],
      ['are you a bot?', 'dialog:local-nec:aside'],
      ['on fait une pause', 'dialog:local-nec:aside'],
      // A person asked for is the contact handoff (src/features/person-request.ts), the step asked again.
      ['je veux parler à un humain', 'contact'],
      ['c’est pour un NEC local', 'dialog:local-nec:clarify'],
    ]) {
      const r = await bot.say('u', text as string);
      expect(intentsOf(r)[0], text).toBe(intent);
      expect(askedSlot(r), text).toBe('goal');
    }
    expect((await answers('u')).goal).toBeUndefined();
  });

  it('gives the help for a question without its mark, and offers the skip for checking, refusing or « question suivante »', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'authority_name', {});
    for (const text of [
      'pourquoi vous avez besoin du nom',
      'donnez-moi un exemple',
      'pardon je n’ai pas compris',
    ])
      expect(intentsOf(await bot.say('u', text))[0], text).toBe('dialog:step-help');
    for (const text of [
      'let me check with my team',
      'je ne veux pas répondre à ça',
      'question suivante',
      'no name yet',
    ]) {
      expect(intentsOf(await bot.say('u', text)), text).toEqual(['confirm:dialog-skip-offer']);
      await bot.say('u', 'non');
    }
    expect((await answers('u')).authority_name).toBeUndefined();
    // A correction still reads as one: « attendez, c'est … » is no wait.
    expect((await bot.say('u', 'Ville de Nantes'))[0]?.intent).toBe('dialog:meae-nir:noted');
  });

  it('shows the answers given for « montre-moi mes réponses »', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'area', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', 'montre-moi mes réponses'))[0]).toBe('dialog:local-nec:status');
  });
});

describe('what tuning part 5 taught', () => {
  it('records the value said with « modifier la date pour … », but not « change my answer about … »', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'area', ELIGIBLE_LOCAL_NEC);
    const r = await bot.say('u', 'modifier la date pour le 8 avril 2027');
    expect(intentsOf(r)).toContain('dialog:local-nec:corrected');
    expect((await answers('u')).event_date).toBe('2027-04-08');
    expect(askedSlot(await bot.say('u', 'change my answer about the format'))).toBe('event_format');
  });

  it('asks back a day gone (« last Friday »), a duration (« à 1h30 de TGV »), and welcomes one back', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', 'last Friday'))).toContain('dialog:local-nec:clarify');
    expect(intentsOf(await bot.say('u', 'Bonjour, je reprends ma candidature'))[0]).toBe(
      'dialog:local-nec:aside',
    );
    await reach('w', 'nec-ess-travel', 'distance_km', {
      organisation_name: 'Les Liens',
      first_participation: 'oui',
      venue: '1',
    });
    expect(intentsOf(await bot.say('w', 'à 1h30 de TGV'))).toEqual(['dialog:nec-ess-travel:clarify']);
    expect((await answers('w')).distance_km).toBeUndefined();
  });

  it('reads « les 2 » as both fields and « #7 only » as the seventh theme', async () => {
    const bot = await start();
    await reach('u', 'meae-nir', 'fields', MEAE);
    await bot.say('u', 'les 2');
    expect((await answers('u')).fields).toEqual(['inclusive', 'responsible']);
    await reach('w', 'local-nec', 'themes', ELIGIBLE_LOCAL_NEC);
    await bot.say('w', '#7 only');
    expect((await answers('w')).themes).toEqual(['accessibility']);
  });
});

describe('days', () => {
  it('asks which month for days said without one, and which day for one gone (« hier »)', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'event_date', ELIGIBLE_LOCAL_NEC);
    expect(intentsOf(await bot.say('u', 'the 2nd or the 9th, not sure'))).toEqual([
      'dialog:local-nec:clarify',
    ]);
    const gone = await bot.say('u', 'hier');
    expect(intentsOf(gone)).toEqual(['dialog:local-nec:invalid', 'dialog:local-nec:clarify']);
    expect(gone[1]?.choices?.map((c) => c.id)).toContain('2027-11-30');
    expect((await answers('u')).event_date).toBeUndefined();
  });
});

describe('edits', () => {
  it('« the partners are wrong », « les thèmes ne sont pas bons » open those steps', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'budget_total', ELIGIBLE_LOCAL_NEC);
    expect(askedSlot(await bot.say('u', 'the partners are wrong'))).toBe('partners');
    expect(askedSlot(await bot.say('u', 'les thèmes ne sont pas bons'))).toBe('themes');
  });
});

describe('corrections of a free-text answer', () => {
  it('« my bad, the area is Saint-Nazaire, not Nantes » at a later step changes the area, less what is not meant', async () => {
    const bot = await start();
    await reach('u', 'local-nec', 'audience', { ...ELIGIBLE_LOCAL_NEC, area: 'Nantes' });
    expect((await answers('u')).area).toBe('Nantes');
    await bot.say('u', 'my bad, the area is Saint-Nazaire, not Nantes');
    expect((await answers('u')).area).toBe('Saint-Nazaire');
    expect((await answers('u')).audience).toBeUndefined();
  });
});
