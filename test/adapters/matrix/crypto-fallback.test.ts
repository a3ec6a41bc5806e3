/**
 * The stand-in for the native crypto module (npm `overrides` → packages/matrix-crypto-fallback): the SDK
 * loads, and only using encryption fails, with a message that says what to do.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMatrixAdapter } from '../../../adapters/matrix/index.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

const contextOf = (app: TestApp) => ({ port: app.port, config: app.config, routes: [] });

const require = createRequire(import.meta.url);
let app: TestApp | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const MATRIX_ENV = { MATRIX_HOMESERVER_URL: 'http://127.0.0.1:9', MATRIX_ACCESS_TOKEN: 'token' };

describe('native crypto module fallback', () => {
  it('lets matrix-bot-sdk load and throws only when encryption is used', () => {
    const crypto = require('@matrix-org/matrix-sdk-crypto-nodejs');
    expect(crypto.isFallback).toBe(true);
    expect(require('matrix-bot-sdk').MatrixClient).toBeTypeOf('function');
    for (const name of ['OlmMachine', 'UserId', 'DeviceId', 'RoomId', 'DeviceLists', 'Attachment']) {
      expect(() => new crypto[name]('x')).toThrow(/MATRIX_ENCRYPTION=false/);
    }
    expect(crypto.StoreType.Sqlite).toBe(1);
  });

  it('loads the real module when MATRIX_CRYPTO_NODEJS_PATH points to one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nec-crypto-'));
    try {
      writeFileSync(join(dir, 'index.js'), "module.exports = { OlmMachine: 'native' };");
      const loaded = execFileSync(
        process.execPath,
        ['-p', "require('@matrix-org/matrix-sdk-crypto-nodejs').OlmMachine"],
        { env: { ...process.env, MATRIX_CRYPTO_NODEJS_PATH: dir }, encoding: 'utf8' },
      );
      expect(loaded.trim()).toBe('native');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses MATRIX_ENCRYPTION=true at start-up with the reason, and starts unencrypted without it', async () => {
    app = await createTestApp({ env: { ...MATRIX_ENV, MATRIX_ENCRYPTION: 'true' } });
    await expect(createMatrixAdapter(contextOf(app))).rejects.toThrow(
      /native module @matrix-org\/matrix-sdk-crypto-nodejs/,
    );
    await app.close();
    app = await createTestApp({ env: MATRIX_ENV });
    expect((await createMatrixAdapter(contextOf(app))).platform).toBe('matrix');
  });

  it('names the missing variable when the access token is not set', async () => {
    app = await createTestApp({ env: { MATRIX_HOMESERVER_URL: 'http://127.0.0.1:9' } });
    await expect(createMatrixAdapter(contextOf(app))).rejects.toThrow(/MATRIX_ACCESS_TOKEN/);
  });
});
