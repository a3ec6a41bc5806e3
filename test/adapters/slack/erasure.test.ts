/**
 * "Forget me" on Slack erases down to the bytes, as on the terminal (test/ops/erasure.test.ts), with what
 * only Slack's path keeps: every event kept in the inbox before it is acknowledged (the person's id and
 * text), the files of a kept event's replies (`my data`'s export), the click that confirms. After the
 * confirmation's reply, while the process runs and after it closes the store, neither the SQLite file nor
 * its write-ahead log holds the person's id or a word they typed; someone else's data stays.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { storeFileBytes } from '../../support/raw-store.ts';
import { startSlackHarness } from '../../support/slack-harness.ts';
import { clickPayload, FORM, interactionBody, signedPost } from '../../support/slack-requests.ts';

const dir = mkdtempSync(join(tmpdir(), 'nec-slack-erasure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSON = 'U0ZOE4711';
const TYPED = 'Zorglubette';

const storeBytes = () => storeFileBytes(dir).toLowerCase();

it('leaves neither the person’s id nor their words in the SQLite file or its log', async () => {
  const slack = await startSlackHarness({ storeUrl: `sqlite://${join(dir, 'bot.sqlite')}` });
  const { fake, app } = slack;
  const inDm = (user: string) => (c: { params: Record<string, unknown> }) => c.params.channel === `D${user}`;
  const say = async (user: string, text: string) => {
    const before = fake.callsTo('chat.postMessage').filter(inDm(user)).length;
    slack.later();
    expect((await slack.dm(user, text)).status).toBe(200);
    return fake.waitFor(
      'chat.postMessage',
      (c) => inDm(user)(c) && fake.callsTo('chat.postMessage').filter(inDm(user)).indexOf(c) >= before,
    );
  };
  try {
    await say(PERSON, `remind me to call ${TYPED} tomorrow at 9:00`);
    await say(PERSON, `who is ${TYPED} kraken of the seas?`);
    await say(PERSON, 'my data');
    await fake.waitFor('files.completeUploadExternal', (c) => c.params.channel_id === `D${PERSON}`);
    await say('U0BOB', 'help');
    expect(storeBytes()).toContain(TYPED.toLowerCase());

    const question = await say(PERSON, 'forget me');
    const click = interactionBody(clickPayload(question, PERSON, 'yes', fake.responseUrl('forget')));
    expect((await signedPost(slack.baseUrl, click, FORM)).status).toBe(200);
    await fake.waitFor('views.publish', (c) => c.params.user_id === PERSON);
    // The click's entry leaves the inbox once its replies are out.
    await until(async () => (await app.backend.atomic.setMembers('inbox:pending')).length === 0);
    for (const bytes of [storeBytes()]) {
      expect(bytes).not.toContain(PERSON.toLowerCase());
      expect(bytes).not.toContain(TYPED.toLowerCase());
    }
  } finally {
    await slack.close();
  }
  const after = storeBytes();
  expect(after).not.toContain(PERSON.toLowerCase());
  expect(after).not.toContain(TYPED.toLowerCase());
  expect(after).toContain('u0bob');
}, 60_000);

/** Resolves once `done` holds, looking again at each turn of the event loop's timers. */
async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await new Promise((resolve) => setImmediate(resolve));
}
