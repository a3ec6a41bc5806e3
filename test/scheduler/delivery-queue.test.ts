/** The delivery queue's spacing and retry-after handling, on an injected clock (no real waiting). */
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/core/message.ts';
import { RetryAfterError } from '../../src/core/retry-after.ts';
import { DeliveryQueue } from '../../src/scheduler/delivery-queue.ts';

const delivery = (roomId: string): Delivery => ({
  ref: { platform: 'slack', roomId, isDirect: false },
  reply: { intent: 'broadcast', text: 'hi' },
  jobId: roomId,
  lang: 'en',
});

function fakeTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('DeliveryQueue', () => {
  it('spaces sends to one room by its limit and retries after the delay a 429 gives, losing nothing', async () => {
    const time = fakeTime();
    const sent: Array<[string, number]> = [];
    let refuseOnce = true;
    const queue = new DeliveryQueue({
      ...time,
      maxWaitMs: 60_000,
      limits: { slack: { perRoomPerSecond: 1, overallPerSecond: 50 } },
      send: async (d) => {
        if (d.jobId === 'b' && refuseOnce) {
          refuseOnce = false;
          throw new RetryAfterError(5_000);
        }
        sent.push([d.jobId, time.now()]);
      },
    });
    await queue.deliver(delivery('a'));
    await queue.deliver(delivery('a'));
    await queue.deliver(delivery('b'));
    expect(sent).toEqual([
      ['a', 0],
      ['a', 1000],
      // b's first slot was 20 ms after a's (50/s overall); the 429 then pushed it 5 s later.
      ['b', 6020],
    ]);
  });

  it('hands a wait longer than it holds back to the scheduler', async () => {
    const time = fakeTime();
    const queue = new DeliveryQueue({
      ...time,
      maxWaitMs: 500,
      limits: { slack: { perRoomPerSecond: 1, overallPerSecond: 50 } },
      send: async () => {},
    });
    await queue.deliver(delivery('a'));
    await expect(queue.deliver(delivery('a'))).rejects.toMatchObject({ retryAfterMs: 1000 });
  });
});
