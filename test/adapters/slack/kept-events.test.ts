/**
 * Real processes (`node src/main.ts`, the real Bolt app over signed HTTP, the fake Web API): a Slack event
 * the bot acknowledged is kept in the store first, so when the process is killed with SIGKILL right after
 * acknowledging it, the next start answers it — once, and without running the turn a second time; and when
 * it is killed between two of the turn's replies, the next start posts only those not in the conversation.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../../support/fake-slack-api.ts';
import { FORM, JSON_TYPE, signedPost, slashCommandBody } from '../../support/slack-requests.ts';
import {
  directMessage,
  killed,
  postsTo as postsIn,
  startSlackBot,
  stopped,
  until,
  withSpawnedBots,
} from '../../support/spawned-slack-bot.ts';

const bots = withSpawnedBots('nec-kept-');

/** A bot process on the test's store. */
const startBot = () =>
  startSlackBot({
    fake: bots.fake,
    storeUrl: `sqlite://${join(bots.dir, 'bot.sqlite')}`,
    exportsDir: join(bots.dir, 'exports'),
  });

const postsTo = (channel: string) => postsIn(bots.fake, channel);

describe('a Slack event acknowledged, then the process killed', () => {
  it('is answered once by the next start when the kill came before the turn ran', async () => {
    const first = await startBot();
    // The turn starts with the person's profile: that call never answers, the process is killed meanwhile.
    bots.fake.failNext('users.info', 'hang');
    const res = await signedPost(first.url, directMessage('UKEPT1', 'help', 'EvKept1'), JSON_TYPE);
    expect(res.status).toBe(200);
    await bots.fake.waitFor('users.info', (c) => c.params.user === 'UKEPT1');
    await killed(first);
    expect(postsTo('DUKEPT1')).toEqual([]);

    const second = await startBot();
    await until(() => postsTo('DUKEPT1').length > 0);
    await stopped(second);
    expect(postsTo('DUKEPT1')).toHaveLength(1);
    expect(String(postsTo('DUKEPT1')[0]?.params.text)).toMatch(/help|aide/i);
  }, 120_000);

  it('is answered once by the next start when it was a slash command', async () => {
    const first = await startBot();
    bots.fake.failNext('users.info', 'hang');
    const command = slashCommandBody({
      text: 'help',
      user: 'UKEPTC',
      channel: 'DUKEPTC',
      responseUrl: bots.fake.responseUrl('kept'),
    });
    const res = await signedPost(first.url, command, FORM);
    expect(res.status).toBe(200);
    await bots.fake.waitFor('users.info', (c) => c.params.user === 'UKEPTC');
    await killed(first);
    expect(postsTo('DUKEPTC')).toEqual([]);

    const second = await startBot();
    await until(() => postsTo('DUKEPTC').length > 0);
    await stopped(second);
    expect(postsTo('DUKEPTC')).toHaveLength(1);
    expect(String(postsTo('DUKEPTC')[0]?.params.text)).toMatch(/help|aide/i);
  }, 120_000);

  it('is answered with the replies its turn saved, without running the turn again', async () => {
    const first = await startBot();
    // The turn runs and saves, then its reply is refused for 30 s (429): killed before posting it.
    bots.fake.rateLimitNext('chat.postMessage', 30);
    const res = await signedPost(first.url, directMessage('UKEPT2', 'apply local-nec', 'EvKept2'), JSON_TYPE);
    expect(res.status).toBe(200);
    const refused = () => bots.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'DUKEPT2');
    await until(() => refused() !== undefined);
    await killed(first);
    expect(postsTo('DUKEPT2')).toEqual([]);

    const second = await startBot();
    // The dialog's opening and its first question, the opening being the reply refused before the kill.
    await until(() => postsTo('DUKEPT2').length >= 2);
    // The person's next message answers that first question: the turn taken over had run once.
    const next = await signedPost(second.url, directMessage('UKEPT2', 'Open Lab Co', 'EvKept3'), JSON_TYPE);
    expect(next.status).toBe(200);
    await until(() => postsTo('DUKEPT2').length >= 4);
    await stopped(second);
    const texts = postsTo('DUKEPT2').map((c) => String(c.params.text));
    expect(texts).toHaveLength(4);
    expect(texts[0]).toBe(refused()?.params.text);
    expect(texts[1]).toContain('Step 1');
    expect(texts[2]).toContain('Open Lab Co');
    expect(texts[3]).toContain('Step 2');
  }, 120_000);
});

describe('a turn’s replies, the process killed between two of them', () => {
  // `lost`: the second post never reached Slack; `hang`: Slack stored it, its answer never came.
  it.each<[Fault, number]>([
    ['lost', 1],
    ['hang', 2],
  ])(
    'are each posted once by the next start (second post %s)',
    async (fault, postedBeforeKill) => {
      const user = `UHALF${fault.toUpperCase()}`;
      const channel = `D${user}`;
      const first = await startBot();
      // The dialog's opening and its first question: two replies, the first posted, the second never answered.
      bots.fake.failLater('chat.postMessage', 1, fault);
      const res = await signedPost(
        first.url,
        directMessage(user, 'apply local-nec', `EvHalf-${fault}`),
        JSON_TYPE,
      );
      expect(res.status).toBe(200);
      await until(
        () => bots.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel).length === 2,
      );
      await killed(first);
      const inChannel = () => bots.fake.messages.get(channel) ?? [];
      expect(inChannel()).toHaveLength(postedBeforeKill);

      const second = await startBot();
      // Each reply of the event taken over is looked for before it is posted (or, unlooked for, posted again).
      const lookedUp = () =>
        bots.fake.callsTo('conversations.history').filter((c) => c.params.channel === channel);
      await until(() => lookedUp().length >= 2 || inChannel().length > 2);
      await stopped(second);
      const posted = inChannel();
      expect(posted.map((m) => m.metadata)).toEqual([
        { event_type: 'nec_reply', event_payload: { event_id: `EvHalf-${fault}`, reply: 0 } },
        { event_type: 'nec_reply', event_payload: { event_id: `EvHalf-${fault}`, reply: 1 } },
      ]);
      expect(String(posted[1]?.text)).toContain('Step 1');
      // The remaining window: Slack must list a post it stored by the time its reply is looked for, which is
      // at least 15 s later (a 20 s lease renewed every 5 s ends 15–20 s after its process's death).
      const firstPost = bots.fake.callsTo('chat.postMessage').find((c) => c.params.channel === channel);
      const gap = (lookedUp()[0]?.at ?? 0) - (firstPost?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(15_000);
    },
    120_000,
  );
});
