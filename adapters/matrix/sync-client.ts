/**
 * The SDK's client, made to wait for the bot: each event of a sync is handled (answered) before the next,
 * and the sync token is stored only once the whole batch was handled. A stop finishes the batch in hand, so a
 * restart resumes exactly there: nothing answered twice, nothing that arrived meanwhile missed. After a crash
 * the unfinished batch comes again, and the core's event-id de-duplication drops what was already answered.
 */
import { type IStorageProvider, MatrixClient, type RustSdkCryptoStorageProvider } from 'matrix-bot-sdk';

/** A sync event as the SDK emits it (`room.message`, `room.invite`, `room.event`…) with its arguments. */
export interface SyncEvent {
  name: string;
  args: unknown[];
  /** True during the very first sync (no stored token): the events are the rooms' history. */
  history: boolean;
}

/** What the adapter does with each sync event; the sync waits for it. */
export type SyncHandler = (event: SyncEvent) => Promise<void>;

/**
 * How long any other call may take (a DM's creation, a profile, power levels): the SDK's own default, 60 s,
 * would hold a reply, a delivery or the sync behind one call that never answers. Sends ask for less (send.ts).
 */
const CALL_TIMEOUT_MS = 15_000;
const SYNC_PATH = '/_matrix/client/v3/sync';

/** MatrixClient whose sync awaits the bot for every event and stores the token after each handled batch. */
export class SyncingClient extends MatrixClient {
  readonly #handler: SyncHandler;
  readonly #syncStorage: IStorageProvider;
  #history = false;
  #stopped = false;
  /** The batch being handled, so stop() can let it finish. */
  #current: Promise<void> = Promise.resolve();

  constructor(
    homeserverUrl: string,
    accessToken: string,
    storage: IStorageProvider,
    cryptoStore: RustSdkCryptoStorageProvider | null,
    handler: SyncHandler,
  ) {
    super(homeserverUrl, accessToken, storage, cryptoStore ?? undefined);
    this.persistTokenAfterSync = true;
    this.#syncStorage = storage;
    this.#handler = handler;
  }

  /** Every call bounded by CALL_TIMEOUT_MS at most, but the sync's long poll (the SDK asks 40 s for it). */
  override doRequest(
    method: string,
    endpoint: string,
    qs?: unknown,
    body?: unknown,
    timeout = CALL_TIMEOUT_MS,
    raw?: boolean,
    contentType?: string,
    noEncoding?: boolean,
  ): Promise<unknown> {
    const bounded = endpoint === SYNC_PATH ? timeout : Math.min(timeout, CALL_TIMEOUT_MS);
    return super.doRequest(method, endpoint, qs, body, bounded, raw, contentType, noEncoding);
  }

  override stop(): void {
    this.#stopped = true;
    super.stop();
  }

  /** Resolves once the batch being handled (if any) is done and its token stored. */
  idle(): Promise<void> {
    return this.#current;
  }

  protected override doSync(token: string): Promise<unknown> {
    this.#history = !token;
    return super.doSync(token);
  }

  protected override processSync(
    raw: { next_batch?: string } | null,
    emitFn?: (name: string, ...args: unknown[]) => Promise<unknown>,
  ): Promise<void> {
    // A batch that arrives after stop() is not handled, and failing keeps its token unsaved: the next start
    // receives it again.
    if (this.#stopped) return Promise.reject(new Error('matrix client stopped'));
    const work = (async () => {
      await super.processSync(raw, emitFn);
      // Stored here as well as by the SDK just after, so that idle() covers it: once stop() returns, the
      // store may close.
      if (raw?.next_batch) await this.#syncStorage.setSyncToken(raw.next_batch);
    })();
    this.#current = work.catch(() => undefined);
    return work;
  }

  protected override startSyncInternal(): Promise<void> {
    return this.startSync(async (name: string, ...args: unknown[]) => {
      // The SDK's own listeners (DM map, crypto) still get every event.
      this.emit(name, ...args);
      await this.#handler({ name, args, history: this.#history });
    });
  }
}
