/**
 * When the store is scrubbed of what an erasure deleted (`Backend.scrub`: on SQLite, a checkpoint that writes
 * back the pages secure_delete zeroed). Once as the erasure ends; and, when the erasing message came through
 * the inbox, once more after its entry is dropped: that entry (the person's id, their « oui ») was written
 * before the erasure, so the checkpoint copied it into the database file, and its deletion afterwards reaches
 * only the write-ahead log until the next checkpoint (issue 14: the file held the id while the bot ran).
 */
import type { IncomingMessage } from '../core/message.ts';

export interface ErasureScrub {
  /** For Privacy's `afterErasure`: scrubs now, and remembers a kept event to scrub after. */
  afterErasure(message: IncomingMessage): Promise<void>;
  /** For the inbox's `afterDone`: scrubs again if the dropped event was an erasure's. */
  afterEvent(message: IncomingMessage): Promise<void>;
}

export function erasureScrub(scrub: () => Promise<void>): ErasureScrub {
  // The erasing events still in the inbox, by event id; a few at most, each removed when its entry goes.
  const erasing = new Set<string>();
  return {
    afterErasure: async (message) => {
      await scrub();
      if (message.kept && message.eventId) erasing.add(message.eventId);
    },
    afterEvent: async (message) => {
      if (message.eventId && erasing.delete(message.eventId)) await scrub();
    },
  };
}
