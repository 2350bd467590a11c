/**
 * A promise wrapper over @journeyapps/sqlcipher: an independent SQLCipher 4
 * build, used to check the vault file from outside the app's own library
 * (better-sqlite3-multiple-ciphers answers `PRAGMA cipher_integrity_check`
 * with no rows whatever the file holds, so that check is only meaningful here).
 */
import sqlcipher from '@journeyapps/sqlcipher';

export interface ForeignDb {
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function openForeign(file: string, hexKey: string, mode: 'readonly' | 'readwrite' = 'readwrite'): Promise<ForeignDb> {
  if (!/^[0-9a-f]{64}$/.test(hexKey)) throw new Error('hexKey must be 64 lower-case hex digits');
  const flags = mode === 'readonly' ? sqlcipher.OPEN_READONLY : sqlcipher.OPEN_READWRITE;
  return new Promise((resolve, reject) => {
    const db = new sqlcipher.Database(file, flags, (err) => {
      if (err) {
        reject(err);
        return;
      }
      const all = <T>(sql: string) =>
        new Promise<T[]>((res, rej) => db.all(sql, (e: Error | null, rows: T[]) => (e ? rej(e) : res(rows))));
      const exec = (sql: string) => new Promise<void>((res, rej) => db.exec(sql, (e: Error | null) => (e ? rej(e) : res())));
      const close = () => new Promise<void>((res, rej) => db.close((e: Error | null) => (e ? rej(e) : res())));
      // SQLCipher logs expected failures (wrong key, bad HMAC) to stderr; the tests assert them instead.
      exec(`PRAGMA cipher_log_level = NONE; PRAGMA key = "x'${hexKey}'"; PRAGMA cipher_compatibility = 4;`)
        .then(() => resolve({ all, exec, close }))
        .catch(async (e: unknown) => {
          await close().catch(() => undefined);
          reject(e);
        });
    });
  });
}

/** The 64 lower-case hex digits of a recovery key as printed (XXXXXXXX-…). */
export function recoveryKeyHex(recoveryKey: string): string {
  const hex = recoveryKey.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('not a recovery key');
  return hex;
}
