/**
 * Calls edited or imported in the console: versioned YAML texts in the shared store that replace (or add to)
 * the shipped call files on every replica, validated by the same loader and schema as the files.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type CallDefinition, type CallRegistry, parseCallFile } from '../../rules/index.ts';
import type { Logger } from '../logger.ts';
import type { AtomicOps } from '../store/atomic.ts';
import { type OverrideDoc, OverrideStore, type Revision } from './overrides.ts';

export type SaveResult = { version: number } | { conflict: true } | { problems: string[] };

export class CallOverrides {
  readonly store: OverrideStore;
  readonly #calls: CallRegistry;
  readonly #logger: Logger;

  constructor(options: { atomic: AtomicOps; calls: CallRegistry; logger: Logger }) {
    this.store = new OverrideStore(options.atomic, 'call');
    this.#calls = options.calls;
    this.#logger = options.logger;
  }

  /**
   * Puts the stored overrides in force in this process; `notify` lets the calls' listeners recompute stored
   * reminders and announcements (the saving replica does it, the others only refresh what they read).
   */
  async sync(notify: boolean): Promise<string[]> {
    const overrides = new Map<string, CallDefinition>();
    for (const id of await this.store.ids()) {
      const { text } = await this.store.read(id);
      if (text === undefined) continue;
      const parsed = parseCallFile(`${id}.yaml`, text);
      // A stored text the current schema no longer accepts leaves the shipped file in force, loudly.
      if ('problems' in parsed)
        this.#logger.error({ call: id, problems: parsed.problems }, 'stored call override ignored');
      else overrides.set(id, parsed.call);
    }
    return this.#calls.applyOverrides(overrides, notify);
  }

  /** The text in force for a call (its override, else its shipped file) and the version to save on top of. */
  async current(id: string): Promise<(OverrideDoc & { text: string; overridden: boolean }) | undefined> {
    const doc = await this.store.read(id);
    if (doc.text !== undefined) return { ...doc, text: doc.text, overridden: true };
    const shipped = await this.shippedText(id);
    return shipped === undefined ? undefined : { ...doc, text: shipped, overridden: false };
  }

  /** The call file as shipped, if there is one. */
  async shippedText(id: string): Promise<string | undefined> {
    if (!this.#calls.shipped(id)) return undefined;
    for (const extension of ['yaml', 'yml', 'json']) {
      try {
        return await readFile(join(this.#calls.dir, `${id}.${extension}`), 'utf8');
      } catch {}
    }
    return undefined;
  }

  /** Validates and saves a call's new text (undefined: back to the shipped file), then puts it in force. */
  async save(
    id: string,
    expectedVersion: number,
    change: Omit<Revision, 'version' | 'at'> & { at: number },
  ): Promise<SaveResult> {
    if (change.text !== undefined) {
      const parsed = parseCallFile(`${id}.yaml`, change.text);
      if ('problems' in parsed) return { problems: parsed.problems };
    }
    const version = await this.store.write(id, expectedVersion, change);
    if (version === undefined) return { conflict: true };
    this.#logger.info(
      { event: 'console:change', kind: 'call', id, version, by: change.by, action: change.action },
      'call changed in the console',
    );
    await this.sync(true);
    return { version };
  }
}
