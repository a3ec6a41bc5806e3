/**
 * The interactive replies of `npm run chaos -- --adapters`, driven while the replicas are killed and the
 * platform calls fail: on Slack, a slash command refused privately through its response URL, a mention
 * answered with an ephemeral line (the `whisper` fixture command: none of the bot's own replies is
 * ephemeral outside a command), `my data` (a post and a file upload in the DM) and a click on `forget me`'s
 * buttons (the clicked message updated, the answer posted); on Matrix, a question answered and `my data`'s
 * file, both sent with transaction ids. Meanwhile the response URL, chat.postEphemeral, the files' upload and
 * chat.update hang, drop their connection after Slack received them, or answer 500.
 *
 * What has no history to look in (a private reply, a file) is claimed in the store before it is sent
 * (src/ops/inbox.ts): the report tells a reply lost inside that at-most-once window from a real loss, by
 * reading the claims the replicas left.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { eventKey } from '../../src/core/dedup.ts';
import type { AtomicOps } from '../../src/store/atomic.ts';
import type { FakeHomeserver } from '../../test/support/fake-homeserver.ts';
import {
  FAKE_TEAM,
  type FakeSlackApi,
  type Fault,
  type RecordedCall,
} from '../../test/support/fake-slack-api.ts';
import {
  clickPayload,
  eventBody,
  FORM,
  interactionBody,
  JSON_TYPE,
  slashCommandBody,
} from '../../test/support/slack-requests.ts';
import { describeReplies, type ExpectedReply, tallyReplies } from './reply-tally.ts';
import { type Deliver, deliverEvent, deliverOnce } from './slack-delivery.ts';

/** How many requests of each kind. */
const EACH = 15;
const FAULTY_METHODS = ['response_url', 'chat.postEphemeral', 'files.completeUploadExternal', 'chat.update'];
const FAULTS: Fault[] = ['hang', 'reset', '500'];
/** How long a person waits for `forget me`'s question before giving up on clicking it. */
const QUESTION_WAIT_MS = 60_000;

/** One reply the run expects: its kind, when it was asked for, what the platform received of it. */
interface Expected extends ExpectedReply {
  kind: string;
  received(): number[];
  /** The store keys claiming its send, one of which is set if it was claimed (none for what is looked up). */
  claims: string[];
  /**
   * Matrix: a sync without a token (the bot's very first, its token never stored yet) came after it was
   * said — the bot read it as the rooms' history, not to be answered, by design. Not expected.
   */
  history?: () => boolean;
}

/** A call the fake carried out (a hung, reset or 500 call was, a rate-limited one was not). */
const carried = (call: RecordedCall) => call.status !== 0 && call.status !== 429;
const timesOf = (calls: RecordedCall[]) => calls.filter(carried).map((c) => c.at);
/** The claim keys of a kept Slack event's send `step` of reply `index` (src/ops/inbox.ts's `sentMark`). */
const claimOf = (eventId: string, step: string, indexes = [0]) =>
  indexes.map((index) => `inbox:sent:${eventKey('slack', FAKE_TEAM, eventId)}:${index}:${step}`);

export interface InteractiveReplies {
  /** Sends the requests, spread over `ms`, and injects faults while `faulty()`; resolves once all were made. */
  drive(deliver: Deliver, ms: number, faulty: () => boolean): Promise<void>;
  /** The figures per kind, one line each, once the replicas have settled. */
  report(atomic: AtomicOps): Promise<string[]>;
}

export function interactiveReplies(
  tag: string,
  slack: FakeSlackApi,
  matrix: FakeHomeserver,
): InteractiveReplies {
  const expected: Expected[] = [];
  const unacknowledged = new Map<string, number>();
  let injected = 0;
  const person = (kind: string, i: number) => `U${tag.toUpperCase().replace(/-/g, '')}${kind}${i}`;
  const calls = (method: string, match: (call: RecordedCall) => boolean) =>
    slack.callsTo(method).filter(match);
  /** The posts in `channel` of the first reply to `eventId` (by the reply index their mark carries). */
  const marked = (channel: string, eventId: string) => {
    const replyOf = (c: RecordedCall) =>
      (c.params.metadata as { event_payload?: { event_id?: unknown; reply?: unknown } } | undefined)
        ?.event_payload;
    const posts = calls(
      'chat.postMessage',
      (c) => c.params.channel === channel && replyOf(c)?.event_id === eventId,
    );
    const first = Math.min(...posts.map((c) => Number(replyOf(c)?.reply)));
    return posts.filter((c) => Number(replyOf(c)?.reply) === first);
  };
  const track = (reply: Expected) => expected.push(reply);
  const missed = (kind: string) => unacknowledged.set(kind, (unacknowledged.get(kind) ?? 0) + 1);

  const command = async (deliver: Deliver, i: number) => {
    const user = person('C', i);
    const trigger = `${tag}-command-${i}`;
    const body = slashCommandBody({
      // Too long to take: refused privately, through the command's response URL.
      text: `apply ${'x'.repeat(4_100)}`,
      user,
      channel: `C${tag.toUpperCase().replace(/-/g, '')}CMD`,
      responseUrl: slack.responseUrl(trigger),
      triggerId: trigger,
    });
    const ack = await deliverOnce(deliver, body, FORM);
    if (!ack) return missed('slash command');
    track({
      kind: 'slash command, private reply by response URL',
      id: trigger,
      at: ack.at,
      received: () => timesOf(calls('response_url', (c) => c.path === `/respond/${trigger}`)),
      claims: claimOf(`command:${trigger}`, 'private'),
    });
  };

  const whisper = async (deliver: Deliver, i: number) => {
    const user = person('W', i);
    const id = `Ev${tag}whisper${i}`;
    const mention = { type: 'app_mention', channel: `C${tag.toUpperCase().replace(/-/g, '')}W`, user };
    const body = eventBody({ ...mention, text: '<@U0BOT> whisper', ts: `${1_800_000_000 + i}.000300` }, id);
    const ack = await deliverEvent(deliver, body, JSON_TYPE);
    if (!ack) return missed('mention');
    track({
      kind: 'mention, ephemeral reply (chat.postEphemeral)',
      id,
      at: ack.at,
      received: () => timesOf(calls('chat.postEphemeral', (c) => c.params.user === user)),
      claims: claimOf(id, 'private'),
    });
  };

  const directMessage = (user: string, text: string, id: string, n: number) =>
    eventBody(
      {
        type: 'message',
        channel_type: 'im',
        channel: `D${user}`,
        user,
        text,
        ts: `${1_800_000_000 + n}.000400`,
      },
      id,
    );

  const myData = async (deliver: Deliver, i: number) => {
    const user = person('D', i);
    const id = `Ev${tag}mydata${i}`;
    const ack = await deliverEvent(deliver, directMessage(user, 'my data', id, i), JSON_TYPE);
    if (!ack) return missed('my data');
    const dm = `D${user}`;
    track({
      kind: 'my data, its post',
      id: `${id}:post`,
      at: ack.at,
      received: () => timesOf(marked(dm, id)),
      claims: [],
    });
    track({
      kind: 'my data, its file (files.uploadV2)',
      id: `${id}:file`,
      at: ack.at,
      received: () => timesOf(calls('files.completeUploadExternal', (c) => c.params.channel_id === dm)),
      claims: claimOf(id, 'file:0', [0, 1, 2, 3]),
    });
  };

  const click = async (deliver: Deliver, i: number) => {
    const user = person('K', i);
    const dm = `D${user}`;
    const asked = await deliverEvent(
      deliver,
      directMessage(user, 'forget me', `Ev${tag}forget${i}`, i),
      JSON_TYPE,
    );
    if (!asked) return missed('forget me');
    let question: RecordedCall | undefined;
    for (const end = Date.now() + QUESTION_WAIT_MS; !question && Date.now() < end; await sleep(250))
      question = calls(
        'chat.postMessage',
        (c) => c.params.channel === dm && carried(c) && Boolean(c.params.blocks),
      )[0];
    if (!question) return missed('forget me (its question never shown)');
    const payload = clickPayload(question, user, 'no', slack.responseUrl(`${tag}-click-${i}`));
    const actionTs = String((payload.actions as Array<{ action_ts: string }>)[0]?.action_ts);
    const ack = await deliverOnce(deliver, interactionBody(payload), FORM);
    if (!ack) return missed('click');
    const ts = question.response?.ts;
    track({
      kind: 'click, its message updated (chat.update, idempotent)',
      id: `${actionTs}:update`,
      at: ack.at,
      received: () => timesOf(calls('chat.update', (c) => c.params.channel === dm && c.params.ts === ts)),
      claims: [],
    });
    track({
      kind: 'click, its answer posted',
      id: `${actionTs}:answer`,
      at: ack.at,
      received: () => timesOf(marked(dm, `action:${actionTs}`)),
      claims: [],
    });
  };

  /** A Matrix DM (the bot and one person): `text` said there; the bot's sends there, welcomes aside. */
  const matrixRoom = (kind: string, i: number) => {
    const room = `!${tag}-${kind}-${i}:${matrix.serverName}`;
    const sender = `@${tag}-${kind}-${i}:${matrix.serverName}`;
    matrix.createRoom(room, { [matrix.botUserId]: 100, [sender]: 0 });
    const sent = () => matrix.sent.filter((s) => s.room_id === room && !s.txnId.startsWith('welcome.'));
    const syncsBefore = matrix.syncTokens.length;
    const history = () => matrix.syncTokens.slice(syncsBefore).includes(undefined);
    return { say: (text: string) => matrix.say(room, sender, text), sent, history };
  };

  const matrixQuestion = (i: number) => {
    const { say, sent, history } = matrixRoom('help', i);
    const id = say('help');
    const at = Date.now();
    // Its first reply, by its transaction id; a copy sent under another id would have the same body.
    const first = () => sent().find((s) => s.txnId === `${id}.0`);
    track({
      kind: 'Matrix: help answered (txn id <event>.0)',
      id,
      at,
      received: () => {
        const body = first()?.content.body;
        return body === undefined
          ? []
          : sent()
              .filter((s) => s.content.body === body)
              .map((s) => s.origin_server_ts);
      },
      claims: [],
      history,
    });
  };

  const matrixMyData = (i: number) => {
    const { say, sent, history } = matrixRoom('mydata', i);
    const id = say('my data');
    track({
      kind: 'Matrix: my data, its file (txn id <event>.<n>.file0)',
      id,
      at: Date.now(),
      received: () =>
        sent()
          .filter((s) => s.content.msgtype === 'm.file')
          .map((s) => s.origin_server_ts),
      claims: [],
      history,
    });
  };

  return {
    async drive(deliver, ms, faulty) {
      const faults = (async () => {
        while (faulty()) {
          await sleep(500);
          if (Math.random() >= 0.15) continue;
          const method = FAULTY_METHODS[Math.floor(Math.random() * FAULTY_METHODS.length)] ?? 'chat.update';
          slack.failNext(method, FAULTS[Math.floor(Math.random() * FAULTS.length)] ?? 'reset');
          injected++;
        }
      })();
      const people: Promise<unknown>[] = [];
      for (let i = 0; i < EACH; i++) {
        await sleep(ms / EACH);
        matrixQuestion(i);
        matrixMyData(i);
        people.push(command(deliver, i), whisper(deliver, i), myData(deliver, i), click(deliver, i));
      }
      await Promise.all(people);
      await faults;
    },

    async report(atomic) {
      const lines: string[] = [];
      for (const kind of new Set(expected.map((e) => e.kind))) {
        // Left unanswered as history: not expected (answered anyway, by a replica that had the token: counted).
        const isHistory = (e: Expected) => e.history?.() === true && e.received().length === 0;
        const asHistory = expected.filter((e) => e.kind === kind && isHistory(e)).length;
        const ofKind = expected.filter((e) => e.kind === kind && !isHistory(e));
        const claimed = new Set<string>();
        for (const reply of ofKind)
          for (const key of reply.claims)
            if ((await atomic.readVersioned(key)).value !== undefined) claimed.add(reply.id);
        const received = new Map(ofKind.map((e) => [e.id, e.received()]));
        const history =
          asHistory > 0 ? ` (+ ${asHistory} said before the bot's first stored sync: history)` : '';
        lines.push(
          `${kind}: ${ofKind.length}${history} — ${describeReplies(tallyReplies(ofKind, received, claimed))}`,
        );
      }
      const missing = [...unacknowledged].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'none';
      lines.push(
        `${injected} reply calls failed after Slack received them; requests never acknowledged (not expected): ${missing}`,
      );
      return lines;
    },
  };
}
