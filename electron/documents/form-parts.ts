/**
 * Pieces shared by the signed forms (release of information, Medicaid
 * consent): dates as people read them, fill-in-the-blank sentences, check
 * boxes, and signature, name and date lines.
 *
 * Everything the family or the worker typed is placed in a text node as a
 * plain string: pdfmake prints strings as they are, so nothing in the data is
 * ever read as markup or as template syntax.
 */
import type { Column, Content, ContentText } from 'pdfmake/interfaces';
import { COLORS, bodyHeight, measureHeight, type PageFrame } from './pdf.ts';

type Margins = [number, number, number, number];
type Inline = string | ContentText;

/** Letter width (612pt) less the left and right margins pdf.ts sets (72 + 54). */
export const CONTENT_WIDTH = 486;

/** 'YYYY-MM-DD' → 'MM/DD/YYYY'. Anything else is printed as given. */
export function displayIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  return match ? `${match[2]}/${match[3]}/${match[1]}` : iso;
}

/**
 * Fills {placeholders} in a template sentence, in one pass, returning text
 * runs for pdfmake. Values are never scanned again, so a name containing
 * "{student}" prints as it is. An unknown placeholder prints literally.
 */
export function fill(template: string, values: Record<string, Inline | Inline[]>): Inline[] {
  const out: Inline[] = [];
  const pattern = /\{(\w+)\}/g;
  let last = 0;
  for (let match = pattern.exec(template); match; match = pattern.exec(template)) {
    const value = values[match[1] ?? ''];
    if (value === undefined) continue;
    if (match.index > last) out.push(template.slice(last, match.index));
    if (Array.isArray(value)) out.push(...value);
    else out.push(value);
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/**
 * How a list's items are joined: "A, B and C"; or, when an item has a comma
 * or an "and" of its own, "A; B and C; and D" so each item stays readable.
 */
function separators(items: readonly string[], and: string): { between: string; last: string } {
  const nested = items.some((item) => item.includes(',') || item.includes(` ${and} `));
  return { between: nested ? '; ' : ', ', last: nested && items.length > 2 ? `; ${and} ` : ` ${and} ` };
}

export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items[0] ?? '';
  const { between, last } = separators(items, and);
  return `${items.slice(0, -1).join(between)}${last}${items[items.length - 1]}`;
}

/** Same as joinList, with each item in bold, as text runs. */
export function joinListBold(items: readonly string[], and: string): Inline[] {
  const { between, last } = separators(items, and);
  const out: Inline[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? last : between);
    out.push({ text: item, bold: true });
  });
  return out;
}

export function heading(text: string, margin: Margins = [0, 12, 0, 4]): Content {
  return { text, bold: true, fontSize: 11.5, color: COLORS.accent, margin };
}

/** A box, checked or empty, then its label. */
export function checkItem(label: Inline[] | string, checked: boolean, margin: Margins = [0, 2, 0, 2]): Content {
  const box = { type: 'rect' as const, x: 0, y: 2.5, w: 9, h: 9, lineWidth: 0.8, lineColor: COLORS.ink };
  const tick = {
    type: 'polyline' as const,
    points: [
      { x: 1.8, y: 7 },
      { x: 3.9, y: 9.4 },
      { x: 7.6, y: 4 },
    ],
    lineWidth: 1.3,
    lineColor: COLORS.ink,
  };
  return {
    columns: [
      { canvas: checked ? [box, tick] : [box], width: 16 },
      { text: label, width: '*' },
    ],
    margin,
  };
}

/**
 * A line to write on, with its caption underneath. `overlay` is printed just
 * above the line (a typed name, or an on-screen signature) without moving it.
 */
export function fieldLine(width: number, caption: string, overlay?: Content, height = 30): Column {
  const stack: Content[] = [];
  if (overlay) stack.push(overlay);
  stack.push({ canvas: [{ type: 'line', x1: 0, y1: height, x2: width, y2: height, lineWidth: 0.7, lineColor: COLORS.ink }] });
  stack.push({ text: caption, fontSize: 8, color: COLORS.muted, margin: [0, 2, 0, 0] });
  return { stack, width };
}

/** Text sitting on a field line drawn by fieldLine(…, height). */
export function onLine(text: string, height = 30): Content {
  return { text, relativePosition: { x: 2, y: height - 14 }, fontSize: 10.5 };
}

/**
 * A table whose rows must not split over pages, as one or more tables.
 * pdfmake drops whatever does not fit of an unbreakable row taller than a
 * page, so such a row (flagged by a generous guess, then measured) gets a
 * table of its own that may split; the other rows stay whole.
 */
export async function tablesWithWholeRows<T>(
  rows: readonly T[],
  frame: Pick<PageFrame, 'orientation'>,
  guessHeight: (row: T) => number,
  table: (rows: T[], keepRowsWhole: boolean, first: boolean) => Content,
): Promise<Content[]> {
  // Room for the repeated header row above it.
  const limit = bodyHeight(frame) - 40;
  const tall = await Promise.all(rows.map(async (row) => guessHeight(row) >= limit / 2 && (await measureHeight(table([row], false, false), frame)) > limit));
  const runs: { rows: T[]; breakable: boolean }[] = [];
  rows.forEach((row, i) => {
    const breakable = tall[i] === true;
    const last = runs[runs.length - 1];
    if (last && !breakable && !last.breakable) last.rows.push(row);
    else runs.push({ rows: [row], breakable });
  });
  return runs.map((run, i) => table(run.rows, !run.breakable, i === 0));
}

export function pngDataUrl(png: Uint8Array): string {
  const magic = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 8 || magic.some((byte, i) => png[i] !== byte)) throw new Error('The signature image is not a PNG file.');
  return `data:image/png;base64,${Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString('base64')}`;
}
