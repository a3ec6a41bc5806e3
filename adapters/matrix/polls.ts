/**
 * Choice questions as Matrix polls (MSC3381) and yes/no questions as reactions, and the votes and reactions
 * that answer them. Polls are sent in the unstable `org.matrix.msc3381.poll.*` form, the one Element sends
 * and reads today, with its `org.matrix.msc1767.text` fallback; votes are read in both the unstable form
 * and the stable `m.poll.response` (`m.selections`). Clients without polls still get the numbered notice.
 */
import { type Choice, type Reply, withoutMarkdown } from '../../src/core/port.ts';
import type { RoomEvent } from './incoming.ts';
import type { MessageContent } from './render.ts';

export const POLL_START = 'org.matrix.msc3381.poll.start';
export const POLL_END = 'org.matrix.msc3381.poll.end';
const POLL_RESPONSES = ['org.matrix.msc3381.poll.response', 'm.poll.response'];
const TEXT = 'org.matrix.msc1767.text';
export const REACTION = 'm.reaction';
/** The event types that may answer a question natively (votes, reactions). */
export const NATIVE_ANSWER_TYPES = [...POLL_RESPONSES, REACTION];

/** MSC3381 truncates polls to 20 answers: a longer list stays numbered text only. */
const MAX_ANSWERS = 20;

/** The reactions offered on a yes/no question, and the answer each one gives. */
export const YES_NO_KEYS = { yes: '✅', no: '❌' } as const;

/** Whether a reply's choices are exactly yes and no (a boolean step, a confirmation). */
export function isYesNo(choices: Choice[]): boolean {
  const ids = choices.map((c) => c.id).sort();
  return ids.length === 2 && ids[0] === 'no' && ids[1] === 'yes';
}

/** The poll asking a reply's choices, when there is one to ask (2 to 20 choices, not yes/no). */
export function pollContent(reply: Reply): MessageContent | undefined {
  const choices = reply.choices ?? [];
  if (choices.length < 2 || choices.length > MAX_ANSWERS || isYesNo(choices)) return undefined;
  const question = withoutMarkdown(reply.text).trim();
  const fallback = [question, ...choices.map((c, i) => `${i + 1}. ${c.label}`)].join('\n');
  return {
    [TEXT]: fallback,
    [POLL_START]: {
      kind: 'org.matrix.msc3381.poll.disclosed',
      max_selections: reply.multiple ? choices.length : 1,
      question: { [TEXT]: question, body: question, msgtype: 'm.text' },
      answers: choices.map((c) => ({ id: c.id, [TEXT]: c.label })),
    },
  };
}

/** Closes a poll once it was answered, so that it takes no second vote; `text` says what was chosen. */
export function pollEndContent(pollId: string, text: string): MessageContent {
  return {
    'm.relates_to': { rel_type: 'm.reference', event_id: pollId },
    [TEXT]: text,
    [POLL_END]: {},
  };
}

/** A reaction of the bot on its own question, for a client to offer as a one-click answer. */
export function reactionContent(eventId: string, key: string): MessageContent {
  return { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key } };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** What a vote or a reaction answers: the event it relates to, and the answer as choice ids. */
export interface NativeAnswer {
  to: string;
  /** Choice ids, comma-separated (as a click gives them). */
  choiceId: string;
}

/** A poll vote (either form) or a ✅ / ❌ reaction as an answer; undefined for anything else. */
export function nativeAnswerOf(event: RoomEvent): NativeAnswer | undefined {
  const content = event.content ?? {};
  const relation = asRecord(content['m.relates_to']);
  const to = relation?.event_id;
  if (typeof to !== 'string') return undefined;
  if (event.type === REACTION && relation?.rel_type === 'm.annotation') {
    // Clients may add a variation selector to the emoji.
    const key = String(relation.key ?? '').replace(/\uFE0F/g, '');
    const answer = (Object.keys(YES_NO_KEYS) as Array<keyof typeof YES_NO_KEYS>).find(
      (id) => YES_NO_KEYS[id] === key,
    );
    return answer ? { to, choiceId: answer } : undefined;
  }
  if (!POLL_RESPONSES.includes(event.type) || relation?.rel_type !== 'm.reference') return undefined;
  const selections = asRecord(content[POLL_RESPONSES[0] ?? ''])?.answers ?? content['m.selections'];
  if (!Array.isArray(selections)) return undefined;
  const ids = selections.filter((s): s is string => typeof s === 'string' && s !== '');
  return ids.length > 0 ? { to, choiceId: ids.join(',') } : undefined;
}
