/**
 * The vault: one encrypted SQLite file (`liaison.db`, SQLCipher 4 format) and
 * its key file (`liaison.key`, the data key wrapped under the passphrase).
 *
 * Failure rules that matter to a person:
 * - a wrong passphrase or recovery key changes nothing on disk;
 * - a file that fails to open is never deleted or overwritten;
 * - creating a vault never replaces an existing one.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { parseRecoveryKey, formatRecoveryKey } from '../electron/shared/domain/recovery-key.ts';
import { openConnection, type Connection } from './connection.ts';
import type { Database } from './database.ts';
import { VaultError } from './errors.ts';
import {
  KEY_FILE,
  deriveSubKey,
  generateDataKey,
  keyCheckValue,
  keyMatchesCheck,
  readKeyFile,
  syncDirectory,
  unwrapDataKey,
  wrapDataKey,
  writeKeyFile,
} from './keys.ts';
import { migrateToLatest, refuseUnknownMigrations } from './migrate.ts';

export const DB_FILE = 'liaison.db';

export interface Vault {
  readonly dir: string;
  readonly db: Kysely<Database>;
  /** The raw connection, for pragmas and integrity checks. */
  readonly connection: Connection;
  /** Sub-key for the audit chain; the data key itself never leaves this module. */
  readonly auditKey: Buffer;
  /** Wraps the data key under a new passphrase and replaces the key file atomically. */
  setPassphrase(passphrase: string): Promise<void>;
  /** True when `recoveryKey` is this vault's recovery key (constant-time). */
  matchesRecoveryKey(recoveryKey: string): boolean;
  close(): Promise<void>;
}

export type VaultState = 'none' | 'locked' | 'needs-recovery';

/** What is on disk, without opening anything. */
export function vaultState(dir: string): VaultState {
  const hasDb = existsSync(path.join(dir, DB_FILE));
  const hasKey = existsSync(path.join(dir, KEY_FILE));
  if (hasDb && hasKey) return 'locked';
  if (hasDb) return 'needs-recovery';
  return 'none';
}

export async function createVault(opts: { dir: string; passphrase: string }): Promise<{ recoveryKey: string; vault: Vault }> {
  const { dir, passphrase } = opts;
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (existsSync(path.join(dir, DB_FILE)) || existsSync(path.join(dir, KEY_FILE))) {
    throw new VaultError('VAULT_EXISTS', 'A vault already exists in this folder. Open it instead; Liaison never replaces a vault.');
  }
  const dataKey = generateDataKey();
  const keyFile = await wrapDataKey(dataKey, passphrase);
  // The database is made under a temporary name and renamed into place, then
  // the key file is written last: a crash part-way leaves either nothing or a
  // complete database that the recovery key still opens.
  const partial = path.join(dir, `${DB_FILE}.creating`);
  await fs.rm(partial, { force: true });
  const conn = openConnection(partial, dataKey, { create: true });
  const vault = await finishOpen(dir, conn, dataKey);
  await vault.close();
  await fs.rename(partial, path.join(dir, DB_FILE));
  await syncDirectory(dir);
  await writeKeyFile(dir, keyFile);
  const reopened = await openWithDataKey(dir, dataKey);
  const recoveryKey = formatRecoveryKey(dataKey.toString('hex'));
  dataKey.fill(0);
  return { recoveryKey, vault: reopened };
}

export async function openVault(opts: { dir: string; passphrase: string }): Promise<Vault> {
  requireDatabase(opts.dir);
  const keyFile = await readKeyFile(opts.dir);
  const dataKey = await unwrapDataKey(keyFile, opts.passphrase);
  try {
    return await openWithDataKey(opts.dir, dataKey, { keyIsKnownGood: true });
  } finally {
    dataKey.fill(0);
  }
}

export async function openVaultWithRecoveryKey(opts: { dir: string; recoveryKey: string }): Promise<Vault> {
  requireDatabase(opts.dir);
  const parsed = parseRecoveryKey(opts.recoveryKey);
  if (!parsed.ok) throw new VaultError('WRONG_PASSPHRASE', parsed.problem);
  const dataKey = Buffer.from(parsed.hex, 'hex');
  try {
    return await openWithDataKey(opts.dir, dataKey);
  } catch (e) {
    if (e instanceof VaultError && e.code === 'WRONG_PASSPHRASE') {
      throw new VaultError('WRONG_PASSPHRASE', 'That recovery key does not open this vault. Check it against your recovery sheet.', { cause: e });
    }
    throw e;
  } finally {
    dataKey.fill(0);
  }
}

function requireDatabase(dir: string): void {
  if (!existsSync(path.join(dir, DB_FILE))) {
    throw new VaultError('NO_VAULT', 'There is no vault in this folder yet. Create one to begin.');
  }
}

async function openWithDataKey(dir: string, dataKey: Buffer, opts: { keyIsKnownGood?: boolean } = {}): Promise<Vault> {
  const file = path.join(dir, DB_FILE);
  // Everything that can refuse the vault runs before anything could write.
  // After a crash a WAL file holds the newest commits: closing a read-write
  // connection would fold it into a file we are about to call damaged (or too
  // new), so then the checks run on a read-only connection first. Without a
  // WAL a read-only connection would leave empty -wal/-shm files behind, and
  // the read-write one changes nothing until the checks have passed.
  const probeOnly = existsSync(`${file}-wal`);
  let conn: Connection;
  try {
    conn = openConnection(file, dataKey, { create: false, readonly: probeOnly });
  } catch (e) {
    if (e instanceof VaultError && e.code === 'WRONG_PASSPHRASE') {
      // The key unwrapped (or matched the key file's check) yet the file will
      // not decrypt: the file is damaged, not the secret wrong.
      if (opts.keyIsKnownGood || (await keyFileConfirms(dir, dataKey))) throw damaged(e);
      throw e;
    }
    throw isCorruption(e) ? damaged(e) : e;
  }
  try {
    const check = conn.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw damaged(new Error(String(check)));
    refuseUnknownMigrations(conn);
  } catch (e) {
    conn.close();
    throw e instanceof VaultError ? e : isCorruption(e) ? damaged(e) : e;
  }
  if (probeOnly) {
    conn.close();
    conn = openConnection(file, dataKey, { create: false });
  }
  return finishOpen(dir, conn, dataKey);
}

function isCorruption(e: unknown): boolean {
  const code = String((e as { code?: unknown })?.code ?? '');
  return code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
}

async function keyFileConfirms(dir: string, dataKey: Buffer): Promise<boolean> {
  try {
    return keyMatchesCheck(dataKey, (await readKeyFile(dir)).keyCheck);
  } catch {
    return false;
  }
}

function damaged(cause: unknown): VaultError {
  return new VaultError(
    'VAULT_DAMAGED',
    'The vault file is damaged and cannot be read. Nothing was changed. Restore it from your most recent backup.',
    { cause },
  );
}

async function finishOpen(dir: string, conn: Connection, dataKey: Buffer): Promise<Vault> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) });
  try {
    await migrateToLatest(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  // Kept only for rewrapping; zeroed on close.
  const heldKey = Buffer.from(dataKey);
  const auditKey = deriveSubKey(heldKey, 'audit');
  let closed = false;
  return {
    dir,
    db,
    connection: conn,
    auditKey,
    async setPassphrase(passphrase: string) {
      if (closed) throw new Error('vault is closed');
      await writeKeyFile(dir, await wrapDataKey(heldKey, passphrase));
    },
    matchesRecoveryKey(recoveryKey: string) {
      const parsed = parseRecoveryKey(recoveryKey);
      if (!parsed.ok || closed) return false;
      // Compares check values, not raw keys, in constant time.
      return keyMatchesCheck(Buffer.from(parsed.hex, 'hex'), keyCheckValue(heldKey));
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
      heldKey.fill(0);
      auditKey.fill(0);
    },
  };
}
