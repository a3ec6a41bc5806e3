/**
 * Erasure benchmark (`node bench/erasure.bench.ts`, or `npm run bench`): what erasing for good costs on the
 * embedded store. `secure_delete` (zeros over what is deleted, on in src/store/sqlite-store.ts): 20,000
 * deletes of 2 KB rows on a WAL file, off and on, per CPU-second, three runs each. The checkpoint that ends
 * each `forget me` (`wal_checkpoint(TRUNCATE)`: the log's copies of the pages go): its CPU and wall time
 * after a person's 50 rows were deleted among 20,000, three runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

const ROWS = 20_000;
const ROW = 'x'.repeat(2048);
const RUNS = 3;
const dir = mkdtempSync(join(tmpdir(), 'nec-erasure-bench-'));

/** A fresh WAL database file of ROWS rows, set as the store sets its own (bar secure_delete). */
function filled(name: string, secureDelete: boolean): DatabaseSync {
  const db = new DatabaseSync(join(dir, name));
  db.exec(
    `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ${secureDelete ? 'ON' : 'OFF'};`,
  );
  db.exec('CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT)');
  const insert = db.prepare('INSERT INTO kv VALUES (?, ?)');
  db.exec('BEGIN');
  for (let i = 0; i < ROWS; i++) insert.run(`k${i}`, ROW);
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return db;
}

/** CPU milliseconds `work` takes. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

function deletesPerCpuSecond(secureDelete: boolean, run: number): number {
  const db = filled(`deletes-${secureDelete}-${run}.sqlite`, secureDelete);
  const remove = db.prepare('DELETE FROM kv WHERE key = ?');
  const ms = cpuMs(() => {
    for (let i = 0; i < ROWS; i++) remove.run(`k${i}`);
  });
  db.close();
  return Math.round(ROWS / (ms / 1000));
}

function checkpointCost(run: number): { cpu: number; wall: number } {
  const db = filled(`checkpoint-${run}.sqlite`, true);
  const remove = db.prepare('DELETE FROM kv WHERE key = ?');
  for (let i = 0; i < 50; i++) remove.run(`k${i * 400}`);
  const started = performance.now();
  const cpu = cpuMs(() => db.exec('PRAGMA wal_checkpoint(TRUNCATE)'));
  const wall = performance.now() - started;
  db.close();
  return { cpu, wall };
}

try {
  const runs = Array.from({ length: RUNS }, (_, run) => run);
  const off = runs.map((run) => deletesPerCpuSecond(false, run));
  const on = runs.map((run) => deletesPerCpuSecond(true, run));
  const checkpoints = runs.map(checkpointCost);
  const range = (values: number[], digits = 0) =>
    `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  console.log(`erasure (SQLite, WAL, ${ROWS.toLocaleString('en')} rows of 2 KB, ${RUNS} runs)`);
  console.log(`  deletes per CPU-second, secure_delete off: ${range(off)}`);
  console.log(`  deletes per CPU-second, secure_delete on:  ${range(on)}`);
  console.log(
    `  secure_delete slows deletes by ${Math.round((1 - median(on) / median(off)) * 100)} % (medians)`,
  );
  console.log(
    `  checkpoint after erasing 50 rows: ${range(
      checkpoints.map((c) => c.cpu),
      2,
    )} ms CPU, ${range(
      checkpoints.map((c) => c.wall),
      1,
    )} ms wall`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
