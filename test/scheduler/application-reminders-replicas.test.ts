/**
 * The index `reload` recomputes application reminders from, written by two replicas at once (issue 14: 25
 * and 17 of 30 entries kept on Redis and PostgreSQL, so `reload` skipped people): every application set up
 * on either replica is in it, and one removed on one replica while the other adds leaves only its own entry.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Application } from '../../dialogs/application.ts';
import { INDEX_KEY } from '../../src/scheduler/application-reminders.ts';
import { readJson } from '../../src/store/atomic.ts';
import { userKey } from '../../src/store/user-records.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const servers = [
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

describe.each(servers)('the application reminders index on two replicas on %s', (_name, url) => {
  let replicas: TestApp[] = [];
  /** Each test's own people and applications: the index is one document for the whole store. */
  let tag = '';

  beforeEach(async () => {
    if (!url) return;
    tag = `ar${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const storeUrl = await isolatedStoreUrl(url, 'replicas');
    replicas = await Promise.all([createTestApp({ storeUrl }), createTestApp({ storeUrl })]);
  });
  afterEach(async () => {
    for (const app of replicas.splice(0)) await app.close();
  });

  const person = (i: number) => userKey('shell', `${tag}-p${i}`);
  const application = (i: number) =>
    ({
      id: `${tag}-a${i}`,
      callId: 'local-nec',
      answers: {},
      ref: { platform: 'shell', roomId: `${tag}-p${i}`, userId: `${tag}-p${i}`, isDirect: true },
    }) as unknown as Application;
  const sync = (i: number) =>
    replicas[i % 2]?.reminders.syncApplication(person(i), application(i), 'fr', 'Europe/Paris');
  const indexed = async () =>
    (await readJson<Array<{ applicationId: string }>>(replicas[0]?.backend.atomic as never, INDEX_KEY, []))
      .map((e) => e.applicationId)
      .filter((id) => id.startsWith(tag))
      .sort();
  const ids = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => `${tag}-a${from + i}`).sort();

  it.skipIf(!url)('keeps all 30 applications set up at once, 15 on each replica', async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => sync(i)));
    expect(await indexed()).toEqual(ids(0, 30));
  });

  it.skipIf(!url)('loses no entry when one replica removes while the other adds', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => sync(i)));
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) =>
        replicas[i % 2]?.reminders.removeApplication(person(i), `${tag}-a${i}`),
      ),
      ...Array.from({ length: 10 }, (_, i) => sync(10 + i)),
    ]);
    expect(await indexed()).toEqual(ids(10, 20));
  });
});
