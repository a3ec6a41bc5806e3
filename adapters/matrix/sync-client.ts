/**
 * The SDK's client, made to wait for the bot: each event of a sync is handled (answered) before the next,
 * and the sync token is stored only after the whole batch was handled, so a crash or restart resumes
 * exactly where the bot stopped — nothing replayed that was answered, nothing missed that arrived meanwhile.
 */
import { type IStorageProvider, MatrixClient, type RustSdkCryptoStorageProvider } from 'matrix-bot-sdk';

/** A sync event as the SDK emits it (`room.message`, `room.invite`, `room.event`…) with its arguments. */
export interface SyncEvent {
  name: string;
  args: unknown[];
  /** True during the very first sync (no stored token): the events are the rooms' history. */
  history: boolean;
}

export type SyncHandler = (event: SyncEvent) => Promise<void>;

export class SyncingClient extends MatrixClient {
  readonly #handler: SyncHandler;
  #history = false;
  #stopped = false;
  /** The event being handled, so stop() can let it finish. */
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
    this.#handler = handler;
  }

  override stop(): void {
    this.#stopped = true;
    super.stop();
  }

  /** Resolves once the event being handled (if any) is done: after stop(), nothing else starts. */
  idle(): Promise<void> {
    return this.#current;
  }

  protected override doSync(token: string): Promise<unknown> {
    this.#history = !token;
    return super.doSync(token);
  }

  protected override startSyncInternal(): Promise<void> {
    this.#stopped = false;
    return this.startSync(async (name: string, ...args: unknown[]) => {
      // A batch that arrives after stop() is not handled, and throwing keeps its token unsaved: the next
      // start receives it again.
      if (this.#stopped) throw new Error('matrix client stopped');
      // The SDK's own listeners (DM map, crypto) still get every event.
      this.emit(name, ...args);
      const handling = this.#handler({ name, args, history: this.#history });
      this.#current = handling.catch(() => undefined);
      await handling;
    });
  }
}
