/**
 * A provider's vetting checklist on paper: one completed evaluation (every
 * criterion with its rating and evidence, the verdict and why), or, with no
 * evaluation, a blank checklist to fill in by hand on a site visit.
 *
 * Provider names and checklist text are not student information, so no
 * confidentiality line is printed. Everything typed is placed in text nodes
 * as plain strings, so nothing in the data is read as markup.
 */
import type { CanvasElement, Column, Content, TableCell } from 'pdfmake/interfaces';
import { displayIsoDate, fieldLine } from './form-parts.ts';
import { COLORS, contentWidth, renderPdf, type PageFrame } from './pdf.ts';

export type CriterionKindName = 'must' | 'nice';

export interface ProviderChecklistData {
  /** Letterhead. */
  organization: string;
  provider: { name: string; location: string; services: string[] };
  template: {
    name: string;
    version: number;
    source: string;
    verdictRule: string;
    /** In template order: what a blank checklist lists. */
    criteria: { text: string; kind: CriterionKindName }[];
  };
  /** Null: a blank checklist to fill in by hand. */
  evaluation: {
    completedBy: string;
    /** YYYY-MM-DD */
    completedOn: string;
    /** In template order. */
    criteria: { text: string; kind: CriterionKindName; /** A label, e.g. "Agree"; null when not rated. */ rating: string | null; evidence: string }[];
    /** A label, e.g. "Meets"; null when there is no verdict yet. */
    verdict: string | null;
    overridden: boolean;
    overrideReason: string | null;
    explanation: string;
    total: number;
    maxTotal: number;
  } | null;
}

export const PROVIDER_CHECKLIST_FORM_ID = 'LIA-PC v1';
export const PROVIDER_CHECKLIST_TITLE = 'Provider checklist';
/** The five ratings, lowest to highest, as the blank checklist offers them. */
export const RATING_CHOICES = ['Strongly disagree', 'Disagree', 'No evidence', 'Agree', 'Strongly agree'] as const;
export const VERDICT_CHOICES = ['Does not meet', 'Meets', 'Exceeds'] as const;
export const BLANK_INSTRUCTIONS =
  'Rate each criterion by checking one box, and write what you saw or were told that supports the rating. Every rating but “No evidence” needs its evidence.';
export const KIND_HEADINGS: Record<CriterionKindName, string> = { must: 'Must-have criteria', nice: 'Nice-to-have criteria' };

const FRAME = { organization: '', title: PROVIDER_CHECKLIST_TITLE, formId: PROVIDER_CHECKLIST_FORM_ID, orientation: 'portrait' } as const satisfies PageFrame;
const WIDTH = contentWidth(FRAME);
const TABLE_FONT = 9;
const HEADER_FILL = '#e6ecf3';
const PADDING = 5;
const NUMBER_WIDTH = 14;
const RATING_WIDTH = 92;
const EVIDENCE_WIDTH = 170;
const CRITERION_WIDTH = WIDTH - NUMBER_WIDTH - RATING_WIDTH - EVIDENCE_WIDTH - PADDING * 8;
/** Lines to write the evidence on, in a blank checklist. */
const EVIDENCE_LINES = 4;
const WRITING_LINE = 15;

const boxed = { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule };

/** Roboto has no ballot box (☐), so the boxes are drawn. */
function choice(label: string, size = TABLE_FONT - 0.5, width: 'auto' | '*' = '*'): Column {
  const side = Math.round(size * 0.8);
  const box: CanvasElement = { type: 'rect', x: 0, y: size * 0.17, w: side, h: side, lineWidth: 0.7, lineColor: COLORS.ink };
  return { columns: [{ canvas: [box], width: side + 4 }, { text: label, width: 'auto', fontSize: size }], columnGap: 0, margin: [0, 0, 0, 2], width };
}

function writingLines(count: number, width: number): Content {
  const lines: CanvasElement[] = Array.from({ length: count }, (_, i) => ({
    type: 'line',
    x1: 0,
    y1: (i + 1) * WRITING_LINE,
    x2: width,
    y2: (i + 1) * WRITING_LINE,
    lineWidth: 0.5,
    lineColor: COLORS.rule,
  }));
  return { canvas: lines };
}

type Row = { text: string; rating: string | null; evidence: string } | { text: string; blank: true };

function row(r: Row, n: number): TableCell[] {
  const number: TableCell = { text: `${n}.`, color: COLORS.muted };
  if ('blank' in r) return [number, { text: r.text }, { stack: RATING_CHOICES.map((label) => choice(label)) }, writingLines(EVIDENCE_LINES, EVIDENCE_WIDTH)];
  return [
    number,
    { text: r.text },
    r.rating ? { text: r.rating, bold: true } : { text: 'Not rated', italics: true, color: COLORS.muted },
    r.evidence.trim() ? { text: r.evidence } : { text: '—', color: COLORS.muted },
  ];
}

function criteriaTable(kind: CriterionKindName, rows: Row[], first: number): Content[] {
  if (rows.length === 0) return [];
  const header: TableCell[] = ['', 'Criterion', 'Rating', 'Evidence'].map((title) => ({ text: title, bold: true, fontSize: 8.5, fillColor: HEADER_FILL, margin: [0, 1, 0, 1] }));
  return [
    { text: KIND_HEADINGS[kind], bold: true, fontSize: 11.5, color: COLORS.accent, margin: [0, 10, 0, 4], headlineLevel: 1 },
    {
      table: {
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        widths: [NUMBER_WIDTH, CRITERION_WIDTH, RATING_WIDTH, EVIDENCE_WIDTH],
        body: [header, ...rows.map((r, i) => row(r, first + i))],
      },
      layout: {
        hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.9 : 0.4),
        vLineWidth: () => 0,
        hLineColor: (i: number) => (i <= 1 ? COLORS.ink : COLORS.rule),
        paddingLeft: () => PADDING,
        paddingRight: () => PADDING,
        paddingTop: () => 4,
        paddingBottom: () => 4,
      },
      fontSize: TABLE_FONT,
      lineHeight: 1.2,
    },
  ];
}

function tables(rows: (Row & { kind: CriterionKindName })[]): Content[] {
  const must = rows.filter((r) => r.kind === 'must');
  const nice = rows.filter((r) => r.kind === 'nice');
  return [...criteriaTable('must', must, 1), ...criteriaTable('nice', nice, must.length + 1)];
}

function verdictBox(data: ProviderChecklistData): Content {
  const e = data.evaluation;
  const rule: Content = { text: [{ text: 'Verdict rule: ', bold: true }, data.template.verdictRule], fontSize: 8.5, color: COLORS.muted, margin: [0, 6, 0, 0] };
  const stack: Content[] = [{ text: 'Verdict', fontSize: 8, color: COLORS.muted }];
  if (e) {
    stack.push({
      text: [
        { text: e.verdict ?? 'No verdict yet', fontSize: 14, bold: true },
        { text: e.overridden ? '   set by hand' : '', fontSize: 9, color: COLORS.muted },
        { text: `   ${e.total} of ${e.maxTotal} points`, fontSize: 9, color: COLORS.muted },
      ],
      margin: [0, 1, 0, 3],
    });
    stack.push({ text: e.explanation });
    if (e.overridden && e.overrideReason) stack.push({ text: [{ text: 'Reason for setting the verdict by hand: ', bold: true }, e.overrideReason], margin: [0, 4, 0, 0] });
    stack.push(rule);
  } else {
    stack.push({ columns: VERDICT_CHOICES.map((label) => choice(label, 10.5, 'auto')), columnGap: 24, margin: [0, 4, 0, 2] });
    stack.push(rule);
    stack.push({ text: 'If the verdict is set by hand, the reason:', fontSize: 9, margin: [0, 8, 0, 0] });
    stack.push(writingLines(2, WIDTH - 16));
  }
  return { table: { widths: ['*'], body: [[{ stack, margin: [6, 5, 6, 7] }]] }, layout: boxed, margin: [0, 14, 0, 0], unbreakable: true };
}

function completion(data: ProviderChecklistData): Content {
  const e = data.evaluation;
  const sign: Content = {
    columns: [fieldLine(300, 'Reviewer signature'), fieldLine(140, 'Date')],
    columnGap: 46,
    margin: [0, 6, 0, 0],
  };
  if (e) {
    return {
      stack: [{ text: ['Completed by ', { text: e.completedBy, bold: true }, ' on ', { text: displayIsoDate(e.completedOn), bold: true }, '.'], margin: [0, 12, 0, 0] }, sign],
      unbreakable: true,
    };
  }
  return { stack: [{ columns: [fieldLine(300, 'Completed by'), fieldLine(140, 'Completed on')], columnGap: 46, margin: [0, 4, 0, 0] }, sign], unbreakable: true };
}

export async function providerChecklist(data: ProviderChecklistData): Promise<Buffer> {
  const e = data.evaluation;
  const rows: (Row & { kind: CriterionKindName })[] = e
    ? e.criteria.map((c) => ({ kind: c.kind, text: c.text, rating: c.rating, evidence: c.evidence }))
    : data.template.criteria.map((c) => ({ kind: c.kind, text: c.text, blank: true as const }));
  const about = [data.provider.location.trim(), data.provider.services.length > 0 ? `Services: ${data.provider.services.join(', ')}` : ''].filter(Boolean).join(' · ');
  const content: Content[] = [
    ...(data.organization.trim() ? [{ text: data.organization, fontSize: 13, bold: true, color: COLORS.accent } satisfies Content] : []),
    { text: `${PROVIDER_CHECKLIST_TITLE} — ${data.provider.name}`, fontSize: 17, bold: true, margin: [0, 4, 0, 2] },
    ...(about ? [{ text: about, fontSize: 9.5, margin: [0, 0, 0, 2] } satisfies Content] : []),
    {
      text: `${data.template.name}, version ${data.template.version} · Source: ${data.template.source}`,
      fontSize: 8.5,
      color: COLORS.muted,
      margin: [0, 0, 0, 4],
    },
    ...(e
      ? []
      : [
          {
            text: BLANK_INSTRUCTIONS,
            fontSize: 9,
            margin: [0, 2, 0, 0],
          } satisfies Content,
        ]),
    ...tables(rows),
    verdictBox(data),
    completion(data),
  ];
  return renderPdf({ ...FRAME, organization: data.organization, about: data.provider.name }, content, { subject: `${data.template.name} — ${data.provider.name}` });
}
