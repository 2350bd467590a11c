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
