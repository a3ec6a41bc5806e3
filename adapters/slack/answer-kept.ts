/**
 * A kept event answered on Slack: through the core with the person's role and time zone (a click's message
 * shown answered first), then each reply delivered in order, marked with the event and its place. When the
 * event is answered again — taken over from a process that died, or a reply whose answer was lost — the
 * replies found in the conversation are not posted twice and those that cannot be looked for (claimed first,
 * `firstSend`) are not sent twice.
 */
import type { BotPort, KeptEvent, OutgoingReply } from '../../src/core/port.ts';
import { type ClickedMessage, showAnswered } from './interactions.ts';
import type { SlackPeople } from './people.ts';
import { type DirectChannels, deliverReply, type ReplyTarget, slackErrorCode } from './replies.ts';

/** What answering takes: the port, and the adapter's caches of people and of their DM channels. */
export interface Answering {
  port: BotPort;
  people: SlackPeople;
  directChannels: DirectChannels;
}

/**
 * One kept event through the core, then every reply delivered; `inDoubt` when the event was taken over from
 * a process that died: its replies may have been posted in part.
 */
export async function answerKept(
  { port, people, directChannels }: Answering,
  event: KeptEvent,
  target: ReplyTarget,
  clicked: ClickedMessage | undefined,
  inDoubt = false,
): Promise<void> {
  const { message } = event;
  // The buttons are only shown answered: a message Slack cannot update (deleted, a failing call) does not
  // keep the answer from being taken (the core refuses an answer to a question already passed).
  if (clicked)
    await showAnswered(port, clicked, message, target.client, target.respond).catch((error: unknown) =>
      port.logger.warn({ err: error }, 'slack clicked message not shown answered'),
    );
  const person = await people.lookup(target.client, message.ref.workspace, message.userId);
  const replies = await port.handle({ ...message, ...person });
  await deliverKept({ port, directChannels }, event, replies, target, inDoubt);
}

/** The replies to a kept event posted in order, each marked with the event and its place. */
export async function deliverKept(
  { port, directChannels }: Pick<Answering, 'port' | 'directChannels'>,
  { message, firstSend }: KeptEvent,
  replies: readonly OutgoingReply[],
  target: ReplyTarget,
  inDoubt = false,
): Promise<void> {
  const { eventId } = message;
  for (const [index, reply] of replies.entries()) {
    const which = eventId === undefined ? undefined : { eventId, index, inDoubt, firstSend };
    await deliverReply(reply, target, directChannels, which).catch(async (error: unknown) => {
      // Not a refusal by Slack (a reset, a 5xx, a timeout): the send may have reached it. Sent again in
      // doubt, once — a post found in the conversation, or a claimed send, is not sent twice — so that
      // the replies after it (a file after its post) still go out.
      if (!which || slackErrorCode(error) !== undefined) throw error;
      port.logger.warn({ err: error, event: eventId, reply: index }, 'slack reply in doubt, sent again');
      await deliverReply(reply, target, directChannels, { ...which, inDoubt: true });
    });
  }
}
