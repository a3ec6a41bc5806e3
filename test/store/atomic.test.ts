/**
 * The store's atomic operations on the real servers: two "replicas" (two backends opened on the same
 * store) racing on one key never lose an update, and a lock is held by one turn at a time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LockTimeoutError } from '../../src/store/atomic.ts';
import { type Backend, openStore } from '../../src/store/open-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'nec-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores = [
  ['sqlite', `sqlite://${join(dir, 'shared.sqlite')}`],
  ['redis', inject('redisUrl')],
  ['postgres', inject('postgresUrl')],
] as const;

describe.each(stores)('atomic operations on %s', (_kind, url) => {
  let a: Backend;
  let b: Backend;
  const tag = `t${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  const pick = (i: number): Backend => (i % 2 === 0 ? a : b);

  beforeAll(async () => {
    if (!url) return;
    [a, b] = await Promise.all([openStore(url), openStore(url)]);
    return async () => {
      await a.close();
      await b.close();
    };
  });

  it.skipIf(!url)('sets a key once among simultaneous callers, and again after it expired', async () => {
    const key = `${tag}:once`;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => pick(i).atomic.setIfAbsent(key, `v${i}`, 300)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await a.atomic.setIfAbsent(key, 'later')).toBe(false);
    await sleep(400);
    expect(await b.atomic.setIfAbsent(key, 'later')).toBe(true);
    expect((await a.atomic.readVersioned(key)).value).toBe('later');
  });

  it.skipIf(!url)('counts every increment from two replicas', async () => {
    const key = `${tag}:count`;
    await Promise.all(Array.from({ length: 60 }, (_, i) => pick(i).atomic.increment(key)));
    expect(await a.atomic.increment(key, 0)).toBe(60);
    expect(await b.atomic.increment(key, -10)).toBe(50);
  });

  it.skipIf(!url)(
    'starts a counter’s window when it creates the key, and a new one after it expired',
    async () => {
      const key = `${tag}:window`;
      expect(await a.atomic.increment(key, 1, 300)).toBe(1);
      expect(await b.atomic.increment(key, 1, 10_000)).toBe(2);
      await sleep(400);
      expect(await a.atomic.increment(key, 1, 300)).toBe(1);
    },
  );

  it.skipIf(!url)(
    'adds once per marker among simultaneous callers on two replicas, each seeing the same figure',
    async () => {
      const key = `${tag}:once-count`;
      const once = (event: number) => ({ marker: `${tag}:event-${event}`, ttlMs: 60_000 });
      expect(await a.atomic.increment(key, 5)).toBe(5);
      // 40 callers for each of three events (a turn run again on another replica, many times over).
      const seen = await Promise.all(
        Array.from({ length: 120 }, (_, i) => pick(i).atomic.incrementOnce(once(i % 3), key, 2)),
      );
      expect(await a.atomic.increment(key, 0)).toBe(11);
      // Whoever asks for an event's addition gets the value that addition gave, whichever caller made it.
      for (let event = 0; event < 3; event++) {
        const values = new Set(seen.filter((_, i) => i % 3 === event));
        expect(values.size).toBe(1);
      }
      expect(new Set(seen)).toEqual(new Set([7, 9, 11]));
      expect(await b.atomic.incrementOnce(once(1), key, 2)).toBe(seen[1]);
    },
  );

  it.skipIf(!url)('keeps the counter’s own window, and adds again once the marker is forgotten', async () => {
    const key = `${tag}:once-window`;
    const once = { marker: `${tag}:event-window`, ttlMs: 300 };
    expect(await a.atomic.incrementOnce(once, key, 1, 10_000)).toBe(1);
    expect(await b.atomic.incrementOnce(once, key, 1, 10_000)).toBe(1);
    await sleep(400);
    expect(await b.atomic.incrementOnce(once, key, 1, 10_000)).toBe(2);
    // The counter expires on its window, its marker apart.
    const short = `${tag}:once-short`;
    expect(await a.atomic.incrementOnce({ marker: `${tag}:event-short`, ttlMs: 60_000 }, short, 1, 300)).toBe(
      1,
    );
    await sleep(400);
    expect(await a.atomic.increment(short, 0)).toBe(0);
  });

  it.skipIf(!url)('keeps every member added at once, and removes only those removed', async () => {
    const key = `${tag}:set`;
    await Promise.all(Array.from({ length: 60 }, (_, i) => pick(i).atomic.setAdd(key, `m${i}`)));
    expect(await a.atomic.setMembers(key)).toHaveLength(60);
    await Promise.all([
      a.atomic.setRemove(key, 'm1', 'm2'),
      b.atomic.setRemove(key, 'm3'),
      a.atomic.setAdd(key),
    ]);
    const members = await b.atomic.setMembers(key);
    expect(members).toHaveLength(57);
    expect(members).not.toContain('m2');
    await a.atomic.delete(key);
    expect(await b.atomic.setMembers(key)).toEqual([]);
  });

  it.skipIf(!url)(
    'refuses a versioned write made on a stale read, so retrying writers lose nothing',
    async () => {
      const key = `${tag}:doc`;
      expect(await a.atomic.readVersioned(key)).toEqual({ value: undefined, version: 0 });
      expect(await a.atomic.writeVersioned(key, 0, '[]')).toBe(1);
      expect(await b.atomic.writeVersioned(key, 0, '["x"]')).toBeUndefined();
      const appendWithRetry = async (backend: Backend, item: string) => {
        for (;;) {
          const { value, version } = await backend.atomic.readVersioned(key);
          const list = JSON.parse(value ?? '[]') as string[];
          if (
            (await backend.atomic.writeVersioned(key, version, JSON.stringify([...list, item]))) !== undefined
          )
            return;
        }
      };
      await Promise.all(Array.from({ length: 20 }, (_, i) => appendWithRetry(pick(i), `i${i}`)));
      const { value, version } = await b.atomic.readVersioned(key);
      expect(JSON.parse(value as string)).toHaveLength(20);
      expect(version).toBe(21);
      await a.atomic.delete(key);
      expect(await a.atomic.readVersioned(key)).toEqual({ value: undefined, version: 0 });
    },
  );

  it.skipIf(!url)('lets one turn at a time hold a lock across replicas', async () => {
    const name = `${tag}:conversation`;
    let inside = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pick(i).atomic.withLock(name, async () => {
          inside++;
          most = Math.max(most, inside);
          await sleep(5);
          order.push(i);
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(order).toHaveLength(12);
  });

  it.skipIf(!url)('gives up after the bounded wait, and takes over a lock whose holder died', async () => {
    const name = `${tag}:stuck`;
    // A holder that never renews nor releases: a process killed with SIGKILL.
    expect(await a.leases.acquire(`lock:${name}`, 'dead-process', 400)).toBe(true);
    await expect(b.atomic.withLock(name, async () => 'never', { waitMs: 100 })).rejects.toBeInstanceOf(
      LockTimeoutError,
    );
    expect(await b.atomic.withLock(name, async () => 'taken over', { waitMs: 2_000 })).toBe('taken over');
  });

  it.skipIf(!url)('renews a lock while a turn outlives its ttl', async () => {
    const name = `${tag}:slow`;
    const slow = a.atomic.withLock(name, () => sleep(500).then(() => 'slow done'), { ttlMs: 200 });
    await sleep(50);
    await expect(b.atomic.withLock(name, async () => 'cut in', { waitMs: 300 })).rejects.toBeInstanceOf(
      LockTimeoutError,
    );
    expect(await slow).toBe('slow done');
    expect(await b.atomic.withLock(name, async () => 'after')).toBe('after');
  });
});
