/**
 * Numbers and names where a stranger saw them go wrong: a bare number in a correction goes to the step that
 * counts (never to a free-text one) or the bot asks which; a number of people or an amount typed at a
 * free-text step fills its own step and says so; an unusual head count is asked to be confirmed; the facts of
 * an opening (« Mairie de Créteil », « 160 participants », "the association Coop'Num") are all taken and listed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApplicationStore } from '../../dialogs/application.ts';
import type { Reply } from '../../src/core/message.ts';
import { userKey } from '../../src/store/user-records.ts';
import { runJsonl } from '../support/jsonl.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { askedSlot, ELIGIBLE_LOCAL_NEC, reply } from './support.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const start = () => createTestApp({ now: '2026-12-01T10:00:00+01:00' });
const answers = async (user: string) =>
  (await new ApplicationStore((app as TestApp).records).list(userKey('shell', user)))[0]?.answers ?? {};

/** Answers the local NEC's steps from the eligible application until `slot` is asked. */
async function reach(user: string, slot: string, opening = 'candidater local-nec'): Promise<Reply[]> {
  let r = await (app as TestApp).say(user, opening);
  for (let guard = 0; guard < 30 && askedSlot(r) !== slot; guard++)
    r = await (app as TestApp).say(user, ELIGIBLE_LOCAL_NEC[askedSlot(r) as string] as string);
  expect(askedSlot(r)).toBe(slot);
  return r;
}

describe('a bare number in a correction', () => {
  it('after a free-text answer, is not stored as that text: the bot asks which step it is for', async () => {
    app = await start();
    await reach(
      'u',
      'themes',
      'Bonjour, nous sommes la Mairie de Créteil et voulons organiser un NEC local hybride le 15 juin 2027',
    );
    let r = await app.say('u', 'non attendez, c’est 180');
    expect((await answers('u')).organizer_name).toBe('Mairie de Créteil');
    const which = reply(r, 'dialog:local-nec:clarify');
    expect(which.text).toBe('À quelle réponse correspond « 180 » ?');
    expect(which.choices?.map((c) => c.id)).toContain('expected_attendance');
    r = await app.say('u', 'nombre de participants');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe(
      'Noté pour « nombre de participants attendus » : 180 personnes.',
    );
    expect(askedSlot(r)).toBe('themes');
    expect(await answers('u')).toMatchObject({
      organizer_name: 'Mairie de Créteil',
      expected_attendance: 180,
    });
  });

  it('goes to the one answered step that counts people', async () => {
    app = await start();
    await reach('u', 'partners');
    // Two head counts were given (attendance, capacity): « 180 personnes » names which.
    let r = await app.say('u', 'en fait 180 personnes');
    expect(reply(r, 'dialog:local-nec:corrected').text).toBe(
      'Corrigé : nombre de participants attendus : 180 personnes.',
    );
    r = await app.say('u', 'oups, c’est 250 places');
    expect(reply(r, 'dialog:local-nec:corrected').text).toBe('Corrigé : capacité du lieu : 250 places.');
    expect(askedSlot(r)).toBe('partners');
  });
});

describe('a quantity typed at a free-text step', () => {
  it('« on attend 200 personnes » at the audience fills the attendance and asks the audience again', async () => {
    app = await start();
    await reach('u', 'audience');
    let r = await app.say('u', 'on attend 200 personnes');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe(
      'Noté pour « nombre de participants attendus » : 200 personnes.',
    );
    expect(askedSlot(r)).toBe('audience');
    expect((await answers('u')).audience).toBeUndefined();
    // « 20 000 euros »: the budget or the grant? Asked, with both as buttons.
    r = await app.say('u', '20000 euros');
    const which = reply(r, 'dialog:local-nec:clarify');
    expect(which.choices?.map((c) => c.id)).toEqual(['budget_total', 'grant_requested']);
    r = await app.say('u', '1');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe(
      'Noté pour « budget total prévisionnel » : 20 000 €.',
    );
    expect(askedSlot(r)).toBe('audience');
    r = await app.say('u', 'médiateurs numériques');
    expect(askedSlot(r)).toBe('venue_capacity');
    expect(await answers('u')).toMatchObject({
      audience: 'médiateurs numériques',
      expected_attendance: 200,
      budget_total: 20000,
    });
  });
});

describe('an unusual head count', () => {
  it('« 12000 » is asked to be confirmed, with a zero fewer as the other button', async () => {
    app = await start();
    await reach('u', 'expected_attendance');
    let r = await app.say('u', '12000');
    const doubt = reply(r, 'dialog:local-nec:clarify');
    expect(doubt.text).toBe('12 000 personnes, c’est beaucoup pour un événement local : c’est bien cela ?');
    expect(doubt.choices?.map((c) => c.id)).toEqual(['12000', '1200']);
    expect((await answers('u')).expected_attendance).toBeUndefined();
    r = await app.say('u', '2');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : 1 200 personnes.');
  });

  it('« oui » or the same number again takes it', async () => {
    app = await start();
    await reach('u', 'expected_attendance');
    await app.say('u', '12000');
    let r = await app.say('u', 'oui');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : 12 000 personnes.');
    r = await app.say('u', '8000');
    expect(reply(r, 'dialog:local-nec:clarify').text).toContain('8 000 personnes');
    r = await app.say('u', '8 000');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : 8 000 places.');
  });
});

describe('facts of an opening, all taken and listed', () => {
  it('« Mairie de Créteil » and « 160 participants »', async () => {
    app = await start();
    const r = await app.say(
      'u',
      'Bonjour, je suis à la Mairie de Créteil, on veut organiser un NEC local pour 160 participants',
    );
    expect(reply(r, 'dialog:local-nec:facts').text).toBe(
      'J’ai noté : structure organisatrice : Mairie de Créteil ; type de structure : collectivité territoriale et nombre de participants attendus : 160 personnes — « modifier … » pour corriger.',
    );
    expect(askedSlot(r)).toBe('event_date');
  });

  it('"we are the association Coop\'Num": the name is not read as a cooperative', async () => {
    app = await start();
    const r = await app.say(
      'u',
      "Hello, we are the association Coop'Num and we'd like to organise a local NEC",
    );
    expect(reply(r, 'dialog:local-nec:facts').text).toContain("Coop'Num");
    expect(reply(r, 'dialog:local-nec:facts').text).toContain('type of organiser: association');
    expect(askedSlot(r)).toBe('event_date');
  });

  it('a name answered at its step proposes its kind (« Mairie de Créteil »), which « oui » confirms', async () => {
    app = await start();
    await app.say('u', 'candidater local-nec');
    let r = await app.say('u', 'Mairie de Créteil');
    expect(reply(r, 'dialog:local-nec:legal_entity').text).toContain(
      'D’après son nom, « Mairie de Créteil » est : collectivité territoriale ? « oui » pour le confirmer',
    );
    r = await app.say('u', 'oui');
    expect(reply(r, 'dialog:local-nec:noted').text).toBe('Noté : collectivité territoriale.');
    expect(askedSlot(r)).toBe('event_date');
  });

  it('through the scripting interface', async () => {
    app = await start();
    const out = await runJsonl(
      app,
      [
        {
          user: 'u',
          text: 'Bonjour, je suis à la Mairie de Créteil, on veut organiser un NEC local pour 160 participants',
        },
        { user: 'u', text: '15/06/2027' },
        { user: 'u', text: 'non attendez, c’est 180' },
      ]
        .map((line) => `${JSON.stringify(line)}\n`)
        .join(''),
    );
    const texts = (i: number) => ((out[i]?.replies ?? []) as Array<{ text: string }>).map((r) => r.text);
    expect(texts(0).join('\n')).toContain('nombre de participants attendus : 160');
    expect(texts(2).join('\n')).toContain('Corrigé : nombre de participants attendus : 180 personnes.');
  });
});
