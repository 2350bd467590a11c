/**
 * Interop: the vault written through the app opens in an independent SQLCipher 4
 * implementation (@journeyapps/sqlcipher, built from source) given only the
 * recovery key as a raw key. Its settings and audit log read back as written,
 * the audit chain links up, and both integrity checks pass.
 */
import { createHmac } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../db/audit.ts';
import { deriveSubKey } from '../db/keys.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi } from '../electron/services/api.ts';
import { copyDir, makeTempDir, removeDir, snapshotDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';
import { openForeign, recoveryKeyHex } from './helpers/sqlcipher.ts';

const ORG = 'Östliche Schulen — Bezirk 7 ✓';

let root: string;
let dir: string;
let recoveryKey: string;

beforeAll(async () => {
  root = makeTempDir('interop');
  dir = path.join(root, 'vault');
  const api = createApi({ vaultDir: dir, ports: fakePorts() });
  const created = await api.call('vault:create', { passphrase: 'interop passphrase 1' });
  if (!created.ok) throw new Error(created.error.message);
  recoveryKey = created.value.recoveryKey;
  const set = await api.call('settings:set', { organizationName: ORG, workerName: 'Ana Ruiz', autoLockMinutes: 30 });
  expect(set.ok).toBe(true);
  // Closing the app's vault: lock and stop timers.
  await api.dispose();
  expect(snapshotDir(dir).files.map((f) => f.name)).toEqual(['liaison.db', 'liaison.key']);
});

afterAll(() => removeDir(root));

interface AuditRow {
  seq: number;
  at: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

describe('@journeyapps/sqlcipher reading the vault file with the recovery key', () => {
  it('reports a SQLCipher 4 build', async () => {
    const db = await openForeign(path.join(dir, DB_FILE), recoveryKeyHex(recoveryKey));
    try {
      const [row] = await db.all<{ cipher_version: string }>('PRAGMA cipher_version');
      expect(row?.cipher_version).toMatch(/^4\./);
    } finally {
      await db.close();
    }
  });

  it('reads the settings and audit log written through the app; integrity checks pass', async () => {
    const db = await openForeign(path.join(dir, DB_FILE), recoveryKeyHex(recoveryKey));
    try {
      expect(await db.all('PRAGMA cipher_integrity_check')).toEqual([]);
      expect(await db.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);

      const settings = await db.all<{ key: string; value: string }>('SELECT key, value FROM settings ORDER BY key');
      expect(Object.fromEntries(settings.map((r) => [r.key, JSON.parse(r.value) as unknown]))).toEqual({
        autoLockMinutes: 30,
        organizationName: ORG,
        workerName: 'Ana Ruiz',
      });

      const audit = await db.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq');
      expect(audit.map((r) => r.action)).toEqual(['vault.create', 'settings.set', 'vault.lock']);
      expect(audit.map((r) => r.seq)).toEqual([1, 2, 3]);
      const setDetails = JSON.parse(audit[1]!.details) as { keys: string[] };
      expect([...setDetails.keys].sort()).toEqual(['autoLockMinutes', 'organizationName', 'workerName']);
      expect(JSON.parse(audit[2]!.details)).toEqual({ reason: 'quit' });

      // The chain verifies from the raw rows and the recovery key alone.
      const auditKey = deriveSubKey(Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), 'audit');
      let prev = GENESIS_HASH;
      for (const r of audit) {
        expect(r.prev_hash).toBe(prev);
        const canonical = JSON.stringify([r.seq, r.at, r.action, r.subject_type, r.subject_id, r.details, r.prev_hash]);
        expect(createHmac('sha256', auditKey).update(canonical).digest('hex')).toBe(r.hash);
        prev = r.hash;
      }

      const [mig] = await db.all<{ name: string }>('SELECT name FROM schema_migrations');
      expect(mig?.name).toBe('2026-11-23-01-foundation');
    } finally {
      await db.close();
    }
  });

  it('a wrong raw key does not open it', async () => {
    const wrong = recoveryKeyHex(recoveryKey).replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const db = await openForeign(path.join(dir, DB_FILE), wrong);
    try {
      await expect(db.all('SELECT count(*) FROM sqlite_master')).rejects.toThrow(/not a database|SQLITE_NOTADB/i);
    } finally {
      await db.close();
    }
  });

  it("SQLCipher's cipher_integrity_check is a real check here: a flipped byte in a copy is reported", async () => {
    const copy = path.join(root, 'flipped');
    await copyDir(dir, copy);
    const file = path.join(copy, DB_FILE);
    const bytes = await fs.readFile(file);
    const pages = bytes.length / 4096;
    expect(Number.isInteger(pages) && pages >= 3).toBe(true);
    bytes[4096 * (pages - 1) + 1000]! ^= 0x01;
    await fs.writeFile(file, bytes);
    const db = await openForeign(file, recoveryKeyHex(recoveryKey), 'readonly');
    try {
      const rows = await db.all<{ cipher_integrity_check: string }>('PRAGMA cipher_integrity_check');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]?.cipher_integrity_check).toMatch(new RegExp(`HMAC verification failed for page ${pages}`));
    } finally {
      await db.close();
    }
  });
});
