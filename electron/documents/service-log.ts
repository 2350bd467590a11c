/**
 * The signed monthly service log for one program (CLTS or CCS): every
 * service entry in the month's export batch, by student, with subtotals, the
 * month's totals, and the worker's attestation with a supervisor's review
 * line. Billing staff file it with the export it was printed from.
 *
 * Landscape: ten columns (eight of them short codes and numbers) do not fit
 * at portrait width without wrapping the numbers. Everything from the
 * record is placed in text nodes as plain strings, so nothing in it is read
 * as markup.
 */
import type { Column, Content, ContentStack, ContentText, TableCell } from 'pdfmake/interfaces';
import { displayIsoDate, fieldLine, onLine, tablesWithWholeRows } from './form-parts.ts';
import { COLORS, contentWidth, renderPdfWithPageCount, roughLineCount, type PageFrame } from './pdf.ts';

type Margins = [number, number, number, number];

export interface ServiceLogEntry {
  /** YYYY-MM-DD, or a full ISO timestamp. */
  date: string;
  /** Already formatted: "9:00–9:40 AM" or "40 min". */
  time: string;
  activity: string;
  placeOfService: string;
  procedureCode: string;
  modifiers: string[];
  minutes: number;
  /** Billing units, in tenths at most (e.g. 1.5). */
  units: number;
  travelMinutes: number;
  documentationMinutes: number;
  authorizationNumber: string | null;
  narrative: string;
}

export interface ServiceLogData {
  /** Letterhead: district or county. */
  organization: string;
  /** 'CLTS' or 'CCS'. */
  program: string;
  /** YYYY-MM */
  month: string;
  worker: { name: string; providerId: string | null };
  /** Ties the paper to the export, e.g. "Batch 3F2A91C0 · exported 12/01/2026". */
  batchLabel: string;
  /** e.g. "Corrects voided batch 77AB…", when this log replaces a voided batch. */
  correctsBatch: string | null;
  includeNarratives: boolean;
  /** In the order they are to be printed. */
  students: { name: string; /** YYYY-MM-DD */ dob: string | null; medicaidId: string | null; entries: ServiceLogEntry[] }[];
  attestation: string;
}

export const SERVICE_LOG_FORM_ID = 'LIA-SL v1';
export const SERVICE_LOG_CONFIDENTIALITY =
  'CONFIDENTIAL — Contains protected health information of program participants (HIPAA, Wis. Stat. § 51.30). Do not share it further without legal authority.';
export const SERVICE_LOG_COLUMNS = ['Date', 'Time', 'Activity', 'Place of service', 'Code and modifiers', 'Service min.', 'Units', 'Travel min.', 'Doc. min.', 'Authorization'] as const;
export const SIGNATURE_CAPTIONS = {
  worker: 'Signature of worker',
  date: 'Date',
  printedName: 'Printed name',
  supervisor: 'Reviewed by (supervisor)',
  supervisorName: 'Printed name of supervisor',
} as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM' → 'November 2026'. Anything else is printed as given. */
export function displayMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month.trim());
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && name ? `${name} ${match[1]}` : month;
}

export function serviceLogTitle(program: string, month: string): string {
  return `${program} service log — ${displayMonth(month)}`;
}

/** Sums of a set of entries. Units are kept in tenths, as integers, so a sum never drifts (ten 0.1s make 1.0). */
interface Sums {
  entries: number;
  minutes: number;
  unitTenths: number;
  travel: number;
  documentation: number;
}

const NONE: Sums = { entries: 0, minutes: 0, unitTenths: 0, travel: 0, documentation: 0 };

/** A billing document must not round what it was given: units beyond tenths, or minutes that are not whole, are refused. */
function unitTenths(entry: ServiceLogEntry): number {
  const tenths = Math.round(entry.units * 10);
  if (!Number.isFinite(entry.units) || entry.units < 0 || Math.abs(entry.units * 10 - tenths) > 1e-6) {
    throw new Error(`A service entry on ${entry.date} has ${entry.units} units; units must be zero or more, in tenths at most.`);
  }
  for (const [label, value] of [['service', entry.minutes], ['travel', entry.travelMinutes], ['documentation', entry.documentationMinutes]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`A service entry on ${entry.date} has ${value} ${label} minutes; minutes must be a whole number, zero or more.`);
  }
  return tenths;
}

function add(sums: Sums, entry: ServiceLogEntry): Sums {
  return {
    entries: sums.entries + 1,
    minutes: sums.minutes + entry.minutes,
    unitTenths: sums.unitTenths + unitTenths(entry),
    travel: sums.travel + entry.travelMinutes,
    documentation: sums.documentation + entry.documentationMinutes,
  };
}

const count = (n: number) => n.toLocaleString('en-US');
/** Tenths as "12.5", "1,204.0": always one decimal, so a column of units lines up. */
const units = (tenths: number) => `${count(Math.floor(tenths / 10))}.${tenths % 10}`;
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** 'YYYY-MM-DD' or a full ISO timestamp, shown as a date. */
function displayDay(value: string): string {
  return displayIsoDate(/^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value);
}

const FRAME = { orientation: 'landscape' } as const satisfies Pick<PageFrame, 'orientation'>;
const WIDTH = contentWidth(FRAME);
const TABLE_FONT = 8.5;
const NARRATIVE_FONT = 8;
const HEADER_FILL = '#e6ecf3';
const BAND_FILL = '#f3f6fa';
const PAD = { first: 2, side: 4 };
/** Fixed widths for the short columns; the activity takes what is left. */
const FIXED = { date: 50, time: 66, pos: 70, code: 64, minutes: 34, units: 30, travel: 32, documentation: 32, authorization: 72 };
const ACTIVITY = WIDTH - Object.values(FIXED).reduce((a, b) => a + b, 0) - PAD.first - PAD.side * (2 * SERVICE_LOG_COLUMNS.length - 1);
const WIDTHS = [FIXED.date, FIXED.time, ACTIVITY, FIXED.pos, FIXED.code, FIXED.minutes, FIXED.units, FIXED.travel, FIXED.documentation, FIXED.authorization];
const COLUMNS = WIDTHS.length;
/** The narrative starts under the time column, so the dates stay a clean column to run down. */
const NARRATIVE_INDENT = PAD.first + FIXED.date + PAD.side * 2;

const padLeft = (i: number) => (i === 0 ? PAD.first : PAD.side);
const padRight = () => PAD.side;

const number = (text: string, bold = false): TableCell => ({ text, alignment: 'right', noWrap: true, bold });
const muted = (text: string) => ({ text, italics: true, color: COLORS.muted });

function entryCells(e: ServiceLogEntry): TableCell[] {
  return [
    { text: displayDay(e.date), noWrap: true },
    { text: e.time },
    { text: e.activity },
    { text: e.placeOfService },
    { text: [e.procedureCode, ...e.modifiers].filter((part) => part.trim() !== '').join(' ') },
    number(count(e.minutes)),
    number(units(unitTenths(e))),
    number(count(e.travelMinutes)),
    number(count(e.documentationMinutes)),
    e.authorizationNumber ? { text: e.authorizationNumber } : muted('None'),
  ];
}

function narrative(text: string): Content[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return [];
  return [{ stack: lines.map((line) => ({ text: line })), fontSize: NARRATIVE_FONT, lineHeight: 1.15, margin: [NARRATIVE_INDENT, 1, 0, 1] satisfies Margins }];
}

/** A one-row table with the section's widths and paddings, laid in a cell spanning every column. */
function nested(cells: TableCell[], lineAbove: boolean): Content {
  return {
    table: { widths: WIDTHS, body: [cells] },
    layout: {
      hLineWidth: (i: number) => (lineAbove && i === 0 ? 0.7 : 0),
      hLineColor: () => COLORS.ink,
      vLineWidth: () => 0,
      paddingLeft: padLeft,
      paddingRight: padRight,
      paddingTop: () => (lineAbove ? 3 : 0),
      paddingBottom: () => 0,
    },
    ...(lineAbove ? { margin: [0, 3, 0, 0] satisfies Margins } : {}),
  };
}

function subtotalCells(name: string, sums: Sums): TableCell[] {
  return [
    { text: `Subtotal for ${name} · ${plural(sums.entries, 'entry', 'entries')}`, colSpan: 5, bold: true },
    '',
    '',
    '',
    '',
    number(count(sums.minutes), true),
    number(units(sums.unitTenths), true),
    number(count(sums.travel), true),
    number(count(sums.documentation), true),
    '',
  ];
}

/** One table row spanning every column. */
function spanning(cell: ContentText | ContentStack): TableCell[] {
  return [{ ...cell, colSpan: COLUMNS }, ...Array.from({ length: COLUMNS - 1 }, (): TableCell => '')];
}

type Student = ServiceLogData['students'][number];
/** An entry; the last of a student's carries the subtotal. */
interface Row {
  entry: ServiceLogEntry;
  subtotal: Sums | null;
}

/**
 * One entry as one row of the section's table: its cells in a nested table
 * of the same widths, the narrative under them, and after the last entry the
 * subtotal. As separate rows, a page break could fall between an entry and
 * its narrative, or leave the subtotal alone on a page.
 */
function entryRow(row: Row, name: string, withNarrative: boolean): TableCell[] {
  const stack: Content[] = [nested(entryCells(row.entry), false), ...(withNarrative ? narrative(row.entry.narrative) : [])];
  if (row.subtotal) stack.push(nested(subtotalCells(name, row.subtotal), true));
  // The negative margin takes back the outer cell's padding, so the nested columns sit under the header's.
  return spanning({ stack, margin: [-PAD.first, 0, -PAD.side, 0] });
}

/** The student's name, date of birth and Medicaid ID: a header row, so it repeats on every page the section runs onto. */
function studentBand(s: Student): TableCell[] {
  const field = (label: string, value: string | null) => [
    { text: `${label} `, color: COLORS.muted, fontSize: 8.5 },
    { text: value ?? '—', bold: Boolean(value), color: value ? COLORS.ink : COLORS.muted },
  ];
  return spanning({
    text: [{ text: s.name, bold: true, fontSize: 11 }, '      ', ...field('DOB', s.dob ? displayIsoDate(s.dob) : null), '      ', ...field('Medicaid ID', s.medicaidId)],
    fillColor: BAND_FILL,
    fontSize: 9.5,
    margin: [2, 3, 0, 3],
  });
}

function headerRow(): TableCell[] {
  return SERVICE_LOG_COLUMNS.map((title, i) => ({ text: title, bold: true, fontSize: 8, fillColor: HEADER_FILL, alignment: i >= 5 && i <= 8 ? 'right' : 'left' }));
}

function sectionTable(s: Student, body: TableCell[][], keepRowsWhole: boolean): Content {
  return {
    table: {
      headerRows: 2,
      // An entry split over two pages reads as two. (Both options make the first row unbreakable, so a row taller than a page goes in a table without them.)
      ...(keepRowsWhole ? { keepWithHeaderRows: 1, dontBreakRows: true } : {}),
      widths: WIDTHS,
      body: [studentBand(s), headerRow(), ...body],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 ? 0 : i <= 2 || i === node.table.body.length ? 0.9 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number, node: { table: { body: unknown[] } }) => (i <= 2 || i === node.table.body.length ? COLORS.ink : COLORS.rule),
      paddingLeft: padLeft,
      paddingRight: padRight,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: TABLE_FONT,
    lineHeight: 1.15,
    margin: [0, 0, 0, 14],
  };
}

/** A generous guess at an entry's height: only entries near a page tall are measured. */
function guessHeight(row: Row, withNarratives: boolean): number {
  const e = row.entry;
  const cells = Math.max(roughLineCount(e.activity, ACTIVITY, TABLE_FONT), roughLineCount(e.time, FIXED.time, TABLE_FONT), roughLineCount(e.placeOfService, FIXED.pos, TABLE_FONT));
  const story = withNarratives ? roughLineCount(e.narrative, WIDTH - NARRATIVE_INDENT, NARRATIVE_FONT) : 0;
  return cells * TABLE_FONT * 1.4 + story * NARRATIVE_FONT * 1.4 + (row.subtotal ? 20 : 0) + 12;
}

async function studentSection(s: Student, withNarratives: boolean): Promise<Content[]> {
  if (s.entries.length === 0) return [sectionTable(s, [spanning(muted(`No service entries for ${s.name} this month.`))], true)];
  // Oldest first; the sort is stable, so same-day entries keep the order they were given in.
  const entries = [...s.entries].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sums = entries.reduce(add, NONE);
  const rows = entries.map((entry, i): Row => ({ entry, subtotal: i === entries.length - 1 ? sums : null }));
  return tablesWithWholeRows(rows, FRAME, (row) => guessHeight(row, withNarratives), (part, whole) =>
    sectionTable(s, part.map((row) => entryRow(row, s.name, withNarratives)), whole),
  );
}

function letterhead(data: ServiceLogData): Content[] {
  const provider = data.worker.providerId ? `Provider ID ${data.worker.providerId}` : 'Provider ID not on file';
  const out: Content[] = [
    { text: data.organization, fontSize: 13, bold: true, color: COLORS.accent },
    { text: serviceLogTitle(data.program, data.month), fontSize: 17, bold: true, margin: [0, 4, 0, 3] },
    { text: [{ text: 'Worker ', color: COLORS.muted }, { text: data.worker.name, bold: true }, { text: `   ·   ${provider}` }], margin: [0, 0, 0, 1] },
    { text: data.batchLabel, fontSize: 8.5, color: COLORS.muted, margin: [0, 0, 0, 8] },
  ];
  if (data.correctsBatch) {
    out.push({
      table: {
        widths: ['*'],
        body: [[{ text: [{ text: data.correctsBatch, bold: true }, ' — this log replaces the one printed for that batch.'], fillColor: BAND_FILL, margin: [6, 3, 6, 4] }]],
      },
      layout: { hLineWidth: () => 1, vLineWidth: (i: number) => (i === 0 ? 4 : 1), hLineColor: () => COLORS.accent, vLineColor: () => COLORS.accent },
      margin: [0, 0, 0, 8],
    });
  }
  return out;
}

/** The abbreviations the columns use, spelled out (DHS 36 asks for a legend with the record). */
function legend(): Content {
  return {
    text:
      'Service min. are billable service minutes; units follow the program’s rounding rule. Travel and documentation minutes (Doc. min.) are recorded separately and are not billed as service. ' +
      'Authorization is the prior authorization the entry is billed under. Entries are listed oldest first.',
    fontSize: 8,
    color: COLORS.muted,
    margin: [0, 0, 0, 10],
  };
}

function totalsBlock(data: ServiceLogData, sums: Sums): Content {
  const cell = (label: string, value: string): TableCell => ({
    stack: [
      { text: label, fontSize: 8, color: COLORS.muted },
      { text: value, fontSize: 13, bold: true, margin: [0, 1, 0, 0] },
    ],
    margin: [6, 4, 6, 5],
  });
  return {
    stack: [
      { text: `Month totals — ${data.program}, ${displayMonth(data.month)}`, bold: true, fontSize: 11.5, color: COLORS.accent, margin: [0, 0, 0, 4] },
      {
        table: {
          widths: ['*', '*', '*', '*', '*', '*'],
          body: [
            [
              cell('Students', count(data.students.length)),
              cell('Entries', count(sums.entries)),
              cell('Service minutes', count(sums.minutes)),
              cell('Units', units(sums.unitTenths)),
              cell('Travel minutes', count(sums.travel)),
              cell('Documentation minutes', count(sums.documentation)),
            ],
          ],
        },
        layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule },
      },
      // The batch again, so the page that is signed names the export it vouches for.
      {
        columns: [
          { text: sums.entries > 0 ? 'The totals are the sums of the entries listed in this log.' : ' ', width: '*' },
          { text: data.batchLabel, width: 'auto', alignment: 'right' },
        ],
        columnGap: 12,
        fontSize: 8,
        color: COLORS.muted,
        margin: [0, 3, 0, 0],
      },
    ],
  };
}

/** The worker's attestation and both signature blocks, side by side: the worker signs, the supervisor reviews. */
function signatures(data: ServiceLogData): Content {
  const gap = 48;
  const half = (WIDTH - gap) / 2;
  const dateWidth = 96;
  const line = 34;
  const block = (signature: string, name: string, typedName: string | null): Column => ({
    width: half,
    stack: [
      { columns: [fieldLine(half - dateWidth - 16, signature, undefined, line), fieldLine(dateWidth, SIGNATURE_CAPTIONS.date, undefined, line)], columnGap: 16 },
      { columns: [fieldLine(half - dateWidth - 16, name, typedName ? onLine(typedName, 26) : undefined, 26)], margin: [0, 6, 0, 0] },
    ],
  });
  return {
    stack: [
      { text: 'Attestation', bold: true, fontSize: 11.5, color: COLORS.accent, margin: [0, 16, 0, 4] },
      { text: data.attestation, fontSize: 9.5 },
      {
        columns: [block(SIGNATURE_CAPTIONS.worker, SIGNATURE_CAPTIONS.printedName, data.worker.name), block(SIGNATURE_CAPTIONS.supervisor, SIGNATURE_CAPTIONS.supervisorName, null)],
        columnGap: gap,
        margin: [0, 8, 0, 0],
      },
    ],
  };
}

export async function serviceLog(data: ServiceLogData): Promise<{ bytes: Buffer; pages: number }> {
  const withNarratives = data.includeNarratives;
  // Grand totals come from the entries themselves, not from the printed subtotals.
  const sums = data.students.flatMap((s) => s.entries).reduce(add, NONE);
  const title = serviceLogTitle(data.program, data.month);
  const body: Content[] =
    sums.entries === 0
      ? [{ text: `No ${data.program} services are recorded for ${displayMonth(data.month)} in this batch.`, fontSize: 11, margin: [0, 6, 0, 10] }]
      : [legend(), ...(await Promise.all(data.students.map((s) => studentSection(s, withNarratives)))).flat()];
  // The totals stay on the page the worker signs, so she attests to figures she can see.
  const closing: Content = { stack: [totalsBlock(data, sums), signatures(data)], unbreakable: true, margin: [0, 6, 0, 0] };
  const frame: PageFrame = {
    ...FRAME,
    organization: data.organization,
    title,
    formId: SERVICE_LOG_FORM_ID,
    confidentiality: SERVICE_LOG_CONFIDENTIALITY,
    about: data.worker.name,
  };
  return renderPdfWithPageCount(frame, [...letterhead(data), ...body, closing], { subject: title });
}
