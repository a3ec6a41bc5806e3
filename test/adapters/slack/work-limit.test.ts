/** At most n pieces of work at a time, in arrival order, whatever they resolve or throw. */
import { describe, expect, it } from 'vitest';
import { WorkLimit } from '../../../adapters/slack/work-limit.ts';

describe('WorkLimit', () => {
  it('runs at most `limit` at once, the rest in arrival order, and frees a slot on failure too', async () => {
    const limit = new WorkLimit(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const runs = Array.from({ length: 5 }, (_, i) =>
      limit.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
        if (i === 1) throw new Error('boom');
        return i;
      }),
    );
    const settled = Promise.allSettled(runs);
    // Each release lets exactly one waiting piece start.
    for (let released = 0; released < 5; released++) {
      await new Promise((resolve) => setImmediate(resolve));
      release[released]?.();
    }
    const results = await settled;
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
  });
});
