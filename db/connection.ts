/**
 * The one place a database connection is made. Every connection gets the
 * SQLCipher 4 format and the same pragmas, so a test can read them back and
 * no code path can forget one.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { VaultError } from './errors.ts';

export type Connection = Database.Database;

export const REQUIRED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2, // FULL: a commit is on disk before it is acknowledged
  temp_store: 2, // MEMORY: sorts and temp tables never reach a plaintext temp file
  foreign_keys: 1,
  trusted_schema: 0,
} as const;

const KEY_HEX = /^[0-9a-f]{64}$/;

/**
 * Opens (or, with `create`, creates) an encrypted database with a raw 256-bit
 * key. The key is checked by reading the schema before any pragma that could
 * write, so a wrong key leaves the file untouched.
 */
export function openConnection(file: string, dataKey: Buffer, options: { create: boolean }): Connection {
  const hex = dataKey.toString('hex');
  // Only a key we generated reaches SQL text, and only in this validated form.
  if (!KEY_HEX.test(hex)) throw new Error('data key must be 32 bytes');
  const db = new Database(file, { fileMustExist: !options.create });
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
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
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
    cipher: one('cipher'),
    legacy: one('legacy'),
  };
}
