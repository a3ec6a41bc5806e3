/** The calls the bot knows, loaded from a folder of files and reloadable without a restart. */
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { loadCallDirectory } from './loader.ts';
import type { CallDefinition } from './schema.ts';

/** The call files shipped with the bot (`CALLS_DIR` overrides), found wherever the bot is started from. */
export const DEFAULT_CALLS_DIR = fileURLToPath(new URL('./calls/', import.meta.url));

/** Told which call ids were added, changed or removed by a reload (the scheduler recomputes what depends on them). */
export type ReloadListener = (changed: string[]) => void | Promise<void>;

export class CallRegistry {
  readonly dir: string;
  #calls = new Map<string, CallDefinition>();
  readonly #listeners: ReloadListener[] = [];

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Reads the folder; throws a CallFileError (file, path, problem) if any file is invalid. */
  async load(): Promise<void> {
    const calls = await loadCallDirectory(this.dir);
    this.#calls = new Map(calls.map((c) => [c.id, c]));
  }

  /** The calls, in file-name order. */
  list(): CallDefinition[] {
    return [...this.#calls.values()];
  }

  get(id: string): CallDefinition | undefined {
    return this.#calls.get(id);
  }

  /**
   * Reads the folder again and returns the ids that changed. An invalid folder throws and leaves the calls in
   * force untouched, so a typo in a file never takes the bot's rules away. Listeners hear of changes only.
   */
  async reload(): Promise<string[]> {
    const previous = this.#calls;
    await this.load();
    const ids = new Set([...previous.keys(), ...this.#calls.keys()]);
    const changed = [...ids].filter((id) => !isDeepStrictEqual(previous.get(id), this.#calls.get(id))).sort();
    if (changed.length === 0) return changed;
    // Every listener hears of the change even if an earlier one fails; failures are reported together.
    const results = await Promise.allSettled(this.#listeners.map(async (listener) => listener(changed)));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    if (failures.length > 0)
      throw new AggregateError(failures, `reload listeners failed for ${changed.join(', ')}`);
    return changed;
  }

  /** Registers a listener for reloads that changed something. */
  onReload(listener: ReloadListener): void {
    this.#listeners.push(listener);
  }
}
