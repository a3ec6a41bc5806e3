/** Reads the embedded store back as raw rows, to prove that nothing of a person is left in it. */
import type { Backend } from '../../src/store/open-store.ts';

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
