/**
 * A person asked for in words rather than with the command's (« je veux un humain », « parler à quelqu un »,
 * "can I speak to someone?" — `chatKind` of the understanding layer) is the contact handoff, `talk-to-person`:
 * before the dialogs, so that in the middle of an application it is neither stored as an answer nor told to type
 * the command, and the application's question comes back after the contacts.
 */
import type { Middleware } from '../core/bot.ts';
import type { Command } from '../core/commands.ts';
import { chatKind } from '../understanding/chat.ts';

export function personRequests(talkToPerson: Command): Middleware {
  return async (turn, next) => {
    if (!turn.command && chatKind(turn.message.text) === 'person')
      turn.command = { command: talkToPerson, args: '', lang: turn.lang, bare: true };
    await next();
  };
}
