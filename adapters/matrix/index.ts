/** Builds the Matrix adapter from the configuration (`MATRIX_*` variables); `adapters/index.ts` loads it. */
import { resolve } from 'node:path';
import nativeCrypto from '@matrix-org/matrix-sdk-crypto-nodejs';
import { RustSdkCryptoStorageProvider } from 'matrix-bot-sdk';
import type { Adapter, AdapterContext, Config, Logger } from '../../src/core/port.ts';
import { MatrixAdapter } from './matrix-adapter.ts';

const DEFAULT_CRYPTO_DIR = './data/matrix-crypto';

/** The crypto store when MATRIX_ENCRYPTION is on; fails with the reason when the native module is missing. */
function cryptoStoreFor(config: Config, logger: Logger): RustSdkCryptoStorageProvider | null {
  if (!config.MATRIX_ENCRYPTION) {
    logger.info('matrix: end-to-end encryption off (MATRIX_ENCRYPTION=false): encrypted rooms are not read');
    return null;
  }
  if (nativeCrypto.isFallback) throw new Error(`MATRIX_ENCRYPTION=true: ${nativeCrypto.fallbackReason}`);
  const dir = resolve(config.MATRIX_CRYPTO_DIR ?? DEFAULT_CRYPTO_DIR);
  logger.info({ dir }, 'matrix: end-to-end encryption on');
  return new RustSdkCryptoStorageProvider(dir, nativeCrypto.StoreType.Sqlite);
}

/** The Matrix adapter on the port, configured from MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN. */
export async function createMatrixAdapter({ port, config }: AdapterContext): Promise<Adapter> {
  const { MATRIX_HOMESERVER_URL: homeserverUrl, MATRIX_ACCESS_TOKEN: accessToken } = config;
  if (!homeserverUrl || !accessToken) {
    throw new Error('Matrix needs both MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN (see .env.example)');
  }
  return new MatrixAdapter({
    port,
    homeserverUrl,
    accessToken,
    config,
    cryptoStore: cryptoStoreFor(config, port.logger),
  });
}
