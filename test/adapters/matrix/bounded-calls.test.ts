/**
 * Every homeserver call the bot makes is bounded in time (issue 14: one call that never answers must not hold
 * a reply, a delivery or the sync behind it): the SDK's own default is 60 s for every call (a DM's creation,
 * a profile, a room's power levels); the bot's client caps them, the sync's long poll aside.
 */
import { MatrixClient } from 'matrix-bot-sdk';
import { afterEach, expect, it, vi } from 'vitest';
import { SyncingClient } from '../../../adapters/matrix/sync-client.ts';

afterEach(() => vi.restoreAllMocks());

it('caps the timeout of every call but the sync', async () => {
  const timeouts = new Map<string, number | undefined>();
  vi.spyOn(MatrixClient.prototype, 'doRequest').mockImplementation(async function (
    this: MatrixClient,
    method: string,
    endpoint: string,
    _qs?: unknown,
    _body?: unknown,
    timeout?: number,
  ) {
    timeouts.set(`${method} ${endpoint}`, timeout);
    return { room_id: '!dm:test.local', displayname: 'Camille' };
  });
  const storage = { getSyncToken: async () => null } as never;
  const client = new SyncingClient('http://127.0.0.1:1', 'token', storage, null, async () => {});
  await client.createRoom({ invite: ['@camille:test.local'], is_direct: true });
  await client.getUserProfile('@camille:test.local');
  await client.uploadContent(Buffer.from('x'), 'text/plain', 'x.txt');
  await client.doRequest('GET', '/_matrix/client/v3/sync', { since: 's1' }, null, 40_000);
  const [sync, ...others] = [...timeouts].sort(([a], [b]) =>
    a.endsWith('/sync') ? -1 : b.endsWith('/sync') ? 1 : 0,
  );
  expect(sync).toEqual(['GET /_matrix/client/v3/sync', 40_000]);
  expect(others).toHaveLength(3);
  for (const [call, timeout] of others) expect([call, timeout]).toEqual([call, 15_000]);
});
