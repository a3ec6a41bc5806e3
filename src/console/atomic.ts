/** The shared store's atomic operations the console needs (seam A: `backend.atomic`). */
import type { Keyv } from 'keyv';

export interface ConsoleAtomic {
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  readVersioned(key: string): Promise<{ value: string | undefined; version: number }>;
  writeVersioned(key: string, expectedVersion: number, value: string): Promise<number | undefined>;
  increment(key: string, by?: number, ttlMs?: number): Promise<number>;
  setAdd(key: string, ...members: string[]): Promise<void>;
  setMembers(key: string): Promise<string[]>;
}

// TEMPORARY until issue 14's src/store/atomic.ts lands: the same operations on keyv, not atomic across replicas.
export function keyvAtomic(kv: Keyv): ConsoleAtomic {
  return {
    async setIfAbsent(key, value, ttlMs) {
      if ((await kv.get(key)) !== undefined) return false;
      await kv.set(key, value, ttlMs);
      return true;
    },
    async readVersioned(key) {
      const stored = await kv.get<{ value: string; version: number }>(key);
      return stored ?? { value: undefined, version: 0 };
    },
    async writeVersioned(key, expected, value) {
      const stored = await kv.get<{ value: string; version: number }>(key);
      if ((stored?.version ?? 0) !== expected) return undefined;
      await kv.set(key, { value, version: expected + 1 });
      return expected + 1;
    },
    async increment(key, by = 1, ttlMs) {
      const value = ((await kv.get<number>(key)) ?? 0) + by;
      await kv.set(key, value, ttlMs);
      return value;
    },
    async setAdd(key, ...members) {
      const set = new Set((await kv.get<string[]>(key)) ?? []);
      for (const m of members) set.add(m);
      await kv.set(key, [...set]);
    },
    async setMembers(key) {
      return (await kv.get<string[]>(key)) ?? [];
    },
  };
}
