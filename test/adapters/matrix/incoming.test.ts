/** Which Matrix messages are questions for the bot, and their text once the entry mark is removed. */
import { describe, expect, it } from 'vitest';
import { questionOf, type RoomEvent } from '../../../adapters/matrix/incoming.ts';

const bot = { userId: '@nec:test.local', names: ['NEC bot', 'nec'] };

function message(body: string, extra: Record<string, unknown> = {}): RoomEvent {
  return {
    event_id: '$q',
    sender: '@alice:test.local',
    type: 'm.room.message',
    content: { msgtype: 'm.text', body, ...extra },
  };
}

describe('questionOf', () => {
  it('takes `!nec …` in a room and threads the answer on the message', () => {
    expect(questionOf(message('!nec  quand est la date limite ?'), bot, false)).toEqual({
      text: 'quand est la date limite ?',
      threadId: '$q',
    });
    expect(questionOf(message('!NEC'), bot, false)?.text).toBe('');
    expect(questionOf(message('!necessary'), bot, false)).toBeUndefined();
  });

  it('takes a mention by display name, localpart or user id', () => {
    expect(questionOf(message('NEC bot: help'), bot, false)?.text).toBe('help');
    expect(questionOf(message('nec, aide'), bot, false)?.text).toBe('aide');
    expect(questionOf(message('ask @nec:test.local about dates'), bot, false)?.text).toBe('ask about dates');
  });

  it('takes anything in a DM, without a thread', () => {
    expect(questionOf(message('hello'), bot, true)).toEqual({ text: 'hello', threadId: undefined });
  });

  it('reads a reply without the quoted message', () => {
    expect(questionOf(message('> <@bob:test.local> !nec help\n\n!nec aide'), bot, false)?.text).toBe('aide');
  });

  it('ignores chatter, notices, edits, its own messages and non-text messages', () => {
    expect(questionOf(message('hello all'), bot, false)).toBeUndefined();
    expect(questionOf(message('!nec help', { msgtype: 'm.notice' }), bot, false)).toBeUndefined();
    expect(
      questionOf(
        message('!nec help', { 'm.relates_to': { rel_type: 'm.replace', event_id: '$x' } }),
        bot,
        true,
      ),
    ).toBeUndefined();
    expect(questionOf({ ...message('!nec help'), sender: bot.userId }, bot, true)).toBeUndefined();
    expect(questionOf(message('photo.jpg', { msgtype: 'm.image' }), bot, true)).toBeUndefined();
  });
});
