/**
 * Whole conversations in a Matrix DM (real MatrixClient, homeserver on 127.0.0.1): a question the FAQ
 * answers, and a local NEC application from the first question to the exported file, answered with numbers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHomeserver, type SentEvent } from '../../support/fake-homeserver.ts';
import { type MatrixBot, startMatrixBot } from '../../support/matrix-bot.ts';
import { plainSpaces } from '../../support/test-app.ts';

const DM = '!dm-camille:test.local';
const CAMILLE = '@camille:test.local';

let server: FakeHomeserver;
let bot: MatrixBot | undefined;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(DM, { [CAMILLE]: 100 });
  server.invite(DM, CAMILLE, true);
  bot = await startMatrixBot(server);
  await server.until('the bot joins the DM', () => server.membership(DM, server.botUserId) === 'join');
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await server.close();
});

/** The bodies the bot sent, no-break spaces read as ordinary ones (French typography has its own test). */
const bodies = (events: SentEvent[]) =>
  events.map((e) => plainSpaces(String(e.content.body))).join('\n---\n');
const html = (events: SentEvent[]) => events.map((e) => String(e.content.formatted_body)).join('\n');

describe('a question in a DM', () => {
  it('is answered by the FAQ, with its source', async () => {
    const replies = await server.ask(DM, CAMILLE, 'Combien de participants faut-il pour être financé ?');
    expect(replies).toHaveLength(1);
    expect(bodies(replies)).toContain('150');
    expect(bodies(replies)).toContain('Source');
    expect(replies[0]?.content['m.relates_to']).toBeUndefined();
  });
});

describe('a local NEC application in a DM', () => {
  it('goes from the first question to the summary and the exported file, with numbered answers', async () => {
    // A person types at human speed: the per-person rate limit (10 messages / 10 s) reads the manual clock.
    const say = (text: string) => {
      bot?.app.clock.advanceTo(new Date(bot.app.clock.now().getTime() + 5_000));
      return server.ask(DM, CAMILLE, text);
    };
    let replies = await say('candidater local-nec');
    expect(bodies(replies)).toMatch(/Étape 1\b/);

    // User input quoted back is escaped in the HTML, never markup.
    replies = await say('Les <b>Liens</b> & Cie');
    expect(html(replies)).toContain('Les &lt;b&gt;Liens&lt;/b&gt; &amp; Cie');
    expect(html(replies)).not.toContain('<b>Liens');
    // The next step offers its choices as a numbered list, answered with a number.
    expect(html(replies)).toMatch(/<ol><li>[^<]+<\/li><li>/);
    expect(bodies(replies)).toMatch(/\n\s*1\. /);
    replies = await say('1');
    expect(bodies(replies)).toContain('Noté : association.');

    const answers = [
      '23/03/2027',
      'hybride',
      '1, 7',
      'Réunir médiateurs et élus autour d’outils partagés.',
      'Métropole de Lyon',
      'médiateurs numériques et élus',
      '150 personnes',
      '200',
      'Ville de Lyon, La Base',
      'oui',
      'Ville de Lyon',
      'ateliers et tables rondes',
      'deux salariés, une salle, une campagne de communication',
      '12 000 €',
      '9 600 €',
      'oui',
    ];
    for (const answer of answers) replies = await say(answer);
    expect(bodies(replies)).toContain('Récapitulatif');
    expect(bodies(replies)).toContain('inclusion numérique, accessibilité numérique');
    // The answers follow their heading as an HTML table, user input escaped.
    expect(html(replies)).toMatch(
      /<p><strong>Vos réponses<\/strong><\/p><table><tbody><tr><th>[^<]+<\/th><td><p>Les &lt;b&gt;Liens&lt;\/b&gt; &amp; Cie<\/p><\/td><\/tr>/,
    );

    // The reminders offer is a yes/no question; then the export arrives as files in the media repository.
    await say('non');
    replies = await say('exporter');
    const files = replies.filter((e) => e.content.msgtype === 'm.file');
    expect(files.map((f) => (f.content.info as { mimetype: string }).mimetype)).toEqual([
      'text/markdown',
      'application/json',
      'text/calendar',
    ]);
    const json = server.uploads.get(String(files[1]?.content.url))?.data.toString() ?? '{}';
    expect(JSON.parse(json).answers).toMatchObject({
      organizer_name: 'Les <b>Liens</b> & Cie',
      venue_capacity: 200,
    });
    expect(replies.every((e) => e.room_id === DM)).toBe(true);
  });
});
