/**
 * Preloaded into a spawned bot (`node --import <this file> src/main.ts`) for the tests of what a takeover
 * sends at most once: adds one command, `whisper`, whose only reply is ephemeral where it was asked — which
 * no command of the bot says today (its private replies go through a command's response URL, or to the
 * DM), so that the `chat.postEphemeral` path of an event taken over is tested through the real process.
 */
import { CommandRegistry } from '../../src/core/commands.ts';

const add = CommandRegistry.prototype.add;
let added = false;
CommandRegistry.prototype.add = function (this: CommandRegistry, ...commands) {
  add.apply(this, commands);
  if (added) return;
  added = true;
  add.call(this, {
    id: 'test-whisper',
    aliases: { en: ['whisper'], fr: ['chuchote'] },
    summary: { en: 'a line only you see', fr: 'une ligne que vous seul voyez' },
    run: async (turn) => {
      turn.say({ intent: 'test:whisper', text: 'Only you can see this.', ephemeral: true });
    },
  });
};
