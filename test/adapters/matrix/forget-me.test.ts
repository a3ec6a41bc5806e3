/**
 * `forget me` on Matrix (real MatrixClient, homeserver on 127.0.0.1): the file messages the bot sent the person
 * are listed in their records, redacted when they are forgotten, and the report says so; nothing of them stays.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHomeserver, type SentEvent } from '../../support/fake-homeserver.ts';
import { type MatrixBot, startMatrixBot } from '../../support/matrix-bot.ts';
import { rawRows } from '../../support/raw-store.ts';

const DM = '!dm-camille:test.local';
const CAMILLE = '@camille:test.local';

let server: FakeHomeserver;
let bot: MatrixBot;

beforeEach(async () => {
  server = await new FakeHomeserver().start();
  server.createRoom(DM, { [CAMILLE]: 100 });
  server.invite(DM, CAMILLE, true);
  bot = await startMatrixBot(server);
  await server.until('the bot joins the DM', () => server.membership(DM, server.botUserId) === 'join');
});

afterEach(async () => {
  await bot.stop();
  await server.close();
});

/** Camille writes; the manual clock moves on so the per-person rate limit never steps in. */
function say(text: string): Promise<SentEvent[]> {
  bot.app.clock.advanceTo(new Date(bot.app.clock.now().getTime() + 5_000));
  return server.ask(DM, CAMILLE, text);
}

const files = (events: SentEvent[]) => events.filter((e) => e.content.msgtype === 'm.file');
const bodies = (events: SentEvent[]) => events.map((e) => String(e.content.body)).join('\n');

/** Every row of the bot's SQLite store that names `who`. */
function rowsNaming(who: string): string[] {
  return rawRows(bot.app.backend).filter((row) => row.includes(who));
}

describe('forget me on Matrix', () => {
  it('redacts exactly the file messages sent to the person, says so, and leaves nothing of them', async () => {
    const first = files(await say('my data'));
    const second = await say('my data');
    expect(first).toHaveLength(1);
    expect(files(second)).toHaveLength(1);
    // The second export lists the first file message: "my data" shows what `forget me` will redact.
    const upload = server.uploads.get(String(files(second)[0]?.content.url));
    const exported = JSON.parse(upload?.data.toString('utf8') ?? '{}');
    expect(exported.records['matrix-files']).toEqual([{ roomId: DM, eventId: first[0]?.event_id }]);

    expect(bodies(await say('forget me'))).toContain('cannot be undone');
    const [report] = await say('yes');

    const fileEvents = [...first, ...files(second)].map((e) => e.event_id);
    expect(server.redactions.map((r) => r.eventId)).toEqual(fileEvents);
    expect(server.redactions.every((r) => r.roomId === DM && r.reason?.includes('forget me'))).toBe(true);
    expect(report?.content.body).toContain('I redacted the 2 messages that carried your files.');
    expect(report?.content.body).toContain('media store');
    expect(await bot.app.records.names(`matrix:${server.serverName}:${CAMILLE}`)).toEqual([]);
    expect(rowsNaming(CAMILLE)).toEqual([]);
  });

  it('lists and redacts a file message whose send lost its answer (stored, then the connection dropped)', async () => {
    // The notice's send and the file's send both reach the homeserver and lose their answer: each is sent
    // again under its transaction id, and the file message is listed from that second answer.
    server.resetAfterNextSends(2);
    const sent = files(await say('my data'));
    expect(sent).toHaveLength(1);
    await say('forget me');
    const [report] = await say('yes');
    expect(server.redactions.map((r) => r.eventId)).toEqual([sent[0]?.event_id]);
    expect(report?.content.body).toContain('I redacted the message that carried your files.');
  });

  it('reports a refused redaction in the line, in French, and still forgets the person', async () => {
    const [sent] = files(await say('mes données'));
    if (!sent) throw new Error('no file sent');
    server.refuseRedaction(sent.event_id);

    await say('oublie-moi');
    const [report] = await say('oui');

    expect(report?.content.body).toContain('Je n’ai pas pu masquer le message portant vos fichiers');
    expect(report?.content.body).toContain('stockage de médias');
    expect(server.redactions).toEqual([]);
    expect(rowsNaming(CAMILLE)).toEqual([]);
  });

  it('adds no redaction line for a person who never received a file', async () => {
    await say('forget me');
    const [report] = await say('yes');
    expect(report?.content.body).toContain('I erased everything');
    expect(report?.content.body).not.toContain('redact');
    expect(server.redactions).toEqual([]);
  });
});
