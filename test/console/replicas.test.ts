/**
 * An edit saved in the console of one replica is in force on another (two apps on one Redis or PostgreSQL
 * server): replica B reloads when the store's revision moves, its `appels` shows the change and an organiser's
 * dialog on B is judged by the new figure.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveOps } from '../../src/ops/routes.ts';
import { driveToSummary, ELIGIBLE_LOCAL_NEC, verdictOf } from '../dialogs/support.ts';
import { ConsoleClient, inputValue } from '../support/console-client.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const servers = [
  ['Redis', inject('redisUrl')],
  ['PostgreSQL', inject('postgresUrl')],
] as const;

describe.each(servers)('a console edit on two replicas on %s', (_name, url) => {
  let a: TestApp;
  let b: TestApp;
  let server: Server;

  beforeAll(async () => {
    if (!url) return;
    const storeUrl = await isolatedStoreUrl(url, 'console');
    [a, b] = await Promise.all([createTestApp({ storeUrl }), createTestApp({ storeUrl })]);
    server = await serveOps(a, 0, '127.0.0.1');
  });
  afterAll(async () => {
    if (!url) return;
    await new Promise((r) => server.close(r));
    await a.close();
    await b.close();
  });

  const chatOnB = async (user: string, text: string) =>
    (await b.say(user, text)).map((r) => r.text).join('\n');

  it.skipIf(!url)('reaches the other replica: its `appels` and its dialogs use the new call', async () => {
    const before = await chatOnB('organiser', 'appels');
    expect(before).toMatch(/local-nec[^\n]*: ouvert — édition 2023/);
    const first = await driveToSummary(
      b,
      'first',
      await b.say('first', 'candidater local-nec'),
      ELIGIBLE_LOCAL_NEC,
    );
    expect(verdictOf(first.summary).funding?.eligible).toBe(true);

    const [linkReply] = await a.say('cm', 'console', { isManager: true });
    const manager = await ConsoleClient.signIn(String(linkReply?.data?.url));
    const edit = await manager.get('/console/calls/local-nec');
    const saved = await manager.post('/console/calls/local-nec', {
      version: inputValue(edit.html, 'version') ?? '',
      edition: '2027',
      'window.opens': '2027-01-15',
      'window.closes': '2027-06-30',
      'window.citation.section': 'Calendrier 2027',
      'figures.min_attendance': '200',
      action: 'save',
    });
    expect(saved.html).toContain('Version 1 enregistrée');

    // Replica B never saw the request: the store's revision alone tells it to reload.
    expect(await chatOnB('organiser', 'appels')).toMatch(/local-nec[^\n]*: ouvre le 15 janvier 2027\n/);
    expect(b.calls.get('local-nec')?.edition).toBe(2027);
    const second = await driveToSummary(
      b,
      'second',
      await b.say('second', 'candidater local-nec'),
      ELIGIBLE_LOCAL_NEC,
    );
    expect(verdictOf(second.summary).funding?.eligible).toBe(false);
    expect(second.summary.text).toContain('200');
  });
});
