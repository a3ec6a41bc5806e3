/**
 * The moment a turn's relative words (« demain », "in 2 hours", `maintenant`) are read from. A person means them
 * from when they wrote, which the platform gives as the message's time (Slack's event `ts`): that is the moment
 * while the message is recent, so that « demain » written at 23:59 and handled at 00:01 is still the day after
 * it was written. A message that arrives late — Slack redelivering an event after an outage, a replica taking
 * over one kept in the inbox — is read from now instead, and the reply says so (`writtenLate`): read from its
 * old time, « demain à 10h » may be past already, and a reminder would be set in the past.
 */

/** How old a message may be and still be read from its own time: well past network and retry delays. */
export const LATE_AFTER_MS = 10 * 60 * 1000;

export interface TurnTime {
  /** What "now" is for this turn's words. */
  now: Date;
  /** When the message was written, if it arrived late (and is read from now). */
  writtenLate?: Date;
}

/** The turn's time for a message written at `written` and handled at `now`. */
export function turnTime(written: Date, now: Date): TurnTime {
  const late = now.getTime() - written.getTime();
  if (Math.abs(late) <= LATE_AFTER_MS) return { now: written };
  // A time ahead of the clock is the platform's clock, not the person's meaning: now, with nothing to say.
  return late > 0 ? { now, writtenLate: written } : { now };
}
