/** Real Matrix bot processes (`node src/main.ts`, the real MatrixClient) against a FakeHomeserver. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FakeHomeserver } from './fake-homeserver.ts';
import { botEnv } from './run-cli.ts';

const ENTRY = new URL('../../src/main.ts', import.meta.url).pathname;
const children: ChildProcess[] = [];

/** A bot process, and its exit code once it exits (null when killed by a signal). */
export interface SpawnedMatrixBot {
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts the bot on `server` and `storeUrl`, in English, its exports in `dir`; its warnings on stderr. */
export function spawnMatrixBot(server: FakeHomeserver, storeUrl: string, dir: string): SpawnedMatrixBot {
  const child = spawn(process.execPath, [ENTRY], {
    env: botEnv({
      LOG_LEVEL: 'warn',
      BOT_LANG: 'en',
      MATRIX_HOMESERVER_URL: server.url,
      MATRIX_ACCESS_TOKEN: server.accessToken,
      STORE_URL: storeUrl,
      EXPORTS_DIR: join(dir, 'exports'),
    }),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

/** Kills the processes `spawnMatrixBot` started (after each test: none is left running). */
export function killSpawnedMatrixBots(): void {
  for (const child of children.splice(0)) child.kill('SIGKILL');
}
