/**
 * The question a person may answer natively: after a dialog's choice question the bot also sends a poll,
 * after a yes/no question it adds ✅ and ❌ reactions to its message. One such question is open per person
 * (kept in their records, so `forget me` erases it): a vote or a reaction on it answers, on anything else
 * it is ignored; asking the next question closes the previous poll, and a vote closes its own.
 *
 * Both are safe against a crash at any point (issue 14), each send being idempotent by its transaction id:
 * a vote closes its question only once the message it gives is kept in the inbox (`TakenAnswer.close`), so a
 * process killed in between still has the open question when the homeserver replays the vote; and a turn run
 * again after a crash (inbox takeover) offers its question again without closing what is open since: not its
 * own question (recorded under the same transaction id), not a question asked by a later message.
 */
import type { MatrixClient } from 'matrix-bot-sdk';
import { z } from 'zod';
import { type BotPort, type Localized, type OutgoingReply, type PersonRef, t } from '../../src/core/port.ts';
import type { RoomEvent } from './incoming.ts';
import {
  isYesNo,
  nativeAnswerOf,
  POLL_END,
  POLL_START,
  pollContent,
  pollEndContent,
  REACTION,
  reactionContent,
  YES_NO_KEYS,
} from './polls.ts';
import type { MessageContent } from './render.ts';
import { sendEvent } from './send.ts';

/** The record name: `my data` shows it, `forget me` erases it. */
export const OPEN_QUESTION_RECORD = 'matrix-open-question';

const openQuestionSchema = z.object({
  roomId: z.string(),
  /** The poll, or the notice the reactions are on. */
  eventId: z.string(),
  poll: z.boolean(),
  threadId: z.string().optional(),
  answering: z.object({ application: z.string(), slot: z.string() }).optional(),
  choices: z.array(z.object({ id: z.string(), label: z.string() })),
  lang: z.enum(['fr', 'en']),
  /** The reply that asked it (its transaction id), and when the message it answers was written, in order. */
  origin: z.string().optional(),
  asked: z.object({ at: z.string(), index: z.number() }).optional(),
});
type OpenQuestion = z.infer<typeof openQuestionSchema>;

const ANSWERED: Localized = { fr: 'Réponse : {answer}', en: 'Answer: {answer}' };
const SUPERSEDED: Localized = {
  fr: 'Sondage clos : une autre question a été posée.',
  en: 'Poll closed: another question was asked.',
};

/** Where a reply was posted, and how to place another event beside it (same thread). */
export interface Posted {
  roomId: string;
  eventId: string;
  txnId: string;
  /** The thread the reply went into, where the answer's replies go too. */
  threadId?: string;
  place(content: MessageContent): MessageContent;
}

/** When a question was asked: the time of the message it answers, and the reply's place among its replies. */
export interface Asked {
  at: Date;
  index: number;
}

/** A vote or a reaction read as an answer: the choice ids, the question they answer, where to reply. */
export interface TakenAnswer {
  choiceId: string;
  answering?: { application: string; slot: string };
  threadId?: string;
  /** Closes the question answered (its poll too): called once the message the answer gives is kept. */
  close(): Promise<void>;
}

/** Whether question `a` was asked after question `b` (a record without the order is older than any). */
const askedAfter = (a: OpenQuestion['asked'], b: OpenQuestion['asked']): boolean =>
  a !== undefined && (b === undefined || a.at > b.at || (a.at === b.at && a.index > b.index));

export class NativeQuestions {
  readonly #port: BotPort;
  readonly #client: () => MatrixClient;

  constructor(port: BotPort, client: () => MatrixClient) {
    this.#port = port;
    this.#client = client;
  }

  /**
   * After a reply was posted to a person: asks it natively when it is a question (see the file comment).
   * The order makes a re-run after a crash harmless: the previous poll is ended, then this question sent, then
   * recorded; a re-run finds either the previous question (and does it all again, the homeserver dropping the
   * repeated sends) or its own, or a later one (and leaves it).
   */
  async offer(person: PersonRef, reply: OutgoingReply, posted: Posted, when: Asked): Promise<void> {
    const choices = reply.choices ?? [];
    const yesNo = isYesNo(choices);
    const poll =
      reply.input && ['choice', 'multi'].includes(reply.input.kind) ? pollContent(reply) : undefined;
    const { application, slot } = reply.data ?? {};
    const answering =
      typeof application === 'string' && typeof slot === 'string' ? { application, slot } : undefined;
    // Any new question (a dialog step, a yes/no) ends the open one.
    if (!yesNo && !poll && !answering) return;
    const asked = { at: when.at.toISOString(), index: when.index };
    const previous = await this.#open(person);
    if (previous && (previous.origin === posted.txnId || askedAfter(previous.asked, asked))) return;
    if (previous?.poll) await this.#endPoll(previous, t(reply.lang, SUPERSEDED));
    if (!yesNo && !poll) {
      if (previous) await this.#port.personal.delete(person, OPEN_QUESTION_RECORD);
      return;
    }
    let eventId = posted.eventId;
    if (poll) {
      eventId = await this.#send(posted.roomId, POLL_START, posted.place(poll), `${posted.txnId}.poll`);
    } else {
      for (const [id, key] of Object.entries(YES_NO_KEYS))
        await this.#send(
          posted.roomId,
          REACTION,
          reactionContent(posted.eventId, key),
          `${posted.txnId}.${id}`,
        );
    }
    const open: OpenQuestion = {
      roomId: posted.roomId,
      eventId,
      poll: poll !== undefined,
      ...(posted.threadId ? { threadId: posted.threadId } : {}),
      ...(answering ? { answering } : {}),
      choices,
      lang: reply.lang,
      origin: posted.txnId,
      asked,
    };
    await this.#port.personal.set(person, OPEN_QUESTION_RECORD, open);
  }

  /**
   * The answer a vote or a reaction of `person` in `roomId` gives, when it is on their open question. The
   * question stays open until `close` (see the file comment): a vote lost to a crash before its message is
   * kept would find it closed when the homeserver gives it again.
   */
  async take(person: PersonRef, roomId: string, event: RoomEvent): Promise<TakenAnswer | undefined> {
    const answer = nativeAnswerOf(event);
    if (!answer) return undefined;
    const open = await this.#open(person);
    if (!open || open.roomId !== roomId || open.eventId !== answer.to) return undefined;
    // The poll is ended before the question is forgotten: a crash in between leaves it open, to be ended again.
    const close = async () => {
      if (open.poll) {
        const labels = answer.choiceId
          .split(',')
          .map((id) => open.choices.find((c) => c.id === id)?.label ?? id)
          .join(', ');
        await this.#endPoll(open, t(open.lang, ANSWERED, { answer: labels }));
      }
      // Only this question: a later one may be open by now.
      if ((await this.#open(person))?.eventId === open.eventId)
        await this.#port.personal.delete(person, OPEN_QUESTION_RECORD);
    };
    return {
      choiceId: answer.choiceId,
      ...(open.answering ? { answering: open.answering } : {}),
      ...(open.threadId ? { threadId: open.threadId } : {}),
      close,
    };
  }

  async #open(person: PersonRef): Promise<OpenQuestion | undefined> {
    const parsed = openQuestionSchema.safeParse(await this.#port.personal.get(person, OPEN_QUESTION_RECORD));
    return parsed.success ? parsed.data : undefined;
  }

  /** Ends a poll, once whatever the reason given: its transaction id is the poll's. */
  async #endPoll(question: OpenQuestion, text: string): Promise<void> {
    const content = pollEndContent(question.eventId, text);
    await this.#send(question.roomId, POLL_END, content, `${question.eventId}.end`);
  }

  #send(roomId: string, type: string, content: MessageContent, txnId: string): Promise<string> {
    return sendEvent(this.#client(), roomId, type, content, txnId);
  }
}
