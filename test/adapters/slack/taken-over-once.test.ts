/**
 * Real processes (`node src/main.ts`, the real Bolt app over signed HTTP, the fake Web API), killed with
 * SIGKILL while sending what has no history to look in — a reply through a response URL, an ephemeral
 * reply, a file upload —
 * or before a click's message was shown answered; the next start takes the event over. What cannot be
 * looked for is sent at most once (a mark set in the store before the send), what was not sent yet is sent,
 * files included, and the clicked message is shown answered.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fault, RecordedCall } from '../../support/fake-slack-api.ts';
import {
  clickPayload,
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  signedPost,
  slashCommandBody,
} from '../../support/slack-requests.ts';
import {
  directMessage,
  killed,
  postsTo as postsIn,
  startSlackBot,
  stopped,
  until,
  withSpawnedBots,
} from '../../support/spawned-slack-bot.ts';

const bots = withSpawnedBots('nec-once-');

/** Adds a command whose reply is ephemeral (fixture): none of the bot's own is, outside a slash command. */
const WHISPER = new URL('../../support/ephemeral-reply-command.ts', import.meta.url).pathname;

const startBot = () =>
  startSlackBot({
    fake: bots.fake,
    storeUrl: `sqlite://${join(bots.dir, 'bot.sqlite')}`,
    exportsDir: join(bots.dir, 'exports'),
    preload: WHISPER,
  });

const postsTo = (channel: string) => postsIn(bots.fake, channel);
const calls = (method: string) => bots.fake.callsTo(method);

/** Resolves once the next start has taken the event of `user` over and run it (its profile looked up). */
async function takenOver(user: string, since: number): Promise<void> {
  await until(() => calls('users.info').some((c) => c.params.user === user && c.at > since));
}

/** Resolves once `done`, or after `ms` (what the test then reads says which). */
async function untilOr(done: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  await until(() => done() || Date.now() > end);
}

describe('a reply through a response URL, the process killed while sending it', () => {
  it('is not sent again by the next start (at most once: nothing to look it up in)', async () => {
    const first = await startBot();
    // A command too long to take: its refusal is private, through the command's response URL, which
    // receives it and never answers.
    bots.fake.failNext('response_url', 'hang');
    const command = slashCommandBody({
      text: `apply ${'x'.repeat(4_100)}`,
      user: 'UONCER',
      channel: 'C0GENERAL',
      responseUrl: bots.fake.responseUrl('once'),
    });
    expect((await signedPost(first.url, command, FORM)).status).toBe(200);
    await until(() => calls('response_url').length > 0);
    await killed(first);
    const killedAt = Date.now();

    const second = await startBot();
    await takenOver('UONCER', killedAt);
    await stopped(second);
    expect(calls('response_url')).toHaveLength(1);
    expect(calls('response_url')[0]?.params).toMatchObject({ response_type: 'ephemeral' });
  }, 120_000);
});

describe('an ephemeral reply, the process killed while posting it', () => {
  it('is not posted again by the next start (at most once: nothing to look it up in)', async () => {
    const first = await startBot();
    // A mention in a channel answered with a line only its author sees: Slack receives it, never answers.
    bots.fake.failNext('chat.postEphemeral', 'hang');
    const mention = eventBody(
      {
        type: 'app_mention',
        channel: 'C0GENERAL',
        user: 'UONCEE',
        text: '<@U0BOT> whisper',
        ts: '1800000000.000200',
      },
      'Ev-whisper',
    );
    expect((await signedPost(first.url, mention, JSON_TYPE)).status).toBe(200);
    await until(() => calls('chat.postEphemeral').length > 0);
    await killed(first);
    const killedAt = Date.now();

    const second = await startBot();
    await takenOver('UONCEE', killedAt);
    await stopped(second);
    expect(calls('chat.postEphemeral')).toHaveLength(1);
    expect(calls('chat.postEphemeral')[0]?.params).toMatchObject({
      channel: 'C0GENERAL',
      user: 'UONCEE',
      text: expect.stringContaining('Only you can see this.'),
    });
  }, 120_000);
});

describe('an export, the process killed before all its files were uploaded', () => {
  /** The files completed in the DM of `user`, by name. */
  const uploaded = (user: string) =>
    calls('files.completeUploadExternal')
      .filter((c) => c.params.channel_id === `D${user}`)
      .flatMap((c) => (c.params.files as Array<{ title?: string }>).map((f) => f.title));

  // `chat.postMessage`: the export's text was posted, no file yet; `files.completeUploadExternal`: the first
  // file was received, its answer never came.
  it.each<[string, Fault]>([
    ['chat.postMessage', 'hang'],
    ['files.completeUploadExternal', 'hang'],
  ])(
    'has each file uploaded once by the next start (%s %s)',
    async (method, fault) => {
      const user = method === 'chat.postMessage' ? 'UFILEP' : 'UFILEU';
      const dm = `D${user}`;
      const first = await startBot();
      expect(
        (await signedPost(first.url, directMessage(user, 'apply local-nec', `Ev-${user}-1`), JSON_TYPE))
          .status,
      ).toBe(200);
      await until(() => postsTo(dm).length >= 2);
      bots.fake.failNext(method, fault);
      expect(
        (await signedPost(first.url, directMessage(user, 'export', `Ev-${user}-2`), JSON_TYPE)).status,
      ).toBe(200);
      const faulty = () => calls(method).filter((c) => c.params.channel === dm || c.params.channel_id === dm);
      await until(() => faulty().length > (method === 'chat.postMessage' ? 2 : 0));
      await killed(first);
      const killedAt = Date.now();
      const before = uploaded(user);

      const second = await startBot();
      await takenOver(user, killedAt);
      await untilOr(() => uploaded(user).length >= 3, 5_000);
      await stopped(second);
      const names = uploaded(user);
      expect(before).toHaveLength(method === 'chat.postMessage' ? 0 : 1);
      expect(names).toHaveLength(3);
      expect(new Set(names).size).toBe(3);
      expect(names.join(' ')).toMatch(/\.md .*\.json .*\.ics/);
      // The export's text is in the DM once.
      expect(postsTo(dm).filter((c) => String(c.params.text).includes('.ics'))).toHaveLength(1);
    },
    120_000,
  );
});

describe('a click, the process killed before its message was shown answered', () => {
  it('is shown answered, and answered once, by the next start', async () => {
    const user = 'UCLICK';
    const dm = `D${user}`;
    const first = await startBot();
    expect(
      (await signedPost(first.url, directMessage(user, 'forget me', 'Ev-click-1'), JSON_TYPE)).status,
    ).toBe(200);
    await until(() => postsTo(dm).length >= 1);
    const question = postsTo(dm)[0] as RecordedCall;
    // The update that replaces the buttons never reaches Slack; the process is killed meanwhile.
    bots.fake.failNext('chat.update', 'lost');
    const click = clickPayload(question, user, 'no', bots.fake.responseUrl('click'));
    expect((await signedPost(first.url, interactionBody(click), FORM)).status).toBe(200);
    await until(() => calls('chat.update').length > 0);
    await killed(first);

    const second = await startBot();
    await until(() => postsTo(dm).length >= 2);
    await stopped(second);
    const updated = calls('chat.update').filter((c) => c.status === 200);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.params).toMatchObject({ channel: dm, ts: question.response?.ts });
    // The buttons are gone, replaced by the answer.
    expect(JSON.stringify(updated[0]?.params.blocks)).not.toContain('"actions"');
    expect(postsTo(dm)).toHaveLength(2);
  }, 120_000);
});
