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
  /** The calls of the folder, as shipped. */
  #files = new Map<string, CallDefinition>();
  /** Managers' edits and imports (the web console), replacing or adding to the files' calls. */
  #overrides = new Map<string, CallDefinition>();
  #calls = new Map<string, CallDefinition>();
  readonly #listeners: ReloadListener[] = [];

  constructor(dir: string) {
    this.dir = dir;
  }

  /** Reads the folder; throws a CallFileError (file, path, problem) if any file is invalid. */
  async load(): Promise<void> {
    const calls = await loadCallDirectory(this.dir);
    this.#files = new Map(calls.map((c) => [c.id, c]));
    this.#merge();
  }

  /** The calls in force: the files' (in file-name order), each replaced by its override, then imported calls. */
  #merge(): void {
    const merged = new Map([...this.#files].map(([id, call]) => [id, this.#overrides.get(id) ?? call]));
    for (const [id, call] of [...this.#overrides].sort(([a], [b]) => a.localeCompare(b)))
      if (!merged.has(id)) merged.set(id, call);
    this.#calls = merged;
  }

  /** The call as its file ships it, if it comes from a file. */
  shipped(id: string): CallDefinition | undefined {
    return this.#files.get(id);
  }

  /**
   * Puts managers' overrides in force (all of them: an id left out goes back to its file). Returns the ids
   * that changed; `notify` tells the reload listeners (only the replica that saved, so stored jobs are
   * recomputed once).
   */
  async applyOverrides(overrides: Map<string, CallDefinition>, notify: boolean): Promise<string[]> {
    return this.#changing(async () => {
      this.#overrides = new Map(overrides);
      this.#merge();
    }, notify);
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
    return this.#changing(() => this.load(), true);
  }

  async #changing(change: () => Promise<void>, notify: boolean): Promise<string[]> {
    const previous = this.#calls;
    await change();
    const ids = new Set([...previous.keys(), ...this.#calls.keys()]);
    const changed = [...ids].filter((id) => !isDeepStrictEqual(previous.get(id), this.#calls.get(id))).sort();
    if (changed.length === 0 || !notify) return changed;
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
