/**
 * Migrations: a vault that records a migration this version does not know was
 * written by a newer Liaison; it is refused with VAULT_TOO_NEW ("install the
 * newer version") on every path, and its files are left exactly as they were.
 * Known migrations run once, each in its own transaction with its record.
 */
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { migrations } from '../db/migrations/index.ts';
import { createVault, openVault, openVaultWithRecoveryKey } from '../db/vault.ts';
import { createApi } from '../electron/services/api.ts';
import { rejection } from './helpers/errors.ts';
import { copyDir, makeTempDir, removeDir, snapshotDir, tick } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';

const PASSPHRASE = 'migrations passphrase';
const FUTURE = '2099-01-01-01-from-the-future';

let root: string;
let baseDir: string;
let futureDir: string;
let recoveryKey: string;

beforeAll(async () => {
  root = makeTempDir('migrations');
  baseDir = path.join(root, 'base');
  const created = await createVault({ dir: baseDir, passphrase: PASSPHRASE });
  recoveryKey = created.recoveryKey;
  await created.vault.close();

  futureDir = path.join(root, 'future');
  await copyDir(baseDir, futureDir);
  const vault = await openVaultWithRecoveryKey({ dir: futureDir, recoveryKey });
  vault.connection.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(FUTURE, '2099-01-01T00:00:00.000Z');
  await vault.close();
  await tick(20);
});

afterAll(() => removeDir(root));

function expectTooNew(code: string | undefined, message: string): void {
  expect(code).toBe('VAULT_TOO_NEW');
  expect(message).toMatch(/newer version/i);
  expect(message).toMatch(/install the newer version/i);
  expect(message).toContain(FUTURE);
}

describe('a vault with a migration this version does not know', () => {
  it('is refused through the recovery key, and nothing changes', async () => {
    const before = snapshotDir(futureDir);
    const err = await rejection(openVaultWithRecoveryKey({ dir: futureDir, recoveryKey }));
    expectTooNew(err.code, err.message);
    expect(snapshotDir(futureDir).files).toEqual(before.files);
  });

  it('is refused through the passphrase, and nothing changes', async () => {
    const before = snapshotDir(futureDir);
    const err = await rejection(openVault({ dir: futureDir, passphrase: PASSPHRASE }));
    expectTooNew(err.code, err.message);
    expect(snapshotDir(futureDir).files).toEqual(before.files);
  });

  it("is refused through the API's unlock, which stays locked, and nothing changes", async () => {
    const before = snapshotDir(futureDir);
    const api = createApi({ vaultDir: futureDir, ports: fakePorts() });
    try {
      const result = await api.call('vault:unlock', { passphrase: PASSPHRASE });
      expect(result.ok).toBe(false);
      if (!result.ok) expectTooNew(result.error.code, result.error.message);
      expect(await api.call('vault:status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
      expect(await api.call('settings:get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    } finally {
      await api.dispose();
    }
    expect(snapshotDir(futureDir).files).toEqual(before.files);
  });
});

describe('known migrations', () => {
  it('are all recorded once in a new vault, and reopening runs none', async () => {
    const vault = await openVaultWithRecoveryKey({ dir: baseDir, recoveryKey });
    try {
      const names = (await vault.db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
      expect(names).toEqual(migrations.map(([name]) => name).sort());
      expect(await migrateToLatest(vault.db)).toEqual([]);
    } finally {
      await vault.close();
    }
  });

  it('a migration that fails part-way leaves neither its changes nor its record', async () => {
    const dir = path.join(root, 'failing');
    await copyDir(baseDir, dir);
    const vault = await openVaultWithRecoveryKey({ dir, recoveryKey });
    try {
      const failing = {
        async up(db: Kysely<unknown>) {
          await sql`CREATE TABLE half_done (x INTEGER)`.execute(db);
          await sql`INSERT INTO half_done VALUES (1)`.execute(db);
          throw new Error('migration broke part-way');
        },
      };
      await expect(migrateToLatest(vault.db, [...migrations, ['2098-01-01-01-failing', failing]])).rejects.toThrow('migration broke part-way');
      const tables = vault.connection.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
      expect(tables).toEqual([]);
      const recorded = vault.connection.prepare("SELECT name FROM schema_migrations WHERE name LIKE '2098%'").all();
      expect(recorded).toEqual([]);
    } finally {
      await vault.close();
    }
  });
});
