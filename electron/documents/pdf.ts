/**
 * The one way documents become PDF bytes: pdfmake in plain Node, with an
 * embedded Unicode font (Roboto covers Spanish, Vietnamese and Hmong
 * spellings), Letter paper, hole-punch margins, and no access to the network
 * or to any file but the fonts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

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

export interface PageFrame {
  /** Letterhead: district or county name from Settings. */
  organization: string;
  title: string;
  /** Form id and version, printed in the footer, e.g. "LIA-RK-1". */
  formId: string;
  /** Printed on every page when the law asks for one. */
  confidentiality?: string;
}

export const COLORS = { ink: '#1a1a1a', muted: '#555555', rule: '#999999', accent: '#1c4e80' } as const;

/** Letter size; a wider left margin leaves room for a three-hole punch. */
export async function renderPdf(frame: PageFrame, content: Content[], info: { subject: string }): Promise<Buffer> {
  const doc: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageMargins: [72, 64, 54, 72],
    info: { title: frame.title, subject: info.subject, creator: 'Liaison', producer: 'Liaison' },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25, color: COLORS.ink },
    header: () => ({
      margin: [72, 28, 54, 0],
      columns: [
        { text: frame.organization || ' ', fontSize: 9, color: COLORS.muted },
        { text: frame.formId, fontSize: 9, color: COLORS.muted, alignment: 'right' },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [72, 16, 54, 0],
      stack: [
        ...(frame.confidentiality ? [{ text: frame.confidentiality, fontSize: 7.5, color: COLORS.muted, margin: [0, 0, 0, 4] as [number, number, number, number] }] : []),
        {
          columns: [
            { text: `${frame.title} · ${frame.formId}`, fontSize: 8, color: COLORS.muted },
            { text: `Page ${page} of ${pages}`, fontSize: 8, color: COLORS.muted, alignment: 'right' },
          ],
        },
      ],
    }),
    content,
  };
  return pdfmake().createPdf(doc).getBuffer();
}
