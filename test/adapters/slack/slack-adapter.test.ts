/**
 * The real Bolt app with the project's Slack adapter, driven over HTTP with signed requests, talking to a fake
 * Slack Web API that records every call.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../src/core/errors.ts';
import { FAKE_BOT_USER, type FakeSlackApi, type RecordedCall } from '../../support/fake-slack-api.ts';
import { type SlackHarness, startSlackHarness } from '../../support/slack-harness.ts';
import {
  clickPayload,
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  signedPost,
  slashCommandBody,
} from '../../support/slack-requests.ts';
import type { TestApp } from '../../support/test-app.ts';

interface Gate {
  promise: Promise<void>;
  open(): void;
}

function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** The first paragraph of a posted text (the privacy notice joins a person's first reply). */
function firstParagraph(call: RecordedCall | undefined): string {
  return String(call?.params.text).split('\n\n')[0] ?? '';
}

function blockTypes(call: RecordedCall): string[] {
  return (call.params.blocks as Array<{ type: string }>).map((b) => b.type);
}

let harness: SlackHarness;
let fake: FakeSlackApi;
let app: TestApp;
let baseUrl: string;
/** The work a held command waits for (see the ordering test). */
let held: Gate = gate();
let heldFinished = false;

/** Test commands and a confirmation, added before the adapter starts. */
function prepare(app: TestApp): void {
  app.confirmations.register('test-proceed', {
    yes: async (turn) => turn.say({ text: 'Proceeding.', intent: 'test:proceeded' }),
    declined: { fr: 'Abandon.', en: 'Dropped.' },
  });
  app.bot.commands.add(
    {
      id: 'test-hold',
      aliases: { fr: ['tenir'], en: ['hold'] },
      summary: { fr: 'test', en: 'test' },
      run: async (turn) => {
        await held.promise;
        heldFinished = true;
        turn.say({ text: 'Held work done.', intent: 'test:held' });
      },
    },
    {
      id: 'test-ask',
      aliases: { fr: ['demander'], en: ['ask me'] },
      summary: { fr: 'test', en: 'test' },
      run: async (turn) => app.confirmations.ask(turn, 'test-proceed', '**Proceed** with the test?'),
    },
    {
      id: 'test-fail',
      aliases: { fr: ['echouer'], en: ['fail please'] },
      summary: { fr: 'test', en: 'test' },
      run: async () => {
        throw new UserFacingError({ fr: 'Impossible.', en: 'That cannot be done.' });
      },
    },
    {
      id: 'test-export',
      aliases: { fr: ['exporter test'], en: ['export test'] },
      summary: { fr: 'test', en: 'test' },
      run: async (turn) =>
        turn.say({
          text: 'Here is your file.',
          intent: 'test:export',
          attachments: [{ filename: 'dossier.md', mimeType: 'text/markdown', content: '# Dossier\n' }],
        }),
    },
  );
}

beforeAll(async () => {
  harness = await startSlackHarness({ env: { SLACK_MANAGERS: 'U0MANAGER' }, prepare });
  ({ fake, app, baseUrl } = harness);
});

afterAll(async () => {
  await harness?.close();
});

afterEach(() => {
  fake.reset();
});

describe('Slack adapter over HTTP', () => {
  it('answers a slash command in its channel, as Block Kit with a text fallback', async () => {
    const body = slashCommandBody({
      text: 'ask me',
      user: 'U1',
      channel: 'C0GEN',
      responseUrl: fake.responseUrl('cmd1'),
    });
    const response = await signedPost(baseUrl, body, FORM);
    expect(response.status).toBe(200);
    const posted = await fake.waitFor('chat.postMessage');
    expect(posted.params.channel).toBe('C0GEN');
    expect(firstParagraph(posted)).toBe('*Proceed* with the test?');
    expect(blockTypes(posted)).toEqual(['section', 'actions']);
    expect(posted.token).toBe('xoxb-test');
    expect(fake.callsTo('users.info')[0]?.params.user).toBe('U1');
  });

  it('acknowledges a slash command before the core has finished its work', async () => {
    held = gate();
    heldFinished = false;
    // The core's work is held for 5 s at most; the test opens it as soon as Slack has its answer.
    const timer = setTimeout(held.open, 5000);
    const body = slashCommandBody({
      text: 'hold',
      user: 'U2',
      channel: 'D0U2',
      responseUrl: fake.responseUrl('c'),
    });
    const response = await signedPost(baseUrl, body, FORM);
    expect(response.status).toBe(200);
    expect(heldFinished).toBe(false);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    clearTimeout(timer);
    held.open();
    const posted = await fake.waitFor('chat.postMessage');
    expect(heldFinished).toBe(true);
    expect(posted.params.channel).toBe('D0U2');
    expect(firstParagraph(posted)).toBe('Held work done.');
  });

  it('answers a slash command through its response URL in a channel the bot is not a member of', async () => {
    fake.notInChannel.add('C0PRIVATE');
    const body = slashCommandBody({
      text: 'ask me',
      user: 'U14',
      channel: 'C0PRIVATE',
      responseUrl: fake.responseUrl('private'),
    });
    await signedPost(baseUrl, body, FORM);
    const answer = await fake.waitFor('response_url');
    expect(answer.params).toMatchObject({ response_type: 'in_channel' });
    expect(String(answer.params.text)).toMatch(/^\*Proceed\* with the test\?/);
    expect((answer.params.blocks as unknown[]).length).toBe(2);
  });

  it('keeps the errors of a slash command private (ephemeral, through its response URL)', async () => {
    const body = slashCommandBody({
      text: 'fail please',
      user: 'U3',
      channel: 'C0GEN',
      responseUrl: fake.responseUrl('fail'),
    });
    await signedPost(baseUrl, body, FORM);
    const answer = await fake.waitFor('response_url');
    expect(answer.params).toMatchObject({ response_type: 'ephemeral', text: 'That cannot be done.' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers a mention in the thread of the message, without the mention', async () => {
    const event = {
      type: 'app_mention',
      user: 'U4',
      text: `<@${FAKE_BOT_USER}> ask me`,
      ts: '1700000100.000200',
      channel: 'C0GEN',
      event_ts: '1700000100.000200',
    };
    const response = await signedPost(baseUrl, eventBody(event, 'Ev-mention'), JSON_TYPE);
    expect(response.status).toBe(200);
    const posted = await fake.waitFor('chat.postMessage');
    expect(posted.params).toMatchObject({ channel: 'C0GEN', thread_ts: '1700000100.000200' });
    expect(posted.params.text).toContain('Proceed');
  });

  it('answers a direct message, and ignores bot messages and edits', async () => {
    const dm = (text: string, extra: Record<string, unknown> = {}) => ({
      type: 'message',
      channel_type: 'im',
      channel: 'D0U5',
      user: 'U5',
      text,
      ts: `${1700000200 + Math.random()}`,
      ...extra,
    });
    await signedPost(baseUrl, eventBody(dm('ask me', { bot_id: 'B9' }), 'Ev-bot'), JSON_TYPE);
    await signedPost(baseUrl, eventBody(dm('ask me', { subtype: 'message_changed' }), 'Ev-edit'), JSON_TYPE);
    await signedPost(baseUrl, eventBody(dm('ask me'), 'Ev-dm'), JSON_TYPE);
    const posted = await fake.waitFor('chat.postMessage');
    expect(posted.params.channel).toBe('D0U5');
    expect(blockTypes(posted)).toEqual(['section', 'actions']);
    // The bot's own turn is over once it posted: nothing else arrived for the ignored events.
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('takes a button click as the answer, and removes the answered buttons with chat.update', async () => {
    const body = slashCommandBody({
      text: 'ask me',
      user: 'U6',
      channel: 'D0U6',
      responseUrl: fake.responseUrl('a'),
    });
    await signedPost(baseUrl, body, FORM);
    const question = await fake.waitFor('chat.postMessage');
    fake.reset();
    const click = clickPayload(question, 'U6', 'yes', fake.responseUrl('click'));
    const response = await signedPost(baseUrl, interactionBody(click), FORM);
    expect(response.status).toBe(200);
    const update = await fake.waitFor('chat.update');
    expect(update.params).toMatchObject({ channel: 'D0U6', ts: question.response?.ts });
    expect(blockTypes(update)).toEqual(['section', 'context']);
    const answer = await fake.waitFor('chat.postMessage');
    expect(answer.params).toMatchObject({ channel: 'D0U6', text: 'Proceeding.' });
    // Old buttons went before the answer came.
    expect(update.at).toBeLessThanOrEqual(answer.at);
  });

  it('takes a click as the answer even when its message cannot be updated (a 500)', async () => {
    const body = slashCommandBody({
      text: 'ask me',
      user: 'U6B',
      channel: 'D0U6B',
      responseUrl: fake.responseUrl('a'),
    });
    await signedPost(baseUrl, body, FORM);
    const question = await fake.waitFor('chat.postMessage', (c) => c.params.channel === 'D0U6B');
    fake.failNext('chat.update', '500');
    const click = clickPayload(question, 'U6B', 'yes', fake.responseUrl('click'));
    expect((await signedPost(baseUrl, interactionBody(click), FORM)).status).toBe(200);
    const answer = await fake.waitFor(
      'chat.postMessage',
      (c) => c.params.channel === 'D0U6B' && c.params.text === 'Proceeding.',
    );
    expect(answer).toBeDefined();
    expect(fake.callsTo('chat.update').map((c) => c.status)).toContain(500);
  });

  it('asks "are you sure?" before a button that cancels', async () => {
    app.confirmations.register('cancel-test', {
      yes: async () => {},
      declined: { fr: 'ok', en: 'ok' },
    });
    app.bot.commands.add({
      id: 'test-cancel',
      aliases: { fr: ['annuler test'], en: ['cancel test'] },
      summary: { fr: 'test', en: 'test' },
      run: async (turn) => app.confirmations.ask(turn, 'cancel-test', 'Cancel it?'),
    });
    await signedPost(
      baseUrl,
      eventBody(
        { type: 'message', channel_type: 'im', channel: 'D0U7', user: 'U7', text: 'cancel test', ts: '1.2' },
        'Ev-c',
      ),
      JSON_TYPE,
    );
    const posted = await fake.waitFor('chat.postMessage');
    const actions = (
      posted.params.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>
    ).find((b) => b.type === 'actions');
    const yes = actions?.elements?.find((e) => e.value === 'yes');
    const no = actions?.elements?.find((e) => e.value === 'no');
    expect(yes?.confirm).toMatchObject({ style: 'danger', confirm: { text: 'Yes, go ahead' } });
    expect(no?.confirm).toBeUndefined();
  });

  it('publishes the App Home when it is opened', async () => {
    const event = {
      type: 'app_home_opened',
      user: 'U8',
      channel: 'D0U8',
      tab: 'home',
      event_ts: '1700000300.0',
    };
    await signedPost(baseUrl, eventBody(event, 'Ev-home'), JSON_TYPE);
    const published = await fake.waitFor('views.publish');
    expect(published.params.user_id).toBe('U8');
    const view = published.params.view as {
      type: string;
      blocks: Array<{ type: string; text?: { text: string } }>;
    };
    expect(view.type).toBe('home');
    expect(view.blocks[0]?.type).toBe('header');
    expect(JSON.stringify(view.blocks)).toContain('No application yet');
  });

  it('refreshes the App Home after "forget me", so it no longer shows what was deleted', async () => {
    await signedPost(
      baseUrl,
      eventBody(
        { type: 'message', channel_type: 'im', channel: 'D0U13', user: 'U13', text: 'forget me', ts: '8.1' },
        'Ev-forget',
      ),
      JSON_TYPE,
    );
    const question = await fake.waitFor('chat.postMessage', (c) => c.params.channel === 'D0U13');
    await signedPost(
      baseUrl,
      interactionBody(clickPayload(question, 'U13', 'yes', fake.responseUrl('f'))),
      FORM,
    );
    const published = await fake.waitFor('views.publish', (c) => c.params.user_id === 'U13');
    expect(published.token).toBe('xoxb-test');
    expect(JSON.stringify(published.params.view)).toContain('No application yet');
  });

  it('uploads attachments to the direct conversation with the files upload API', async () => {
    await signedPost(
      baseUrl,
      eventBody(
        { type: 'message', channel_type: 'im', channel: 'D0U9', user: 'U9', text: 'export test', ts: '3.4' },
        'Ev-x',
      ),
      JSON_TYPE,
    );
    const completed = await fake.waitFor('files.completeUploadExternal');
    expect(completed.params.channel_id).toBe('DU9');
    const requested = fake.callsTo('files.getUploadURLExternal')[0];
    expect(requested?.params).toMatchObject({ filename: 'dossier.md', length: '10' });
    const uploaded = fake.callsTo('upload')[0];
    expect(uploaded?.params.body ?? uploaded?.params.file).toBe('# Dossier\n');
    expect(fake.callsTo('conversations.open')[0]?.params.users).toBe('U9');
  });

  it('refuses a request with a bad signature, and a stale one', async () => {
    const body = slashCommandBody({
      text: 'ask me',
      user: 'U10',
      channel: 'C0GEN',
      responseUrl: fake.responseUrl('x'),
    });
    const forged = await signedPost(baseUrl, body, FORM, { secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await signedPost(baseUrl, body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(401);
    expect(fake.calls.filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('handles an event Slack retries (x-slack-retry-num) once', async () => {
    const event = {
      type: 'message',
      channel_type: 'im',
      channel: 'D0U11',
      user: 'U11',
      text: 'ask me',
      ts: '5.6',
    };
    await signedPost(baseUrl, eventBody(event, 'Ev-retried'), JSON_TYPE);
    await fake.waitFor('chat.postMessage');
    await signedPost(baseUrl, eventBody(event, 'Ev-retried'), JSON_TYPE, { retryNum: 1 });
    // A later message of the same person is answered after the retry was dealt with (one turn at a time).
    const next = { ...event, text: 'hold', ts: '5.7' };
    held = gate();
    held.open();
    await signedPost(baseUrl, eventBody(next, 'Ev-after'), JSON_TYPE);
    await fake.waitFor('chat.postMessage', (c) => firstParagraph(c) === 'Held work done.');
    expect(fake.callsTo('chat.postMessage').map(firstParagraph)).toEqual([
      '*Proceed* with the test?',
      'Held work done.',
    ]);
  });

  it('tells the core who is a manager and where they live', async () => {
    fake.users.set('U0ADMIN', { is_admin: true, tz: 'America/Cayenne', locale: 'fr-FR' });
    const seen: Array<{ isManager?: boolean; timezone?: string; langHint?: string }> = [];
    app.bot.commands.add({
      id: 'test-whoami',
      aliases: { fr: ['qui suis je'], en: ['who am i'] },
      summary: { fr: 'test', en: 'test' },
      run: async (turn) => {
        const { isManager, timezone, langHint } = turn.message;
        seen.push({ isManager, timezone, langHint });
        turn.say({ text: 'noted', intent: 'test:whoami' });
      },
    });
    for (const [user, id] of [
      ['U0ADMIN', 'Ev-w1'],
      ['U0MANAGER', 'Ev-w2'],
      ['U12', 'Ev-w3'],
    ] as const) {
      await signedPost(
        baseUrl,
        eventBody(
          { type: 'message', channel_type: 'im', channel: `D${user}`, user, text: 'who am i', ts: '7.8' },
          id,
        ),
        JSON_TYPE,
      );
      await fake.waitFor('chat.postMessage', (c) => c.params.channel === `D${user}`);
    }
    expect(seen).toEqual([
      { isManager: true, timezone: 'America/Cayenne', langHint: 'fr' },
      { isManager: true, timezone: undefined, langHint: undefined },
      { isManager: false, timezone: undefined, langHint: undefined },
    ]);
  });
});
