import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Adapter } from '../../src/core/adapter.ts';
import { serveOps } from '../../src/ops/routes.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = undefined;
  await app?.close();
});

async function serve(): Promise<string> {
  server = await serveOps(app, 0, '127.0.0.1');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function fakeAdapter(connected: () => boolean): Adapter {
  return {
    platform: 'matrix',
    start: async () => {},
    stop: async () => {},
    send: async () => {},
    isConnected: connected,
  };
}

describe('/healthz over HTTP', () => {
  it('is 200 with store, adapters and scheduler all well', async () => {
    app = await createTestApp();
    app.outbox.register(fakeAdapter(() => true));
    const response = await fetch(`${await serve()}/healthz`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      ok: true,
      store: { ok: true, kind: 'sqlite' },
      adapters: [{ platform: 'matrix', connected: true }],
      scheduler: { ok: true },
    });
  });

  it('is 503 when an adapter is disconnected', async () => {
    app = await createTestApp();
    app.outbox.register(fakeAdapter(() => false));
    const response = await fetch(`${await serve()}/healthz`);
    expect(response.status).toBe(503);
    expect((await response.json()).adapters).toEqual([{ platform: 'matrix', connected: false }]);
  });

  it('is 503 when the scheduler stopped ticking, 200 again after a tick', async () => {
    app = await createTestApp();
    app.health.expectTicks(15_000);
    const url = await serve();
    app.clock.advanceTo(new Date(app.clock.now().getTime() + 60_000));
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    app.health.ticked(app.clock.now());
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('is 503 when the store cannot be reached', async () => {
    app = await createTestApp();
    const url = await serve();
    await app.backend.close();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(503);
    expect((await response.json()).store.ok).toBe(false);
  });

  it('answers 404 elsewhere', async () => {
    app = await createTestApp();
    expect((await fetch(`${await serve()}/nothing`)).status).toBe(404);
  });
});

/** Calls the app's store operations get from now on, by name (the health check must only read). */
function countStoreCalls(target: TestApp): Map<string, number> {
  const calls = new Map<string, number>();
  const atomic = target.backend.atomic as unknown as Record<string, unknown>;
  for (const [name, op] of Object.entries(atomic)) {
    if (typeof op !== 'function') continue;
    atomic[name] = (...args: unknown[]) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return op.apply(target.backend.atomic, args);
    };
  }
  const kv = target.backend.kv as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['get', 'set', 'delete', 'clear'] as const) {
    const op = kv[name]?.bind(kv);
    kv[name] = (...args: unknown[]) => {
      calls.set(`kv.${name}`, (calls.get(`kv.${name}`) ?? 0) + 1);
      return op?.(...args);
    };
  }
  return calls;
}

// Issue 14: 20 parallel probes overwrote one probe key (1,247 false 503s of 3,000 on Redis), each probe a write.
describe.each([
  ['SQLite', 'sqlite://:memory:'],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
])('/healthz probed 20 at a time on %s', (_name, url) => {
  it.skipIf(!url)('answers 200 to all 300, each with one read at most and no write', async () => {
    app = await createTestApp({ storeUrl: url as string });
    const base = await serve();
    const calls = countStoreCalls(app);
    const statuses: number[] = [];
    for (let round = 0; round < 15; round++) {
      const batch = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/healthz`)));
      statuses.push(...batch.map((r) => r.status));
      await Promise.all(batch.map((r) => r.arrayBuffer()));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const reads = calls.get('readVersioned') ?? 0;
    calls.delete('readVersioned');
    expect(Object.fromEntries(calls)).toEqual({});
    // One read per probe at most (probes waiting on the same round trip share it).
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(statuses.length);
    if (url?.startsWith('redis')) expect(await healthKeys(url)).toEqual([]);
  });
});

describe('/metrics over HTTP', () => {
  it('exposes messages, latency, FAQ fallbacks and user rate limiting in Prometheus format', async () => {
    app = await createTestApp();
    await app.say('a', 'aide');
    await app.say('a', 'zzkq wxv');
    const response = await fetch(`${await serve()}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('nec_messages_received_total{platform="shell"} 2');
    expect(text).toContain('nec_messages_sent_total{platform="shell"} 2');
    expect(text).toContain('nec_reply_latency_seconds_count{platform="shell"} 2');
    expect(text).toContain('nec_fallbacks_total 1');
    expect(text).toContain('# TYPE nec_reminders_delivered_total counter');
    expect(text).toContain('# TYPE nec_platform_rate_limit_waits_total counter');
    expect(text).toContain('nec_process_resident_memory_bytes');
  });
});

/** The keys a health probe would have left on the Redis server. */
async function healthKeys(url: string): Promise<string[]> {
  const client = createClient({ url });
  await client.connect();
  try {
    return await client.keys('*health*');
  } finally {
    await client.close();
  }
}
