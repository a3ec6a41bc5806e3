/**
 * matrix-bot-sdk's storage (sync token, filter, small values) kept in the project's keyv store, so the sync
 * position survives restarts and is shared by the replicas, instead of the SDK's JSON file.
 */
import type { Keyv } from 'keyv';
import type { IFilterInfo, IStorageProvider } from 'matrix-bot-sdk';

/** The SDK's IStorageProvider on keyv, keys scoped to the bot's account. */
export class KeyvStorageProvider implements IStorageProvider {
  readonly #kv: Keyv;
  #account?: string;

  constructor(kv: Keyv) {
    this.#kv = kv;
  }

  /**
   * Scopes the keys to the bot's user id, known only once the client asked the homeserver (whoami): two bots
   * on one store never share a sync token, and a new access token for the same account resumes where it was.
   */
  useAccount(userId: string): void {
    this.#account = userId;
  }

  get #prefix(): string {
    if (!this.#account) throw new Error('KeyvStorageProvider used before useAccount()');
    return `matrix:${this.#account}:`;
  }

  async setSyncToken(token: string | null): Promise<void> {
    if (token === null) await this.#kv.delete(`${this.#prefix}sync-token`);
    else await this.#kv.set(`${this.#prefix}sync-token`, token);
  }

  async getSyncToken(): Promise<string | null> {
    return (await this.#kv.get<string>(`${this.#prefix}sync-token`)) ?? null;
  }

  async setFilter(filter: IFilterInfo): Promise<void> {
    await this.#kv.set(`${this.#prefix}filter`, filter);
  }

  // The SDK's interface types the missing filter as a value; it does test for a falsy one.
  async getFilter(): Promise<IFilterInfo> {
    return (await this.#kv.get<IFilterInfo>(`${this.#prefix}filter`)) as IFilterInfo;
  }

  async storeValue(key: string, value: string): Promise<void> {
    await this.#kv.set(`${this.#prefix}value:${key}`, value);
  }

  async readValue(key: string): Promise<string | undefined> {
    return (await this.#kv.get<string>(`${this.#prefix}value:${key}`)) ?? undefined;
  }
}
