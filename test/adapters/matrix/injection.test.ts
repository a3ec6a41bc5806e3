/**
 * Issue 14's injection on Matrix, end to end (real MatrixClient, homeserver on 127.0.0.1): links a person
 * typed were posted as live links in the bot's voice. A reminder to « [hi](https://evil.example/login) »
 * and a quoted `@room`: neither the confirmation nor the reminder delivered the next day holds an `<a>` of
 * the person's making, and both mention no one (empty intentional mentions).
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { FakeHomeserver, type SentEvent } from '../../support/fake-homeserver.ts';
import { type MatrixBot, startMatrixBot } from '../../support/matrix-bot.ts';

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

it.each([
  ['[hi](https://evil.example/login) @room', '[hi](https://evil.example/login) @room'],
  // HTML typed as text, and a link to a person (Element shows it as a pill): both shown as typed.
  [
    '<a href="https://evil.example/login">hi</a> [boss](https://matrix.to/#/@admin:test.local)',
    '&lt;a href=&quot;https://evil.example/login&quot;&gt;hi&lt;/a&gt; [boss](https://matrix.to/#/@admin:test.local)',
  ],
])('makes no live link or mention of « %s », confirmed or delivered', async (typed, shown) => {
  const app = bot?.app;
  if (!app) throw new Error('no bot');
  const confirmed = await server.ask(DM, CAMILLE, `remind me to ${typed} tomorrow at 9:00`);
  const mark = server.sent.length;
  app.clock.advanceTo((await app.scheduler.nextDue()) as Date);
  await app.scheduler.tick(app.clock.now());
  const delivered = await server.sentAfter(mark);
  for (const event of [...confirmed, ...delivered] as SentEvent[]) {
    expect(String(event.content.formatted_body)).not.toContain('evil.example/login"');
    expect(String(event.content.formatted_body)).not.toMatch(/<a\b/);
    expect(event.content['m.mentions']).toEqual({});
    // What was typed stays readable, as text.
    expect(String(event.content.formatted_body)).toContain(shown);
  }
});
