/**
 * A wrong passphrase — empty, one character off, a trailing space, another
 * passphrase in NFC and NFD, 10 kB of text, quotes and SQL-looking text —
 * is refused with a clear message through openVault and through the API's
 * 'vault:unlock' channel, and leaves every file in the vault folder exactly
 * as it was (bytes, mtime, names, and the folder's own mtime). The right
 * passphrase still opens afterwards.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, openVault, openVaultWithRecoveryKey } from '../db/vault.ts';
import { createApi } from '../electron/services/api.ts';
import { rejection } from './helpers/errors.ts';
import { makeTempDir, removeDir, snapshotDir, tick, type DirSnapshot } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

const RIGHT = 'Crème brûlée at 7 o’clock';

let root: string;
let dir: string;
let recoveryKey: string;

interface Case {
  label: string;
  passphrase: () => string;
  /** What the unlock channel answers: the channel caps length and requires text. */
  api: { code: 'WRONG_PASSPHRASE' | 'INVALID_INPUT'; message: RegExp };
}

const wrongAnswer = { code: 'WRONG_PASSPHRASE', message: /does not open this vault/ } as const;
const other = 'Crème brûlée at 8 o’clock';

const cases: Case[] = [
  { label: 'empty', passphrase: () => '', api: { code: 'INVALID_INPUT', message: /^Passphrase is required\.$/ } },
  { label: 'one character off', passphrase: () => RIGHT.slice(0, -1) + 'K', api: wrongAnswer },
  { label: 'trailing space', passphrase: () => RIGHT + ' ', api: wrongAnswer },
  { label: 'different passphrase, NFC', passphrase: () => other.normalize('NFC'), api: wrongAnswer },
  { label: 'different passphrase, NFD', passphrase: () => other.normalize('NFD'), api: wrongAnswer },
  { label: 'right passphrase without accents', passphrase: () => RIGHT.normalize('NFD').replace(/\p{M}/gu, ''), api: wrongAnswer },
  {
    label: '10 kB string',
    passphrase: () => 'x'.repeat(10_240),
    api: { code: 'INVALID_INPUT', message: /^Passphrase is too long \(at most 1024 characters\)\.$/ },
  },
  { label: 'SQL injection', passphrase: () => `'; DROP TABLE x; --`, api: wrongAnswer },
  { label: 'quoted hex literal', passphrase: () => `"x'00'"`, api: wrongAnswer },
  // If a passphrase ever reached SQL text as the key, this one would open the vault.
  { label: 'the data key as a SQL key literal', passphrase: () => `"x'${recoveryKeyHex(recoveryKey)}'"`, api: wrongAnswer },
  { label: 'the recovery key itself', passphrase: () => recoveryKey, api: wrongAnswer },
];

function expectUnchanged(before: DirSnapshot): void {
  const after = snapshotDir(dir);
  expect(after.files.map((f) => f.name)).toEqual(before.files.map((f) => f.name));
  expect(after).toEqual(before);
}

beforeAll(async () => {
  root = makeTempDir('wrong-pass');
  dir = path.join(root, 'vault');
  const created = await createVault({ dir, passphrase: RIGHT });
  recoveryKey = created.recoveryKey;
  await created.vault.db.insertInto('settings').values({ key: 'workerName', value: '"Before"', updated_at: 'then' }).execute();
  await created.vault.close();
  // Let the clock move on, so any write during an attempt would show in mtime.
  await tick(30);
});

afterAll(() => removeDir(root));

describe('openVault with a wrong passphrase', () => {
  for (const c of cases) {
    it(`${c.label}: WRONG_PASSPHRASE, files unchanged`, async () => {
      const before = snapshotDir(dir);
      const err = await rejection(openVault({ dir, passphrase: c.passphrase() }));
      expect(err.code).toBe('WRONG_PASSPHRASE');
      expect(err.message).toBe('That passphrase does not open this vault. Check Caps Lock and try again.');
      expectUnchanged(before);
    });
  }
});

describe("the 'vault:unlock' channel with a wrong passphrase", () => {
  it('answers each with a clear error, files unchanged, then opens with the right one and records the failures', async () => {
    const ports = fakePorts();
    const api = createApi({ vaultDir: dir, ports });
    let wrongCount = 0;
    try {
      for (const c of cases) {
        const before = snapshotDir(dir);
        const result = await api.call('vault:unlock', { passphrase: c.passphrase() });
        expect(result.ok, c.label).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, c.label).toBe(c.api.code);
        expect(result.error.message, c.label).toMatch(c.api.message);
        if (c.api.code === 'INVALID_INPUT') expect(result.error.field, c.label).toBe('passphrase');
        else wrongCount += 1;
        expectUnchanged(before);
        const status = await api.call('vault:status', {});
        expect(status).toEqual({ ok: true, value: { state: 'locked', location: dir } });
      }
      expect(ports.locked).toEqual([]);

      const unlocked = await api.call('vault:unlock', { passphrase: RIGHT });
      expect(unlocked).toEqual({ ok: true, value: {} });
      const settings = await api.call('settings:get', {});
      expect(settings.ok && settings.value.workerName).toBe('Before');
    } finally {
      await api.dispose();
    }

    // The failed attempts could not be written while locked; they are logged at the next unlock.
    const vault = await openVaultWithRecoveryKey({ dir, recoveryKey });
    try {
      const rows = await vault.db.selectFrom('audit_log').select(['action', 'details']).orderBy('seq').execute();
      const failed = rows.filter((r) => r.action === 'vault.unlock_failed');
      expect(failed).toHaveLength(wrongCount);
      for (const r of failed) expect(JSON.parse(r.details)).toEqual({ via: 'passphrase' });
      expect(rows.map((r) => r.action).slice(-2)).toEqual(['vault.unlock', 'vault.lock']);
      // No attempted passphrase text reached the log.
      const text = JSON.stringify(rows);
      for (const c of cases) if (c.passphrase().length > 3) expect(text).not.toContain(c.passphrase());
    } finally {
      await vault.close();
    }
  });
});

describe('after all the wrong attempts', () => {
  it('the right passphrase still opens the vault through openVault', async () => {
    const vault = await openVault({ dir, passphrase: RIGHT });
    const row = await vault.db.selectFrom('settings').select('value').where('key', '=', 'workerName').executeTakeFirst();
    expect(row?.value).toBe('"Before"');
    await vault.close();
  });
});
