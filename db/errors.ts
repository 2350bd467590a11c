/**
 * Errors the storage layer raises on purpose. `code` is stable (tests and the
 * API envelope rely on it); `message` is written for the person at the keyboard.
 */
export type VaultErrorCode =
  | 'WRONG_PASSPHRASE'
  | 'NO_VAULT'
  | 'VAULT_EXISTS'
  | 'VAULT_DAMAGED'
  | 'KEY_FILE_MISSING'
  | 'VAULT_TOO_NEW'
  | 'WEAK_KDF'
  | 'DISK_WRITE_FAILED';

export class VaultError extends Error {
  readonly code: VaultErrorCode;
  constructor(code: VaultErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(e: unknown): e is VaultError {
  return e instanceof VaultError;
}
