/**
 * A file that discloses a student's information and its record of
 * disclosures land together or not at all: after a thrown error at every step,
 * after a crash at each step (a child process kills itself there), and after
 * SIGKILLs at random moments (seeded, replay with EXPORT_CRASH_SEED).
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, openVaultWithRecoveryKey, type Vault } from '../db/vault.ts';
import { exportFiles, recoverExports, type ExportProbe } from '../electron/services/exports/atomic-export.ts';
import type { Trx } from '../electron/services/caseload/write.ts';
import { expectedBytes, exportName } from './fixtures/export-files.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { mulberry32, randomInt, seedFrom } from './helpers/prng.ts';

const WRITER = fileURLToPath(new URL('./fixtures/export-writer.ts', import.meta.url));
const STUDENT = 'student-1';
const SEED = seedFrom('EXPORT_CRASH_SEED');
const KILLS = Number(process.env.EXPORT_CRASH_KILLS ?? 12);

let root: string;

beforeAll(() => {
  root = makeTempDir('disclosed-export');
});
afterAll(() => removeDir(root));

async function newVault(name: string): Promise<{ dir: string; exportDir: string; recoveryKey: string }> {
  const dir = path.join(root, name, 'vault');
  const exportDir = path.join(root, name, 'exports');
  await fs.mkdir(exportDir, { recursive: true });
  const { vault, recoveryKey } = await createVault({ dir, passphrase: 'export test passphrase' });
  const now = new Date().toISOString();
  await vault.db.insertInto('students').values({ id: STUDENT, legal_first: 'Ánh', legal_last: 'Nguyễn', sort_key: 'nguyen anh', status: 'active', iep: 0, plan_504: 0, foster_care: 0, mckinney_vento: 0, created_at: now, updated_at: now }).execute();
  await vault.close();
  return { dir, exportDir, recoveryKey };
}

const disclosure = (n: number) => async (trx: Trx, exportId: string) => {
  await trx
    .insertInto('disclosures')
    .values({
      id: `d-${n}`,
      student_id: STUDENT,
      disclosed_on: '2026-11-23',
      recipient: 'County intake',
      purpose: `export ${n}`,
      categories: '["attendance"]',
      documents: '[]',
      release_id: null,
      exception_kind: 'court_order',
      exception_reason: 'crash test exception reason',
      disclosed_by: 'test',
      created_at: new Date().toISOString(),
      export_id: exportId,
    })
    .execute();
};

const count = (vault: Vault, sqlText: string) => vault.connection.prepare(sqlText).pluck().get() as number;
const STEP = { afterJournal: 'after the journal step', afterStage: 'after the files are staged', afterPlace: 'after the files are placed' } as const;
const listDir = async (dir: string) => (await fs.readdir(dir)).sort();

describe('exportFiles, in process', () => {
  let vault: Vault;
  let exportDir: string;
  beforeAll(async () => {
    const made = await newVault('in-process');
    exportDir = made.exportDir;
    vault = await openVaultWithRecoveryKey({ dir: made.dir, recoveryKey: made.recoveryKey });
  });
  afterAll(() => vault.close());

  const files = (n: number) => [0, 1].map((part) => ({ path: path.join(exportDir, exportName(n, part)), bytes: expectedBytes(n, part) }));

  it('writes every file byte-identical and the record, and leaves no journal', async () => {
    await exportFiles(vault, files(1), disclosure(1));
    for (const part of [0, 1]) expect((await fs.readFile(path.join(exportDir, exportName(1, part)))).equals(expectedBytes(1, part))).toBe(true);
    expect(count(vault, "SELECT count(*) FROM disclosures WHERE id = 'd-1' AND export_id IS NOT NULL")).toBe(1);
    expect(count(vault, 'SELECT count(*) FROM export_journal')).toBe(0);
    expect(await listDir(exportDir)).toEqual([exportName(1, 0), exportName(1, 1)]);
  });

  for (const point of ['afterJournal', 'afterStage', 'afterPlace'] as const) {
    it(`an error ${STEP[point]} leaves no file and no record`, async () => {
      const before = await listDir(exportDir);
      const probe: ExportProbe = { [point]: () => { throw new Error(`failure ${point}`); } };
      await expect(exportFiles(vault, files(2), disclosure(2), probe)).rejects.toThrow(`failure ${point}`);
      expect(await listDir(exportDir)).toEqual(before);
      expect(count(vault, "SELECT count(*) FROM disclosures WHERE id = 'd-2'")).toBe(0);
      expect(count(vault, 'SELECT count(*) FROM export_journal')).toBe(0);
    });
  }

  it('a record that cannot be written (the database refuses it) leaves no file', async () => {
    const before = await listDir(exportDir);
    const refused = async (trx: Trx, exportId: string) => {
      await disclosure(3)(trx, exportId);
      // An exception without its written reason: the table's CHECK refuses it.
      await trx.insertInto('disclosures').values({ id: 'bad', student_id: STUDENT, disclosed_on: '2026-11-23', recipient: 'x', purpose: 'x', categories: '[]', documents: '[]', release_id: null, exception_kind: 'court_order', exception_reason: 'short', disclosed_by: 't', created_at: 'now', export_id: exportId }).execute();
    };
    await expect(exportFiles(vault, files(3), refused)).rejects.toThrow(/CHECK/);
    expect(await listDir(exportDir)).toEqual(before);
    expect(count(vault, "SELECT count(*) FROM disclosures WHERE id IN ('d-3', 'bad')")).toBe(0);
  });

  it('a folder that cannot be written says so in plain words and records nothing', async () => {
    const missing = path.join(exportDir, 'unplugged-usb-stick', 'summary.pdf');
    await expect(exportFiles(vault, [{ path: missing, bytes: expectedBytes(4, 0) }], disclosure(4))).rejects.toThrow(/that folder no longer exists\. Nothing was recorded as shared/);
    expect(count(vault, "SELECT count(*) FROM disclosures WHERE id = 'd-4'")).toBe(0);
    expect(count(vault, 'SELECT count(*) FROM export_journal')).toBe(0);
  });

  it('recovery removes only files whose content is still what the export wrote', async () => {
    // A journal left by a crash, where someone has since saved a different file under the same name.
    const other = path.join(exportDir, 'replaced-since.pdf');
    await fs.writeFile(other, 'not what the export wrote');
    const ours = path.join(exportDir, 'ours.pdf');
    await fs.writeFile(ours, expectedBytes(5, 0));
    const { createHash } = await import('node:crypto');
    const hash = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
    await vault.db
      .insertInto('export_journal')
      .values([
        { id: 'j1', export_id: 'e1', temp_path: `${other}.part`, final_path: other, sha256: hash('what the export wrote'), started_at: 'now' },
        { id: 'j2', export_id: 'e1', temp_path: `${ours}.part`, final_path: ours, sha256: hash(expectedBytes(5, 0)), started_at: 'now' },
      ])
      .execute();
    expect(await recoverExports(vault)).toBe(1);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(ours)).toBe(false);
    expect(count(vault, 'SELECT count(*) FROM export_journal')).toBe(0);
    await fs.rm(other);
  });
});

interface Round {
  ready: number;
  acked: number[];
  signal: NodeJS.Signals | null;
}

/** Runs the writer; kills it `killDelayMs` after its first ACK, unless it kills itself first (LIAISON_EXPORT_KILL_AT). */
function runWriter(v: { dir: string; exportDir: string; recoveryKey: string }, opts: { killDelayMs?: number; killAt?: keyof ExportProbe }): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--no-warnings', WRITER, v.dir, v.exportDir, STUDENT], {
      env: { ...process.env, LIAISON_CRASH_RECOVERY_KEY: v.recoveryKey, ...(opts.killAt ? { LIAISON_EXPORT_KILL_AT: opts.killAt } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { ready: 0, acked: [], signal: null };
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`export-writer hung; stderr:\n${stderr}`));
    }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const ready = /^READY (\d+) \d+$/.exec(line);
        const ack = /^ACK (\d+)$/.exec(line);
        if (ready) round.ready = Number(ready[1]);
        else if (ack) {
          round.acked.push(Number(ack[1]));
          if (round.acked.length === 1 && opts.killDelayMs !== undefined) timer = setTimeout(() => child.kill('SIGKILL'), opts.killDelayMs);
        } else if (line.trim()) stderr += `unexpected stdout: ${line}\n`;
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (stderr += c));
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      round.signal = signal;
      if (signal !== 'SIGKILL') reject(new Error(`export-writer exited by itself (code ${code}); stderr:\n${stderr}`));
      else resolve(round);
    });
  });
}

/** After recovery: every record has its files, byte-identical; every file has its record; nothing half-written remains. */
async function expectBothOrNeither(v: { dir: string; exportDir: string; recoveryKey: string }, acked: ReadonlySet<number>): Promise<number> {
  const vault = await openVaultWithRecoveryKey({ dir: v.dir, recoveryKey: v.recoveryKey });
  try {
    await recoverExports(vault);
    expect(count(vault, 'SELECT count(*) FROM export_journal')).toBe(0);
    const recorded = new Set((vault.connection.prepare("SELECT purpose FROM disclosures WHERE purpose LIKE 'export %'").pluck().all() as string[]).map((p) => Number(p.slice(7))));
    for (const n of acked) expect(recorded.has(n), `acknowledged export ${n} lost its record`).toBe(true);
    const names = await listDir(v.exportDir);
    expect(names.filter((f) => f.endsWith('.part')), 'half-written files left behind').toEqual([]);
    const filed = new Set(names.map((f) => Number(/^export-(\d+)-\d\.\w+$/.exec(f)?.[1] ?? NaN)));
    for (const n of recorded) {
      for (const part of [0, 1]) {
        const file = path.join(v.exportDir, exportName(n, part));
        expect(existsSync(file), `export ${n} is recorded but ${exportName(n, part)} is missing`).toBe(true);
        expect((await fs.readFile(file)).equals(expectedBytes(n, part)), `${exportName(n, part)} is not what was exported`).toBe(true);
      }
    }
    for (const n of filed) expect(recorded.has(n), `export-${n} files exist without a record`).toBe(true);
    return recorded.size;
  } finally {
    await vault.close();
  }
}

describe('exportFiles, across crashes', () => {
  for (const killAt of ['afterJournal', 'afterStage', 'afterPlace'] as const) {
    it(`a crash ${STEP[killAt]} leaves neither file nor record once the vault is opened again`, async () => {
      const v = await newVault(`crash-${killAt}`);
      const round = await runWriter(v, { killAt });
      expect(round.acked).toEqual([]);
      // Before recovery the crash's leftovers are really there (files placed or staged).
      const leftovers = await listDir(v.exportDir);
      if (killAt !== 'afterJournal') expect(leftovers.length).toBeGreaterThan(0);
      expect(await expectBothOrNeither(v, new Set())).toBe(0);
      expect(await listDir(v.exportDir)).toEqual([]);
    });
  }

  it(`survives ${KILLS} SIGKILLs at random moments: records and files agree`, async () => {
    console.log(`[export-crash] seed=${SEED} kills=${KILLS} (replay: EXPORT_CRASH_SEED=${SEED})`);
    const v = await newVault('random-kills');
    const rand = mulberry32(SEED);
    const acked = new Set<number>();
    for (let i = 0; i < KILLS; i++) {
      const round = await runWriter(v, { killDelayMs: randomInt(rand, 0, 60) });
      expect(round.signal).toBe('SIGKILL');
      for (const n of round.acked) acked.add(n);
    }
    const recorded = await expectBothOrNeither(v, acked);
    console.log(`[export-crash] ${acked.size} acknowledged exports, ${recorded} recorded`);
    expect(recorded - acked.size).toBeLessThanOrEqual(KILLS);
  });
});
