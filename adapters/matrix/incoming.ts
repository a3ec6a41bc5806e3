/**
 * Which room messages are for the bot, and what they say once the entry mark is removed: `!nec …` in a
 * room, anything in a DM, or a mention of the bot. Own messages, notices (other bots), edits and non-text
 * messages are not for the bot.
 */

/** The parts of a Matrix room event the adapter reads. */
export interface RoomEvent {
  event_id: string;
  sender: string;
  type: string;
  origin_server_ts?: number;
  state_key?: string;
  content?: Record<string, unknown>;
  /** What the server adds: for a state event, the content it replaced (`prev_content`). */
  unsigned?: Record<string, unknown>;
}

/** Who the bot is, to recognise its own messages and mentions. */
export interface BotIdentity {
  userId: string;
  /** Display name and localpart: what a client writes when a person mentions the bot. */
  names: string[];
}

/** A message for the bot: the text for the core, and the thread to answer in. */
export interface Question {
  text: string;
  /** Thread root: the thread the message is in, else (in a room) the message itself, so answers form a thread. */
  threadId?: string;
}

const PREFIX = /^!nec(?:\s+|$)/i;

/** The question a room message asks the bot, or undefined when the message is not for the bot. */
export function questionOf(event: RoomEvent, bot: BotIdentity, isDirect: boolean): Question | undefined {
  const content = event.content ?? {};
  if (event.type !== 'm.room.message' || event.sender === bot.userId) return undefined;
  if (content.msgtype !== 'm.text' || typeof content.body !== 'string') return undefined;
  const relation = asRecord(content['m.relates_to']);
  if (relation?.rel_type === 'm.replace') return undefined;

  const body = withoutReplyFallback(content.body).trim();
  let text: string | undefined;
  if (PREFIX.test(body)) text = body.replace(PREFIX, '');
  else if (mentions(content, body, bot)) text = withoutMention(body, bot);
  else if (isDirect) text = body;
  if (text === undefined) return undefined;

  const thread = relation?.rel_type === 'm.thread' && typeof relation.event_id === 'string';
  const threadId = thread ? (relation.event_id as string) : isDirect ? undefined : event.event_id;
  return { text: text.trim(), threadId };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** Replies quote the original as `> …` lines followed by a blank line: the quote is not the question. */
function withoutReplyFallback(body: string): string {
  if (!body.startsWith('> ')) return body;
  const end = body.indexOf('\n\n');
  return end === -1 ? body : body.slice(end + 2);
}

function mentions(content: Record<string, unknown>, body: string, bot: BotIdentity): boolean {
  const userIds = asRecord(content['m.mentions'])?.user_ids;
  if (Array.isArray(userIds) && userIds.includes(bot.userId)) return true;
  return body.includes(bot.userId) || mentionPattern(bot).test(body);
}

/** A name at the start followed by `:` or `,`, the way clients insert a mention pill's text. */
function mentionPattern(bot: BotIdentity): RegExp {
  const names = [bot.userId, ...bot.names].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^@?(?:${names.join('|')})\\s*[:,]\\s*`, 'i');
}

function withoutMention(body: string, bot: BotIdentity): string {
  return body.replace(mentionPattern(bot), '').replaceAll(bot.userId, '').replace(/ {2,}/g, ' ');
}
