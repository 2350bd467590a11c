/**
 * The audit log is append-only (triggers refuse UPDATE and DELETE) and
 * hash-chained: with the triggers dropped, as an attacker would, an edited,
 * deleted or reordered entry is found at the right sequence number. The API's
 * unlock, lock, passphrase change and settings writes each leave an entry,
 * and no entry carries the text a person typed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../db/audit.ts';
import { createVault, openVaultWithRecoveryKey, type Vault } from '../db/vault.ts';
import { createApi } from '../electron/services/api.ts';
import { copyDir, makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';

let root: string;
let baseDir: string;
let recoveryKey: string;
const ENTRIES = 6;

beforeAll(async () => {
  root = makeTempDir('audit');
  baseDir = path.join(root, 'base');
  const created = await createVault({ dir: baseDir, passphrase: 'audit passphrase 1' });
  recoveryKey = created.recoveryKey;
  const { vault } = created;
  for (let i = 1; i <= ENTRIES; i++) {
    const seq = await appendAudit(vault.db, vault.auditKey, {
      action: i % 2 ? 'student.update' : 'note.create',
      subjectType: 'student',
      subjectId: `stu_${i}`,
      details: { fields: ['grade', 'school'], n: i, flag: i % 3 === 0 },
    });
    expect(seq).toBe(i);
  }
  await vault.close();
});

afterAll(() => removeDir(root));

/** A fresh copy of the base vault, opened with the recovery key (no KDF run). */
async function openCopy(name: string): Promise<Vault> {
  const d = path.join(root, name);
  await copyDir(baseDir, d);
  return openVaultWithRecoveryKey({ dir: d, recoveryKey });
}

function dropTriggers(vault: Vault): void {
  vault.connection.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('the audit chain', () => {
  it('verifies after several appends', async () => {
    const vault = await openCopy('verify');
    try {
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toEqual({ ok: true, entries: ENTRIES });
      // Appending more keeps it valid, in and out of a transaction.
      await vault.db.transaction().execute(async (trx) => {
        await appendAudit(trx, vault.auditKey, { action: 'a' });
        await appendAudit(trx, vault.auditKey, { action: 'b', details: { ids: ['x', 'y'] } });
      });
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toEqual({ ok: true, entries: ENTRIES + 2 });
    } finally {
      await vault.close();
    }
  });

  it('refuses UPDATE and DELETE through triggers, saying the log is append-only', async () => {
    const vault = await openCopy('triggers');
    try {
      const before = vault.connection.prepare('SELECT * FROM audit_log ORDER BY seq').all();
      expect(() => vault.connection.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
      expect(() => vault.connection.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
      expect(() => vault.connection.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      await expect(vault.db.updateTable('audit_log').set({ details: '{}' }).execute()).rejects.toThrow(/append-only/);
      await expect(vault.db.deleteFrom('audit_log').where('seq', '=', ENTRIES).execute()).rejects.toThrow(/append-only/);
      // An upsert's UPDATE half fires the update trigger too.
      expect(() =>
        vault.connection
          .prepare(
            "INSERT INTO audit_log (seq, at, action, details, prev_hash, hash) VALUES (2, 'now', 'x', '{}', '', '') ON CONFLICT(seq) DO UPDATE SET action = 'x'",
          )
          .run(),
      ).toThrow(/append-only/);
      expect(vault.connection.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toEqual({ ok: true, entries: ENTRIES });
    } finally {
      await vault.close();
    }
  });

  // KNOWN BUG (reported): SQLite's REPLACE conflict resolution deletes the old row without
  // firing DELETE triggers (recursive_triggers is off), so the foundation migration's two
  // triggers do not stop `INSERT OR REPLACE` / `REPLACE INTO` from overwriting an entry.
  it('refuses INSERT OR REPLACE / REPLACE INTO over an existing entry (a delete in disguise)', async () => {
    const vault = await openCopy('replace');
    try {
      const before = vault.connection.prepare('SELECT * FROM audit_log ORDER BY seq').all();
      const attempts = [
        "INSERT OR REPLACE INTO audit_log (seq, at, action, details, prev_hash, hash) VALUES (2, 'now', 'forged', '{}', '', '')",
        "REPLACE INTO audit_log (seq, at, action, details, prev_hash, hash) VALUES (3, 'now', 'forged', '{}', '', '')",
      ];
      const outcomes = attempts.map((sql) => {
        try {
          vault.connection.prepare(sql).run();
          return 'accepted';
        } catch (e) {
          return (e as Error).message;
        }
      });
      // Whatever happens, the chain notices a replaced row.
      const after = vault.connection.prepare('SELECT * FROM audit_log ORDER BY seq').all();
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        expect(await verifyAuditChain(vault.db, vault.auditKey)).toMatchObject({ ok: false, firstBadSeq: 2 });
      }
      expect(outcomes).toEqual([expect.stringMatching(/append-only/), expect.stringMatching(/append-only/)]);
      expect(after).toEqual(before);
    } finally {
      await vault.close();
    }
  });

  it('finds an edited entry at its seq (triggers dropped)', async () => {
    const vault = await openCopy('edited');
    try {
      dropTriggers(vault);
      vault.connection.prepare(`UPDATE audit_log SET details = '{"fields":["grade"],"n":3,"flag":true}' WHERE seq = 3`).run();
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toEqual({ ok: false, entries: ENTRIES, firstBadSeq: 3, problem: 'edited' });
    } finally {
      await vault.close();
    }
  });

  it('finds an edited timestamp on the last entry', async () => {
    const vault = await openCopy('edited-last');
    try {
      dropTriggers(vault);
      vault.connection.prepare(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = ?`).run(ENTRIES);
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toMatchObject({ ok: false, firstBadSeq: ENTRIES, problem: 'edited' });
    } finally {
      await vault.close();
    }
  });

  it('finds a deleted middle entry at the entry after the gap', async () => {
    const vault = await openCopy('deleted');
    try {
      dropTriggers(vault);
      vault.connection.prepare('DELETE FROM audit_log WHERE seq = 3').run();
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toEqual({
        ok: false,
        entries: ENTRIES - 1,
        firstBadSeq: 4,
        problem: 'missing-before',
      });
    } finally {
      await vault.close();
    }
  });

  it('finds a deleted entry whose successors were renumbered to hide the gap', async () => {
    const vault = await openCopy('deleted-renumbered');
    try {
      dropTriggers(vault);
      vault.connection.exec('DELETE FROM audit_log WHERE seq = 3; UPDATE audit_log SET seq = seq - 1 WHERE seq > 3;');
      const result = await verifyAuditChain(vault.db, vault.auditKey);
      expect(result).toMatchObject({ ok: false, entries: ENTRIES - 1, firstBadSeq: 3 });
    } finally {
      await vault.close();
    }
  });

  it('finds a reordered pair (two rows swap content, seq kept) at the first of the pair', async () => {
    const vault = await openCopy('reordered');
    try {
      dropTriggers(vault);
      type Row = { seq: number; at: string; action: string; subject_type: string | null; subject_id: string | null; details: string; prev_hash: string; hash: string };
      const get = vault.connection.prepare('SELECT * FROM audit_log WHERE seq = ?');
      const a = get.get(3) as Row;
      const b = get.get(4) as Row;
      const put = vault.connection.prepare(
        'UPDATE audit_log SET at = @at, action = @action, subject_type = @subject_type, subject_id = @subject_id, details = @details, prev_hash = @prev_hash, hash = @hash WHERE seq = @target',
      );
      vault.connection.transaction(() => {
        put.run({ ...b, target: 3 });
        put.run({ ...a, target: 4 });
      })();
      expect((get.get(3) as Row).subject_id).toBe('stu_4');
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toEqual({ ok: false, entries: ENTRIES, firstBadSeq: 3, problem: 'out-of-order' });
    } finally {
      await vault.close();
    }
  });

  it('an entry re-hashed with a wrong key is found (the chain is keyed, not a plain hash)', async () => {
    const vault = await openCopy('forged');
    try {
      // Appending is allowed, but an attacker without the vault's audit sub-key must use another key.
      const forged = await appendAudit(vault.db, Buffer.alloc(32, 7), { action: 'vault.unlock' });
      expect(forged).toBe(ENTRIES + 1);
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toMatchObject({ ok: false, firstBadSeq: ENTRIES + 1, problem: 'edited' });
    } finally {
      await vault.close();
    }
  });
});

describe('audit entries from the API', () => {
  it('unlock, lock, changePassphrase and settings:set each add entries; none holds the organization name', async () => {
    const dir = path.join(root, 'api');
    const ORG = 'Riverside Unified — Confidential Org 4471';
    const WORKER = 'Jordan Q. Worker-Canary';
    const ports = fakePorts();
    const api = createApi({ vaultDir: dir, ports });
    let key: string;
    try {
      const created = await api.call('vault:create', { passphrase: 'first passphrase 1' });
      if (!created.ok) throw new Error(created.error.message);
      key = created.value.recoveryKey;
      expect((await api.call('vault:lock', {})).ok).toBe(true);
      expect((await api.call('vault:unlock', { passphrase: 'first passphrase 1' })).ok).toBe(true);
      expect((await api.call('settings:set', { organizationName: ORG })).ok).toBe(true);
      expect((await api.call('settings:set', { workerName: WORKER, autoLockMinutes: 20 })).ok).toBe(true);
      const refused = await api.call('vault:changePassphrase', { currentPassphrase: 'not it at all', newPassphrase: 'second passphrase 2' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', field: 'currentPassphrase' } });
      expect(await api.call('vault:changePassphrase', { currentPassphrase: 'first passphrase 1', newPassphrase: 'second passphrase 2' })).toEqual({
        ok: true,
        value: {},
      });
      expect((await api.call('vault:lock', {})).ok).toBe(true);
    } finally {
      await api.dispose();
    }
    expect(ports.locked).toEqual(['user', 'user']);

    const vault = await openVaultWithRecoveryKey({ dir, recoveryKey: key });
    try {
      const rows = await vault.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      expect(rows.map((r) => r.action)).toEqual([
        'vault.create',
        'vault.lock',
        'vault.unlock',
        'settings.set',
        'settings.set',
        'vault.passphrase_change_refused',
        'vault.passphrase_changed',
        'vault.lock',
      ]);
      expect(JSON.parse(rows[1]!.details)).toEqual({ reason: 'user' });
      expect(JSON.parse(rows[2]!.details)).toEqual({ via: 'passphrase' });
      expect(JSON.parse(rows[3]!.details)).toEqual({ keys: ['organizationName'] });
      expect((JSON.parse(rows[4]!.details) as { keys: string[] }).keys.sort()).toEqual(['autoLockMinutes', 'workerName']);
      expect(await verifyAuditChain(vault.db, vault.auditKey)).toEqual({ ok: true, entries: rows.length });

      const everything = JSON.stringify(rows);
      for (const secret of [ORG, 'Riverside', WORKER, 'first passphrase 1', 'second passphrase 2', 'not it at all']) {
        expect(everything).not.toContain(secret);
      }
      for (const r of rows) {
        expect(r.details).not.toContain('Riverside');
        expect(r.subject_id ?? '').not.toContain('Riverside');
      }
    } finally {
      await vault.close();
    }
  });
});
