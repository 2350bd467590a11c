/**
 * The vault on disk: recovery key format, encrypted file, passphrase and
 * recovery-key paths, refusals (wrong secret, existing vault, weakened KDF),
 * the missing-key-file state, and the pragmas every connection must carry.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPragmas } from '../db/connection.ts';
import { KDF_MINIMUM, KEY_FILE } from '../db/keys.ts';
import { DB_FILE, createVault, openVault, openVaultWithRecoveryKey, vaultState, type Vault } from '../db/vault.ts';
import { migrations } from '../db/migrations/index.ts';
import { rejection } from './helpers/errors.ts';
import { copyDir, makeTempDir, removeDir, snapshotDir } from './helpers/files.ts';

const PASSPHRASE = 'correct horse battery staple';
const EXPECTED_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 2,
  temp_store: 2,
  foreign_keys: 1,
  trusted_schema: 0,
  cipher: 'sqlcipher',
  legacy: '4',
  cache_size: -65_536,
};

let root: string;
let dir: string;
let recoveryKey: string;
let createdPragmas: Record<string, unknown>;

async function migrationNames(vault: Vault): Promise<string[]> {
  return (await vault.db.selectFrom('schema_migrations').select('name').orderBy('name').execute()).map((r) => r.name);
}

beforeAll(async () => {
  root = makeTempDir('vault');
  dir = path.join(root, 'main');
  const created = await createVault({ dir, passphrase: PASSPHRASE });
  recoveryKey = created.recoveryKey;
  createdPragmas = readPragmas(created.vault.connection);
  await created.vault.db.insertInto('settings').values({ key: 'workerName', value: '"Probe"', updated_at: 'now' }).execute();
  await created.vault.close();
});

afterAll(() => removeDir(root));

describe('createVault', () => {
  it('returns a recovery key of 8 groups of 8 upper-case hex digits joined by dashes', () => {
    expect(recoveryKey).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{8}){7}$/);
    expect(recoveryKey.split('-')).toHaveLength(8);
  });

  it('writes <dir>/liaison.db and liaison.key, and the database does not start with the SQLite header', () => {
    expect(DB_FILE).toBe('liaison.db');
    const file = path.join(dir, 'liaison.db');
    expect(existsSync(file)).toBe(true);
    expect(existsSync(path.join(dir, KEY_FILE))).toBe(true);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThanOrEqual(4096);
    expect(bytes.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1'))).toBe(false);
    // Schema text and table names would be visible in a plaintext file.
    for (const plain of ['SQLite format 3', 'CREATE TABLE', 'audit_log', 'schema_migrations', 'Probe']) {
      expect(bytes.includes(Buffer.from(plain, 'utf8')), plain).toBe(false);
    }
    // No leftover from the create-then-rename dance, no WAL once closed.
    expect(snapshotDir(dir).files.map((f) => f.name)).toEqual(['liaison.db', 'liaison.key']);
  });

  it('does not put the data key in the key file in the clear', () => {
    const text = readFileSync(path.join(dir, KEY_FILE), 'utf8');
    const hex = recoveryKey.replace(/-/g, '').toLowerCase();
    expect(text.toLowerCase()).not.toContain(hex);
    expect(text).not.toContain(Buffer.from(hex, 'hex').toString('base64'));
    const parsed = JSON.parse(text) as { kdf: { N: number; r: number; p: number } };
    expect(parsed.kdf.N).toBeGreaterThanOrEqual(KDF_MINIMUM.N);
    expect(parsed.kdf.r).toBeGreaterThanOrEqual(KDF_MINIMUM.r);
  });

  it('refuses a folder that already holds a vault, and changes nothing', async () => {
    const before = snapshotDir(dir);
    const err = await rejection(createVault({ dir, passphrase: 'another passphrase' }));
    expect(err.code).toBe('VAULT_EXISTS');
    expect(err.message).toMatch(/already exists/i);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a folder holding only a database or only a key file', async () => {
    const onlyDb = path.join(root, 'only-db');
    const onlyKey = path.join(root, 'only-key');
    await fs.mkdir(onlyDb);
    await fs.mkdir(onlyKey);
    await fs.copyFile(path.join(dir, DB_FILE), path.join(onlyDb, DB_FILE));
    await fs.copyFile(path.join(dir, KEY_FILE), path.join(onlyKey, KEY_FILE));
    for (const d of [onlyDb, onlyKey]) {
      const before = snapshotDir(d);
      expect((await rejection(createVault({ dir: d, passphrase: 'another passphrase' }))).code).toBe('VAULT_EXISTS');
      expect(snapshotDir(d)).toEqual(before);
    }
  });
});

describe('openVault (passphrase)', () => {
  it('opens with the right passphrase, and the pragmas stick after reopening', async () => {
    expect(createdPragmas).toStrictEqual(EXPECTED_PRAGMAS);
    const vault = await openVault({ dir, passphrase: PASSPHRASE });
    try {
      expect(readPragmas(vault.connection)).toStrictEqual(EXPECTED_PRAGMAS);
      expect(await migrationNames(vault)).toEqual(migrations.map(([name]) => name));
      const row = await vault.db.selectFrom('settings').select('value').where('key', '=', 'workerName').executeTakeFirst();
      expect(row?.value).toBe('"Probe"');
    } finally {
      await vault.close();
    }
  });

  it('a wrong passphrase is refused with WRONG_PASSPHRASE and a message for a person', async () => {
    const err = await rejection(openVault({ dir, passphrase: PASSPHRASE + '!' }));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toMatch(/passphrase/i);
  });

  it('normalizes the passphrase to NFC: the NFD form opens a vault created with the NFC form', async () => {
    const nfc = 'Café señor 12'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(nfd.length).toBeGreaterThan(nfc.length);
    const d = path.join(root, 'nfc');
    const created = await createVault({ dir: d, passphrase: nfc });
    await created.vault.close();
    const vault = await openVault({ dir: d, passphrase: nfd });
    expect(await migrationNames(vault)).toEqual(migrations.map(([name]) => name));
    await vault.close();
  });
});

describe('openVaultWithRecoveryKey', () => {
  const variants: [string, (k: string) => string][] = [
    ['as printed', (k) => k],
    ['lower case', (k) => k.toLowerCase()],
    ['spaces instead of dashes', (k) => k.replace(/-/g, ' ')],
    ['no dashes', (k) => k.replace(/-/g, '')],
    ['lower case, two lines, surrounding spaces', (k) => `  ${k.slice(0, 35).toLowerCase()}\n${k.slice(35)}  `],
  ];
  for (const [label, transform] of variants) {
    it(`accepts the recovery key ${label}`, async () => {
      const vault = await openVaultWithRecoveryKey({ dir, recoveryKey: transform(recoveryKey) });
      try {
        expect(readPragmas(vault.connection)).toStrictEqual(EXPECTED_PRAGMAS);
        expect(vault.matchesRecoveryKey(recoveryKey)).toBe(true);
        expect(await migrationNames(vault)).toEqual(migrations.map(([name]) => name));
      } finally {
        await vault.close();
      }
    });
  }

  it('a different (well-formed) recovery key is refused with WRONG_PASSPHRASE and changes nothing', async () => {
    const before = snapshotDir(dir);
    const other = randomBytes(32).toString('hex');
    const err = await rejection(openVaultWithRecoveryKey({ dir, recoveryKey: other }));
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toMatch(/recovery key/i);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('a malformed recovery key is refused with WRONG_PASSPHRASE naming the problem', async () => {
    const short = await rejection(openVaultWithRecoveryKey({ dir, recoveryKey: recoveryKey.slice(0, -1) }));
    expect(short.code).toBe('WRONG_PASSPHRASE');
    expect(short.message).toMatch(/63/);
    const notHex = await rejection(openVaultWithRecoveryKey({ dir, recoveryKey: 'G' + recoveryKey.slice(1) }));
    expect(notHex.code).toBe('WRONG_PASSPHRASE');
    expect(notHex.message).toContain('"g"');
  });
});

describe('a folder with only liaison.db (key file lost)', () => {
  it("reports 'needs-recovery', refuses the passphrase path, and opens with the recovery key", async () => {
    const d = path.join(root, 'no-key');
    await copyDir(dir, d);
    expect(vaultState(d)).toBe('locked');
    await fs.rm(path.join(d, KEY_FILE));
    expect(vaultState(d)).toBe('needs-recovery');
    expect(vaultState(path.join(root, 'nowhere'))).toBe('none');

    const err = await rejection(openVault({ dir: d, passphrase: PASSPHRASE }));
    expect(err.code).toBe('KEY_FILE_MISSING');
    expect(err.message).toMatch(/recovery key/i);

    const vault = await openVaultWithRecoveryKey({ dir: d, recoveryKey });
    try {
      const row = await vault.db.selectFrom('settings').select('value').where('key', '=', 'workerName').executeTakeFirst();
      expect(row?.value).toBe('"Probe"');
    } finally {
      await vault.close();
    }
  });
});

describe('a tampered key file', () => {
  async function tamperedCopy(name: string, edit: (kdf: { N: number; r: number; p: number }) => void): Promise<string> {
    const d = path.join(root, name);
    await copyDir(dir, d);
    const keyPath = path.join(d, KEY_FILE);
    const json = JSON.parse(await fs.readFile(keyPath, 'utf8')) as { kdf: { N: number; r: number; p: number } };
    edit(json.kdf);
    await fs.writeFile(keyPath, JSON.stringify(json, null, 2) + '\n');
    return d;
  }

  it('with a lowered scrypt N is refused as WEAK_KDF even with the right passphrase (checked before any KDF run)', async () => {
    const d = await tamperedCopy('weak-n', (kdf) => {
      kdf.N = KDF_MINIMUM.N / 8;
    });
    const before = snapshotDir(d);
    const started = performance.now();
    const err = await rejection(openVault({ dir: d, passphrase: PASSPHRASE }));
    expect(err.code).toBe('WEAK_KDF');
    expect(err.message).toMatch(/recovery key/i);
    // Refused up front: no 128 MiB derivation was spent on attacker-chosen parameters.
    expect(performance.now() - started).toBeLessThan(200);
    expect(snapshotDir(d)).toEqual(before);
    // The recovery key still opens it.
    const vault = await openVaultWithRecoveryKey({ dir: d, recoveryKey });
    await vault.close();
  });

  it('with a lowered r is refused as WEAK_KDF', async () => {
    const d = await tamperedCopy('weak-r', (kdf) => {
      kdf.r = 1;
    });
    expect((await rejection(openVault({ dir: d, passphrase: PASSPHRASE }))).code).toBe('WEAK_KDF');
  });

  it('with an edited (raised) r does not unwrap with the right passphrase: WRONG_PASSPHRASE, never a silently different key', async () => {
    const d = await tamperedCopy('edited-r', (kdf) => {
      kdf.r = kdf.r + 1;
    });
    const err = await rejection(openVault({ dir: d, passphrase: PASSPHRASE }));
    expect(err.code).toBe('WRONG_PASSPHRASE');
  });
});
