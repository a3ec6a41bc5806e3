/**
 * Data the release before the atomic store wrote under keyv keys (written here as it wrote them) is moved to
 * the atomic keys once at start-up: on SQLite, and on Redis and PostgreSQL with two replicas starting at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { UnansweredLog } from '../../src/faq/unanswered.ts';
import { DialogFunnel } from '../../src/ops/funnel.ts';
import { INDEX_KEY } from '../../src/scheduler/application-reminders.ts';
import { BROADCASTS_KEY } from '../../src/scheduler/broadcasts.ts';
import { readJson } from '../../src/store/atomic.ts';
import { openStore } from '../../src/store/open-store.ts';
import { userKey } from '../../src/store/user-records.ts';
import { isolatedStoreUrl } from '../support/isolated-store.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

const NOW = '2026-11-23T10:00:00+01:00';
const dir = mkdtempSync(join(tmpdir(), 'nec-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stores = [
  ['SQLite', `sqlite://${join(dir, 'old.sqlite')}`, 1],
  ['Redis', inject('redisUrl'), 2],
  ['PostgreSQL', inject('postgresUrl'), 2],
] as const;

const person = userKey('slack', 'U1', 'T1');
const subscription = {
  ref: { platform: 'slack', workspace: 'T1', roomId: 'C1', isDirect: false },
  callId: 'local-nec',
  timezone: 'Europe/Paris',
  lang: 'fr',
};
const reminderEntry = {
  user: person,
  applicationId: 'a1',
  callId: 'local-nec',
  lang: 'fr',
  timezone: 'Europe/Paris',
};

/** What the previous release kept, under its keyv keys and in its formats. */
async function writeOldRelease(url: string): Promise<void> {
  const backend = await openStore(url);
  const at = Date.parse(NOW);
  const old: Record<string, unknown> = {
    'scheduler:broadcasts': ['b1', 'b2'],
    'scheduler:subscriptions': [subscription],
    'scheduler:application-reminders': [reminderEntry],
    'stats:dialogs:__calls': ['local-nec'],
    'stats:dialogs:local-nec': { started: 5, completed: 2, abandoned: 1, steps: { name: 5, date: 3 } },
    'faq:unanswered:2026-11-23': { 'combien de pingouins': 3 },
    [`dedup:${person}`]: { ids: [{ id: 'Ev-old', at: at - 60_000 }] },
    [`ratelimit:${person}`]: { start: at - 1_000, count: 10 },
    [`user:${person}:__index`]: ['prefs'],
    [`user:${person}:prefs`]: { lang: 'fr' },
    'health:probe': 'probe',
  };
  for (const [key, value] of Object.entries(old)) await backend.kv.set(key, value);
  await backend.close();
}

describe.each(stores)('old keyv keys on %s', (_name, server, replicas) => {
  it.skipIf(!server)('are moved once to the atomic keys, nothing lost or counted twice', async () => {
    const url = server?.startsWith('sqlite') ? server : await isolatedStoreUrl(server ?? '', 'migration');
    await writeOldRelease(url);
    // Replicas starting together: one migrates, the other waits for it and finds it done.
    const apps = await Promise.all(
      Array.from({ length: replicas }, () => createTestApp({ storeUrl: url, now: NOW })),
    );
    const restarted = await createTestApp({ storeUrl: url, now: NOW });
    const all: TestApp[] = [...apps, restarted];
    try {
      const app = restarted;
      const { atomic, kv } = app.backend;
      expect((await atomic.setMembers(BROADCASTS_KEY)).sort()).toEqual(['b1', 'b2']);
      expect(await app.subscriptions.list()).toEqual([subscription]);
      expect(await readJson(atomic, INDEX_KEY, [])).toEqual([reminderEntry]);
      expect(await new DialogFunnel(atomic).all()).toEqual({
        'local-nec': { started: 5, completed: 2, abandoned: 1, steps: { name: 5, date: 3 } },
      });
      expect(await new UnansweredLog(atomic, app.clock, app.records).top(10)).toEqual([
        { question: 'combien de pingouins', count: 3 },
      ]);
      expect(await app.records.all(person)).toEqual({ prefs: { lang: 'fr' } });
      // The event already handled is still recognised; the person's window still holds their ten messages.
      const slack = {
        platform: 'slack' as const,
        workspace: 'T1',
        roomId: 'D1',
        userId: 'U1',
        isDirect: true,
      };
      const message = (text: string, eventId: string) => ({
        ref: slack,
        userId: 'U1',
        text,
        timestamp: app.clock.now(),
        eventId,
      });
      expect(await app.bot.handle(message('aide', 'Ev-old'))).toEqual([]);
      expect((await app.bot.handle(message('aide', 'Ev-new'))).map((r) => r.intent)).toEqual([
        'rate-limited',
      ]);
      // The old keys are gone; the person's records stay where they were.
      for (const key of [
        'scheduler:broadcasts',
        'stats:dialogs:local-nec',
        `dedup:${person}`,
        'health:probe',
      ])
        expect(await kv.get(key)).toBeUndefined();
      expect(await kv.get(`user:${person}:prefs`)).toEqual({ lang: 'fr' });
    } finally {
      for (const app of all) await app.close();
    }
  });
});
