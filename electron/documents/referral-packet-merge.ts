/**
 * Merging a referral packet: the pages pdfmake rendered, the scanned consent
 * and the attachments, in one PDF, every page stamped with the
 * confidentiality line and "Page i of n" counted across the whole file.
 *
 * Pages of a PDF are copied as they are (their content streams and images
 * are never decoded or re-rasterized), which keeps a 20-page scan fast and
 * exact. A copied page is shrunk a little, as vectors, to free a strip at its
 * foot for the stamp, so the stamp never covers part of a signed form.
 */
import { isFileOfType, type FileMime } from '../shared/domain/file-types.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  clip,
  concatTransformationMatrix,
  degrees,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  type PDFFont,
  type PDFImage,
  type PDFPage,
} from 'pdf-lib';

const require = createRequire(import.meta.url);

export type { FileMime };

/** The most a packet may weigh, its files together: past this, send it in two, or with lighter scans. */
export const MAX_PACKET_BYTES = 60 * 1024 * 1024;

const MIME_NAMES: Record<FileMime, string> = { 'application/pdf': 'a PDF file', 'image/png': 'a PNG image', 'image/jpeg': 'a JPEG image' };

/** One part of the packet, ready to merge: a loaded PDF, or an image that gets a page of its own. */
export type LoadedPart =
  | { title: string; kind: 'pdf'; /** pdfmake's own pages get no band and are not shrunk. */ rendered: boolean; doc: PDFDocument; pages: number }
  | { title: string; kind: 'image'; mime: 'image/png' | 'image/jpeg'; bytes: Uint8Array; pages: 1 };

/** Checks a file against its type and, for a PDF, that it can be read and copied. `what` names it in a message. */
export async function loadFilePart(title: string, what: string, mime: FileMime, bytes: Uint8Array): Promise<LoadedPart> {
  if (!isFileOfType(bytes, mime)) throw new Error(`${what} is not ${MIME_NAMES[mime]}, though it is labelled as one. Check the file and attach it again.`);
  if (mime !== 'application/pdf') return { title, kind: 'image', mime, bytes, pages: 1 };
  const doc = await loadPdf(bytes, what);
  const pages = doc.getPageCount();
  if (pages === 0) throw new Error(`${what} has no pages. Check the file and attach it again.`);
  return { title, kind: 'pdf', rendered: false, doc, pages };
}

async function loadPdf(bytes: Uint8Array, what: string): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    // Loaded even when encrypted, to say so: pdf-lib cannot decrypt, and would copy its streams as gibberish.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch (error) {
    throw new Error(`${what} could not be read as a PDF. Check the file and attach it again.`, { cause: error });
  }
  if (doc.isEncrypted) {
    throw new Error(`${what} is a password-protected (encrypted) PDF, which cannot be copied into the packet. Save an unprotected copy and attach that.`);
  }
  return doc;
}

/** A PDF pdfmake rendered for the packet, whose frame left the footer blank for the stamp. */
export async function loadRenderedPart(title: string, bytes: Uint8Array): Promise<LoadedPart> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { title, kind: 'pdf', rendered: true, doc, pages: doc.getPageCount() };
}

/* ---------- geometry ---------- */

/** A PDF transformation matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
type Matrix = [number, number, number, number, number, number];

/** The matrix that applies `first`, then `then`. */
function multiply(first: Matrix, then: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [A, B, C, D, E, F] = then;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

function apply([a, b, c, d, e, f]: Matrix, x: number, y: number): [number, number] {
  return [a * x + c * y + e, b * x + d * y + f];
}

/**
 * A page as a reader sees it: its visible box turned by /Rotate. `toUser` maps
 * that upright view (origin at its bottom left) into the page's own space, so
 * the stamp sits at the foot of the page as displayed, whatever the rotation.
 */
interface View {
  width: number;
  height: number;
  toUser: Matrix;
}

function viewOf(page: PDFPage): View {
  const { x, y, width: w, height: h } = page.getCropBox();
  const turn = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  switch (turn) {
    case 90:
      return { width: h, height: w, toUser: [0, 1, -1, 0, x + w, y] };
    case 180:
      return { width: w, height: h, toUser: [-1, 0, 0, -1, x + w, y + h] };
    case 270:
      return { width: h, height: w, toUser: [0, -1, 1, 0, x, y + h] };
    default:
      return { width: w, height: h, toUser: [1, 0, 0, 1, x, y] };
  }
}

/* ---------- the stamp ---------- */

const INK = rgb(0.333, 0.333, 0.333);
const RULE = rgb(0.6, 0.6, 0.6);
const LETTER_WIDTH = 612;
/** The same hole-punch margins as pdf.ts, and the edge most printers cannot reach. */
const MARGIN_LEFT = 72;
const MARGIN_RIGHT = 54;
const PRINTER_EDGE = 18;
const NOTICE_SIZE = 7.5;
const NOTICE_LEADING = 10;
const LABEL_SIZE = 8;

export interface StampText {
  confidentiality: string;
  /** Left of "Page i of n", before the part's title: what the packet is and whom it is about, so a loose page can be filed again. */
  label: string;
}

let robotoBytes: Uint8Array | null = null;

/**
 * Roboto, as pdfmake ships it: it covers Vietnamese and Hmong spellings. It
 * is subset safely by @pdf-lib/fontkit 1.1.1, whose subsetter mishandles
 * fonts with long-format `loca` tables; Roboto's is short, every glyph even.
 */
function roboto(): Uint8Array {
  robotoBytes ??= readFileSync(path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto', 'Roboto-Regular.ttf'));
  return robotoBytes;
}

/**
 * Measures text at size 1, remembering each piece: laying text out runs the
 * font's kerning tables, and a stamp on every page of a long scan asks for
 * the same words again and again.
 */
class Measure {
  readonly font: PDFFont;
  private readonly widths = new Map<string, number>();

  constructor(font: PDFFont) {
    this.font = font;
  }

  width(text: string, size: number): number {
    let width = this.widths.get(text);
    if (width === undefined) {
      width = this.font.widthOfTextAtSize(text, 1);
      this.widths.set(text, width);
    }
    return width * size;
  }

  /** Lines no wider than `width`, broken between words (inside a word only when it alone is too wide). */
  wrap(text: string, size: number, width: number): string[] {
    const space = this.width(' ', size);
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line: string[] = [];
      let lineWidth = 0;
      for (let word of paragraph.split(/\s+/).filter(Boolean)) {
        const wordWidth = this.width(word, size);
        if (line.length > 0 && lineWidth + space + wordWidth <= width) {
          line.push(word);
          lineWidth += space + wordWidth;
          continue;
        }
        if (line.length > 0) lines.push(line.join(' '));
        while (this.width(word, size) > width && word.length > 1) {
          const head = this.fit(word, size, width);
          lines.push(head);
          word = word.slice(head.length);
        }
        line = [word];
        lineWidth = this.width(word, size);
      }
      if (line.length > 0) lines.push(line.join(' '));
    }
    return lines;
  }

  /** The longest start of `text` (at least one character) no wider than `width`. */
  private fit(text: string, size: number, width: number): string {
    let low = 1;
    let high = text.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.font.widthOfTextAtSize(text.slice(0, mid), size) <= width) low = mid;
      else high = mid - 1;
    }
    return text.slice(0, low);
  }

  /** Text cut to a width, ending in "…" when it had to be cut. */
  ellipsize(text: string, size: number, width: number): string {
    if (this.width(text, size) <= width) return text;
    const room = width - this.width('…', size);
    return room > 0 ? `${this.fit(text, size, room).trimEnd()}…` : '';
  }
}

/**
 * Where the stamp goes on a page of a given view: sizes scale with the page
 * (a scan saved at one point per pixel is several times Letter, and is printed
 * shrunk to it), so the stamp prints the same size on every sheet.
 */
interface StampLayout {
  scale: number;
  left: number;
  width: number;
  lines: string[];
  /** Baseline of "Page i of n" and the label. */
  labelBaseline: number;
  /** Top of the strip the stamp needs, from the foot of the page. */
  top: number;
}

function layoutStamp(view: { width: number; height: number }, text: StampText, measure: Measure): StampLayout {
  const scale = Math.min(5, Math.max(0.6, Math.min(view.width, view.height) / LETTER_WIDTH));
  const left = MARGIN_LEFT * scale;
  const width = view.width - left - MARGIN_RIGHT * scale;
  const lines = measure.wrap(text.confidentiality, NOTICE_SIZE * scale, width);
  const labelBaseline = (PRINTER_EDGE + 2) * scale;
  // Label line, a gap, then the notice's lines above it; the notice's cap height closes the block.
  const noticeTop = labelBaseline + 13 * scale + Math.max(0, lines.length - 1) * NOTICE_LEADING * scale + NOTICE_SIZE * 0.8 * scale;
  return { scale, left, width, lines, labelBaseline, top: lines.length > 0 ? noticeTop : labelBaseline + LABEL_SIZE * scale };
}

/**
 * Draws the stamp in the page's upright view. On a copied page a white band
 * goes behind it and a hairline above it, so it reads as added by the sender
 * and stays legible over whatever the scan holds there.
 */
function drawStamp(page: PDFPage, view: View, layout: StampLayout, words: { label: string; page: string }, measure: Measure, copied: boolean): void {
  const font = measure.font;
  const { scale, left, width, lines, labelBaseline, top } = layout;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...view.toUser));
  if (copied) {
    const bandTop = top + 5 * scale;
    page.drawRectangle({ x: 0, y: (PRINTER_EDGE - 6) * scale, width: view.width, height: bandTop - (PRINTER_EDGE - 6) * scale, color: rgb(1, 1, 1) });
    page.drawLine({ start: { x: left, y: bandTop }, end: { x: left + width, y: bandTop }, thickness: 0.5 * scale, color: RULE });
  }
  const firstBaseline = labelBaseline + 13 * scale + (lines.length - 1) * NOTICE_LEADING * scale;
  lines.forEach((line, i) => page.drawText(line, { x: left, y: firstBaseline - i * NOTICE_LEADING * scale, size: NOTICE_SIZE * scale, font, color: INK }));
  const pageWidth = measure.width(words.page, LABEL_SIZE * scale);
  page.drawText(words.page, { x: left + width - pageWidth, y: labelBaseline, size: LABEL_SIZE * scale, font, color: INK });
  const label = measure.ellipsize(words.label, LABEL_SIZE * scale, width - pageWidth - 12 * scale);
  if (label) page.drawText(label, { x: left, y: labelBaseline, size: LABEL_SIZE * scale, font, color: INK });
  page.pushOperators(popGraphicsState());
}

/**
 * Shrinks a copied page's content, as vectors, into the part of the page above
 * the stamp's strip, centred, its top where it was; whatever the page drew
 * outside its visible box stays clipped. Links and form-field widgets move
 * with it.
 */
function makeRoomForStamp(page: PDFPage, view: View, strip: number): void {
  const factor = (view.height - strip) / view.height;
  const inView: Matrix = [factor, 0, 0, factor, (view.width * (1 - factor)) / 2, strip];
  const inUser = multiply(multiply(invert(view.toUser), inView), view.toUser);
  const box = page.getCropBox();
  const context = page.doc.context;
  page.node.normalize();
  const start = context.register(
    PDFContentStream.of(context.obj({}), [pushGraphicsState(), concatTransformationMatrix(...inUser), rectangle(box.x, box.y, box.width, box.height), clip(), endPath()]),
  );
  const end = context.register(PDFContentStream.of(context.obj({}), [popGraphicsState()]));
  page.node.wrapContentStreams(start, end);

  const annots = page.node.Annots();
  for (let i = 0; annots && i < annots.size(); i++) {
    const annot = annots.lookupMaybe(i, PDFDict);
    const rect = annot?.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!annot || !rect || rect.size() !== 4) continue;
    const [x1, y1, x2, y2] = [0, 1, 2, 3].map((j) => rect.lookupMaybe(j, PDFNumber)?.asNumber() ?? 0) as [number, number, number, number];
    const [ax, ay] = apply(inUser, x1, y1);
    const [bx, by] = apply(inUser, x2, y2);
    annot.set(PDFName.of('Rect'), context.obj([Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)]));
  }
}

/* ---------- images ---------- */

/**
 * A JPEG's EXIF orientation (1 when it has none): phones store a photo of a
 * form sideways and say so there, and pdf-lib draws the pixels as stored.
 */
export function jpegOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1] ?? 0;
    const length = view.getUint16(at + 2);
    if (marker === 0xda || length < 2) break;
    const exif = at + 4;
    if (marker === 0xe1 && exif + 14 <= bytes.length && Buffer.from(bytes.buffer, bytes.byteOffset + exif, 6).toString('latin1') === 'Exif\0\0') {
      const tiff = exif + 6;
      const little = bytes[tiff] === 0x49;
      const ifd = tiff + view.getUint32(tiff + 4, little);
      if (ifd + 2 > bytes.length) return 1;
      const entries = view.getUint16(ifd, little);
      for (let i = 0; i < entries; i++) {
        const entry = ifd + 2 + i * 12;
        if (entry + 12 > bytes.length) return 1;
        if (view.getUint16(entry, little) === 0x0112) return view.getUint16(entry + 8, little);
      }
      return 1;
    }
    at += 2 + length;
  }
  return 1;
}

/**
 * The bytes in an array of their own. pdf-lib reads a JPEG's header from the
 * start of its underlying buffer, so a view into a larger one (a Node Buffer
 * from the shared pool, a slice of a decrypted blob) would be misread. (A
 * Buffer's own slice() is such a view: the copy is made by Uint8Array.)
 */
function standalone(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

const CAPTION_SIZE = 9;

/**
 * An image on a Letter page of its own, turned to fit its shape, scaled down
 * to fit above the stamp's strip and never up past one pixel to a point (a
 * small screenshot blown up prints blurred). Its title heads the page.
 */
async function imagePage(out: PDFDocument, part: Extract<LoadedPart, { kind: 'image' }>, stamp: StampText, measure: Measure): Promise<PDFPage> {
  let image: PDFImage;
  try {
    const bytes = standalone(part.bytes);
    image = part.mime === 'image/png' ? await out.embedPng(bytes) : await out.embedJpg(bytes);
  } catch (error) {
    throw new Error(`"${part.title}" could not be read as ${MIME_NAMES[part.mime]}. Check the file and attach it again.`, { cause: error });
  }
  // Orientations 5–8 turn the picture a quarter: it is shown with width and height swapped.
  const orientation = part.mime === 'image/jpeg' ? jpegOrientation(part.bytes) : 1;
  const quarter = orientation === 6 || orientation === 8;
  const shown = quarter ? { width: image.height, height: image.width } : { width: image.width, height: image.height };
  const size: [number, number] = shown.width > shown.height ? [792, 612] : [612, 792];
  const page = out.addPage(size);
  const layout = layoutStamp({ width: size[0], height: size[1] }, stamp, measure);

  const top = size[1] - 48;
  page.drawText(measure.ellipsize(part.title, CAPTION_SIZE, layout.width), { x: layout.left, y: top, size: CAPTION_SIZE, font: measure.font, color: INK });
  const area = { x: layout.left, y: layout.top + 14, width: layout.width, height: top - 10 - (layout.top + 14) };
  const factor = Math.min(1, area.width / shown.width, area.height / shown.height);
  const box = { width: shown.width * factor, height: shown.height * factor };
  const x = area.x + (area.width - box.width) / 2;
  const y = area.y + area.height - box.height;
  // pdf-lib turns an image about its lower-left corner, counter-clockwise: place that corner so the turned image fills the box.
  const drawn = { width: image.width * factor, height: image.height * factor };
  if (orientation === 6) page.drawImage(image, { ...drawn, x, y: y + box.height, rotate: degrees(-90) });
  else if (orientation === 8) page.drawImage(image, { ...drawn, x: x + box.width, y, rotate: degrees(90) });
  else if (orientation === 3) page.drawImage(image, { ...drawn, x: x + box.width, y: y + box.height, rotate: degrees(180) });
  else page.drawImage(image, { ...drawn, x, y });
  return page;
}

/* ---------- the merge ---------- */

/**
 * All parts in order, every page stamped. `pageWords` gives "Page i of n".
 * Returns the file's bytes.
 */
export async function mergeParts(parts: LoadedPart[], stamp: StampText, info: { title: string; subject: string }, pageWords: (page: number, pages: number) => string): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  out.registerFontkit(fontkit);
  const measure = new Measure(await out.embedFont(roboto(), { subset: true }));
  out.setTitle(info.title);
  out.setSubject(info.subject);
  out.setCreator('Liaison');
  out.setProducer('Liaison');

  const pages: { page: PDFPage; copied: boolean; title: string }[] = [];
  for (const part of parts) {
    if (part.kind === 'image') {
      pages.push({ page: await imagePage(out, part, stamp, measure), copied: false, title: part.title });
      continue;
    }
    const copies = await out.copyPages(part.doc, part.doc.getPageIndices());
    for (const copy of copies) pages.push({ page: out.addPage(copy), copied: !part.rendered, title: part.title });
  }

  const total = pages.length;
  // Pages of one size share a stamp layout: a 20-page scan wraps the notice once.
  const layouts = new Map<string, StampLayout>();
  pages.forEach(({ page, copied, title }, i) => {
    const view = viewOf(page);
    const key = `${view.width}x${view.height}`;
    const layout = layouts.get(key) ?? layoutStamp(view, stamp, measure);
    layouts.set(key, layout);
    if (copied) makeRoomForStamp(page, view, layout.top + 9 * layout.scale);
    drawStamp(page, view, layout, { label: [stamp.label, title].filter(Boolean).join(' · '), page: pageWords(i + 1, total) }, measure, copied);
  });
  return out.save();
}
