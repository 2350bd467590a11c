/**
 * Corruption: copies of a vault with flipped bytes (page data mid-file, page 1,
 * the salt), a file truncated to half, and a garbage key file. Opening says
 * VAULT_DAMAGED with "restore from backup", the API shows no data, and the
 * damaged files are left byte-identical (never repaired, replaced or deleted).
 * (The folder's own mtime may move: SQLite makes and removes -wal/-shm files
 * around a failed open. The files that were there are what must not change.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FILE } from '../db/keys.ts';
import { DB_FILE, createVault, openVault, openVaultWithRecoveryKey } from '../db/vault.ts';
import { createApi } from '../electron/services/api.ts';
import { rejection } from './helpers/errors.ts';
import { copyDir, makeTempDir, removeDir, snapshotDir, tick } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';

const PASSPHRASE = 'corruption passphrase';
const PAGE = 4096;

let root: string;
let baseDir: string;
let recoveryKey: string;
let pages: number;

beforeAll(async () => {
  root = makeTempDir('corruption');
  baseDir = path.join(root, 'base');
  const created = await createVault({ dir: baseDir, passphrase: PASSPHRASE });
  recoveryKey = created.recoveryKey;
  const conn = created.vault.connection;
  conn.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = conn.prepare('INSERT INTO filler (body) VALUES (?)');
  conn.transaction(() => {
    for (let i = 0; i < 1500; i++) insert.run(`row ${i} `.padEnd(120, '.'));
  })();
  await created.vault.close();
  const size = (await fs.stat(path.join(baseDir, DB_FILE))).size;
  pages = size / PAGE;
  expect(Number.isInteger(pages)).toBe(true);
  expect(pages).toBeGreaterThanOrEqual(20);
});

afterAll(() => removeDir(root));

async function damagedCopy(name: string, mutate: (bytes: Buffer) => Buffer): Promise<string> {
  const dir = path.join(root, name);
  await copyDir(baseDir, dir);
  const file = path.join(dir, DB_FILE);
  const before = await fs.readFile(file);
  const after = mutate(Buffer.from(before));
  expect(after.equals(before)).toBe(false);
  await fs.writeFile(file, after);
  await tick(20);
  return dir;
}

function flip(offset: number, count = 16): (b: Buffer) => Buffer {
  return (b) => {
    for (let i = 0; i < count; i++) b[offset + i]! ^= 0xa5;
    return b;
  };
}

const RESTORE = /restore it from your most recent backup/i;

function expectDamaged(err: Error & { code?: string }): void {
  expect(err.code, err.message).toBe('VAULT_DAMAGED');
  expect(err.message).toMatch(/damaged/i);
  expect(err.message).toMatch(RESTORE);
}

const cases: [string, () => (b: Buffer) => Buffer][] = [
  ['page data in the middle of the file', () => flip(Math.floor(pages / 2) * PAGE + 1000)],
  ['page 1 (after the salt)', () => flip(100)],
  ['page 1 salt (first 16 bytes)', () => flip(0)],
  ['the last page', () => flip((pages - 1) * PAGE + 2000, 4)],
  ['a single bit in the middle', () => (b) => ((b[Math.floor(pages / 3) * PAGE + 123]! ^= 0x01), b)],
  ['truncated to half', () => (b) => b.subarray(0, Math.floor(pages / 2) * PAGE)],
  ['truncated mid-page', () => (b) => b.subarray(0, Math.floor(pages / 2) * PAGE + 1234)],
];

describe('a damaged database file', () => {
  for (const [label, mutation] of cases) {
    it(`${label}: recovery key → VAULT_DAMAGED, "restore from backup", file untouched`, async () => {
      const dir = await damagedCopy(label.replace(/\W+/g, '-'), mutation());
      const before = snapshotDir(dir);
      expectDamaged(await rejection(openVaultWithRecoveryKey({ dir, recoveryKey })));
      expect(snapshotDir(dir).files).toEqual(before.files);
    });
  }

  // One passphrase path per kind of damage keeps the KDF runs down.
  for (const [label, mutation] of [cases[0]!, cases[1]!, cases[5]!]) {
    it(`${label}: passphrase → VAULT_DAMAGED, file untouched`, async () => {
      const dir = await damagedCopy(`pp-${label.replace(/\W+/g, '-')}`, mutation());
      const before = snapshotDir(dir);
      expectDamaged(await rejection(openVault({ dir, passphrase: PASSPHRASE })));
      expect(snapshotDir(dir).files).toEqual(before.files);
    });
  }

  it('through the API: reported as damaged with restore advice, no data shown, files untouched', async () => {
    for (const [label, mutation] of cases) {
      const dir = await damagedCopy(`api-${label.replace(/\W+/g, '-')}`, mutation());
      const before = snapshotDir(dir);
      const ports = fakePorts();
      const api = createApi({ vaultDir: dir, ports });
      try {
        const result = await api.call('vault:recover', { recoveryKey, newPassphrase: 'a new passphrase 9' });
        expect(result.ok, label).toBe(false);
        if (!result.ok) {
          expect(result.error.code, `${label}: ${result.error.message}`).toBe('VAULT_DAMAGED');
          expect(result.error.message).toMatch(RESTORE);
        }
        expect(await api.call('vault:status', {})).toEqual({ ok: true, value: { state: 'locked', location: dir } });
        expect(await api.call('settings:get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
      } finally {
        await api.dispose();
      }
      expect(ports.locked).toEqual([]);
      expect(snapshotDir(dir).files, label).toEqual(before.files);
    }
  });
});

describe('a damaged database with a leftover WAL (the state after a crash)', () => {
  // KNOWN BUG (reported): the failed open's close() checkpoints the WAL into the damaged
  // file and deletes liaison.db-wal, so the "damaged" file changes and the newest commits'
  // only copy is gone, while the message says "Nothing was changed".
  it('is reported damaged and liaison.db and liaison.db-wal are left exactly as they were', async () => {
    const source = path.join(root, 'wal-source');
    const dir = path.join(root, 'wal-crashed');
    await copyDir(baseDir, source);
    const vault = await openVaultWithRecoveryKey({ dir: source, recoveryKey });
    try {
      const conn = vault.connection;
      conn.pragma('wal_autocheckpoint = 0');
      const insert = conn.prepare('INSERT INTO filler (body) VALUES (?)');
      conn.transaction(() => {
        for (let i = 0; i < 50; i++) insert.run(`committed only in the WAL ${i}`);
      })();
      // Copy while open: the database, its WAL with committed frames, and the shm, as a power cut would leave them.
      await copyDir(source, dir);
    } finally {
      await vault.close();
    }
    const file = path.join(dir, DB_FILE);
    const bytes = await fs.readFile(file);
    bytes[Math.floor(pages / 3) * PAGE + 500]! ^= 0xff;
    await fs.writeFile(file, bytes);
    await tick(20);
    const durable = () => snapshotDir(dir).files.filter((f) => !f.name.endsWith('-shm'));
    const before = durable();
    expect(before.map((f) => f.name)).toEqual(['liaison.db', 'liaison.db-wal', 'liaison.key']);
    expect(before.find((f) => f.name === 'liaison.db-wal')!.size).toBeGreaterThan(0);

    expectDamaged(await rejection(openVaultWithRecoveryKey({ dir, recoveryKey })));
    // The shm is a rebuildable index; the database and the WAL are the data.
    expect(durable()).toEqual(before);
  });
});

describe('a damaged key file', () => {
  const garbage: [string, string][] = [
    ['garbage JSON', '{"format": "liaison-key", "version": 1, kdf: [}'],
    ['binary noise', '\u0000\u0001\u00ff\u00fe not json at all'],
    ['valid JSON, wrong shape', '{"hello": "world"}'],
    ['empty file', ''],
  ];
  for (const [label, text] of garbage) {
    it(`${label}: openVault → VAULT_DAMAGED pointing to the recovery key; nothing changed; the recovery key still opens`, async () => {
      const dir = path.join(root, `key-${label.replace(/\W+/g, '-')}`);
      await copyDir(baseDir, dir);
      await fs.writeFile(path.join(dir, KEY_FILE), text);
      await tick(20);
      const before = snapshotDir(dir);
      const err = await rejection(openVault({ dir, passphrase: PASSPHRASE }));
      expect(err.code).toBe('VAULT_DAMAGED');
      expect(err.message).toMatch(/key file/i);
      expect(err.message).toMatch(/recovery key/i);
      expect(snapshotDir(dir)).toEqual(before);
      const vault = await openVaultWithRecoveryKey({ dir, recoveryKey });
      const row = vault.connection.prepare('SELECT count(*) AS n FROM filler').get() as { n: number };
      expect(row.n).toBe(1500);
      await vault.close();
    });
  }
});
