/**
 * Month close end to end through the API: readiness (ready, blocked with the
 * reason, draft), the consent gate on the billing file, the export (CSV read
 * back with papaparse, XLSX with exceljs, the PDF's totals), a second export
 * finding nothing new, the database refusing an entry on two live batches,
 * void and corrected batch with its changes, a failed export leaving nothing,
 * and a crash at each step of the write leaving a whole batch or none.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../db/connection.ts';
import { DB_FILE, openVaultWithRecoveryKey } from '../db/vault.ts';
import { exportMonth } from '../electron/services/billing/export.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import type { EntryFields } from '../electron/shared/schemas/services.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { readPdf } from './documents/pdf-text.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

const MONTH = '2026-10';
const EXCEPTION = { kind: 'billing_51_30_4_b_2' as const, reason: 'County bills Medicaid for CLTS support and service coordination.' };
const WRITER = fileURLToPath(new URL('./fixtures/billing-export-writer.ts', import.meta.url));

let root: string;
let exportDir: string;
let api: Api;
let recoveryKey: string;
const students: Record<string, string> = {};

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const entry = (studentId: string, date: string, start: string, end: string, over: Partial<EntryFields> = {}): EntryFields => ({
  studentId,
  date,
  time: { kind: 'clock', startTime: start, endTime: end, endsNextDay: false },
  travelMinutes: 10,
  documentationMinutes: 5,
  activity: 'coordination',
  contactMode: 'in_person',
  contactType: 'parent',
  placeOfService: '12',
  personsPresent: null,
  program: 'CLTS',
  fundingStream: 'clts',
  goalId: null,
  authorizationId: null,
  narrative: `Coordinated respite and school supports (${date} ${start}).`,
  followUp: null,
  ...over,
});

const csvRows = async (name: string) => {
  const text = (await fs.readFile(path.join(exportDir, name))).toString('utf8');
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
};

beforeAll(async () => {
  root = makeTempDir('billing-export');
  exportDir = path.join(root, 'exports');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts({ exportDir }) });
  recoveryKey = (await ok(api.call('vault:create', { passphrase: 'billing export passphrase' }))).recoveryKey;
  await ok(api.call('settings:set', { workerName: 'Dana Olson', organizationName: 'Trempealeau County DHS', organizationAddress: 'Whitehall WI', countyName: 'Trempealeau County DHS' }));
  // Names that test the file formats: a comma, quotes, accents, a formula-looking start.
  for (const [key, first, last, medicaidId] of [
    ['comma', 'Ánh', 'Nguyễn, Jr.', '1111111111'],
    ['quotes', 'Pa "Penny"', 'Xiong', '2222222222'],
    ['plain', 'Kou', 'Vang', '3333333333'],
  ] as const) {
    const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: first, legalLast: last, dob: '2014-05-06', medicaidId })));
    await ok(api.call('enrollments:create', { studentId: id, program: 'CLTS', status: 'active', statusDate: '2026-09-01', dates: {} }));
    await ok(api.call('authorizations:save', { fields: { studentId: id, program: 'CLTS', number: `PA-${key}`, procedureCode: 'T1016', modifiers: [], unitsAuthorized: 100, startOn: '2026-09-01', endOn: '2027-08-31', diagnosisCode: 'F90.2', providerId: '7654321' } }));
    students[key] = id;
  }
  const sign = (f: EntryFields) => ok(api.call('services:save', { fields: f, sign: true }));
  await sign(entry(students.comma!, '2026-10-05', '09:00', '09:40'));
  await sign(entry(students.comma!, '2026-10-12', '09:00', '09:23'));
  await sign(entry(students.quotes!, '2026-10-06', '13:00', '13:50'));
  await sign(entry(students.plain!, '2026-10-07', '10:00', '10:08'));
  // Blocked: a place of service the profile does not allow.
  await sign(entry(students.plain!, '2026-10-08', '10:00', '10:30', { placeOfService: '21' }));
  // A draft.
  await ok(api.call('services:save', { fields: entry(students.plain!, '2026-10-09', '10:00', '10:30'), sign: false }));
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('month close', () => {
  it('shows each entry’s readiness and the totals of what is ready', async () => {
    const m = await ok(api.call('billing:month', { program: 'CLTS', month: MONTH }));
    expect(m.rows.map((r) => r.status).sort()).toEqual(['blocked', 'draft', 'ready', 'ready', 'ready', 'ready']);
    expect(m.rows.find((r) => r.status === 'blocked')!.reasons[0]!.message).toMatch(/Place of service 21/);
    // 40 → 3 units, 23 → 2, 50 → 3, 8 → 1 (eight-minute rule, each entry).
    expect(m.totals).toMatchObject({ entries: 6, ready: 4, blocked: 1, drafts: 1, readyUnits: 9, readyMinutes: 121 });
    expect(m.students.every((s) => s.basis === 'exception_needed')).toBe(true);
    expect(m.profileUnreviewed).toBe(true);
  });

  it('refuses to export without a release or the billing exception: no files, no batch', async () => {
    const r = await api.call('billing:export', { program: 'CLTS', month: MONTH, exception: null, includeNarratives: false });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/^Not exported: nothing allows sharing/) } });
    expect(existsSync(exportDir) ? await fs.readdir(exportDir) : []).toEqual([]);
  });

  it('exports the ready entries: CSV, XLSX and the signed log agree, and each student’s disclosure is recorded', async () => {
    const out = await ok(api.call('billing:export', { program: 'CLTS', month: MONTH, exception: EXCEPTION, includeNarratives: true }));
    expect(out).toMatchObject({ saved: true, lines: 4, units: 9, files: [`CLTS billing ${MONTH}.csv`, `CLTS billing ${MONTH}.xlsx`, `CLTS service log ${MONTH}.pdf`] });

    const rows = await csvRows(`CLTS billing ${MONTH}.csv`);
    expect(Object.keys(rows[0]!)).toEqual(['Child Name', 'DOB', 'Date of Service', 'HCPCS Code', 'Modifier', 'Units', 'MCI #']);
    expect(rows.map((r) => [r['Child Name'], r['Date of Service'], r['HCPCS Code'], r.Units])).toEqual([
      ['Ánh Nguyễn, Jr.', '10/05/2026', 'T1016', '3'],
      ['Pa "Penny" Xiong', '10/06/2026', 'T1016', '3'],
      ['Kou Vang', '10/07/2026', 'T1016', '1'],
      ['Ánh Nguyễn, Jr.', '10/12/2026', 'T1016', '2'],
    ]);
    expect(rows[0]!.DOB).toBe('05/06/2014');

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Uint8Array.from(await fs.readFile(path.join(exportDir, `CLTS billing ${MONTH}.xlsx`))).buffer);
    const sheet = book.worksheets[0]!;
    const cells = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(cells(1)).toEqual(['Child Name', 'DOB', 'Date of Service', 'HCPCS Code', 'Modifier', 'Units', 'MCI #']);
    expect(sheet.rowCount).toBe(5);
    expect(cells(2)[0]).toBe('Ánh Nguyễn, Jr.');
    expect((cells(2)[2] as Date).toISOString().slice(0, 10)).toBe('2026-10-05');
    expect(cells(2)[5]).toBe(3);
    expect(rows.map((r) => r['Child Name'])).toEqual([2, 3, 4, 5].map((r) => cells(r)[0]));

    const { text } = await readPdf(await fs.readFile(path.join(exportDir, `CLTS service log ${MONTH}.pdf`)));
    for (const name of ['Ánh Nguyễn, Jr.', 'Pa "Penny" Xiong', 'Kou Vang']) expect(text).toContain(name);
    expect(text).toContain('Coordinated respite and school supports (2026-10-05 09:00).');
    // The month's totals box: units equal the sum of the exported lines (3 + 3 + 1 + 2), service minutes 40 + 50 + 8 + 23.
    expect(text).toMatch(/Units 9\.0/);
    expect(text).toMatch(/Service minutes 121\b|121 Service minutes/);

    for (const studentId of Object.values(students)) {
      const { disclosures } = await ok(api.call('disclosures:list', { studentId }));
      expect(disclosures).toEqual([expect.objectContaining({ recipient: 'Trempealeau County DHS (billing)', purpose: 'Billing for CLTS services', categories: ['medical'] })]);
    }

    const m = await ok(api.call('billing:month', { program: 'CLTS', month: MONTH }));
    expect(m.totals).toMatchObject({ exported: 4, ready: 0 });
  });

  it('does not export the same entries again; the database refuses an entry on two live batches', async () => {
    expect(await api.call('billing:export', { program: 'CLTS', month: MONTH, exception: EXCEPTION, includeNarratives: false })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No CLTS entries of October 2026 are ready/) } });
    const db = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
    try {
      const line = db.prepare('SELECT batch_id, entry_id FROM batch_lines LIMIT 1').get() as { batch_id: string; entry_id: string };
      expect(() => db.prepare("INSERT INTO batch_lines (id, batch_id, entry_id, funding_stream, units, line, live) VALUES ('x', ?, ?, 'clts', 1, '{}', 1)").run(line.batch_id, line.entry_id)).toThrow(/UNIQUE/);
      expect(() => db.prepare('UPDATE batch_lines SET units = 99').run()).toThrow(/cannot be changed/);
    } finally {
      db.close();
    }
  });

  it('a corrected entry is flagged; voiding the batch and exporting again makes a corrected batch that shows what changed', async () => {
    const m = await ok(api.call('billing:month', { program: 'CLTS', month: MONTH }));
    const blocked = m.rows.find((r) => r.status === 'blocked')!;
    const exported = m.rows.find((r) => r.status === 'exported' && r.studentName === 'Kou Vang')!;
    await ok(api.call('services:correct', { id: blocked.entryId, changes: { placeOfService: '12' }, reason: 'Visit was at home; 21 was a typing slip.' }));
    await ok(api.call('services:correct', { id: exported.entryId, changes: { time: { kind: 'clock', startTime: '10:00', endTime: '10:30', endsNextDay: false } }, reason: 'The meeting ran 30 minutes.' }));
    const after = await ok(api.call('billing:month', { program: 'CLTS', month: MONTH }));
    expect(after.rows.find((r) => r.entryId === exported.entryId)!.status).toBe('changed_since_export');

    const [batch] = (await ok(api.call('billing:batches', { program: 'CLTS', month: MONTH }))).batches;
    const unbilled = () => {
      const db = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
      try {
        return db.prepare('SELECT count(*) FROM unbilled_entries').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    // Exported entries leave the timely-filing list; voiding the batch puts them back (triggers keep it).
    expect(unbilled()).toBe(1);
    const record = await ok(api.call('students:get', { id: students.plain! }));
    expect(record.deadlines.filter((d: { kind: string }) => d.kind === 'timely-filing')).toHaveLength(1);
    await ok(api.call('billing:void', { batchId: batch!.id, reason: 'Corrected time on one visit.' }));
    expect(unbilled()).toBe(5);
    const out = await ok(api.call('billing:export', { program: 'CLTS', month: MONTH, exception: EXCEPTION, includeNarratives: false }));
    expect(out.lines).toBe(5);
    expect(out.files[0]).toBe(`CLTS billing ${MONTH} (2).csv`);

    const { batches } = await ok(api.call('billing:batches', { program: 'CLTS', month: MONTH }));
    expect(batches).toHaveLength(2);
    const [corrected, voided] = batches;
    expect(voided).toMatchObject({ id: batch!.id, voidReason: 'Corrected time on one visit.' });
    expect(corrected!.correctsBatchId).toBe(batch!.id);
    expect(corrected!.changes).toEqual([
      expect.objectContaining({ entryId: exported.entryId, change: 'changed', fields: expect.arrayContaining(['units']) }),
      expect.objectContaining({ entryId: blocked.entryId, change: 'added' }),
    ]);
  });

  it('a failure between writing the files and recording the batch leaves no files and no batch', async () => {
    await ok(api.call('services:save', { fields: entry(students.plain!, '2026-10-20', '10:00', '10:30'), sign: true }));
    const before = await fs.readdir(exportDir);
    // A second handle on the same vault runs the export with a failure injected after the files are in place.
    const vault = await openVaultWithRecoveryKey({ dir: path.join(root, 'vault'), recoveryKey });
    try {
      const failing = exportMonth(vault, fakePorts({ exportDir }), { program: 'CLTS', month: MONTH, exception: EXCEPTION, includeNarratives: false }, {
        afterPlace: () => {
          throw new Error('the disk went away');
        },
      });
      await expect(failing).rejects.toThrow('the disk went away');
    } finally {
      await vault.close();
    }
    expect(await fs.readdir(exportDir)).toEqual(before);
    expect((await ok(api.call('billing:batches', { program: 'CLTS', month: MONTH }))).batches).toHaveLength(2);
    expect((await ok(api.call('billing:month', { program: 'CLTS', month: MONTH }))).totals.ready).toBe(1);
  });
});

describe('a crash during export', () => {
  for (const killAt of ['afterStage', 'afterPlace'] as const) {
    it(`(${killAt}) leaves no batch and no files once the vault opens again`, async () => {
      const dir = path.join(root, `crash-${killAt}`);
      const out = path.join(dir, 'exports');
      await fs.mkdir(out, { recursive: true });
      const code = await new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--no-warnings', WRITER, dir, out, killAt], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('close', (_code, signal) => resolve({ signal, stderr }));
      });
      expect(code.signal, code.stderr).toBe('SIGKILL');
      expect((await fs.readdir(out)).length).toBeGreaterThan(0);
      const after = createApi({ vaultDir: path.join(dir, 'vault'), ports: fakePorts({ exportDir: out }) });
      try {
        await ok(after.call('vault:unlock', { passphrase: 'billing crash passphrase' }));
        expect(await fs.readdir(out)).toEqual([]);
        expect((await ok(after.call('billing:batches', { program: 'CLTS', month: MONTH }))).batches).toEqual([]);
        const m = await ok(after.call('billing:month', { program: 'CLTS', month: MONTH }));
        expect(m.totals.ready).toBe(1);
      } finally {
        await after.dispose();
      }
    });
  }
});
