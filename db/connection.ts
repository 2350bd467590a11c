/**
 * The one place a database connection is made. Every connection gets the
 * SQLCipher 4 format and the same pragmas, so a test can read them back and
 * no code path can forget one.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { VaultError } from './errors.ts';

export type Connection = Database.Database;

const KEY_HEX = /^[0-9a-f]{64}$/;

export const CACHE_KIB = 65_536;

/**
 * Opens (or, with `create`, creates) an encrypted database with a raw 256-bit
 * key. The key is checked by reading the schema before any pragma that could
 * write, so a wrong key leaves the file untouched.
 */
export function openConnection(file: string, dataKey: Buffer, options: { create: boolean; readonly?: boolean }): Connection {
  const hex = dataKey.toString('hex');
  // Only a key we generated reaches SQL text, and only in this validated form.
  if (!KEY_HEX.test(hex)) throw new Error('data key must be 32 bytes');
  const db = new Database(file, { fileMustExist: !options.create, readonly: options.readonly === true });
  try {
    // The cipher must be chosen before the key: this library defaults to ChaCha20.
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${hex}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_NOTADB') {
        throw new VaultError('WRONG_PASSPHRASE', 'That key does not open this vault.', { cause: e });
      }
      throw e;
    }
    // A read-only probe stops here: it must not be able to change the file.
    if (options.readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    // Each page read from disk costs a decrypt and an HMAC check, so a larger
    // page cache than SQLite's 2 MiB default pays for itself (64 MiB at most).
    db.pragma(`cache_size = -${CACHE_KIB}`);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Reads back the settings that matter; used by tests and the vault's self-check. */
export function readPragmas(db: Connection): Record<string, unknown> {
  const one = (name: string) => db.pragma(name, { simple: true });
  return {
    journal_mode: one('journal_mode'),
    synchronous: one('synchronous'),
    temp_store: one('temp_store'),
    foreign_keys: one('foreign_keys'),
    trusted_schema: one('trusted_schema'),
    cache_size: one('cache_size'),
    cipher: one('cipher'),
    legacy: one('legacy'),
  };
}
