/**
 * Stands in for @matrix-org/matrix-sdk-crypto-nodejs (mapped here by the npm `overrides` entry of the root
 * package.json). matrix-bot-sdk 0.8.0 requires that package at load time even when encryption is off, and
 * its install script downloads a native binary from outside the npm registry, which many machines refuse.
 *
 * This module loads the real one when MATRIX_CRYPTO_NODEJS_PATH points to an installed copy (see the README,
 * Matrix > Encryption), otherwise exports stand-ins for every name matrix-bot-sdk 0.8.0 reads (OlmMachine,
 * UserId, DeviceId, RoomId, DeviceLists, EncryptionSettings, Attachment, EncryptedAttachment, StoreType):
 * requiring works, and only using encryption throws an error that says what to do.
 */

function loadReal() {
  const path = process.env.MATRIX_CRYPTO_NODEJS_PATH;
  if (!path) return { failure: 'MATRIX_CRYPTO_NODEJS_PATH is not set' };
  try {
    return { module: require(path) };
  } catch (error) {
    return { failure: `${path}: ${String(error?.message ?? error).split('\n')[0]}` };
  }
}

const real = loadReal();

if (real.module) {
  module.exports = real.module;
} else {
  const reason =
    'Matrix end-to-end encryption needs the native module @matrix-org/matrix-sdk-crypto-nodejs, which is not ' +
    `loaded (${real.failure}). Install it as described in the README (Matrix, encryption) ` +
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
