/**
 * Roster import through the API: a 2,000-row file round-trips, re-importing
 * it updates instead of duplicating, a failure part-way writes nothing, random
 * bytes and mangled files give typed errors and write nothing, and the column
 * mapping is remembered per source.
 */
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';
import { fcSeed } from './helpers/prng.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

let root: string;
let api: Api;
let recoveryKey: string;

const SCHOOLS = ['Arcadia Elementary', 'Arcadia Middle', 'Blair-Taylor High', 'Whitehall Memorial'];
const FIRST = ['Mai', 'José', 'Zoë', 'Txiv', 'Nguyễn', 'Ana', 'Liam', 'Sofía'];
const LAST = ['Vang', 'Núñez', 'Smith, Jr.', 'Xiong', 'Trần', 'García', 'Olson', "O'Brien"];

/** A Skyward-shaped export: quoted fields, commas inside names, M/D/YYYY dates, CRLF. */
export function skywardCsv(rows: number): string {
  const lines = ['"Student ID","Last Name","First Name","Middle Name","Birthdate","Grade","Building","Guardian Name","Home Phone"'];
  for (let i = 0; i < rows; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = `${LAST[(i * 7) % LAST.length]!}${i >= 64 ? ` ${i}` : ''}`;
    const month = (i % 12) + 1;
    const day = (i % 28) + 1;
    const year = 2008 + (i % 12);
    lines.push(`"${100000 + i}","${last.replace(/"/g, '""')}","${first}","","${month}/${day}/${year}","${(i % 12) + 1}","${SCHOOLS[i % SCHOOLS.length]}","${last.split(',')[0]}, Parent","715-555-${String(i % 10000).padStart(4, '0')}"`);
  }
  return lines.join('\r\n') + '\r\n';
}

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function studentCount(): Promise<number> {
  const list = await ok(api.call('caseload:list', { status: null, schoolId: null, grade: null, program: null }));
  return list.rows.length;
}

beforeAll(async () => {
  root = makeTempDir('roster');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts() });
  recoveryKey = (await ok(api.call('vault:create', { passphrase: 'roster import passphrase' }))).recoveryKey;
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('roster import', () => {
  const file = skywardCsv(2000);

  it('refuses random bytes and mangled files with a typed error, writing nothing', async () => {
    const seed = fcSeed('roster-api');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.string({ maxLength: 5 })).map(([at, junk]) => new TextEncoder().encode(file.slice(0, 3000).slice(0, at) + junk + '"' + file.slice(at, 3200))),
        ),
        async (bytes) => {
          const r = await api.call('roster:preview', { fileName: 'x.csv', base64: b64(bytes), source: 'Fuzz', mapping: null });
          if (!r.ok) {
            expect(r.error.code).toBe('INVALID_INPUT');
            expect(r.error.message.length).toBeGreaterThan(10);
          } else {
            expect(r.value.rows.length).toBeLessThanOrEqual(r.value.totalRows);
          }
          expect(await studentCount()).toBe(0);
        },
      ),
      { seed, numRuns: 60 },
    );
  });

  it('previews every row with its problems before anything is written', async () => {
    const withProblems = skywardCsv(3) + '"200001","Lee","Pao","","13/45/2012","4","Unknown School","",""\r\n"200002","","NoLast","","1/2/2012","4","Arcadia Middle","",""\r\n';
    const preview = await ok(api.call('roster:preview', { fileName: 'r.csv', base64: b64(withProblems), source: 'Skyward', mapping: null }));
    expect(preview.mapping).toMatchObject({ schoolStudentId: 'Student ID', legalLast: 'Last Name', legalFirst: 'First Name', dob: 'Birthdate', school: 'Building' });
    expect(preview.counts).toMatchObject({ create: 3, skip: 2 });
    const bad = preview.rows.find((r) => r.line === 5)!;
    expect(bad.action).toBe('skip');
    expect(bad.problems.map((p) => p.message).join(' ')).toMatch(/13\/45\/2012/);
    expect(preview.rows.find((r) => r.line === 6)!.problems[0]!.message).toMatch(/last name/i);
    expect(await studentCount()).toBe(0);
  });

  it('imports 2,000 rows in one go, then re-importing updates instead of duplicating', async () => {
    const first = await ok(api.call('roster:preview', { fileName: 'roster.csv', base64: b64(file), source: 'Skyward', mapping: null }));
    expect(first.counts).toEqual({ create: 2000, update: 0, skip: 0, withWarnings: 2000 });
    const t0 = performance.now();
    const committed = await ok(api.call('roster:commit', { fileName: 'roster.csv', base64: b64(file), source: 'Skyward', mapping: first.mapping }));
    const ms = performance.now() - t0;
    expect(committed).toEqual({ created: 2000, updated: 0, skipped: 0, schoolsAdded: 4 });
    console.log(`2,000-row import committed in ${ms.toFixed(0)} ms`);
    expect(await studentCount()).toBe(2000);

    const list = await ok(api.call('caseload:list', { status: null, schoolId: null, grade: null, program: null }));
    const jr = list.rows.find((r) => r.name === 'Liam Smith, Jr.');
    expect(jr).toBeDefined();
    const record = await ok(api.call('students:get', { id: jr!.id }));
    expect(record.student).toMatchObject({ schoolStudentId: '100006', dob: '2014-07-07', grade: '7', school: 'Blair-Taylor High' });
    expect(record.contacts[0]).toMatchObject({ firstName: 'Parent', lastName: 'Smith', legalAuthority: 'none' });

    const again = await ok(api.call('roster:preview', { fileName: 'roster.csv', base64: b64(file), source: 'Skyward', mapping: null }));
    expect(again.counts).toMatchObject({ create: 0, update: 2000, skip: 0 });
    expect(await ok(api.call('roster:commit', { fileName: 'roster.csv', base64: b64(file), source: 'Skyward', mapping: again.mapping }))).toEqual({ created: 0, updated: 2000, skipped: 0, schoolsAdded: 0 });
    expect(await studentCount()).toBe(2000);
    const after = await ok(api.call('students:get', { id: jr!.id }));
    expect(after.contacts).toHaveLength(1);
  });

  it('reads Windows-1252 files (accents) and remembers the columns per source', async () => {
    const text = 'studentNumber;firstName;lastName;birthDate\r\n900001;José;Peña;2012-04-05\r\n';
    const bytes = Uint8Array.from([...text].map((ch) => ({ é: 0xe9, ñ: 0xf1 })[ch] ?? ch.charCodeAt(0)));
    const preview = await ok(api.call('roster:preview', { fileName: 'ic.csv', base64: b64(bytes), source: 'Infinite Campus', mapping: null }));
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.rows[0]).toMatchObject({ name: 'José Peña', dob: '2012-04-05', action: 'create' });
    const custom = { ...preview.mapping, legalFirst: 'firstName', legalLast: 'lastName' };
    await ok(api.call('roster:commit', { fileName: 'ic.csv', base64: b64(bytes), source: 'Infinite Campus', mapping: custom }));
    const sources = await ok(api.call('roster:sources', {}));
    expect(sources.sources.map((s) => s.source).sort()).toEqual(['Infinite Campus', 'Skyward']);
    const remembered = await ok(api.call('roster:preview', { fileName: 'ic.csv', base64: b64(bytes), source: 'Infinite Campus', mapping: null }));
    expect(remembered.mapping).toEqual(custom);
  });

  it('a failure part-way through writes nothing at all', async () => {
    const before = await studentCount();
    // Another connection plants a trigger that fails on the 1,500th row (these rows match
    // existing students by name and birth date, so they are updates).
    const side = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
    side.exec(`CREATE TRIGGER boom BEFORE UPDATE ON students WHEN NEW.school_student_id = '301499' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    try {
      const big = skywardCsv(2000).replace(/"1(\d{5})"/g, '"3$1"');
      const preview = await ok(api.call('roster:preview', { fileName: 'b.csv', base64: b64(big), source: 'Skyward', mapping: null }));
      expect(preview.counts.update).toBe(2000);
      const r = await api.call('roster:commit', { fileName: 'b.csv', base64: b64(big), source: 'Skyward', mapping: preview.mapping });
      expect(r.ok).toBe(false);
      expect(await studentCount()).toBe(before);
      // Not one of the 1,499 rows before the failure kept its new school ID.
      const moved = side.prepare(`SELECT count(*) AS n FROM students WHERE school_student_id LIKE '3%'`).get() as { n: number };
      expect(moved.n).toBe(0);
    } finally {
      side.exec('DROP TRIGGER boom');
      side.close();
    }
  });
});
