/** Reads the embedded store back as raw rows or bytes, to prove that nothing of a person is left in it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '../../src/store/open-store.ts';

/** Every byte of the SQLite files in `dir` named `<file>…` (the database and its write-ahead log), as text. */
export function storeFileBytes(dir: string, file = 'bot.sqlite'): string {
  return readdirSync(dir)
    .filter((name) => name.startsWith(file))
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('\n');
}

/** Every row of every table of the SQLite store (key-value, jobs, leases…), as `<table>: <row as JSON>`. */
export function rawRows(backend: Backend): string[] {
  const db = backend.sqlite;
  if (!db) throw new Error('the app under test runs on SQLite');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
    name: string;
  }>;
  return tables.flatMap(({ name }) =>
    db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => `${name}: ${JSON.stringify(row)}`),
  );
}
