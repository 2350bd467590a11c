/** Reads a PDF back the way a person would: its pages and its words, whitespace collapsed. */
import { extractText, getDocumentProxy } from 'unpdf';

export interface PdfText {
  pages: number;
  /** All pages, NFC, every run of whitespace made one space. */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  return { pages: totalPages, text: text.normalize('NFC').replace(/\s+/g, ' ') };
}

/** Whether the PDF embeds at least one raster image (an image XObject). */
export function hasImageXObject(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).toString('latin1').includes('/Subtype /Image');
}

export interface PdfPages {
  /** Each page's words, NFC, whitespace collapsed, in page order. */
  pages: string[];
  /** Width and height of the first page, in points. */
  size: { width: number; height: number };
}

/** The same reading, page by page: for what must be on every page, or on one page together. */
export async function readPdfPages(bytes: Uint8Array): Promise<PdfPages> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const viewport = (await pdf.getPage(1)).getViewport({ scale: 1 });
  return { pages: text.map((page) => page.normalize('NFC').replace(/\s+/g, ' ')), size: { width: viewport.width, height: viewport.height } };
}

/** How many times a piece of text occurs. */
export function occurrences(text: string, piece: string): number {
  return text.split(piece).length - 1;
}
