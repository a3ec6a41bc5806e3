/** A keyv store adapter on Node's built-in SQLite (`node:sqlite`): the embedded store, with no native addon. */
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { Row, SqlRunner } from './sql-atomic.ts';

/** Opens (and creates) a SQLite database file tuned for a bot: WAL, durable across a process crash. */
export function openSqliteDatabase(path: string): DatabaseSync {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path);
  // WAL keeps readers and the writer apart; synchronous=NORMAL in WAL loses nothing on a process crash.
  // secure_delete overwrites what is deleted with zeros, so an erased person's data does not linger in
  // free pages of the file (BENCHMARKS.md gives its cost).
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;',
  );
  return db;
}

/** Escapes LIKE wildcards so a namespace is matched literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class SqliteKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts: { dialect: 'sqlite'; url: string };
  namespace?: string;
  readonly #db: DatabaseSync;
  readonly #ownsDb: boolean;
  readonly #get: StatementSync;
  readonly #set: StatementSync;
  readonly #delete: StatementSync;
  readonly #table: string;

  /** `target` is a file path, or an open database shared with other tables (the job store). */
  constructor(target: string | DatabaseSync, table = 'keyv') {
    super();
    this.#ownsDb = typeof target === 'string';
    this.#db = typeof target === 'string' ? openSqliteDatabase(target) : target;
    this.opts = { dialect: 'sqlite', url: typeof target === 'string' ? `sqlite://${target}` : 'sqlite://' };
    if (!/^\w+$/.test(table)) throw new Error(`invalid table name: ${table}`);
    this.#db.exec(`CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    this.#table = table;
    this.#get = this.#db.prepare(`SELECT value FROM ${table} WHERE key = ?`);
    this.#set = this.#db.prepare(
      `INSERT INTO ${table} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    );
    this.#delete = this.#db.prepare(`DELETE FROM ${table} WHERE key = ?`);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const row = this.#get.get(key) as { value: string } | undefined;
    return row?.value as StoredData<Value> | undefined;
  }

  async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    return keys.map(
      (key) => (this.#get.get(key) as { value: string } | undefined)?.value as StoredData<Value>,
    );
  }

  // Expiry is kept by keyv inside the serialized value, so the ttl argument is not needed here.
  async set(key: string, value: unknown): Promise<void> {
    this.#set.run(key, typeof value === 'string' ? value : JSON.stringify(value));
  }

  async setMany(entries: Array<{ key: string; value: unknown }>): Promise<void> {
    this.#transaction(() => {
      for (const { key, value } of entries)
        this.#set.run(key, typeof value === 'string' ? value : JSON.stringify(value));
    });
  }

  async delete(key: string): Promise<boolean> {
    return Number(this.#delete.run(key).changes) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    let deleted = 0;
    this.#transaction(() => {
      for (const key of keys) deleted += Number(this.#delete.run(key).changes);
    });
    return deleted > 0;
  }

  async has(key: string): Promise<boolean> {
    return this.#get.get(key) !== undefined;
  }

  async hasMany(keys: string[]): Promise<boolean[]> {
    return keys.map((key) => this.#get.get(key) !== undefined);
  }

  /** Clears this store's namespace only (or everything when it has none). */
  async clear(): Promise<void> {
    if (this.namespace) {
      this.#db
        .prepare(`DELETE FROM ${this.#table} WHERE key LIKE ? ESCAPE '\\'`)
        .run(likePrefix(`${this.namespace}:`));
    } else {
      this.#db.prepare(`DELETE FROM ${this.#table}`).run();
    }
  }

  async *iterator<Value>(
    namespace?: string,
  ): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    const rows = namespace
      ? this.#db
          .prepare(`SELECT key, value FROM ${this.#table} WHERE key LIKE ? ESCAPE '\\' ORDER BY key`)
          .iterate(likePrefix(`${namespace}:`))
      : this.#db.prepare(`SELECT key, value FROM ${this.#table} ORDER BY key`).iterate();
    for (const row of rows) {
      const { key, value } = row as { key: string; value: string };
      yield [key, value as Awaited<Value>];
    }
  }

  async disconnect(): Promise<void> {
    if (this.#ownsDb && this.#db.isOpen) this.#db.close();
  }

  #transaction(work: () => void): void {
    this.#db.exec('BEGIN');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Runs `$n`-parameter statements on the SQLite file, for the SQL shared with PostgreSQL. */
export function sqliteRunner(db: DatabaseSync): SqlRunner {
  const statements = new Map<string, StatementSync>();
  const run = (sql: string, params: unknown[]): Row[] => {
    let statement = statements.get(sql);
    if (!statement) {
      // `$n` is a named parameter to SQLite, bound from an object made on every call; `?n` is the same n-th
      // parameter bound by position, half the cost (a message runs about twenty statements: core benchmark).
      // The shared SQL holds no `$` in its string literals.
      statement = db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, statement);
    }
    return statement.all(...(params.map((value) => value ?? null) as SQLInputValue[])) as Row[];
  };
  return {
    query: async (sql, params) => run(sql, params),
    // Synchronous from BEGIN to COMMIT: no other statement of this process can run in between.
    transaction: async (body) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const steps = body();
        let step = steps.next();
        while (!step.done) step = steps.next(run(step.value.sql, step.value.params));
        db.exec('COMMIT');
        return step.value;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    // The database is closed with the backend (it is shared with keyv and the job store).
    close: async () => {},
  };
}
