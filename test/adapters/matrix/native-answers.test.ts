/**
 * Matrix's native answers (real MatrixClient, homeserver on 127.0.0.1): a dialog's choice step is also sent
 * as an MSC3381 poll, and a vote (unstable or stable form) answers it and closes the poll; a yes/no question
 * gets ✅ / ❌ reactions, and a reaction answers it; a vote on an older poll answers nothing; a dialog started
 * in a room goes on in the DM, with its poll there.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHomeserver, type SentEvent } from '../../support/fake-homeserver.ts';
import { type MatrixBot, startMatrixBot } from '../../support/matrix-bot.ts';
import { plainSpaces } from '../../support/test-app.ts';

const DM = '!dm-camille:test.local';
const ROOM = '!general:test.local';
const CAMILLE = '@camille:test.local';
const POLL_START = 'org.matrix.msc3381.poll.start';

let server: FakeHomeserver;
let bot: MatrixBot | undefined;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(DM, { [CAMILLE]: 100 });
  server.invite(DM, CAMILLE, true);
  server.createRoom(ROOM, { [CAMILLE]: 0, '@dominique:test.local': 0 });
  server.invite(ROOM, CAMILLE);
  bot = await startMatrixBot(server);
  await server.until('the bot joins', () => server.membership(ROOM, server.botUserId) === 'join');
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await server.close();
});

/** Moves the manual clock on, as a person takes a few seconds per answer (the per-person rate limit). */
function later(): void {
  bot?.app.clock.advanceTo(new Date(bot.app.clock.now().getTime() + 5_000));
}

function say(room: string, text: string): Promise<SentEvent[]> {
  later();
  return server.ask(room, CAMILLE, text);
}

function vote(room: string, poll: SentEvent, answers: string[], stable = false): Promise<SentEvent[]> {
  later();
  const relation = { 'm.relates_to': { rel_type: 'm.reference', event_id: poll.event_id } };
  return stable
    ? server.act(room, CAMILLE, { ...relation, 'm.selections': answers }, 'm.poll.response')
    : server.act(
        room,
        CAMILLE,
        { ...relation, 'org.matrix.msc3381.poll.response': { answers } },
        'org.matrix.msc3381.poll.response',
      );
}

const pollIn = (events: SentEvent[]) => events.find((e) => e.type === POLL_START);
/** The bodies the bot sent, no-break spaces read as ordinary ones (French typography has its own test). */
const bodies = (events: SentEvent[]) =>
  events.map((e) => plainSpaces(String(e.content.body ?? ''))).join('\n');

describe('Matrix native answers', () => {
  it('sends a choice step as a poll too; a vote answers it and closes the poll', async () => {
    await say(DM, 'candidater local-nec');
    const replies = await say(DM, 'Les Liens');
    const notice = replies.find((e) => String(e.content.body).includes('Étape 2 '));
    expect(bodies([notice as SentEvent])).toMatch(/\n\s*1\. /);
    const poll = pollIn(replies);
    expect(poll?.room_id).toBe(DM);
    const start = poll?.content[POLL_START] as {
      kind: string;
      max_selections: number;
      question: Record<string, string>;
      answers: Array<Record<string, string>>;
    };
    expect(start.kind).toBe('org.matrix.msc3381.poll.disclosed');
    expect(start.max_selections).toBe(1);
    expect(start.question['org.matrix.msc1767.text']).toMatch(/^Étape 2 \(encore \d+ questions ensuite\) — /);
    expect(start.answers).toContainEqual({ id: 'association', 'org.matrix.msc1767.text': 'association' });
    // Clients without polls read the fallback: the question and its numbered answers.
    expect(String(poll?.content['org.matrix.msc1767.text'])).toMatch(/\n1\. /);

    const answered = await vote(DM, poll as SentEvent, ['association']);
    expect(bodies(answered)).toContain('Noté : association.');
    expect(bodies(answered)).toContain('Étape 3 ');
    expect(answered).toContainEqual(
      expect.objectContaining({
        type: 'org.matrix.msc3381.poll.end',
        content: expect.objectContaining({
          'm.relates_to': { rel_type: 'm.reference', event_id: poll?.event_id },
          // The adapter's own label, in French typography (a no-break space before the colon).
          'org.matrix.msc1767.text': 'Réponse\u00a0: association',
        }),
      }),
    );

    // A second vote on the closed poll answers nothing.
    expect(await vote(DM, poll as SentEvent, ['company'])).toEqual([]);
  });

  it('reads a vote in the stable m.poll.response form too', async () => {
    await say(DM, 'candidater local-nec');
    await say(DM, 'Les Liens');
    await say(DM, '1');
    const replies = await say(DM, '23/03/2027');
    const poll = pollIn(replies);
    expect(poll).toBeDefined();
    const answered = await vote(DM, poll as SentEvent, ['hybrid'], true);
    expect(bodies(answered)).toMatch(/Noté : (hybride|hybrid)/i);
  });

  it('closes the poll of a question answered by typing when the next one is asked', async () => {
    await say(DM, 'candidater local-nec');
    const asked = await say(DM, 'Les Liens');
    const poll = pollIn(asked) as SentEvent;
    const typed = await say(DM, '1');
    expect(typed).toContainEqual(
      expect.objectContaining({
        type: 'org.matrix.msc3381.poll.end',
        content: expect.objectContaining({
          'm.relates_to': { rel_type: 'm.reference', event_id: poll.event_id },
        }),
      }),
    );
    // The step after is a date: no poll is open, so the old poll's vote answers nothing.
    expect(await vote(DM, poll, ['company'])).toEqual([]);
  });

  it('offers ✅ / ❌ on a yes/no question, and a reaction answers it', async () => {
    await say(DM, 'candidater local-nec');
    const asked = await say(DM, 'annuler');
    const question = asked.find((e) => e.type === 'm.room.message');
    const reactions = asked.filter((e) => e.type === 'm.reaction');
    expect(reactions.map((r) => r.content['m.relates_to'])).toEqual([
      { rel_type: 'm.annotation', event_id: question?.event_id, key: '✅' },
      { rel_type: 'm.annotation', event_id: question?.event_id, key: '❌' },
    ]);
    later();
    const answered = await server.act(
      DM,
      CAMILLE,
      { 'm.relates_to': { rel_type: 'm.annotation', event_id: question?.event_id, key: '❌\uFE0F' } },
      'm.reaction',
    );
    expect(bodies(answered)).toContain('rien n’est supprimé');
  });

  it('goes on in the DM when a dialog starts in a room, its poll there too', async () => {
    later();
    const started = await server.ask(ROOM, CAMILLE, '!nec candidater local-nec');
    const inRoom = started.filter((e) => e.room_id === ROOM);
    expect(inRoom.every((e) => e.type === 'm.room.message')).toBe(true);
    const dm = started.find((e) => e.room_id !== ROOM)?.room_id;
    expect(dm).toBeDefined();
    const replies = await say(dm as string, 'Les Liens');
    expect(pollIn(replies)?.room_id).toBe(dm);
  });
});
