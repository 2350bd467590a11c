/**
 * The one way documents become PDF bytes: pdfmake in plain Node, with an
 * embedded Unicode font (Roboto covers Spanish, Vietnamese and Hmong
 * spellings), Letter paper, hole-punch margins, and no access to the network
 * or to any file but the fonts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, Margins, Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
}

let engine: PdfMake | null = null;

function pdfmake(): PdfMake {
  if (engine) return engine;
  const instance = require('pdfmake') as PdfMake;
  const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  const font = (file: string) => path.join(fontDir, file);
  instance.setFonts({
    Roboto: {
      normal: font('Roboto-Regular.ttf'),
      bold: font('Roboto-Medium.ttf'),
      italics: font('Roboto-Italic.ttf'),
      bolditalics: font('Roboto-MediumItalic.ttf'),
    },
  });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir + path.sep));
  engine = instance;
  return instance;
}

export type PageLanguage = 'en' | 'es';

export interface PageFrame {
  /** Letterhead: district or county name from Settings. */
  organization: string;
  title: string;
  /** Form id and version, printed in the footer, e.g. "LIA-RK-1". */
  formId: string;
  /** Printed on every page when the law asks for one. */
  confidentiality?: string;
  /** The document's language, for the frame's own words ("Page x of y"). Default 'en'. */
  language?: PageLanguage;
  /** Landscape suits wide tables. Default 'portrait'. */
  orientation?: 'portrait' | 'landscape';
  /** Whom the document is about, in every footer, so a page that comes loose can be filed again. */
  about?: string;
  /**
   * Printed at the foot of the last page, just above the footer (e.g. the notice a recipient must not
   * miss). `closing`, a short block ending the body, is kept on that page, so a notice that needs a
   * page of its own does not stand on an otherwise empty one.
   */
  lastPageNotice?: { title: string; text: string; closing?: Content };
  /**
   * Leave the footer's room blank (but for a last-page notice): the pages go into a merged file that
   * stamps one footer on every page, numbered across the whole file.
   */
  footerStamped?: boolean;
}

export const COLORS = { ink: '#1a1a1a', muted: '#555555', rule: '#999999', accent: '#1c4e80' } as const;

const PAGE_WORDS: Record<PageLanguage, (page: number, pages: number) => string> = {
  en: (page, pages) => `Page ${page} of ${pages}`,
  es: (page, pages) => `Página ${page} de ${pages}`,
};

const DEFAULT_STYLE = { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25, color: COLORS.ink } as const;

interface Layout {
  width: number;
  height: number;
  /** Content margins: left, top, right, bottom. */
  margins: [number, number, number, number];
  /** Where the running header starts from the top edge. */
  headerTop: number;
}

/**
 * Letter. In portrait a wider left margin leaves room for a three-hole punch;
 * in landscape the punched edge is the long top one (the page is turned like
 * a calendar in the binder), so the header and the wide margin move down.
 */
const LAYOUTS: Record<'portrait' | 'landscape', Layout> = {
  portrait: { width: 612, height: 792, margins: [72, 64, 54, 72], headerTop: 28 },
  landscape: { width: 792, height: 612, margins: [54, 76, 54, 64], headerTop: 48 },
};

/** Space between the footer's top edge and the body. */
const FOOTER_GAP = 16;
/** What most printers cannot print on at the page's edge. */
const PRINTER_EDGE = 18;
const CONFIDENTIALITY_SIZE = 7.5;
/** Line heights in the footer: size × the 1.25 line spacing × Roboto's 1.17 line box. */
const CONFIDENTIALITY_LINE = 11;
const LABEL_LINE = 12;
/** Space between the body and a last-page notice. */
const NOTICE_GAP = 10;

/** Width of the body text for a frame: what a full-width table or rule may use. */
export function contentWidth(frame: Pick<PageFrame, 'orientation'>): number {
  const layout = LAYOUTS[frame.orientation ?? 'portrait'];
  return layout.width - layout.margins[0] - layout.margins[2];
}

function noticeBox(notice: { title: string; text: string }): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: notice.title, bold: true, fontSize: 8.5, margin: [0, 0, 0, 2] },
              { text: notice.text, fontSize: 8, lineHeight: 1.2 },
            ],
            margin: [6, 4, 6, 5],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule },
  };
}

/**
 * Lines a text takes at a width, erring high (a wide average glyph, every
 * line break a new line): cheap enough for every table row, to find the few
 * worth measuring exactly.
 */
export function roughLineCount(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.6)));
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(paragraph.length / perLine)), 0);
}

/** Height of the body on each page: what one table row may take at most. */
export function bodyHeight(frame: Pick<PageFrame, 'orientation'>): number {
  const layout = LAYOUTS[frame.orientation ?? 'portrait'];
  return layout.height - layout.margins[1] - layout.margins[3];
}

/** How tall a block is at the body's width of this frame. */
export async function measureHeight(block: Content, frame: Pick<PageFrame, 'orientation'>): Promise<number> {
  return measure(block, LAYOUTS[frame.orientation ?? 'portrait']);
}

/**
 * pdfmake lays a page of 'auto' height out to fit its content, and the page
 * height is read back from the output: the only measure pdfmake gives
 * without laying out the whole document.
 */
async function measure(block: Content, layout: Layout): Promise<number> {
  const bytes = await pdfmake()
    .createPdf({
      pageSize: { width: layout.width, height: 'auto' },
      pageMargins: [layout.margins[0], 0, layout.margins[2], 0],
      defaultStyle: DEFAULT_STYLE,
      content: [block],
    })
    .getBuffer();
  const box = /\/MediaBox \[\s*0 0 [\d.]+ ([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
  if (!box?.[1]) throw new Error('Could not measure a block of the document.');
  return Math.ceil(Number(box[1]));
}

/**
 * A heading marked `headlineLevel: 1` never ends a page: if nothing follows
 * it on its page, it moves to the next one with what it heads.
 */
function keepHeadingsWithNext(node: Node, queries: NodeQueries): boolean {
  if (node.headlineLevel !== 1) return false;
  // The running header and footer are nodes on every page too (laid out after the body): they do not count.
  return !queries.getFollowingNodesOnPage().some((other) => other.style !== FRAME_STYLE);
}

/** A style name carried by every block of the running header and footer, and nothing else. */
const FRAME_STYLE = 'liaison-frame';

function markFrame(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(markFrame);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const block = node as { style?: unknown; stack?: unknown; columns?: unknown; table?: { body?: unknown } };
  block.style ??= FRAME_STYLE;
  markFrame(block.stack);
  markFrame(block.columns);
  markFrame(block.table?.body);
}

/** The header or footer content, marked as frame. */
function frameBlock(content: Content): Content {
  markFrame(content);
  return content;
}

/** The PDF and its page count (as pdfmake numbered the pages in the footer). */
export async function renderPdfWithPageCount(frame: PageFrame, content: Content[], info: { subject: string }): Promise<{ bytes: Buffer; pages: number }> {
  const layout = LAYOUTS[frame.orientation ?? 'portrait'];
  const [left, top, right, bottom] = layout.margins;
  const pageWords = PAGE_WORDS[frame.language ?? 'en'];
  // A long confidentiality statement (the DHS 92 one runs to three lines) deepens the bottom margin, so
  // the footer never runs into the body or off the printable area.
  const confidentialityLines = frame.confidentiality ? roughLineCount(frame.confidentiality, layout.width - left - right, CONFIDENTIALITY_SIZE) : 0;
  const footerHeight = FOOTER_GAP + confidentialityLines * CONFIDENTIALITY_LINE + 4 + LABEL_LINE;
  const margins: Margins = [left, top, right, Math.max(bottom, Math.ceil(footerHeight + PRINTER_EDGE))];

  // A last-page notice is drawn in the footer, over space kept free at the end of the body:
  // a spacer its height follows the content, and moves to a new page if the last one is too full.
  const notice = frame.lastPageNotice;
  const noticeHeight = notice ? await measure(noticeBox(notice), layout) : 0;
  const spacer: Content = { text: ' ', fontSize: 1, lineHeight: 1, margin: [0, noticeHeight + NOTICE_GAP - 2, 0, 0] };
  const tail: Content[] = notice ? [notice.closing ? { stack: [notice.closing, spacer], unbreakable: true } : spacer] : [];

  let pageCount = 0;
  const doc: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageOrientation: frame.orientation ?? 'portrait',
    pageMargins: margins,
    info: { title: frame.title, subject: info.subject, creator: 'Liaison', producer: 'Liaison' },
    defaultStyle: DEFAULT_STYLE,
    pageBreakBefore: keepHeadingsWithNext,
    styles: { [FRAME_STYLE]: {} },
    header: () =>
      frameBlock({
        margin: [left, layout.headerTop, right, 0],
        columns: [
          { text: frame.organization || ' ', fontSize: 9, color: COLORS.muted },
          { text: frame.formId, fontSize: 9, color: COLORS.muted, alignment: 'right' },
        ],
      }),
    footer: (page: number, pages: number) => {
      // Called once per page after layout (again if a heading moved): the last call has the final count.
      pageCount = pages;
      const lastNotice: Content[] =
        notice && page === pages ? [{ stack: [noticeBox(notice)], margin: [0, -(noticeHeight + FOOTER_GAP), 0, FOOTER_GAP] satisfies Margins }] : [];
      if (frame.footerStamped) return lastNotice.length > 0 ? frameBlock({ margin: [left, FOOTER_GAP, right, 0], stack: lastNotice }) : null;
      const label = [frame.title, frame.about, frame.formId].filter((part): part is string => Boolean(part)).join(' · ');
      return frameBlock({
        margin: [left, FOOTER_GAP, right, 0],
        stack: [
          ...lastNotice,
          ...(frame.confidentiality ? [{ text: frame.confidentiality, fontSize: CONFIDENTIALITY_SIZE, color: COLORS.muted, margin: [0, 0, 0, 4] satisfies Margins }] : []),
          {
            columns: [
              { text: label, fontSize: 8, color: COLORS.muted, width: '*' },
              { text: pageWords(page, pages), fontSize: 8, color: COLORS.muted, alignment: 'right', width: 'auto' },
            ],
            columnGap: 12,
          },
        ],
      });
    },
    content: [...content, ...tail],
  };
  const bytes = await pdfmake().createPdf(doc).getBuffer();
  return { bytes, pages: pageCount };
}

export async function renderPdf(frame: PageFrame, content: Content[], info: { subject: string }): Promise<Buffer> {
  return (await renderPdfWithPageCount(frame, content, info)).bytes;
}
