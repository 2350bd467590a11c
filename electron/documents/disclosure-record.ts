/**
 * The record of disclosures for one student: every time records left the
 * office, to whom, why, what, under which release or exception, and by whom.
 * It is the FERPA record of 34 CFR 99.32 and the HIPAA accounting of
 * disclosures (45 CFR 164.528) in one table.
 *
 * Landscape: six columns of free text are unreadable at portrait width.
 * Everything the worker typed is placed in text nodes as plain strings, so
 * nothing in the data is read as markup.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { displayIsoDate, tablesWithWholeRows } from './form-parts.ts';
import { COLORS, contentWidth, renderPdf, roughLineCount, type PageFrame } from './pdf.ts';

export interface DisclosureRecordData {
  /** Letterhead. */
  organization: string;
  student: { name: string; /** YYYY-MM-DD */ dob: string | null; schoolStudentId: string | null };
  preparedBy: string;
  /** YYYY-MM-DD */
  preparedOn: string;
  disclosures: {
    /** YYYY-MM-DD */
    disclosedOn: string;
    recipient: string;
    purpose: string;
    /** Already plain labels. */
    categories: string[];
    /** e.g. "Student summary (3 pages)". */
    documents: string[];
    /** "Release LIA-R-7K2Q signed 2026-09-01" or "Exception: health or safety emergency — <reason>". */
    basis: string;
    disclosedBy: string;
  }[];
}

export const DISCLOSURE_RECORD_FORM_ID = 'LIA-DR v1';
export const DISCLOSURE_RECORD_TITLE = 'Record of disclosures';
export const DISCLOSURE_RECORD_CONFIDENTIALITY =
  'CONFIDENTIAL — contains personally identifiable information from a student’s education records, protected by FERPA (34 CFR Part 99) and state law. Do not disclose it further without consent.';

export const DISCLOSURE_COLUMNS = ['Date', 'Recipient', 'Purpose', 'Records disclosed', 'Legal basis', 'Disclosed by'] as const;

const FRAME = {
  organization: '',
  title: DISCLOSURE_RECORD_TITLE,
  formId: DISCLOSURE_RECORD_FORM_ID,
  confidentiality: DISCLOSURE_RECORD_CONFIDENTIALITY,
  orientation: 'landscape',
} as const satisfies PageFrame;

const TABLE_FONT = 9;
const HEADER_FILL = '#e6ecf3';

function intro(name: string): Content {
  return {
    text: [
      'This is the record of each disclosure of personally identifiable information from the education records of ',
      { text: name, bold: true },
      ' (34 CFR 99.32) and, for health information, the accounting of disclosures (45 CFR 164.528). ',
      'It is kept with the student’s education records for as long as those records are kept (34 CFR 99.32(a)), ',
      'and the parent or eligible student may see it on request (34 CFR 99.32(c)).',
    ],
    margin: [0, 0, 0, 10],
  };
}

function identification(data: DisclosureRecordData): Content {
  const cell = (label: string, value: string): TableCell => ({
    stack: [
      { text: label, fontSize: 8, color: COLORS.muted },
      { text: value || ' ', fontSize: 12, bold: true, margin: [0, 1, 0, 0] },
    ],
    margin: [6, 4, 6, 5],
  });
  return {
    table: {
      widths: ['*', 110, 130, 190],
      body: [
        [
          cell('Student', data.student.name),
          cell('Date of birth', data.student.dob ? displayIsoDate(data.student.dob) : '—'),
          cell('School student ID', data.student.schoolStudentId ?? '—'),
          { stack: [{ text: 'Prepared by', fontSize: 8, color: COLORS.muted }, { text: data.preparedBy || ' ', margin: [0, 1, 0, 0] }, { text: `on ${displayIsoDate(data.preparedOn)}`, fontSize: 9, color: COLORS.muted }], margin: [6, 4, 6, 5] },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule },
    margin: [0, 0, 0, 10],
  };
}

function recordsCell(categories: string[], documents: string[]): TableCell {
  const stack: Content[] = [];
  if (categories.length > 0) stack.push({ text: categories.join('; ') });
  for (const document of documents) stack.push({ text: document, color: COLORS.muted, margin: [0, 2, 0, 0] });
  return stack.length > 0 ? { stack } : { text: '—', color: COLORS.muted };
}

type Disclosure = DisclosureRecordData['disclosures'][number];

const WIDTH = contentWidth(FRAME);
const PADDING = { first: 2, side: 5 };
/**
 * Column widths as shares of the text width (paddings taken out first): the
 * recipient, with an address, gets the most; the date and "by" the least.
 */
const SHARES = { date: 0.085, recipient: 0.2, purpose: 0.17, records: 0.22, basis: 0.21, by: 0.115 };
const TEXT_WIDTH = WIDTH - PADDING.first - PADDING.side * 11;
const COLUMN = Object.fromEntries(Object.entries(SHARES).map(([key, share]) => [key, Math.floor(TEXT_WIDTH * share)])) as Record<keyof typeof SHARES, number>;

function row(d: Disclosure): TableCell[] {
  return [
    { text: displayIsoDate(d.disclosedOn), noWrap: true },
    { text: d.recipient },
    { text: d.purpose },
    recordsCell(d.categories, d.documents),
    { text: d.basis },
    { text: d.disclosedBy },
  ];
}

function headerRow(): TableCell[] {
  return DISCLOSURE_COLUMNS.map((title) => ({ text: title, bold: true, fontSize: 8.5, fillColor: HEADER_FILL, margin: [0, 2, 0, 2] }));
}

function table(body: TableCell[][], keepRowsWhole: boolean): Content {
  return {
    table: {
      headerRows: 1,
      // A row is one disclosure: split over two pages it reads as two. (Both options make the first row
      // unbreakable, so a row taller than a page goes in a table without them.)
      ...(keepRowsWhole ? { keepWithHeaderRows: 1, dontBreakRows: true } : {}),
      widths: [COLUMN.date, COLUMN.recipient, COLUMN.purpose, COLUMN.records, COLUMN.basis, COLUMN.by],
      body: [headerRow(), ...body],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.9 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? COLORS.ink : COLORS.rule),
      paddingLeft: (i: number) => (i === 0 ? PADDING.first : PADDING.side),
      paddingRight: () => PADDING.side,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
    fontSize: TABLE_FONT,
    lineHeight: 1.2,
  };
}

/** A generous guess at a row's height, from its longest column. */
function guessHeight(d: Disclosure): number {
  const lines = Math.max(
    roughLineCount(d.recipient, COLUMN.recipient, TABLE_FONT),
    roughLineCount(d.purpose, COLUMN.purpose, TABLE_FONT),
    [...d.categories, ...d.documents].reduce((n, text) => n + roughLineCount(text, COLUMN.records, TABLE_FONT), 0),
    roughLineCount(d.basis, COLUMN.basis, TABLE_FONT),
    roughLineCount(d.disclosedBy, COLUMN.by, TABLE_FONT),
  );
  return lines * TABLE_FONT * 1.2 * 1.2 + 12;
}

async function disclosureTables(data: DisclosureRecordData): Promise<Content[]> {
  if (data.disclosures.length === 0) {
    const empty: TableCell[] = [
      { text: 'No disclosures of this student’s records have been recorded.', colSpan: DISCLOSURE_COLUMNS.length, italics: true, color: COLORS.muted, margin: [0, 6, 0, 6] },
      ...DISCLOSURE_COLUMNS.slice(1).map((): TableCell => ''),
    ];
    return [table([empty], true)];
  }
  // Oldest first: the record reads in the order things happened. The sort is stable, so same-day entries keep their order.
  const sorted = [...data.disclosures].sort((a, b) => (a.disclosedOn < b.disclosedOn ? -1 : a.disclosedOn > b.disclosedOn ? 1 : 0));
  return tablesWithWholeRows(sorted, FRAME, guessHeight, (rows, keepRowsWhole) => table(rows.map(row), keepRowsWhole));
}

export async function disclosureRecord(data: DisclosureRecordData): Promise<Buffer> {
  const count = data.disclosures.length;
  const content: Content[] = [
    { text: data.organization, fontSize: 13, bold: true, color: COLORS.accent },
    { text: DISCLOSURE_RECORD_TITLE, fontSize: 17, bold: true, margin: [0, 4, 0, 2] },
    { text: 'FERPA record of disclosures (34 CFR 99.32) · HIPAA accounting of disclosures (45 CFR 164.528)', fontSize: 9, color: COLORS.muted, margin: [0, 0, 0, 10] },
    identification(data),
    intro(data.student.name),
    ...(count > 0 ? [{ text: count === 1 ? '1 disclosure, oldest first.' : `${count} disclosures, oldest first.`, fontSize: 9, color: COLORS.muted, margin: [0, 0, 0, 4] } satisfies Content] : []),
    ...(await disclosureTables(data)),
  ];
  const frame: PageFrame = { ...FRAME, organization: data.organization, about: data.student.name };
  return renderPdf(frame, content, { subject: DISCLOSURE_RECORD_TITLE });
}
