/**
 * Managers' edits kept in the shared store as versioned documents, one per call or FAQ entry, each with its
 * history, so every replica reads the same text and two managers saving at once cannot overwrite each other:
 * a write names the version it started from and fails if someone saved in between.
 */
import type { AtomicOps } from '../store/atomic.ts';

/** One saved state of a document: its text (undefined: back to the shipped file) and who made it. */
export interface Revision {
  version: number;
  at: number;
  /** The manager, as `platform:user`. */
  by: string;
  action: 'edit' | 'import' | 'revert';
  text: string | undefined;
}

interface StoredDoc {
  history: Revision[];
}

export interface OverrideDoc {
  /** The text in force (undefined: the shipped one). */
  text: string | undefined;
  version: number;
  history: Revision[];
}

/** How the console writes YAML texts (flow collections unpadded, as in the call files; no line folding). */
export const YAML_LAYOUT = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Enough revisions to go back a year of edits; older ones fall off. */
const KEEP_REVISIONS = 50;
/** Bumped by every save, so replicas notice with one read that something changed. */
const REVISION_KEY = 'console:revision';

export class OverrideStore {
  readonly #atomic: AtomicOps;
  readonly #kind: string;

  constructor(atomic: AtomicOps, kind: 'call' | 'faq' | 'faq-topic') {
    this.#atomic = atomic;
    this.#kind = kind;
  }

  /** The ids that have (or had) an override. */
  async ids(): Promise<string[]> {
    return (await this.#atomic.setMembers(`console:${this.#kind}:ids`)).sort();
  }

  async read(id: string): Promise<OverrideDoc> {
    const { value, version } = await this.#atomic.readVersioned(this.#key(id));
    const history = value ? (JSON.parse(value) as StoredDoc).history : [];
    return { text: history.at(-1)?.text, version, history };
  }

  /** Saves a new text on top of `expectedVersion`; `undefined` when another save came first (reload and retry). */
  async write(
    id: string,
    expectedVersion: number,
    change: Omit<Revision, 'version'>,
  ): Promise<number | undefined> {
    const current = await this.read(id);
    if (current.version !== expectedVersion) return undefined;
    const history = [...current.history, { ...change, version: expectedVersion + 1 }].slice(-KEEP_REVISIONS);
    const version = await this.#atomic.writeVersioned(
      this.#key(id),
      expectedVersion,
      JSON.stringify({ history }),
    );
    if (version === undefined) return undefined;
    await this.#atomic.setAdd(`console:${this.#kind}:ids`, id);
    await bumpRevision(this.#atomic);
    return version;
  }

  #key(id: string): string {
    return `console:${this.#kind}:${id}`;
  }
}

/** The store-wide revision of managers' edits (0: none yet). */
export async function overridesRevision(atomic: AtomicOps): Promise<number> {
  return (await atomic.readVersioned(REVISION_KEY)).version;
}

async function bumpRevision(atomic: AtomicOps): Promise<void> {
  for (;;) {
    const { version } = await atomic.readVersioned(REVISION_KEY);
    if ((await atomic.writeVersioned(REVISION_KEY, version, String(Date.now()))) !== undefined) return;
  }
}
