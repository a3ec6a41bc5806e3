/**
 * The event inbox on each store: an event kept by two replicas at once is handled by one; an event kept by a
 * process that then died (it never marked it done, its lease ran out) is taken over by another, once; one
 * marked done is not taken over; a send claimed by the dead process is not claimed again by its successor.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { IncomingMessage } from '../../src/core/message.ts';
import { createLogger } from '../../src/logger.ts';
import { EventInbox, type KeptEvent } from '../../src/ops/inbox.ts';
import { type Backend, openStore } from '../../src/store/open-store.ts';

const LEASE_MS = 300;
const stores: Array<[string, string | null]> = [
  ['SQLite', 'sqlite://:memory:'],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
];

describe.each(stores)('the event inbox on %s', (name, url) => {
  const backends: Backend[] = [];
  const inboxes: EventInbox[] = [];
  afterEach(async () => {
    for (const inbox of inboxes.splice(0)) inbox.close();
    for (const backend of backends.splice(0)) await backend.close();
  });

  /** Two processes on one store (SQLite: one process, two inboxes, as two successive starts). */
  async function replicas(): Promise<[EventInbox, EventInbox]> {
    const first = await openStore(url as string);
    const second = name === 'SQLite' ? first : await openStore(url as string);
    backends.push(...new Set([first, second]));
    const make = (backend: Backend) => {
      const inbox = new EventInbox({
        atomic: backend.atomic,
        leases: backend.leases,
        logger: createLogger('silent'),
        leaseMs: LEASE_MS,
      });
      inboxes.push(inbox);
      return inbox;
    };
    return [make(first), make(second)];
  }

  // The servers are shared with other test files and earlier tests: event ids of this test only are looked at.
  let tag = '';
  beforeEach(() => {
    tag = `Ev${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  });
  const ours = (event: KeptEvent) => event.message.eventId?.startsWith(tag) === true;
  const message = (eventId: string): IncomingMessage => ({
    ref: { platform: 'slack', workspace: 'T1', roomId: 'D1', userId: 'U1', isDirect: true },
    userId: 'U1',
    text: 'hello',
    eventId: `${tag}-${eventId}`,
    timestamp: new Date('2026-12-01T10:00:00Z'),
  });

  it.skipIf(!url)('hands an event kept by two replicas at once to one of them', async () => {
    const [a, b] = await replicas();
    const kept = await Promise.all([
      a.keep(message('Ev1'), { to: 'a' }),
      b.keep(message('Ev1'), { to: 'b' }),
    ]);
    expect(kept.filter(Boolean)).toHaveLength(1);
    expect(kept.find(Boolean)?.message).toMatchObject({ eventId: `${tag}-Ev1`, kept: true });
  });

  it.skipIf(!url)('has another process answer, once, an event whose process died', async () => {
    const [dead, alive] = await replicas();
    // Kept, never marked done: its process was killed, its lease is no longer renewed.
    expect(await dead.keep(message('Ev2'), { channel: 'D1' })).toBeDefined();
    dead.close();
    const taken: KeptEvent[] = [];
    alive.onAbandoned('slack', async (event) => {
      if (ours(event)) taken.push(event);
    });
    await sleep(LEASE_MS * 2);
    await alive.scan();
    await alive.scan();
    expect(taken).toHaveLength(1);
    expect(taken[0]?.context).toEqual({ channel: 'D1' });
    expect(taken[0]?.message.timestamp).toEqual(new Date('2026-12-01T10:00:00Z'));
    // Still a duplicate for the platform's retries.
    expect(await alive.keep(message('Ev2'), {})).toBeUndefined();
  });

  it.skipIf(!url)('leaves alone an event marked done, and one whose process is alive', async () => {
    const [a, b] = await replicas();
    const done = await a.keep(message('Ev3'), {});
    await done?.done();
    a.onAbandoned('slack', async () => {});
    expect(await a.keep(message('Ev4'), {})).toBeDefined();
    const taken: KeptEvent[] = [];
    b.onAbandoned('slack', async (event) => {
      if (ours(event)) taken.push(event);
    });
    // Longer than a lease: the live process renews its own.
    await sleep(LEASE_MS * 2);
    await b.scan();
    expect(taken).toEqual([]);
  });

  it.skipIf(!url)(
    'lets one process claim each send of an event, the dead one’s claims included',
    async () => {
      const [dead, alive] = await replicas();
      const kept = await dead.keep(message('Ev5'), {});
      expect(await kept?.firstSend('0:file:0')).toBe(true);
      dead.close();
      const taken: KeptEvent[] = [];
      alive.onAbandoned('slack', async (event) => {
        if (ours(event)) taken.push(event);
      });
      await sleep(LEASE_MS * 2);
      await alive.scan();
      const successor = taken[0] as KeptEvent;
      // Claimed by the dead process: not sent again. Not claimed yet: one claim of two racing.
      expect(await successor.firstSend('0:file:0')).toBe(false);
      const racing = await Promise.all([successor.firstSend('0:file:1'), kept?.firstSend('0:file:1')]);
      expect(racing.filter(Boolean)).toHaveLength(1);
    },
  );
});
