/**
 * The chaos script's figures for replies: a reply that never reached the platform is lost, but one whose send
 * was claimed first (the at-most-once window: the process died between the claim and the send) is told
 * apart from one nobody claimed (a real loss); late is counted from when the request was acknowledged.
 */
import { describe, expect, it } from 'vitest';
import { describeReplies, tallyReplies } from '../../scripts/chaos/reply-tally.ts';

const at = 1_000_000;

describe('the reply tally', () => {
  it('counts once, twice and late from what the platform received', () => {
    const figures = tallyReplies(
      [
        { id: 'a', at },
        { id: 'b', at },
        { id: 'c', at },
      ],
      new Map([
        ['a', [at + 500]],
        ['b', [at + 900, at + 30_000]],
        ['c', [at + 61_000]],
      ]),
      new Set(),
    );
    expect(figures).toMatchObject({ once: 2, twice: 1, lost: 0, lostClaimed: 0, late: 1 });
  });

  it('tells a loss inside the claimed window from a loss nobody claimed', () => {
    const figures = tallyReplies(
      [
        { id: 'claimed', at },
        { id: 'unclaimed', at },
        { id: 'sent', at },
      ],
      new Map([['sent', [at + 10]]]),
      new Set(['claimed', 'sent']),
    );
    expect(figures).toMatchObject({ once: 1, lost: 1, lostClaimed: 1 });
    expect(describeReplies(figures)).toBe(
      'once 1, twice 0, lost 1 (+ 1 claimed and never sent: the at-most-once window), late 0',
    );
  });

  it('says nothing of the window when no claimed send was lost', () => {
    const figures = tallyReplies([{ id: 'a', at }], new Map([['a', [at]]]), new Set(['a']));
    expect(describeReplies(figures)).toBe('once 1, twice 0, lost 0, late 0');
  });
});
