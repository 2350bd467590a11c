/**
 * No plaintext at rest: a canary string planted in the settings (organization
 * and worker names), then every vault feature the API has — create, lock,
 * unlock, change passphrase, recover, print the recovery sheet — and close.
 * The canary (UTF-8, UTF-16LE, UTF-16BE, and its unique tag alone) appears in
 * no file of the vault folder or of the temp folder, before and after closing,
 * except the file the user exported.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, promises as fs, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApi } from '../electron/services/api.ts';
import { listFilesRecursive, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';

// A fresh temp folder for everything this test (and SQLite, and Node) writes. SQLite reads
// TMPDIR from the real environment, which Node's process.env updates.
const startedAt = Date.now();
const originalTmp = os.tmpdir();
const originalTmpEnv = process.env.TMPDIR;
const tmp = mkdtempSync(path.join(originalTmp, 'liaison-canary-'));
process.env.TMPDIR = tmp;

const TAG = randomBytes(10).toString('hex');
const CANARY = `Kanarienvogel Ωmega ${TAG}`;
const vaultDir = path.join(tmp, 'vault');
const exportDir = path.join(tmp, 'exports-by-user');

function needles(text: string): { label: string; bytes: Buffer }[] {
  const be = Buffer.from(text, 'utf16le');
  be.swap16();
  return [
    { label: 'utf8', bytes: Buffer.from(text, 'utf8') },
    { label: 'utf16le', bytes: Buffer.from(text, 'utf16le') },
    { label: 'utf16be', bytes: be },
  ];
}
const NEEDLES = [...needles(CANARY), ...needles(TAG).map((n) => ({ ...n, label: `tag-${n.label}` }))];

async function hitsIn(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    // Files of other processes may vanish while we look.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'EACCES') return [];
    throw e;
  }
  return NEEDLES.filter((n) => bytes.includes(n.bytes)).map((n) => `${file} (${n.label})`);
}

/** Every file under the canary temp folder except what the user exported. */
function filesToScan(): string[] {
  return listFilesRecursive(tmp).filter((f) => !f.startsWith(exportDir + path.sep));
}

/** Files in the machine's usual temp folder touched since the test began (outside our own folder). */
function recentOutsideFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (full === tmp) continue;
      try {
        if (e.isDirectory() && depth < 6) walk(full, depth + 1);
        else if (e.isFile()) {
          const st = statSync(full);
          if (st.mtimeMs >= startedAt - 1000 && st.size < 64 * 1024 * 1024) out.push(full);
        }
      } catch {
        // vanished
      }
    }
  };
  walk(originalTmp, 0);
  return out;
}

async function scan(files: string[]): Promise<string[]> {
  return (await Promise.all(files.map(hitsIn))).flat();
}

beforeAll(() => {
  expect(os.tmpdir()).toBe(tmp);
});

afterAll(() => {
  if (originalTmpEnv === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = originalTmpEnv;
  removeDir(tmp);
});

it('the scanner finds the canary in every encoding it looks for (control)', async () => {
  const control = path.join(exportDir, 'control');
  await fs.mkdir(control, { recursive: true });
  for (const n of needles(CANARY)) {
    const file = path.join(control, n.label);
    await fs.writeFile(file, Buffer.concat([randomBytes(100), n.bytes, randomBytes(100)]));
    expect(await hitsIn(file)).toContain(`${file} (${n.label})`);
  }
});

it('leaves the canary in no file of the vault folder or temp folder, unlocked or closed', async () => {
  const ports = fakePorts({ exportDir });
  const api = createApi({ vaultDir, ports });
  let closed = false;
  try {
    const created = await api.call('vault:create', { passphrase: 'canary passphrase one' });
    if (!created.ok) throw new Error(created.error.message);
    const { recoveryKey } = created.value;

    const set = await api.call('settings:set', { organizationName: `${CANARY} org`, workerName: `${CANARY} worker` });
    expect(set.ok).toBe(true);
    // While unlocked, the canary is in the WAL: it must be encrypted there too.
    expect(filesToScan().map((f) => path.basename(f))).toEqual(expect.arrayContaining(['liaison.db', 'liaison.db-wal', 'liaison.key']));
    expect(await scan(filesToScan())).toEqual([]);

    const sheet = await api.call('vault:printRecoverySheet', { recoveryKey });
    expect(sheet).toMatchObject({ ok: true, value: { saved: true } });
    expect(ports.saved).toHaveLength(1);

    expect((await api.call('vault:lock', {})).ok).toBe(true);
    expect(await scan(filesToScan())).toEqual([]);
    expect((await api.call('vault:unlock', { passphrase: 'canary passphrase one' })).ok).toBe(true);
    // The canary really is stored: it reads back.
    expect(await api.call('settings:get', {})).toMatchObject({ ok: true, value: { organizationName: `${CANARY} org`, workerName: `${CANARY} worker` } });
    expect(
      await api.call('vault:changePassphrase', { currentPassphrase: 'canary passphrase one', newPassphrase: 'canary passphrase two' }),
    ).toEqual({ ok: true, value: {} });
    expect((await api.call('vault:lock', {})).ok).toBe(true);
    expect((await api.call('vault:recover', { recoveryKey, newPassphrase: 'canary passphrase three' })).ok).toBe(true);
    expect((await api.call('settings:set', { workerName: `${CANARY} worker 2` })).ok).toBe(true);
    expect(await scan(filesToScan())).toEqual([]);
    expect((await api.call('vault:lock', {})).ok).toBe(true);
    await api.dispose();
    closed = true;
  } finally {
    if (!closed) await api.dispose();
  }

  const files = filesToScan();
  expect(files.map((f) => path.relative(tmp, f)).sort()).toEqual(['vault/liaison.db', 'vault/liaison.key']);
  expect(await scan(files)).toEqual([]);
  // Nothing under the machine's usual temp folder either (files touched during this test).
  expect(await scan(recentOutsideFiles())).toEqual([]);
  // The exported sheet is the user's own file, and the only place the test skipped.
  expect(listFilesRecursive(exportDir).some((f) => f.endsWith('.pdf'))).toBe(true);
});
