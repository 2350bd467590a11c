/**
 * The record of disclosures PDF, read back as text: every disclosure is on
 * it once and whole, in date order, under a header row repeated on every
 * page; the confidentiality line and "Page x of y" are on every page; names
 * in any language, and text that looks like HTML, print exactly as typed.
 */
import { describe, expect, it } from 'vitest';
import {
  DISCLOSURE_COLUMNS,
  DISCLOSURE_RECORD_CONFIDENTIALITY,
  DISCLOSURE_RECORD_FORM_ID,
  disclosureRecord,
  type DisclosureRecordData,
} from '../../electron/documents/disclosure-record.ts';
import { occurrences, readPdf, readPdfPages } from './pdf-text.ts';
import { XSS } from './release-fixtures.ts';

type Disclosure = DisclosureRecordData['disclosures'][number];

function record(disclosures: Disclosure[], overrides: Partial<DisclosureRecordData> = {}): DisclosureRecordData {
  return {
    organization: 'Arcadia School District · Pupil Services',
    student: { name: 'Nguyễn Thị Ánh', dob: '2012-03-14', schoolStudentId: '2031457' },
    preparedBy: 'Kari Halvorson, School Social Worker',
    preparedOn: '2026-11-23',
    disclosures,
    ...overrides,
  };
}

const THREE: Disclosure[] = [
  {
    disclosedOn: '2026-11-02',
    recipient: 'Gundersen Health System, Emergency Department',
    purpose: 'Immediate safety of the student',
    categories: ['Health information', 'Emergency contacts'],
    documents: ['Verbal disclosure by phone'],
    basis: 'Exception: health or safety emergency — student found unresponsive; paramedics asked for medication history',
    disclosedBy: 'Marisol Ñandú, School Nurse',
  },
  {
    disclosedOn: '2026-09-03',
    recipient: 'Dr. Ana Ruiz, Northwoods Family Counseling, 210 Main St., Whitehall, WI 54773',
    purpose: 'To coordinate mental health services with the IEP team',
    categories: ['Attendance records', 'IEP and evaluation reports'],
    documents: ['Student summary (3 pages)'],
    basis: 'Release LIA-R-7K2Q signed 2026-09-01',
    disclosedBy: 'Kari Halvorson',
  },
  {
    disclosedOn: '2026-10-14',
    recipient: 'Trempealeau County DHS, Children’s Long-Term Support',
    purpose: 'CLTS functional screen and eligibility',
    categories: ['Program enrollment'],
    documents: ['Student summary (2 pages)', 'Attendance report 2025–26 (1 page)'],
    basis: 'Release LIA-R-9PXW signed 2026-10-02',
    disclosedBy: 'Xiong Pa Houa Vang',
  },
];

/** n disclosures, each with words found nowhere else on the page ("R017", "P017", "B017", "L017"). */
function many(n: number): Disclosure[] {
  return Array.from({ length: n }, (_, i) => {
    const id = String(i + 1).padStart(3, '0');
    return {
      disclosedOn: `2026-${String(1 + Math.floor(i / 12) % 12).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      recipient: `Recipient R${id}, Clinic on 1 Main St., Arcadia, WI 54612`,
      purpose: `Purpose P${id}: coordinate services with the school team`,
      categories: ['Attendance records', 'Plan goals'],
      // Rows of different heights, the last line of the tallest cell marked, so a split row would show.
      documents: [`Student summary S${id} (2 pages)`, ...Array.from({ length: i % 4 }, (_, k) => `Attendance report ${k + 1} (1 page)`), `Last line L${id}`],
      basis: `Basis B${id}: release signed 2026-09-01`,
      disclosedBy: 'Kari Halvorson',
    };
  });
}

describe('record of disclosures', () => {
  it('lists every disclosure, oldest first, with its recipient, purpose, records, basis and discloser', async () => {
    const { pages, text } = await readPdf(await disclosureRecord(record(THREE)));
    expect(pages).toBe(1);
    expect(text).toContain('Record of disclosures');
    expect(text).toContain('Arcadia School District · Pupil Services');
    expect(text).toContain(DISCLOSURE_RECORD_FORM_ID);
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('03/14/2012');
    expect(text).toContain('2031457');
    expect(text).toContain('Kari Halvorson, School Social Worker');
    expect(text).toContain('11/23/2026');
    // What the record is, and where it is kept.
    expect(text).toContain('34 CFR 99.32');
    expect(text).toContain('kept with the student’s education records');
    expect(text).toContain('may see it on request');
    for (const column of DISCLOSURE_COLUMNS) expect(text).toContain(column);
    for (const d of THREE) {
      expect(text).toContain(d.recipient);
      expect(text).toContain(d.purpose);
      expect(text).toContain(d.basis);
      expect(text).toContain(d.disclosedBy);
      for (const c of d.categories) expect(text).toContain(c);
      for (const doc of d.documents) expect(text).toContain(doc);
    }
    // Dates as people read them, in the order things happened.
    const at = (date: string) => text.indexOf(date);
    expect(at('09/03/2026')).toBeGreaterThan(-1);
    expect(at('09/03/2026')).toBeLessThan(at('10/14/2026'));
    expect(at('10/14/2026')).toBeLessThan(at('11/02/2026'));
    expect(text).not.toContain('2026-11-02');
    expect(text).toContain('Page 1 of 1');
    expect(occurrences(text, DISCLOSURE_RECORD_CONFIDENTIALITY)).toBe(1);
  });

  it('is printed landscape, for its six columns', async () => {
    const { size } = await readPdfPages(await disclosureRecord(record(THREE)));
    expect(size).toEqual({ width: 792, height: 612 });
  });

  it('says so when nothing has been disclosed', async () => {
    const { pages, text } = await readPdf(await disclosureRecord(record([])));
    expect(pages).toBe(1);
    expect(text).toContain('No disclosures of this student’s records have been recorded.');
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain(DISCLOSURE_RECORD_CONFIDENTIALITY);
  });

  it('runs 120 disclosures over several pages: header row and confidentiality line on each, every row once and whole', async () => {
    const rows = many(120);
    const { pages } = await readPdfPages(await disclosureRecord(record(rows)));
    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(occurrences(page, DISCLOSURE_RECORD_CONFIDENTIALITY), `page ${i + 1}`).toBe(1);
      expect(page, `page ${i + 1}`).toContain('Records disclosed');
      expect(page, `page ${i + 1}`).toContain('Legal basis');
      expect(page, `page ${i + 1}`).toContain('Nguyễn Thị Ánh');
    });
    for (let i = 1; i <= rows.length; i++) {
      const id = String(i).padStart(3, '0');
      const onPages = pages.flatMap((page, p) => (page.includes(`R${id},`) ? [p] : []));
      expect(onPages, `row ${id}`).toHaveLength(1);
      // Whole: every cell of the row is on the page its recipient is on.
      const page = pages[onPages[0]!]!;
      for (const piece of [`P${id}:`, `B${id}:`, `S${id} `, `L${id}`]) expect(page, `row ${id}`).toContain(piece);
    }
  });

  it('keeps a row taller than a page, letting only that row split', async () => {
    const reason = Array.from({ length: 150 }, (_, i) => `Reason sentence ${i} explaining the emergency.`).join(' ');
    const rows = [...many(3), { ...THREE[0]!, disclosedOn: '2026-12-30', basis: `Exception: health or safety emergency — ${reason} END-OF-REASON` }];
    const { text } = await readPdf(await disclosureRecord(record(rows)));
    expect(text).toContain('Reason sentence 0 ');
    expect(text).toContain('Reason sentence 149 ');
    expect(text).toContain('END-OF-REASON');
    for (const id of ['001', '002', '003']) expect(text).toContain(`R${id},`);
  });

  it('prints accented, Vietnamese and Hmong names, and HTML-looking text, exactly as typed', async () => {
    const data = record(
      [
        {
          disclosedOn: '2026-10-01',
          recipient: `${XSS} Clínica Ñandú`,
          purpose: '<script>alert(1)</script> & "coordinate"',
          categories: ['</style>'],
          documents: ['<b>summary</b> (1 page)'],
          basis: 'Release {formId} <i>signed</i>',
          disclosedBy: 'Xiong Pa Houa Vang',
        },
      ],
      { organization: '</style><script>alert(1)</script>', student: { name: 'Nguyễn Thị Ánh', dob: null, schoolStudentId: null } },
    );
    const { text } = await readPdf(await disclosureRecord(data));
    expect(text).toContain(`${XSS} Clínica Ñandú`);
    expect(text).toContain('<script>alert(1)</script> & "coordinate"');
    expect(text).toContain('</style>');
    expect(text).toContain('<b>summary</b> (1 page)');
    expect(text).toContain('Release {formId} <i>signed</i>');
    expect(text).toContain('Xiong Pa Houa Vang');
    expect(text).toContain('Nguyễn Thị Ánh');
    expect(text).toContain('</style><script>alert(1)</script>');
  });
});
