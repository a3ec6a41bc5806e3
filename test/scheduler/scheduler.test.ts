/** The scheduler's policies on a manual clock: late and expired jobs, failures and platform delays always move on. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../src/core/message.ts';
import { RetryAfterError } from '../../src/core/retry-after.ts';
import { type NewJob, TOMBSTONE_MS } from '../../src/scheduler/job.ts';
import { rawRows } from '../support/raw-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let sent: Delivery[];
let fail: ((delivery: Delivery) => Error | undefined) | undefined;

const job = (id: string, dueAt: string, extra: Partial<NewJob> = {}): NewJob => ({
  id,
  kind: 'personal',
  dueAt: Date.parse(dueAt),
  owner: 'test',
  ref: { platform: 'shell', roomId: 'u1', userId: 'u1', isDirect: true },
  reply: { intent: 'reminder:personal', text: id },
  lang: 'en',
  timezone: 'Europe/Paris',
  ...extra,
});

beforeEach(async () => {
  app = await createTestApp({ now: '2026-11-23T10:00:00Z' });
  sent = [];
  fail = undefined;
  app.outbox.register({
    platform: 'shell',
    start: async () => {},
    stop: async () => {},
    send: async (delivery) => {
      const error = fail?.(delivery);
      if (error) throw error;
      sent.push(delivery);
    },
  });
});
afterEach(() => app.close());

describe('Scheduler', () => {
  it("forgets a delivered job's tombstone TOMBSTONE_MS after, at a tick, and not before", async () => {
    await app.scheduler.schedule(job('sent-once', '2026-11-23T10:30:00Z'));
    const tick = async (at: number) => {
      app.clock.advanceTo(new Date(at));
      await app.scheduler.tick(app.clock.now());
    };
    const tombstones = () => rawRows(app.backend).filter((row) => row.includes('"id":"sent-once"'));
    await tick(Date.parse('2026-11-23T10:30:00Z'));
    expect(sent.map((d) => d.reply.text)).toEqual(['sent-once']);
    expect(tombstones()).toHaveLength(1);
    // Scheduled again while remembered: refused.
    expect(await app.scheduler.schedule(job('sent-once', '2026-12-20T10:30:00Z'))).toEqual({
      scheduled: false,
    });
    await tick(Date.parse('2026-11-23T10:30:00Z') + TOMBSTONE_MS - 3600_000);
    expect(tombstones()).toHaveLength(1);
    await tick(Date.parse('2026-11-23T10:30:00Z') + TOMBSTONE_MS + 3600_000);
    expect(tombstones()).toEqual([]);
  });

  it('delivers what was missed while down marked late, and drops what is past its deadline', async () => {
    await app.scheduler.schedule(job('useful', '2026-11-23T10:30:00Z'));
    await app.scheduler.schedule(
      job('stale', '2026-11-23T10:30:00Z', { expiresAt: Date.parse('2026-11-23T12:00:00Z') }),
    );
    await app.scheduler.schedule(job('on-time', '2026-11-23T13:59:00Z'));
    // The bot was down from 10:00 to 14:00: the first tick after the restart.
    app.clock.advanceTo(new Date('2026-11-23T14:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    expect(sent.map((d) => d.reply.text)).toEqual(['(late) useful', 'on-time']);
    expect(await app.scheduler.nextDue()).toBeUndefined();
  });

  it('retries a failing delivery later, then gives up — never leaves it due', async () => {
    fail = () => new Error('platform down');
    await app.scheduler.schedule(job('flaky', '2026-11-23T10:00:00Z'));
    const retries: string[] = [];
    for (let due = await app.scheduler.nextDue(); due; due = await app.scheduler.nextDue()) {
      app.clock.advanceTo(due);
      await app.scheduler.tick(due);
      const next = await app.scheduler.nextDue();
      if (next) retries.push(next.toISOString());
    }
    expect(retries).toEqual([
      '2026-11-23T10:01:00.000Z',
      '2026-11-23T10:05:00.000Z',
      '2026-11-23T10:21:00.000Z',
      '2026-11-23T11:25:00.000Z',
    ]);
    expect(sent).toEqual([]);
  });

  it('hands a job back for the delay the platform asks when it is longer than the queue holds', async () => {
    fail = () => new RetryAfterError(90_000);
    await app.scheduler.schedule(job('limited', '2026-11-23T10:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    expect(sent).toEqual([]);
    // Not a failure: the attempt count stays, the job is simply due again when the platform said.
    expect((await app.scheduler.nextDue())?.toISOString()).toBe('2026-11-23T10:01:30.000Z');
    expect((await app.scheduler.get('limited'))?.attempts).toBe(0);
  });

  it('replaces a pending job scheduled again under the same id, and never re-sends a delivered one', async () => {
    await app.scheduler.schedule(job('same', '2026-11-23T11:00:00Z'));
    await app.scheduler.schedule(job('same', '2026-11-23T12:00:00Z'));
    expect((await app.scheduler.nextDue())?.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    app.clock.advanceTo(new Date('2026-11-23T12:00:00Z'));
    await app.scheduler.tick(app.clock.now());
    expect(await app.scheduler.schedule(job('same', '2026-11-23T13:00:00Z'))).toEqual({ scheduled: false });
    expect(sent).toHaveLength(1);
  });
});
