/** Runs the real entry point (`node src/main.ts …`) as a child process, as a user or a script would. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const ENTRY = new URL('../../src/main.ts', import.meta.url).pathname;

/** Environment for a child bot: no platform tokens from the caller's environment, quiet logs. */
export function botEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent' };
  return { ...env, ...extra };
}

/** Runs the bot with `args`, feeds it `input`, and resolves with its exit code and output once it exits. */
export function runBot(
  args: string[],
  input: string,
  env: NodeJS.ProcessEnv = botEnv(),
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY, ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A bot in the scripting interface that stays up: send a line, read the one line it answers. */
export class ScriptedBot {
  readonly child: ChildProcessWithoutNullStreams;
  readonly #lines: string[] = [];
  readonly #waiting: Array<(line: string) => void> = [];

  constructor(args: string[], env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [ENTRY, '--jsonl', ...args], { env });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
  }

  /** Sends one input object and resolves with the parsed output line. */
  async send(input: object): Promise<Record<string, unknown>> {
    this.child.stdin.write(`${JSON.stringify(input)}\n`);
    return this.read();
  }

  /** Resolves with the next output line, parsed (for input written straight to `child.stdin`). */
  async read(): Promise<Record<string, unknown>> {
    const line = this.#lines.shift() ?? (await new Promise<string>((r) => this.#waiting.push(r)));
    return JSON.parse(line);
  }

  /** Kills the process without warning (a crash), and waits for it to be gone. */
  async crash(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGKILL');
    await exited;
  }

  /** Ends the input and waits for a normal exit. */
  async end(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.child.once('exit', (code) => r(code)));
    this.child.stdin.end();
    return exited;
  }
}
