/**
 * How a network token is kept at rest. Electron seals it with the operating
 * system's keychain (main/electron/safe-storage-cipher.ts); the browser host
 * has no keychain and keeps it plain in a database file only its user can read.
 */
export interface TokenCipher {
  /** Stored with each token, so a token sealed by another cipher is recognised and not misread. */
  readonly name: string;
  seal(token: string): Buffer;
  open(sealed: Buffer): string;
}

export const PLAIN_TOKEN_CIPHER: TokenCipher = {
  name: 'plain',
  seal: (token) => Buffer.from(token, 'utf8'),
  open: (sealed) => sealed.toString('utf8'),
};
