import keyvTestSuite from '@keyv/test-suite';
import { Keyv } from 'keyv';
import * as vitest from 'vitest';
import { describe, expect, inject, it } from 'vitest';
import { openStore } from '../src/store/open-store.ts';
import { SqliteKeyvStore } from '../src/store/sqlite-store.ts';
import { UserRecords } from '../src/store/user-records.ts';

describe('SqliteKeyvStore passes @keyv/test-suite', () => {
  keyvTestSuite(vitest, Keyv, () => new SqliteKeyvStore(':memory:'));
});

const backends = [
  ['sqlite', 'sqlite://:memory:'],
  ['redis', inject('redisUrl')],
  ['postgres', inject('postgresUrl')],
] as const;

describe.each(backends)('%s store behind keyv', (kind, url) => {
  it.skipIf(!url)('keeps, lists and forgets a person’s records', async () => {
    const backend = await openStore(url as string);
    try {
      expect(backend.kind).toBe(kind);
      const records = new UserRecords(backend.kv, backend.atomic);
      const user = `shell:-:store-test-${Date.now()}`;
      await records.set(user, 'conversation', { lang: 'fr' });
      await records.set(user, 'application:1', { answers: { expected_attendance: 150 } });
      expect(await records.get(user, 'conversation')).toEqual({ lang: 'fr' });
      expect(await records.names(user)).toEqual(['application:1', 'conversation']);
      expect(await records.forget(user)).toEqual(['application:1', 'conversation']);
      expect(await records.get(user, 'application:1')).toBeUndefined();
      expect(await records.names(user)).toEqual([]);
    } finally {
      await backend.close();
    }
  });
});

it('an unreachable server stops start-up with an error', async () => {
  await expect(openStore('redis://127.0.0.1:1')).rejects.toThrow();
});
