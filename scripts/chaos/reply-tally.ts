/**
 * The per-reply figures of `npm run chaos -- --adapters`: like a job's (tally.ts), counted from when the
 * request was acknowledged; a reply that never reached the platform is told apart by whether its send had
 * been claimed (`KeptEvent.firstSend`): claimed and never sent is the documented at-most-once window (the
 * process died between the claim and the send), unclaimed and never sent a real loss.
 */
import { describe, type Tally, tally } from './tally.ts';

/** A reply the chaos run expects: its name, when its request was acknowledged (epoch ms). */
export interface ExpectedReply {
  id: string;
  at: number;
}

export interface ReplyTally extends Tally {
  /** Of the lost, those whose send was claimed first: never sent again, by design. */
  lostClaimed: number;
}

/** `received`: per reply, when the platform received each send of it; `claimed`: replies whose send was claimed. */
export function tallyReplies(
  expected: ExpectedReply[],
  received: Map<string, number[]>,
  claimed: Set<string>,
): ReplyTally {
  const lost = expected.filter(({ id }) => !received.get(id)?.length);
  const lostClaimed = lost.filter(({ id }) => claimed.has(id)).length;
  const figures = tally(
    expected.map(({ id, at }) => ({ id, dueAt: at })),
    received,
  );
  return { ...figures, lost: figures.lost - lostClaimed, lostClaimed };
}

export function describeReplies({ lostClaimed, ...figures }: ReplyTally): string {
  const text = describe(figures);
  if (lostClaimed === 0) return text;
  return text.replace(
    /lost (\d+)/,
    `lost $1 (+ ${lostClaimed} claimed and never sent: the at-most-once window)`,
  );
}
