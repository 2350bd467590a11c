/**
 * The student summary shared with a recipient under a release or a legal
 * exception. It prints exactly the sections it is given, in that order: the
 * caller has already removed what the release does not cover, so this file
 * never decides what may be shared. The redisclosure notice is printed near
 * the top and again at the foot of the last page, where a recipient reading
 * to the end will meet it.
 *
 * Everything from the record is placed in text nodes as plain strings, so
 * nothing in it is read as markup.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { CONTENT_WIDTH, displayIsoDate, tablesWithWholeRows } from './form-parts.ts';
import { COLORS, renderPdfWithPageCount, roughLineCount, type PageFrame } from './pdf.ts';

type Margins = [number, number, number, number];

export type SummarySection =
  | { kind: 'programs'; rows: { program: string; status: string; dates: { label: string; /** YYYY-MM-DD */ on: string }[] }[] }
  | { kind: 'plans'; iep: boolean; plan504: boolean }
  | { kind: 'goals'; rows: { goal: string; owner: string | null; /** YYYY-MM-DD */ dueOn: string | null; status: string }[] }
  | {
      kind: 'notes';
      title: string;
      rows: { /** YYYY-MM-DD */ occurredOn: string; body: string; signedBy: string; addenda: { body: string; signedAt: string; signedBy: string }[] }[];
    };

export interface StudentSummaryData {
  organization: string;
  recipient: string;
  purpose: string;
  /** What allows it: release id and date, or the exception and its reason. */
  basis: string;
  preparedBy: string;
  /** YYYY-MM-DD */
  preparedOn: string;
  student: { name: string; preferredName: string | null; /** YYYY-MM-DD */ dob: string | null; grade: string | null; school: string | null };
  /** Sections included, in this order; the caller has already removed what the consent does not cover. */
  sections: SummarySection[];
  /** Printed prominently near the top and at the foot of the last page. */
  redisclosureNotice: string;
  /** Printed on every page. */
  confidentiality: string;
}

export const STUDENT_SUMMARY_FORM_ID = 'LIA-SS v1';
export const STUDENT_SUMMARY_TITLE = 'Student summary';
export const REDISCLOSURE_HEADING = 'Notice to the recipient';

export const SECTION_HEADINGS = { programs: 'Programs and services', plans: 'Education plans', goals: 'Plan goals' } as const;

/** What a section with nothing in it says, so an empty section reads as "none", not as "left out". */
export const EMPTY_SECTION = {
  programs: 'No program enrollments are recorded.',
  goals: 'No plan goals are recorded.',
  notes: 'No signed notes are recorded.',
} as const;

const FRAME = { orientation: 'portrait' } as const satisfies Pick<PageFrame, 'orientation'>;
const TABLE_FONT = 9.5;
const HEADER_FILL = '#e6ecf3';
const HEADING = { bold: true, fontSize: 11.5, color: COLORS.accent } as const;
const BOX_LAYOUT = { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule };

/** A section heading: marked so the frame never leaves it alone at the foot of a page. */
function sectionHeading(text: string): Content {
  return { text, ...HEADING, margin: [0, 14, 0, 5], headlineLevel: 1 };
}

/** A heading and a short block under it, kept on one page (so the heading needs no mark). */
function headed(title: string, body: Content): Content {
  return { stack: [{ text: title, ...HEADING, margin: [0, 14, 0, 5] }, body], unbreakable: true };
}

function emptyLine(text: string): Content {
  return { text, italics: true, color: COLORS.muted, margin: [0, 0, 0, 4] };
}

function letterhead(data: StudentSummaryData): Content[] {
  return [
    { text: data.organization, fontSize: 13, bold: true, color: COLORS.accent },
    { text: STUDENT_SUMMARY_TITLE, fontSize: 17, bold: true, margin: [0, 4, 0, 2] },
    { text: `Prepared by ${data.preparedBy} on ${displayIsoDate(data.preparedOn)}`, fontSize: 9, color: COLORS.muted, margin: [0, 0, 0, 10] },
  ];
}

/** The redisclosure notice, where it cannot be missed: ruled in the accent colour, on a light fill. */
function noticeBanner(text: string): Content {
  return {
    table: {
      widths: ['*'],
      body: [[{ stack: [{ text: REDISCLOSURE_HEADING, bold: true, margin: [0, 0, 0, 2] }, { text, fontSize: 9.5 }], fillColor: '#f3f6fa', margin: [8, 6, 8, 7] }]],
    },
    layout: { hLineWidth: () => 1.2, vLineWidth: (i: number) => (i === 0 ? 4 : 1.2), hLineColor: () => COLORS.accent, vLineColor: () => COLORS.accent },
    margin: [0, 0, 0, 10],
    unbreakable: true,
  };
}

function sharedBlock(data: StudentSummaryData): Content {
  const line = (label: string, value: string): TableCell[] => [
    { text: label, bold: true, color: COLORS.muted, fontSize: 9.5, margin: [0, 1, 0, 0] },
    { text: value || ' ' },
  ];
  return {
    table: { widths: [78, '*'], body: [line('Shared with', data.recipient), line('Purpose', data.purpose), line('Under', data.basis)] },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 6, paddingTop: () => 2, paddingBottom: () => 2 },
    margin: [0, 0, 0, 10],
  };
}

function identification(student: StudentSummaryData['student']): Content {
  const cell = (label: string, value: string | null, size = 11, colSpan = 1): TableCell => ({
    stack: [
      { text: label, fontSize: 8, color: COLORS.muted },
      { text: value || '—', fontSize: size, bold: Boolean(value), color: value ? COLORS.ink : COLORS.muted, margin: [0, 1, 0, 0] },
    ],
    margin: [6, 4, 6, 5],
    colSpan,
  });
  return {
    table: {
      widths: ['*', 130, 100],
      body: [
        [cell('Student', student.name, 12.5), cell('Preferred name', student.preferredName), cell('Date of birth', student.dob ? displayIsoDate(student.dob) : null)],
        [cell('School', student.school, 11, 2), '', cell('Grade', student.grade)],
      ],
    },
    layout: BOX_LAYOUT,
    margin: [0, 0, 0, 4],
  };
}

/**
 * A table of short records (programs, goals) with rows kept whole. The
 * section's title is its first header row: it moves to a new page with the
 * first record rather than stay behind alone, and repeats over the column
 * names on each page the table runs onto.
 */
function rowTable(title: string | null, columns: string[], widths: (number | '*')[], rows: TableCell[][], keepRowsWhole: boolean): Content {
  const titleRow: TableCell[] = title ? [{ text: title, ...HEADING, colSpan: columns.length, margin: [-2, 11, 0, 2] }, ...columns.slice(1).map((): TableCell => '')] : [];
  const header: TableCell[] = columns.map((name) => ({ text: name, bold: true, fontSize: 8.5, fillColor: HEADER_FILL, margin: [0, 1, 0, 1] }));
  const top = title ? 1 : 0;
  return {
    table: {
      headerRows: top + 1,
      ...(keepRowsWhole ? { keepWithHeaderRows: 1, dontBreakRows: true } : {}),
      widths,
      body: [...(title ? [titleRow] : []), header, ...rows],
    },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i < top ? 0 : i === top || i === top + 1 || i === node.table.body.length ? 0.9 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= top + 1 ? COLORS.ink : COLORS.rule),
      paddingLeft: (i: number) => (i === 0 ? 2 : 5),
      paddingRight: () => 5,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: TABLE_FONT,
    lineHeight: 1.2,
  };
}

const guess = (lines: number) => lines * TABLE_FONT * 1.45 + 8;

async function programs(section: Extract<SummarySection, { kind: 'programs' }>): Promise<Content[]> {
  if (section.rows.length === 0) return [headed(SECTION_HEADINGS.programs, emptyLine(EMPTY_SECTION.programs))];
  const widths: (number | '*')[] = ['*', 110, 170];
  const cells = (r: (typeof section.rows)[number]): TableCell[] => [
    { text: r.program, bold: true },
    { text: r.status },
    r.dates.length > 0
      ? {
          table: { widths: ['*', 'auto'], body: r.dates.map((d) => [{ text: d.label, color: COLORS.muted }, { text: displayIsoDate(d.on), noWrap: true }]) },
          // No padding of its own: the dates line up with the program and status beside them.
          layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: (i: number) => (i === 0 ? 8 : 0), paddingTop: () => 0, paddingBottom: () => 1 },
        }
      : { text: '—', color: COLORS.muted },
  ];
  const tables = await tablesWithWholeRows(
    section.rows,
    FRAME,
    (r) => guess(Math.max(roughLineCount(r.program, 200, TABLE_FONT), roughLineCount(r.status, 100, TABLE_FONT), r.dates.length)),
    (rows, whole, first) => rowTable(first ? SECTION_HEADINGS.programs : null, ['Program', 'Status', 'Dates'], widths, rows.map(cells), whole),
  );
  return tables;
}

function plans(section: Extract<SummarySection, { kind: 'plans' }>): Content[] {
  const line = (label: string, has: boolean): Content => ({
    columns: [
      { text: label, width: 260 },
      { text: has ? 'Yes' : 'No', bold: true, width: '*' },
    ],
    margin: [0, 1, 0, 1],
  });
  return [headed(SECTION_HEADINGS.plans, { stack: [line('Individualized Education Program (IEP)', section.iep), line('Section 504 plan', section.plan504)] })];
}

async function goals(section: Extract<SummarySection, { kind: 'goals' }>): Promise<Content[]> {
  if (section.rows.length === 0) return [headed(SECTION_HEADINGS.goals, emptyLine(EMPTY_SECTION.goals))];
  const widths: (number | '*')[] = ['*', 100, 64, 76];
  const cells = (g: (typeof section.rows)[number]): TableCell[] => [
    { text: g.goal },
    { text: g.owner || '—', color: g.owner ? COLORS.ink : COLORS.muted },
    { text: g.dueOn ? displayIsoDate(g.dueOn) : '—', noWrap: true },
    { text: g.status },
  ];
  const tables = await tablesWithWholeRows(
    section.rows,
    FRAME,
    (g) => guess(Math.max(roughLineCount(g.goal, CONTENT_WIDTH - 270, TABLE_FONT), roughLineCount(g.owner ?? '', 90, TABLE_FONT), roughLineCount(g.status, 66, TABLE_FONT))),
    (rows, whole, first) => rowTable(first ? SECTION_HEADINGS.goals : null, ['Goal', 'Owner', 'Due', 'Status'], widths, rows.map(cells), whole),
  );
  return tables;
}

/** Text as typed, a paragraph for each line she started (blank lines only separate), a little space between. */
function paragraphs(text: string): Content[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return (lines.length > 0 ? lines : [' ']).map((line, i, all) => ({ text: line, margin: [0, 0, 0, i === all.length - 1 ? 2 : 4] satisfies Margins }));
}

/** 'YYYY-MM-DD' or a full ISO timestamp, shown as a date. */
function displayDay(value: string): string {
  return displayIsoDate(/^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value);
}

function notes(section: Extract<SummarySection, { kind: 'notes' }>): Content[] {
  if (section.rows.length === 0) return [headed(section.title, emptyLine(EMPTY_SECTION.notes))];
  const out: Content[] = [sectionHeading(section.title)];
  section.rows.forEach((note, i) => {
    // The date line is a heading of its own: it stays with the start of its note. A long note may run onto the next page.
    out.push({
      text: [{ text: displayIsoDate(note.occurredOn), bold: true }, { text: `   Signed by ${note.signedBy || '—'}`, color: COLORS.muted, fontSize: 9 }],
      margin: [0, i === 0 ? 0 : 8, 0, 2] satisfies Margins,
      headlineLevel: 1,
    });
    out.push(...paragraphs(note.body));
    for (const addendum of note.addenda) {
      out.push({
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  { text: `Addendum · ${displayDay(addendum.signedAt)} · signed by ${addendum.signedBy || '—'}`, fontSize: 8.5, bold: true, color: COLORS.muted, margin: [0, 0, 0, 1] },
                  ...paragraphs(addendum.body),
                ],
              },
            ],
          ],
        },
        layout: { hLineWidth: () => 0, vLineWidth: (j: number) => (j === 0 ? 1.5 : 0), vLineColor: () => COLORS.rule, paddingLeft: () => 8, paddingTop: () => 1, paddingBottom: () => 1 },
        margin: [10, 3, 0, 2],
      });
    }
    if (i < section.rows.length - 1) {
      out.push({ canvas: [{ type: 'line', x1: 0, y1: 4, x2: CONTENT_WIDTH, y2: 4, lineWidth: 0.4, lineColor: COLORS.rule, dash: { length: 2, space: 2 } }], margin: [0, 4, 0, 0] });
    }
  });
  return out;
}

async function sectionContent(section: SummarySection): Promise<Content[]> {
  switch (section.kind) {
    case 'programs':
      return programs(section);
    case 'plans':
      return plans(section);
    case 'goals':
      return goals(section);
    case 'notes':
      return notes(section);
  }
}

export async function studentSummary(data: StudentSummaryData): Promise<{ bytes: Buffer; pages: number }> {
  const notice = data.redisclosureNotice.trim();
  const sections = (await Promise.all(data.sections.map(sectionContent))).flat();
  const content: Content[] = [
    ...letterhead(data),
    ...(notice ? [noticeBanner(notice)] : []),
    sharedBlock(data),
    identification(data.student),
    ...sections,
  ];
  const closing: Content = {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.6, lineColor: COLORS.rule }], margin: [0, 0, 0, 5] },
      { text: `End of summary. It holds only the parts of the record that the release or legal exception named above covers.`, fontSize: 8.5, color: COLORS.muted },
      { text: `Prepared by ${data.preparedBy} on ${displayIsoDate(data.preparedOn)}.`, fontSize: 8.5, color: COLORS.muted },
    ],
    margin: [0, 16, 0, 0],
  };
  const frame: PageFrame = {
    ...FRAME,
    organization: data.organization,
    title: STUDENT_SUMMARY_TITLE,
    formId: STUDENT_SUMMARY_FORM_ID,
    confidentiality: data.confidentiality,
    about: data.student.name,
    ...(notice ? { lastPageNotice: { title: REDISCLOSURE_HEADING, text: notice, closing } } : {}),
  };
  return renderPdfWithPageCount(frame, notice ? content : [...content, closing], { subject: STUDENT_SUMMARY_TITLE });
}
