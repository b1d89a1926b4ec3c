import type { SafeStorage } from 'electron';
import type { TokenCipher } from '../core/networks/token-cipher';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>;

/**
 * Network tokens sealed with Electron's safeStorage (DPAPI on Windows, the
 * Secret Service or KWallet on Linux): a copy of the database file alone does
 * not give the token away. Undefined when the platform offers no encryption;
 * the tokens then stay plain, in a database file only its user can read.
 */
export function safeStorageCipher(safeStorage: SafeStorageLike, log: (message: string) => void): TokenCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    log('safeStorage is not available: network tokens are kept unencrypted in the database');
    return undefined;
  }
  return {
    name: 'electron-safe-storage',
    seal: (token) => safeStorage.encryptString(token),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
