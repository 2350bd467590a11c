/**
 * Maps anything thrown below the API into the error envelope. Expected
 * refusals keep their code and message; disk and corruption errors get plain
 * words; anything else becomes a generic message (details go to the console,
 * never into a file).
 */
import { isVaultError } from '../../db/errors.ts';
import type { ApiError } from '../shared/errors.ts';

export class AppError extends Error {
  readonly code: ApiError['code'];
  readonly field: string | undefined;
  constructor(code: ApiError['code'], message: string, field?: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}

const DISK_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EIO']);

export function toApiError(e: unknown): ApiError {
  if (e instanceof AppError) return e.field ? { code: e.code, message: e.message, field: e.field } : { code: e.code, message: e.message };
  if (isVaultError(e)) return { code: e.code, message: e.message };
  const code = String((e as { code?: unknown })?.code ?? '');
  if (DISK_CODES.has(code) || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY')) {
    return {
      code: 'DISK_WRITE_FAILED',
      message: 'Liaison could not write to the disk (it may be full, or the folder read-only). Nothing was saved. Free some space or check the folder, then try again.',
    };
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return {
      code: 'VAULT_DAMAGED',
      message: 'Part of the vault file is damaged and cannot be read. Nothing was changed. Restore it from your most recent backup.',
    };
  }
  console.error('Unexpected error', e);
  return { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Try again; if it keeps happening, restart Liaison.' };
}
