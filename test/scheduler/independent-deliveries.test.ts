/**
 * One platform call that never answers holds nothing else: the other deliveries of its tick go out, a later
 * tick is not held behind it, and the hung send is abandoned after the timeout and retried "in doubt".
 */
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/core/message.ts';
import { createLogger } from '../../src/logger.ts';
import { DeliveryQueue } from '../../src/scheduler/delivery-queue.ts';
import type { NewJob } from '../../src/scheduler/job.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { SqliteJobStore } from '../../src/scheduler/sqlite-jobs.ts';

const T = Date.parse('2026-11-23T10:00:00Z');
const job = (id: string, dueAt: number, roomId = id): NewJob => ({
  id,
  kind: 'broadcast',
  dueAt,
  owner: 'test',
  ref: { platform: 'slack', roomId, isDirect: false },
  reply: { intent: 'broadcast', text: id },
  lang: 'en',
  timezone: 'Europe/Paris',
});

function setup(send: (delivery: Delivery) => Promise<void>, sendTimeoutMs = 300) {
  const store = new SqliteJobStore(new DatabaseSync(':memory:'));
  const queue = new DeliveryQueue({ send, maxWaitMs: 60_000, sendTimeoutMs });
  const scheduler = new Scheduler({ store, queue, logger: createLogger('silent'), now: () => T });
  return { store, scheduler };
}

describe('deliveries of a tick are independent and bounded', () => {
  it('sends the rest while one call hangs, then gives the hung one back in doubt', async () => {
    const sent: string[] = [];
    const { store, scheduler } = setup(async (d) => {
      if (d.jobId === 'hung') return new Promise(() => {});
      sent.push(d.jobId);
    });
    await scheduler.schedule(job('hung', T));
    await scheduler.schedule(job('other-room', T));
    await scheduler.schedule(job('later', T + 10_000));
    const first = scheduler.tick(new Date(T));
    // A later tick runs while the first still waits on the hung call.
    await scheduler.tick(new Date(T + 10_000));
    expect(sent).toEqual(['other-room', 'later']);
    await first;
    const retried = await store.get('hung');
    expect([retried?.attempts, retried?.inDoubt]).toEqual([1, true]);
  });

  // Issue 14: a tick waited for its whole batch, so one post that never answered held every other one.
  it('sends the other deliveries, of this tick and the next, while one call has not answered yet', async () => {
    const sent: string[] = [];
    let answer: () => void = () => {};
    const { scheduler } = setup(async (d) => {
      if (d.jobId === 'hung') return new Promise<void>((resolve) => (answer = resolve));
      sent.push(d.jobId);
    }, 60_000);
    await scheduler.schedule(job('hung', T));
    await scheduler.schedule(job('other-room', T));
    await scheduler.schedule(job('later', T + 10_000));
    const ticks = [scheduler.tick(new Date(T)), scheduler.tick(new Date(T + 10_000))];
    // The hung call answers only once both others were sent: a tick waiting on it would never get there.
    for (let turns = 0; sent.length < 2 && turns < 400; turns++) await new Promise((r) => setTimeout(r, 5));
    expect(sent.sort()).toEqual(['later', 'other-room']);
    answer();
    await Promise.all(ticks);
  });

  it('sends a job once even when a clock jump makes its claim fall due while it is on its way', async () => {
    const sent: string[] = [];
    let release: () => void = () => {};
    const { scheduler } = setup(async (d) => {
      await new Promise<void>((r) => {
        release = r;
      });
      sent.push(d.jobId);
    });
    await scheduler.schedule(job('slow', T));
    const first = scheduler.tick(new Date(T));
    await new Promise((r) => setTimeout(r, 20));
    const second = scheduler.tick(new Date(T + 3_600_000));
    release();
    await Promise.all([first, second]);
    expect(sent).toEqual(['slow']);
  });

  it('keeps one room’s messages in order, one call at a time', async () => {
    const order: string[] = [];
    let inside = 0;
    let most = 0;
    const { scheduler } = setup(async (d) => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 5));
      order.push(d.jobId);
      inside--;
    });
    for (const id of ['a', 'b', 'c']) await scheduler.schedule(job(id, T + id.charCodeAt(0), 'same-room'));
    await scheduler.tick(new Date(T + 1000));
    expect(order).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
  });
});
