/**
 * Jobs in Redis: a sorted set by due time is the index, a hash holds the jobs, and Lua scripts
 * make every claim, completion and replacement atomic, so replicas sharing the server never take the same job.
 */
import { createClient } from '@keyv/redis';
import { type Job, type JobStore, type PutResult, parseJob, TOMBSTONE_MS } from './job.ts';

const PREFIX = 'nec:jobs:';
const DUE = `${PREFIX}due`;
const DATA = `${PREFIX}data`;
const HOLDERS = `${PREFIX}holder`;
/**
 * How long a delivered id stays remembered, so scheduling it again does nothing (TOMBSTONE_MS, as on the other
 * stores, which purge theirs). Its tombstone's value is the ended job's origin ('' when it had none; '1' from
 * releases before origins were kept, matching none).
 */
const TOMBSTONE_SECONDS = TOMBSTONE_MS / 1000;

// Removes a job from the index and the per-user / per-owner sets (shared by the scripts below).
const UNLINK = `
local function unlink(id)
  local old = redis.call('HGET', KEYS[2], id)
  if old then
    local job = cjson.decode(old)
    if job.user then redis.call('SREM', ARGV[1] .. 'user:' .. job.user, id) end
    redis.call('SREM', ARGV[1] .. 'owner:' .. job.owner, id)
  end
  redis.call('ZREM', KEYS[1], id)
  redis.call('HDEL', KEYS[2], id)
  redis.call('HDEL', KEYS[3], id)
end
`;

const PUT = `${UNLINK}
local id, json, score, user, owner = ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6]
local ended = redis.call('GET', ARGV[1] .. 'done:' .. id)
if ended then return {0, ended} end
unlink(id)
redis.call('HSET', KEYS[2], id, json)
redis.call('ZADD', KEYS[1], score, id)
if user ~= '' then redis.call('SADD', ARGV[1] .. 'user:' .. user, id) end
redis.call('SADD', ARGV[1] .. 'owner:' .. owner, id)
return {1}
`;

const DELETE = `${UNLINK}
for i = 2, #ARGV do unlink(ARGV[i]) end
return 1
`;

// Returns each job's JSON followed by '1' when another claimer still held it (it died, maybe mid-send).
const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  local previous = redis.call('HEXISTS', KEYS[3], id)
  redis.call('ZADD', KEYS[1], ARGV[3], id)
  redis.call('HSET', KEYS[3], id, ARGV[4])
  table.insert(out, redis.call('HGET', KEYS[2], id))
  table.insert(out, tostring(previous))
end
return out
`;

const EXTEND = `
for i = 3, #ARGV do
  if redis.call('HGET', KEYS[3], ARGV[i]) == ARGV[1] then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i]) end
end
return 1
`;

const FINISH = `${UNLINK}
local id, holder, tombstone = ARGV[2], ARGV[3], ARGV[4]
if redis.call('HGET', KEYS[3], id) ~= holder then return 0 end
local old = redis.call('HGET', KEYS[2], id)
local origin = old and cjson.decode(old).origin
unlink(id)
if type(origin) ~= 'string' then origin = '' end
redis.call('SET', ARGV[1] .. 'done:' .. id, origin, 'EX', tonumber(tombstone))
return 1
`;

const RELEASE = `
local id, holder, runAt, json = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if redis.call('HGET', KEYS[3], id) ~= holder then return 0 end
redis.call('HDEL', KEYS[3], id)
redis.call('HSET', KEYS[2], id, json)
redis.call('ZADD', KEYS[1], runAt, id)
return 1
`;

type Client = ReturnType<typeof createClient>;

/** Opens a dedicated client on `url` (the keyv store keeps its own). */
export async function openRedisJobs(url: string): Promise<RedisJobStore> {
  const client: Client = createClient({ url });
  client.on('error', () => {
    // Errors surface on the commands that fail; the listener only keeps them from crashing the process.
  });
  await client.connect();
  return new RedisJobStore(client);
}

export class RedisJobStore implements JobStore {
  readonly #client: Client;

  constructor(client: Client) {
    this.#client = client;
  }

  async put(job: Job): Promise<PutResult> {
    const [scheduled, endedOrigin] = (await this.#eval(PUT, [
      PREFIX,
      job.id,
      JSON.stringify(job),
      String(job.dueAt),
      job.user ?? '',
      job.owner,
    ])) as [number, string?];
    return scheduled === 1
      ? { scheduled: true }
      : { scheduled: false, endedOrigin: endedOrigin || undefined };
  }

  async get(id: string): Promise<Job | undefined> {
    const json = await this.#client.hGet(DATA, id);
    return json ? parseJob(JSON.parse(json)) : undefined;
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length > 0) await this.#eval(DELETE, [PREFIX, ...ids]);
  }

  async nextDue(): Promise<number | undefined> {
    const first = await this.#client.zRangeWithScores(DUE, 0, 0);
    return first[0]?.score;
  }

  async claimDue(now: number, limit: number, holder: string, leaseMs: number): Promise<Job[]> {
    const out = ((await this.#eval(CLAIM, [String(now), String(limit), String(now + leaseMs), holder])) ??
      []) as Array<string | null>;
    const claimed: Job[] = [];
    for (let i = 0; i < out.length; i += 2) {
      const json = out[i];
      if (typeof json !== 'string') continue;
      const job = parseJob(JSON.parse(json));
      claimed.push(out[i + 1] === '1' ? { ...job, inDoubt: true } : job);
    }
    return claimed.sort((a, b) => a.dueAt - b.dueAt);
  }

  async extend(ids: readonly string[], holder: string, until: number): Promise<void> {
    if (ids.length > 0) await this.#eval(EXTEND, [holder, String(until), ...ids]);
  }

  // Delivered or dropped, the id is remembered alike so it is never scheduled again.
  async finish(id: string, holder: string): Promise<void> {
    await this.#eval(FINISH, [PREFIX, id, holder, String(TOMBSTONE_SECONDS)]);
  }

  /** Nothing to purge: each tombstone expires TOMBSTONE_MS after its job ended. */
  async purgeEnded(): Promise<number> {
    return 0;
  }

  async release(
    id: string,
    holder: string,
    runAt: number,
    attempts: number,
    inDoubt: boolean,
  ): Promise<void> {
    const job = await this.get(id);
    if (!job) return;
    await this.#eval(RELEASE, [id, holder, String(runAt), JSON.stringify({ ...job, attempts, inDoubt })]);
  }

  async listByUser(user: string): Promise<Job[]> {
    return this.#list(`${PREFIX}user:${user}`);
  }

  async listByOwner(owner: string): Promise<Job[]> {
    return this.#list(`${PREFIX}owner:${owner}`);
  }

  async close(): Promise<void> {
    if (this.#client.isOpen) await this.#client.close();
  }

  async #list(setKey: string): Promise<Job[]> {
    const ids = await this.#client.sMembers(setKey);
    if (ids.length === 0) return [];
    const values = await this.#client.hmGet(DATA, ids);
    return values
      .filter((json): json is string => typeof json === 'string')
      .map((json) => parseJob(JSON.parse(json)))
      .sort((a, b) => a.dueAt - b.dueAt);
  }

  #eval(script: string, args: string[]): Promise<unknown> {
    return this.#client.eval(script, { keys: [DUE, DATA, HOLDERS], arguments: args });
  }
}
