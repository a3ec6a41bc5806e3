/**
 * First contact, as conversation scripts: a greeting that orients, help that fits the person and the moment,
 * and the current question asked again after anything else said in the middle of an application.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/message.ts';
import { askedSlot, driveToSummary, ELIGIBLE_LOCAL_NEC } from '../dialogs/support.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const intents = (replies: Reply[]) => replies.map((r) => r.intent);
const last = (replies: Reply[]) => replies.at(-1) as Reply;

/** Starts a local NEC application and answers its first two steps: the current one is the event date. */
async function atEventDate(user: string): Promise<void> {
  await app?.say(user, 'candidater local-nec');
  await app?.say(user, 'Les Liens');
  const r = (await app?.say(user, 'association')) ?? [];
  expect(askedSlot(r)).toBe('event_date');
}

describe('the greeting', () => {
  it('orients a newcomer: who the bot is in one line, three paths with the open calls, one help line', async () => {
    // 2024-02-01: the foreign ministry's call is open (10 January – 13 March 2024).
    app = await createTestApp({ now: '2024-02-01T10:00:00+01:00' });
    const [hello] = await app.say('ana', 'bonjour');
    expect(hello?.intent).toBe('welcome');
    const lines = (hello?.text ?? '').split('\n');
    expect(lines[0]).toBe('Bonjour ! Je suis nec-bot, l’assistant de la communauté Numérique en Commun[s].');
    expect(hello?.text).toMatch(
      /^• \*\*préparer une candidature\*\* pas à pas \(appels ouverts : .*Numérique Inclusif/m,
    );
    expect(hello?.choices?.map((c) => c.id)).toEqual(['faq', 'candidater', 'rappels']);
    expect(hello?.text).toContain('« aide »');
    expect(hello?.text).not.toContain('statistiques');
  });

  it('answers "hello" in English, and « Bonjour, quand a lieu… ? » as the question it is', async () => {
    app = await createTestApp();
    const [hello] = await app.say('sam', 'Hello!');
    expect(hello?.intent).toBe('welcome');
    expect(hello?.text).toMatch(/^Hello! I am nec-bot/);
    expect(hello?.text).toMatch(/^• \*\*prepare an application\*\* step by step \(open calls?: /m);
    const question = await app.say('léa', 'Bonjour, quand a lieu NEC ESS Europe ?');
    expect(intents(question)[0]).toMatch(/^faq:/);
  });

  it('greets a first message it cannot answer in the same reply, after saying so; later ones get the honest fallback alone', async () => {
    app = await createTestApp();
    const first = await app.say('ana', 'zzz qqq');
    expect(intents(first)).toEqual(['fallback']);
    expect(first[0]?.text).toMatch(/^Je n’ai pas[\s\S]*\n\nBonjour ! Je suis nec-bot/);
    expect(first[0]?.choices?.map((c) => c.id)).toEqual(['faq', 'candidater', 'rappels']);
    expect(intents(await app.say('ana', 'zzz qqq'))).toEqual(['fallback']);
  });

  it('answers markup around a stray word once, in French, echoing none of it', async () => {
    app = await createTestApp();
    const replies = await app.say('ana', '<!here> [x](http://evil) **gras**');
    expect(intents(replies)).toEqual(['fallback']);
    const text = replies[0]?.text ?? '';
    expect(text).toMatch(/^Je n’ai pas de réponse sûre/);
    expect(text).toContain('Bonjour ! Je suis nec-bot');
    for (const echoed of ['<!here>', 'evil', '[x]', 'gras']) expect(text).not.toContain(echoed);
  });

  it('offers an application in progress first: « rebonjour, on en était où ? » says where it stands and asks', async () => {
    app = await createTestApp();
    await atEventDate('ana');
    const r = await app.say('ana', 'Rebonjour, on en était où ?');
    expect(intents(r)).toEqual(['welcome', 'dialog:local-nec:event_date']);
    expect(r[0]?.text).toMatch(
      /Votre candidature « .+ » vous attend : 2 réponses données, nous en sommes à l’étape 3\./,
    );
    expect(last(r).text).toMatch(/^Reprenons — \*\*Étape 3\*\*/);
  });
});

describe('« on en était où ? » with nothing in progress', () => {
  it('says there is no application in progress, then offers the three paths', async () => {
    app = await createTestApp();
    await app.say('ana', 'appels');
    const [where] = await app.say('ana', 'Rebonjour, on en était où ?');
    expect(where?.intent).toBe('welcome');
    expect(where?.text.split('\n')[0]).toBe('Rebonjour ! Vous n’avez pas de candidature en cours.');
    expect(where?.choices?.map((c) => c.id)).toEqual(['faq', 'candidater', 'rappels']);
    expect(where?.data).toMatchObject({ inProgress: false });
    // A newcomer asking it first hears who the bot is.
    const [first] = await app.say('sam', 'where were we?');
    expect(first?.text.split('\n').slice(0, 2)).toEqual([
      'Hello! I am nec-bot, the Numérique en Commun[s] community assistant.',
      'You have no application in progress.',
    ]);
  });

  it('names the application finished last, with its summary and export', async () => {
    app = await createTestApp();
    const start = await app.say('ana', 'candidater local-nec');
    await driveToSummary(app, 'ana', start, ELIGIBLE_LOCAL_NEC);
    const [where] = await app.say('ana', 'on en était où ?');
    const lines = where?.text.split('\n') ?? [];
    expect(lines[0]).toBe('Rebonjour ! Vous n’avez pas de candidature en cours.');
    const id = String(where?.data?.completed);
    expect(lines[1]).toBe(
      `Votre candidature « NEC local (appel à participation de l’ANCT) » est terminée : « récapitulatif ${id} » la remontre, « exporter ${id} » vous en donne le dossier.`,
    );
  });
});

describe('help', () => {
  it('groups what a newcomer can do now, without the managers’ commands nor those needing an application', async () => {
    app = await createTestApp();
    const [help] = await app.say('ana', 'aide');
    expect(help?.intent).toBe('help');
    const text = help?.text ?? '';
    for (const group of ['Questions', 'Candidatures', 'Rappels', 'Mes données'])
      expect(text).toContain(`**${group}**`);
    expect(text).toContain('`candidater [appel]`');
    expect(text).not.toContain('`exporter');
    expect(text).not.toMatch(/diffuser|statistiques|Gestion/);
    expect(help?.choices?.map((c) => c.id)).toEqual([
      'aide questions',
      'aide candidatures',
      'aide rappels',
      'aide donnees',
    ]);
  });

  it('shows the managers their own group, and `help <topic>` details one group', async () => {
    app = await createTestApp();
    const [help] = await app.say('max', 'help', { isManager: true });
    expect(help?.text).toMatch(/^• \*\*Managing \(community managers\)\*\* — `stats`, .*`broadcast/m);
    const [reminders] = await app.say('max', 'help reminders', { isManager: true });
    expect(reminders?.text).toMatch(/^\*\*Reminders\*\*\n• `remind me to <what> <when>` — /);
    expect(reminders?.text).toContain('`snooze');
    const [managing] = await app.say('ana', 'aide gestion');
    expect(managing?.text).not.toMatch(/diffuser|statistiques/);
  });

  it('inside an application: the step’s help, then the question again; « aide tout » the dialog commands first', async () => {
    app = await createTestApp();
    await atEventDate('ana');
    const r = await app.say('ana', 'aide');
    expect(intents(r)).toEqual(['dialog:help', 'dialog:local-nec:event_date']);
    expect(r[0]?.text.split('\n')[0]).toMatch(/^\*\*date de l’événement\*\* — /);
    const all = await app.say('ana', 'aide tout');
    expect(intents(all)).toEqual(['dialog:help', 'dialog:local-nec:event_date']);
    const text = all[0]?.text ?? '';
    expect(text.split('\n')[0]).toMatch(/^\*\*date de l’événement\*\* — /);
    expect(text.indexOf('**Pendant la candidature**')).toBeLessThan(
      text.indexOf('**Ce que vous pouvez faire**'),
    );
    expect(text).toContain('`retour`');
    // `aide rappels` names a group: it is help, not an answer to the date step.
    const topic = await app.say('ana', 'aide rappels');
    expect(intents(topic)).toEqual(['help', 'dialog:local-nec:event_date']);
  });
});

describe('resume and re-ask', () => {
  it.each([
    ['langue fr', 'language'],
    ['faq', 'faq:topics'],
    ['parler à quelqu’un', 'contact'],
    ['appels', 'calls'],
  ])('after « %s » mid-application, asks the current step again in one line', async (text, intent) => {
    app = await createTestApp();
    await atEventDate('ana');
    const r = await app.say('ana', text);
    expect(intents(r)).toEqual([intent, 'dialog:local-nec:event_date']);
    expect(last(r).text.split('\n')).toHaveLength(1);
    expect(last(r).text).toMatch(/^Reprenons — \*\*Étape 3\*\* \(encore \d+ questions ensuite\) — /);
  });

  it('after a declined « annuler », asks the current step again; a confirmed one asks nothing', async () => {
    app = await createTestApp();
    await atEventDate('ana');
    expect(intents(await app.say('ana', 'annuler'))).toEqual(['confirm:dialog-cancel']);
    const declined = await app.say('ana', 'non');
    expect(intents(declined)).toEqual(['confirm:dialog-cancel:declined', 'dialog:local-nec:event_date']);
    await app.say('ana', 'annuler');
    const confirmed = await app.say('ana', 'oui');
    expect(intents(confirmed)).toEqual(['dialog:cancelled']);
  });

  it('does not ask twice when the turn asked the step already', async () => {
    app = await createTestApp();
    await atEventDate('ana');
    const r = await app.say('ana', 'état');
    expect(intents(r).filter((i) => i === 'dialog:local-nec:event_date')).toHaveLength(1);
  });
});

describe('a thank-you', () => {
  it('answers a thank-you with « avec plaisir », not « je n’ai pas compris »; at a yes/no question, asks it again', async () => {
    app = await createTestApp();
    await app.say('ana', 'quand a lieu le NEC ESS ?');
    for (const thanks of ['merci', 'Super, merci beaucoup !', 'merci 🙏'])
      expect(await app.say('ana', thanks)).toMatchObject([
        { intent: 'thanks', text: expect.stringMatching(/^Avec plaisir !/) },
      ]);
    const [english] = await app.say('bob', 'thanks a lot!');
    expect(english?.text).toMatch(/^You’re welcome!/);
    await app.say('ana', 'oublie-moi');
    expect(intents(await app.say('ana', 'merci'))).toEqual(['confirm:forget-me']);
  });
});
