/**
 * The signed monthly service log, read back as text: every student and
 * entry is on it, subtotals and month totals are the exact sums of the
 * entries (units in tenths, without floating-point drift), narratives are
 * printed only when asked for and never parted from their entry, every page
 * carries the confidentiality line and "Page x of y", the attestation and
 * signature lines end the last page, and names and HTML-looking text print
 * exactly as typed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SERVICE_LOG_COLUMNS,
  SERVICE_LOG_CONFIDENTIALITY,
  SERVICE_LOG_FORM_ID,
  SIGNATURE_CAPTIONS,
  serviceLog,
  type ServiceLogData,
  type ServiceLogEntry,
} from '../../electron/documents/service-log.ts';
import { occurrences, readPdf, readPdfPages } from './pdf-text.ts';
import { XSS } from './release-fixtures.ts';

type Student = ServiceLogData['students'][number];

const ATTESTATION =
  'I attest that the services listed in this log were provided by me on the dates and for the times shown, that each entry is documented in the participant’s record, and that no minute listed here has been billed to another funding stream.';

function entry(date: string, activity: string, minutes: number, units: number, narrative: string, extra: Partial<ServiceLogEntry> = {}): ServiceLogEntry {
  return {
    date,
    time: '9:00–9:40 AM',
    activity,
    placeOfService: 'School (03)',
    procedureCode: 'T1016',
    modifiers: ['UA'],
    minutes,
    units,
    travelMinutes: 10,
    documentationMinutes: 8,
    authorizationNumber: 'PA 4410027',
    narrative,
    ...extra,
  };
}

const STUDENTS: Student[] = [
  {
    name: 'Nguyễn Thị Ánh',
    dob: '2012-03-14',
    medicaidId: '4400128812',
    entries: [
      entry('2026-11-03', 'Face-to-face contact with participant', 40, 2.5, 'Met with Ánh at school to review the ISP goals.'),
      entry('2026-11-10', 'Phone call with parent', 30, 2, 'Called her mother with an interpreter (Mr. Trần).', { placeOfService: 'Telephone (02)', travelMinutes: 0 }),
      entry('2026-11-17', 'Collateral contact — respite provider', 40, 2.5, 'Coordinated the start date with Northwoods Respite.', { modifiers: ['UA', 'CG'] }),
      entry('2026-11-24', 'ISP team meeting (six-month review)', 45, 3, 'Six-month ISP review with parent, teacher and provider.', { time: '10:30–11:15 AM' }),
    ],
  },
  {
    name: 'Xiong Pa Houa Vang',
    dob: '2010-07-02',
    medicaidId: null,
    entries: [
      entry('2026-11-04', 'Brief check-in with participant', 20, 1.5, 'Safety plan reviewed after the incident on 11/03.'),
      entry('2026-11-12', 'Home visit', 30, 2, 'Discussed the adaptive equipment request with a Hmong interpreter.', { placeOfService: 'Home (12)', travelMinutes: 35, authorizationNumber: null }),
      entry('2026-11-19', 'Email to county CLTS unit', 15, 1, 'Sent the equipment quote to the county.', { time: '15 min', travelMinutes: 0 }),
      entry('2026-11-26', 'Progress check with participant', 30, 2, `${XSS} Reviewed the communication goal.`),
    ],
  },
  {
    name: 'Mateo Muñoz',
    dob: null,
    medicaidId: '4400981123',
    entries: [
      entry('2026-11-05', 'Voicemail to parent', 10, 0.5, 'Left a message about the annual rescreen.', { travelMinutes: 0 }),
      entry('2026-11-06', 'Scheduling call with parent', 20, 1.5, 'Scheduled the functional rescreen for 12/02.', { travelMinutes: 0 }),
      entry('2026-11-20', 'Observation for rescreen', 50, 3.5, 'Observed Mateo at lunch and recess.'),
      entry('2026-11-30', 'Review of behavior log', 6, 0.4, 'Reviewed the teacher’s behavior log.', { documentationMinutes: 20, travelMinutes: 0 }),
    ],
  },
];

function log(overrides: Partial<ServiceLogData> = {}): ServiceLogData {
  return {
    organization: 'Trempealeau County Department of Human Services',
    program: 'CLTS',
    month: '2026-11',
    worker: { name: 'Kari Halvorson', providerId: '1548392017' },
    batchLabel: 'Batch 3F2A91C0 · exported 12/01/2026',
    correctsBatch: null,
    includeNarratives: true,
    students: STUDENTS,
    attestation: ATTESTATION,
    ...overrides,
  };
}

/** The expected sums, computed here from the input: units as integer tenths, so the expectation cannot drift either. */
function expectedSums(entries: ServiceLogEntry[]) {
  return {
    entries: entries.length,
    minutes: entries.reduce((n, e) => n + e.minutes, 0),
    tenths: entries.reduce((n, e) => n + Math.round(e.units * 10), 0),
    travel: entries.reduce((n, e) => n + e.travelMinutes, 0),
    documentation: entries.reduce((n, e) => n + e.documentationMinutes, 0),
  };
}

const n = (value: number) => value.toLocaleString('en-US');
const tenths = (value: number) => `${n(Math.floor(value / 10))}.${value % 10}`;
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

function subtotalText(student: Student): string {
  const s = expectedSums(student.entries);
  return `Subtotal for ${student.name} · ${s.entries} ${s.entries === 1 ? 'entry' : 'entries'} ${n(s.minutes)} ${tenths(s.tenths)} ${n(s.travel)} ${n(s.documentation)}`;
}

function totalsText(students: Student[]): string {
  const s = expectedSums(students.flatMap((student) => student.entries));
  return `Students ${n(students.length)} Entries ${n(s.entries)} Service minutes ${n(s.minutes)} Units ${tenths(s.tenths)} Travel minutes ${n(s.travel)} Documentation minutes ${n(s.documentation)}`;
}

/** 60 students × 8 entries, each entry with words found nowhere else ("A07-3", "N07-3"), narratives of different lengths. */
function manyStudents(count: number, perStudent: number): Student[] {
  return Array.from({ length: count }, (_, s) => ({
    name: `${['Nguyễn Thị Ánh', 'Xiong Pa Houa Vang', 'Mateo Muñoz'][s % 3]} ${s + 1}`,
    dob: '2011-05-01',
    medicaidId: `44000${String(s).padStart(5, '0')}`,
    entries: Array.from({ length: perStudent }, (_, k) => {
      const id = `${String(s).padStart(2, '0')}-${k}`;
      return entry(`2026-11-${String(2 + k * 3).padStart(2, '0')}`, `Activity A${id}`, 15 + k * 5, (k + 1) / 10, `Narrative N${id} begins. ${'Plans reviewed with the family. '.repeat(k % 4)}Ends E${id}.`);
    }),
  }));
}

/** Pages as poppler counts them, when poppler-utils is installed; otherwise null. */
function pdfinfoPages(bytes: Buffer): number | null {
  const dir = mkdtempSync(path.join(tmpdir(), 'liaison-service-log-'));
  try {
    const file = path.join(dir, 'log.pdf');
    writeFileSync(file, bytes);
    const match = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('service log', () => {
  it('lists every student and entry, with subtotals and month totals equal to the sums of the entries', async () => {
    const { bytes, pages } = await serviceLog(log());
    const { text } = await readPdf(bytes);
    expect(text).toContain('Trempealeau County Department of Human Services');
    expect(text).toContain('CLTS service log — November 2026');
    expect(text).toContain(SERVICE_LOG_FORM_ID);
    expect(text).toContain('Worker Kari Halvorson');
    expect(text).toContain('Provider ID 1548392017');
    expect(text).toContain('Batch 3F2A91C0 · exported 12/01/2026');
    for (const column of SERVICE_LOG_COLUMNS) expect(text).toContain(column);
    expect(text).toContain('Nguyễn Thị Ánh DOB 03/14/2012 Medicaid ID 4400128812');
    expect(text).toContain('Xiong Pa Houa Vang DOB 07/02/2010 Medicaid ID —');
    expect(text).toContain('Mateo Muñoz DOB — Medicaid ID 4400981123');
    for (const student of STUDENTS) {
      for (const e of student.entries) {
        expect(text).toContain(`${usDate(e.date)} ${e.time} ${e.activity}`);
      }
      expect(text).toContain(subtotalText(student));
    }
    expect(text).toContain('T1016 UA CG');
    expect(text).toContain('10:30–11:15 AM');
    // Independently: 155 + 95 + 86 minutes; 10.0 + 6.5 + 5.9 units.
    expect(totalsText(STUDENTS)).toBe('Students 3 Entries 12 Service minutes 336 Units 22.4 Travel minutes 95 Documentation minutes 108');
    expect(text).toContain(totalsText(STUDENTS));
    expect(text).not.toContain('2026-11-03');
    expect(pages).toBe((await readPdf(bytes)).pages);
  });

  it('sums units in tenths without floating-point drift', async () => {
    // Ten 0.1s sum to 0.9999999999999999 in floating point; 0.1 + 0.2 to 0.30000000000000004.
    const tens: Student = { name: 'Ten Tenths', dob: null, medicaidId: null, entries: Array.from({ length: 10 }, (_, i) => entry(`2026-11-${String(i + 1).padStart(2, '0')}`, `Tenth ${i}`, 2, 0.1, '')) };
    const mixed: Student = { name: 'Mixed Units', dob: null, medicaidId: null, entries: [entry('2026-11-02', 'One', 5, 0.1, ''), entry('2026-11-03', 'Two', 5, 0.2, ''), entry('2026-11-04', 'Three', 25, 1.5, '')] };
    const students = [tens, mixed, ...STUDENTS];
    const { text } = await readPdf((await serviceLog(log({ students }))).bytes);
    expect(subtotalText(tens)).toBe('Subtotal for Ten Tenths · 10 entries 20 1.0 100 80');
    expect(text).toContain(subtotalText(tens));
    expect(subtotalText(mixed)).toBe('Subtotal for Mixed Units · 3 entries 35 1.8 30 24');
    expect(text).toContain(subtotalText(mixed));
    expect(text).toContain(totalsText(students));
    expect(text).toContain('Units 25.2');
    // No drifted figure anywhere (0.9999…, 0.30000000000000004).
    expect(text).not.toMatch(/\d\.\d*(?:9999|0000)/);
  });

  it('refuses units finer than tenths and minutes that are not whole, rather than round a billing figure', async () => {
    const bad = (e: Partial<ServiceLogEntry>) => log({ students: [{ name: 'A', dob: null, medicaidId: null, entries: [entry('2026-11-02', 'X', 10, 1, '', e)] }] });
    await expect(serviceLog(bad({ units: 0.25 }))).rejects.toThrow(/tenths/);
    await expect(serviceLog(bad({ units: -1 }))).rejects.toThrow(/units/);
    await expect(serviceLog(bad({ minutes: 7.5 }))).rejects.toThrow(/whole number/);
    await expect(serviceLog(bad({ travelMinutes: -5 }))).rejects.toThrow(/travel minutes/);
  });

  it('prints narratives under their entries when asked, and leaves them out when not', async () => {
    const narratives = STUDENTS.flatMap((s) => s.entries.map((e) => e.narrative));
    const withText = (await readPdf((await serviceLog(log({ includeNarratives: true }))).bytes)).text;
    for (const narrative of narratives) expect(withText).toContain(narrative);
    // Under its own row: right after the entry's authorization (or "None"), before the next entry's date.
    expect(withText).toContain('PA 4410027 Met with Ánh at school to review the ISP goals. 11/10/2026');
    const without = (await readPdf((await serviceLog(log({ includeNarratives: false }))).bytes)).text;
    for (const narrative of narratives) expect(without).not.toContain(narrative);
    expect(without).toContain(totalsText(STUDENTS));
  });

  it('runs 60 students × 8 entries over many pages: every entry once, with its narrative, confidentiality and page x of y on each page', async () => {
    const students = manyStudents(60, 8);
    const { bytes, pages } = await serviceLog(log({ students }));
    const read = await readPdfPages(bytes);
    expect(read.size).toEqual({ width: 792, height: 612 });
    expect(pages).toBeGreaterThan(5);
    expect(read.pages).toHaveLength(pages);
    const poppler = pdfinfoPages(bytes);
    if (poppler !== null) expect(pages).toBe(poppler);
    read.pages.forEach((page, i) => {
      expect(occurrences(page, SERVICE_LOG_CONFIDENTIALITY), `page ${i + 1}`).toBe(1);
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages}`);
    });
    students.forEach((student, s) => {
      for (let k = 0; k < 8; k++) {
        const id = `${String(s).padStart(2, '0')}-${k}`;
        const onPages = read.pages.flatMap((page, p) => (page.includes(`A${id} `) ? [p] : []));
        expect(onPages, `entry ${id}`).toHaveLength(1);
        // The narrative, start to end, is on the page its row is on.
        const page = read.pages[onPages[0]!]!;
        expect(page, `entry ${id}`).toContain(`N${id} begins.`);
        expect(page, `entry ${id}`).toContain(`E${id}.`);
      }
      expect(read.pages.join(' '), student.name).toContain(subtotalText(student));
    });
    // Every page a section runs onto starts with the student it belongs to.
    read.pages.slice(1, -1).forEach((page, i) => expect(page, `page ${i + 2}`).toMatch(/(Nguyễn Thị Ánh|Xiong Pa Houa Vang|Mateo Muñoz) \d+ DOB 05\/01\/2011/));
    expect(read.pages[pages - 1]).toContain(totalsText(students));
  });

  it('prints an entry whose narrative is longer than a page in full, letting only that entry split', async () => {
    const story = Array.from({ length: 200 }, (_, i) => `Sentence ${i} of a long narrative about the planning meeting.`).join(' ');
    const long: Student = { ...STUDENTS[0]!, entries: [...STUDENTS[0]!.entries, entry('2026-11-25', 'Crisis planning meeting', 120, 8, `${story} END-OF-NARRATIVE`)] };
    const students = [long, ...STUDENTS.slice(1)];
    const { bytes, pages } = await serviceLog(log({ students }));
    const { text } = await readPdf(bytes);
    expect(pages).toBeGreaterThan(2);
    for (const piece of ['Sentence 0 of', 'Sentence 199 of', 'END-OF-NARRATIVE', 'Crisis planning meeting', subtotalText(long), totalsText(students)]) expect(text).toContain(piece);
    for (const e of STUDENTS.flatMap((st) => st.entries)) expect(text).toContain(e.activity);
  });

  it('prints accented, Vietnamese and Hmong names, and HTML-looking text, exactly as typed', async () => {
    const students: Student[] = [
      { name: 'Nguyễn Thị Ánh', dob: null, medicaidId: null, entries: [entry('2026-11-02', '<script>alert(1)</script> & "call"', 10, 1, `${XSS} said {student}`)] },
      { name: 'Xiong Pa Houa Vang', dob: null, medicaidId: '</td>', entries: [entry('2026-11-03', 'Visit', 10, 1, '<iframe src=x></iframe>', { authorizationNumber: '<b>PA</b>' })] },
      { name: 'Muñoz', dob: null, medicaidId: null, entries: [entry('2026-11-04', 'Visit', 10, 1, 'Talked with Señora Muñoz.')] },
    ];
    const { text } = await readPdf((await serviceLog(log({ students, worker: { name: 'Txiv Yaj Thoj', providerId: null } }))).bytes);
    for (const piece of [
      'Nguyễn Thị Ánh',
      'Xiong Pa Houa Vang',
      'Subtotal for Muñoz',
      'Talked with Señora Muñoz.',
      `${XSS} said {student}`,
      '<script>alert(1)</script> & "call"',
      '<iframe src=x></iframe>',
      'Medicaid ID </td>',
      '<b>PA</b>',
      'Txiv Yaj Thoj',
      'Provider ID not on file',
    ]) {
      expect(text).toContain(piece);
    }
  });

  it('ends with the month totals, the attestation and the signature lines, all on the last page', async () => {
    for (const students of [STUDENTS, manyStudents(12, 8)]) {
      const { bytes, pages } = await serviceLog(log({ students }));
      const last = (await readPdfPages(bytes)).pages[pages - 1]!;
      expect(last).toContain(totalsText(students));
      expect(last).toContain(ATTESTATION);
      for (const caption of Object.values(SIGNATURE_CAPTIONS)) expect(last).toContain(caption);
      // The worker's name is printed on her name line; the batch ties the signed page to the export.
      expect(last).toContain('Kari Halvorson Printed name');
      expect(last).toContain('Batch 3F2A91C0 · exported 12/01/2026');
      expect(last.indexOf(ATTESTATION)).toBeLessThan(last.indexOf(SIGNATURE_CAPTIONS.worker));
    }
  });

  it('says so plainly when the month has no services, and still carries the attestation', async () => {
    const { bytes, pages } = await serviceLog(log({ students: [], program: 'CCS', month: '2027-02' }));
    const { text } = await readPdf(bytes);
    expect(pages).toBe(1);
    expect(text).toContain('CCS service log — February 2027');
    expect(text).toContain('No CCS services are recorded for February 2027 in this batch.');
    expect(text).not.toContain('Subtotal');
    expect(text).not.toContain('Place of service');
    expect(text).toContain('Students 0 Entries 0 Service minutes 0 Units 0.0');
    expect(text).toContain(ATTESTATION);
    expect(text).toContain(SERVICE_LOG_CONFIDENTIALITY);
  });

  it('names the voided batch it corrects, and nothing of the sort otherwise', async () => {
    const corrected = (await readPdf((await serviceLog(log({ correctsBatch: 'Corrects voided batch 77AB10E2' }))).bytes)).text;
    expect(corrected).toContain('Corrects voided batch 77AB10E2 — this log replaces the one printed for that batch.');
    const plain = (await readPdf((await serviceLog(log())).bytes)).text;
    expect(plain).not.toContain('Corrects voided');
    expect(plain).not.toContain('replaces');
  });
});
