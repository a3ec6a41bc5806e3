/**
 * Atomic operations on Redis: a value is a hash {value, version} under `nec:atomic:v:<key>` changed by one
 * Lua script (run whole, never interleaved), a set is a Redis set under `nec:atomic:s:<key>`, a lease a
 * string with an expiry (`SET … PX`). Expiry is the server's own, so replicas' clocks do not matter.
 */
import { createClient } from '@keyv/redis';
import type { AtomicStore, Once, VersionedValue } from './atomic.ts';

type Client = ReturnType<typeof createClient>;

const VALUE = 'nec:atomic:v:';
const SET = 'nec:atomic:s:';
const LEASE = 'nec:lease:';

const SET_IF_ABSENT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'value', ARGV[1], 'version', 1)
if ARGV[2] ~= '' then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`;

/** Adds ARGV[1] to the counter `key`, whose expiry ARGV[2] starts when this creates it; sets `value`. */
const addTo = (key: string) => `
local created = redis.call('EXISTS', ${key}) == 0
local value = redis.call('HINCRBY', ${key}, 'value', ARGV[1])
redis.call('HINCRBY', ${key}, 'version', 1)
if created and ARGV[2] ~= '' then redis.call('PEXPIRE', ${key}, ARGV[2]) end`;

const INCREMENT = `${addTo('KEYS[1]')}
return value`;

// KEYS[1] the marker, KEYS[2] the counter; ARGV[3] the marker's expiry. A marker holds the value its addition gave.
const INCREMENT_ONCE = `
local given = redis.call('HGET', KEYS[1], 'value')
if given then return tonumber(given) end
${addTo('KEYS[2]')}
redis.call('HSET', KEYS[1], 'value', value, 'version', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return value`;

const WRITE_VERSIONED = `
local version = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
if version ~= tonumber(ARGV[1]) then return false end
redis.call('HSET', KEYS[1], 'value', ARGV[2], 'version', version + 1)
redis.call('PERSIST', KEYS[1])
return version + 1`;

const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current == false or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', tonumber(ARGV[2]))
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class RedisAtomicStore implements AtomicStore {
  readonly #client: Client;

  constructor(client: Client) {
    this.#client = client;
  }

  /** Opens a dedicated client (keyv keeps its own). */
  static async open(url: string, connectTimeoutMs: number): Promise<RedisAtomicStore> {
    const client: Client = createClient({ url, socket: { connectTimeout: connectTimeoutMs } });
    // Errors surface on the commands that fail; the listener only keeps them from crashing the process.
    client.on('error', () => {});
    await client.connect();
    return new RedisAtomicStore(client);
  }

  async setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean> {
    return (await this.#eval(SET_IF_ABSENT, VALUE + key, [value, ttl(ttlMs)])) === 1;
  }

  async increment(key: string, by = 1, ttlMs?: number): Promise<number> {
    return Number(await this.#eval(INCREMENT, VALUE + key, [String(by), ttl(ttlMs)]));
  }

  async incrementOnce(once: Once, key: string, by = 1, ttlMs?: number): Promise<number> {
    const keys = [VALUE + once.marker, VALUE + key];
    return Number(await this.#eval(INCREMENT_ONCE, keys, [String(by), ttl(ttlMs), String(once.ttlMs)]));
  }

  async setAdd(key: string, ...members: string[]): Promise<void> {
    await this.#client.sAdd(SET + key, members);
  }

  async setRemove(key: string, ...members: string[]): Promise<void> {
    await this.#client.sRem(SET + key, members);
  }

  async setMembers(key: string): Promise<string[]> {
    return (await this.#client.sMembers(SET + key)).sort();
  }

  async readVersioned(key: string): Promise<VersionedValue> {
    const [value, version] = await this.#client.hmGet(VALUE + key, ['value', 'version']);
    return version ? { value: String(value), version: Number(version) } : { value: undefined, version: 0 };
  }

  async writeVersioned(key: string, expectedVersion: number, value: string): Promise<number | undefined> {
    const version = await this.#eval(WRITE_VERSIONED, VALUE + key, [String(expectedVersion), value]);
    return typeof version === 'number' ? version : undefined;
  }

  async delete(key: string): Promise<void> {
    await this.#client.del([VALUE + key, SET + key]);
  }

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    return (await this.#eval(ACQUIRE, LEASE + name, [holder, String(ttlMs)])) === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.#eval(RELEASE, LEASE + name, [holder]);
  }

  async close(): Promise<void> {
    if (this.#client.isOpen) await this.#client.close();
  }

  #eval(script: string, keys: string | string[], args: string[]): Promise<unknown> {
    return this.#client.eval(script, { keys: typeof keys === 'string' ? [keys] : keys, arguments: args });
  }
}

function ttl(ttlMs: number | undefined): string {
  return ttlMs === undefined ? '' : String(Math.max(1, Math.round(ttlMs)));
}
