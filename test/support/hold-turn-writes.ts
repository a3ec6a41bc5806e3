/**
 * Preloaded into a spawned bot (`node --import <this file> src/main.ts`) for the kill-mid-turn tests: when
 * HOLD_TURN_WRITES names a file, every turn stops at its own write — the person's state, which holds a kept
 * event's replies — after all it added to the shared counters, and appends its person to that file for the
 * test to kill the process then. No platform call comes between a turn's counters and that write, so no
 * fault of the fake APIs can hold a turn there; this is the one part of the process that is not the bot's own.
 */
import { appendFileSync } from 'node:fs';
import { ConversationStore } from '../../src/core/conversation.ts';

const file = process.env.HOLD_TURN_WRITES;
if (file) {
  ConversationStore.prototype.save = async (user) => {
    appendFileSync(file, `${user}\n`);
    await new Promise<never>(() => {});
  };
}
