/**
 * Stands in for @matrix-org/matrix-sdk-crypto-nodejs (mapped here by the npm `overrides` entry of the root
 * package.json). matrix-bot-sdk 0.8.0 requires that package at load time even when encryption is off, and
 * its install script downloads a native binary from outside the npm registry, which many machines refuse.
 *
 * This module loads the real one when it can (MATRIX_CRYPTO_NODEJS_PATH, or the npm alias
 * `matrix-sdk-crypto-nodejs-native`), otherwise exports stand-ins for every name matrix-bot-sdk 0.8.0 reads
 * (OlmMachine, UserId, DeviceId, RoomId, DeviceLists, EncryptionSettings, Attachment, EncryptedAttachment,
 * StoreType): requiring works, and only using encryption throws an error that says what to do.
 */

const ALIAS = 'matrix-sdk-crypto-nodejs-native';

function loadReal() {
  const candidates = [process.env.MATRIX_CRYPTO_NODEJS_PATH, ALIAS].filter(Boolean);
  const failures = [];
  for (const candidate of candidates) {
    try {
      return { module: require(candidate) };
    } catch (error) {
      failures.push(`${candidate}: ${String(error?.message ?? error).split('\n')[0]}`);
    }
  }
  return { failures };
}

const real = loadReal();

if (real.module) {
  module.exports = real.module;
} else {
  const reason =
    'Matrix end-to-end encryption needs the native module @matrix-org/matrix-sdk-crypto-nodejs, which is not ' +
    `installed (tried ${real.failures.join('; ')}). Install it as described in the README (Matrix, encryption) ` +
    'or set MATRIX_ENCRYPTION=false and use unencrypted rooms.';

  /** Throws the explanation: called only when something actually uses encryption. */
  const unavailable = () => {
    const error = new Error(reason);
    error.code = 'MATRIX_CRYPTO_UNAVAILABLE';
    throw error;
  };

  /** A class whose construction and static factories explain why encryption is unavailable. */
  const standIn = (name) => {
    const Class = class {
      constructor() {
        unavailable();
      }
      static initialize() {
        return Promise.reject(new Error(reason));
      }
    };
    Object.defineProperty(Class, 'name', { value: name });
    return Class;
  };

  module.exports = {
    OlmMachine: standIn('OlmMachine'),
    UserId: standIn('UserId'),
    DeviceId: standIn('DeviceId'),
    RoomId: standIn('RoomId'),
    DeviceLists: standIn('DeviceLists'),
    EncryptionSettings: standIn('EncryptionSettings'),
    Attachment: standIn('Attachment'),
    EncryptedAttachment: standIn('EncryptedAttachment'),
    // Same numbering as the real enum, so a stored setting means the same once the module is installed.
    StoreType: Object.freeze({ Sled: 0, Sqlite: 1, 0: 'Sled', 1: 'Sqlite' }),
    /** True here: the adapter reads it to tell "encryption available" from "stand-ins loaded". */
    isFallback: true,
    fallbackReason: reason,
  };
}
