/**
 * The question a person may answer natively: after a dialog's choice question the bot also sends a poll,
 * after a yes/no question it adds ✅ and ❌ reactions to its message. One such question is open per person
 * (kept in their records, so `forget me` erases it): a vote or a reaction on it answers, on anything else
 * it is ignored; asking the next question closes the previous poll, and a vote closes its own.
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

/** A vote or a reaction read as an answer: the choice ids, the question they answer, where to reply. */
export interface TakenAnswer {
  choiceId: string;
  answering?: { application: string; slot: string };
  threadId?: string;
}

export class NativeQuestions {
  readonly #port: BotPort;
  readonly #client: () => MatrixClient;

  constructor(port: BotPort, client: () => MatrixClient) {
    this.#port = port;
    this.#client = client;
  }

  /** After a reply was posted to a person: asks it natively when it is a question (see the file comment). */
  async offer(person: PersonRef, reply: OutgoingReply, posted: Posted): Promise<void> {
    const choices = reply.choices ?? [];
    const yesNo = isYesNo(choices);
    const poll =
      reply.input && ['choice', 'multi'].includes(reply.input.kind) ? pollContent(reply) : undefined;
    const { application, slot } = reply.data ?? {};
    const answering =
      typeof application === 'string' && typeof slot === 'string' ? { application, slot } : undefined;
    // Any new question (a dialog step, a yes/no) ends the open one.
    if (!yesNo && !poll && !answering) return;
    await this.#closePrevious(person, reply);
    if (!yesNo && !poll) return;
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
    };
    await this.#port.personal.set(person, OPEN_QUESTION_RECORD, open);
  }

  /** The answer a vote or a reaction of `person` in `roomId` gives, when it is on their open question. */
  async take(person: PersonRef, roomId: string, event: RoomEvent): Promise<TakenAnswer | undefined> {
    const answer = nativeAnswerOf(event);
    if (!answer) return undefined;
    const open = await this.#open(person);
    if (!open || open.roomId !== roomId || open.eventId !== answer.to) return undefined;
    await this.#port.personal.delete(person, OPEN_QUESTION_RECORD);
    if (open.poll) {
      const labels = answer.choiceId
        .split(',')
        .map((id) => open.choices.find((c) => c.id === id)?.label ?? id)
        .join(', ');
      const text = t(open.lang, ANSWERED, { answer: labels });
      await this.#send(roomId, POLL_END, pollEndContent(open.eventId, text), `${open.eventId}.end`);
    }
    return {
      choiceId: answer.choiceId,
      ...(open.answering ? { answering: open.answering } : {}),
      ...(open.threadId ? { threadId: open.threadId } : {}),
    };
  }

  async #open(person: PersonRef): Promise<OpenQuestion | undefined> {
    const parsed = openQuestionSchema.safeParse(await this.#port.personal.get(person, OPEN_QUESTION_RECORD));
    return parsed.success ? parsed.data : undefined;
  }

  /** A new question closes the previous one, its poll too, so that an old poll cannot be answered. */
  async #closePrevious(person: PersonRef, reply: OutgoingReply): Promise<void> {
    const previous = await this.#open(person);
    if (!previous) return;
    await this.#port.personal.delete(person, OPEN_QUESTION_RECORD);
    if (!previous.poll) return;
    const content = pollEndContent(previous.eventId, t(reply.lang, SUPERSEDED));
    await this.#send(previous.roomId, POLL_END, content, `${previous.eventId}.end`);
  }

  #send(roomId: string, type: string, content: MessageContent, txnId: string): Promise<string> {
    return sendEvent(this.#client(), roomId, type, content, txnId);
  }
}
