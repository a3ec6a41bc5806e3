/**
 * The channel welcome on Matrix, with the real MatrixClient against the fake homeserver: a moderator types
 * `!nec welcome on`, then a person joining gets a notice addressed to them alone (or a DM with
 * MATRIX_WELCOME_DM), once; a profile change, a return, or a room where it is off gets nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHomeserver } from '../../support/fake-homeserver.ts';
import { type MatrixBot, startMatrixBot } from '../../support/matrix-bot.ts';

const ROOM = '!community:test.local';
const ALICE = '@alice:test.local';
const BOB = '@bob:test.local';
const CAROL = '@carol:test.local';

let server: FakeHomeserver;
let bot: MatrixBot | undefined;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(ROOM, { [ALICE]: 100, [BOB]: 0 });
});

afterEach(async () => {
  await bot?.stop();
  bot = undefined;
  await server.close();
});

async function joinedBot(env: Record<string, string> = {}): Promise<void> {
  server.invite(ROOM, ALICE);
  bot = await startMatrixBot(server, { env });
  await server.until('the bot joins', () => server.membership(ROOM, server.botUserId) === 'join');
}

describe('a person joining a room', () => {
  it('gets a notice addressed to them alone, once, when a moderator turned the welcome on', async () => {
    await joinedBot();
    const [forbidden] = await server.ask(ROOM, BOB, '!nec welcome on');
    expect(forbidden?.content.body).toMatch(/^Only community managers/);
    const [on] = await server.ask(ROOM, ALICE, '!nec welcome on');
    expect(on?.content.body).toMatch(/^Done: whoever joins this channel/);

    const [welcome, ...more] = await server.join(ROOM, CAROL, 'Carol');
    expect(more).toEqual([]);
    expect(welcome?.room_id).toBe(ROOM);
    expect(welcome?.content).toMatchObject({
      msgtype: 'm.notice',
      'm.mentions': { user_ids: [CAROL] },
    });
    expect(welcome?.content['m.relates_to']).toBeUndefined();
    expect(welcome?.content.body).toMatch(/^Carol: Welcome to this channel! I am nec-bot/);
    expect(welcome?.content.formatted_body).toMatch(
      /^<p><a href="https:\/\/matrix\.to\/#\/@carol:test\.local">Carol<\/a>: Welcome to this channel!/,
    );

    // A new display name is a join event too; leaving and coming back is not a first arrival.
    expect(await server.join(ROOM, CAROL, 'Carol B.')).toEqual([]);
    server.leave(ROOM, CAROL);
    expect(await server.join(ROOM, CAROL, 'Carol')).toEqual([]);
  });

  it('gets nothing where the welcome is off', async () => {
    await joinedBot();
    expect(await server.join(ROOM, CAROL)).toEqual([]);
    await server.ask(ROOM, ALICE, '!nec accueil on');
    await server.ask(ROOM, ALICE, '!nec accueil off');
    expect(await server.join(ROOM, '@dave:test.local')).toEqual([]);
  });

  it('gets the welcome in their DM with MATRIX_WELCOME_DM', async () => {
    await joinedBot({ MATRIX_WELCOME_DM: 'true' });
    await server.ask(ROOM, ALICE, '!nec accueil on');
    await server.join(ROOM, CAROL, 'Carol');
    const [welcome] = await server.until('the welcome in a DM', () => {
      const sent = server.sent.filter((e) => e.room_id !== ROOM);
      return sent.length > 0 ? sent : undefined;
    });
    expect(welcome?.content.body).toMatch(/^Bienvenue dans ce canal\u202f!/);
    expect(server.membership(welcome?.room_id ?? '', CAROL)).toBe('join');
  });
});
