/**
 * The index of applications by call on the three stores: kept in step with the `application:<id>` records as
 * they are written, deleted and forgotten; two replicas saving at once lose no entry; and the applications
 * stored before the index existed are indexed once at start-up, by one replica while the other waits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ApplicationsByCall } from '../../src/store/applications-by-call.ts';
import { type Backend, openStore } from '../../src/store/open-store.ts';
import { UserRecords, userKey } from '../../src/store/user-records.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'nec-by-call-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores = [
  ['SQLite', `sqlite://${join(dir, 'shared.sqlite')}`],
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

/** A replica's view of the store: its records, kept in step with its own index object. */
async function replica(url: string) {
  const backend = await openStore(url);
  const index = new ApplicationsByCall(backend.atomic);
  return { backend, index, records: new UserRecords(backend.kv, backend.atomic, [index]) };
}

const application = (id: string, callId: string) => ({ id, callId, status: 'in_progress', answers: {} });
/** Call ids of their own: the shared test servers hold other files' applications too. */
const tag = () => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const ids = (list: Array<{ applicationId: string }>) => list.map((a) => a.applicationId).sort();

describe.each(stores)('applications by call on %s', (name, server) => {
  const opened: Backend[] = [];
  afterAll(async () => {
    for (const backend of opened) await backend.close();
  });
  const open = async (url: string) => {
    const r = await replica(url);
    opened.push(r.backend);
    return r;
  };

  it.skipIf(!server)('follows every write, deletion and erasure of an application record', async () => {
    const { index, records } = await open(server as string);
    const [call, other] = [tag(), tag()];
    const ana = userKey('slack', 'U-ana', 'T1');
    const bob = userKey('matrix', '@bob:hs.test|odd', 'hs.test');
    await records.set(ana, 'application:a1', application('a1', call));
    await records.set(ana, 'application:a2', application('a2', other));
    await records.set(bob, 'application:b1', application('b1', call));
    // Saved again (an answer, its completion, « garder ma candidature »): listed once.
    await records.set(ana, 'application:a1', { ...application('a1', call), status: 'complete' });
    // Other records, and a record without a call, are not applications of any call.
    await records.set(ana, 'conversation', { callId: call });
    await records.set(ana, 'application:x', { keepUntil: '2027-01-01' });
    expect(await index.list(call)).toEqual([
      { user: bob, applicationId: 'b1' },
      { user: ana, applicationId: 'a1' },
    ]);

    await records.delete(bob, 'application:b1');
    expect(ids(await index.list(call))).toEqual(['a1']);
    await records.forget(ana);
    expect(await index.list(call)).toEqual([]);
    expect(await index.list(other)).toEqual([]);
  });

  it.skipIf(!server)('loses no entry when two replicas save and delete at once', async () => {
    const [a, b] = await Promise.all([open(server as string), open(server as string)]);
    const call = tag();
    const saved = Array.from({ length: 40 }, (_, i) => `s${i}`);
    const person = (i: number) => userKey('shell', `p${i % 7}`);
    await Promise.all(
      saved.map((id, i) =>
        (i % 2 ? a : b).records.set(person(i), `application:${id}`, application(id, call)),
      ),
    );
    // Deletions on one replica while the other saves new ones.
    await Promise.all([
      ...saved.slice(0, 10).map((id, i) => a.records.delete(person(i), `application:${id}`)),
      ...Array.from({ length: 10 }, (_, i) =>
        b.records.set(person(i), `application:n${i}`, application(`n${i}`, call)),
      ),
    ]);
    const expected = [...saved.slice(10), ...Array.from({ length: 10 }, (_, i) => `n${i}`)].sort();
    expect(ids(await a.index.list(call))).toEqual(expected);
    expect(ids(await b.index.list(call))).toEqual(expected);
  });

  it.skipIf(!server)('indexes the applications stored before it existed, once, across replicas', async () => {
    const url =
      name === 'SQLite'
        ? `sqlite://${join(dir, 'old.sqlite')}`
        : await isolatedStoreUrl(server ?? '', 'by-call');
    // The release before the index: the same records, written without it.
    const old = await openStore(url);
    const oldRecords = new UserRecords(old.kv, old.atomic);
    const call = tag();
    for (let i = 0; i < 12; i++)
      await oldRecords.set(userKey('slack', `U${i}`, 'T1'), `application:o${i}`, application(`o${i}`, call));
    await oldRecords.set(userKey('slack', 'U0', 'T1'), 'conversation', { lang: 'fr' });
    await old.close();

    const [a, b] = await Promise.all([open(url), open(url)]);
    const counts = await Promise.all([a.index.indexStored(a.backend.kv), b.index.indexStored(b.backend.kv)]);
    expect(counts.sort()).toEqual([0, 12]);
    expect(ids(await b.index.list(call))).toEqual(Array.from({ length: 12 }, (_, i) => `o${i}`).sort());
    // Later starts read the marker only.
    expect(await (await open(url)).index.indexStored(a.backend.kv)).toBe(0);
  });
});
