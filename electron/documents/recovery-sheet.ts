/** The one-page recovery sheet: the recovery key, when it was made, what it opens and where to keep it. */
import type { Content } from 'pdfmake/interfaces';
import { displayDate } from '../shared/domain/dates.ts';
import { COLORS, renderPdf } from './pdf.ts';

export interface RecoverySheetData {
  /** Formatted as 8 groups of 8 characters joined by dashes. */
  recoveryKey: string;
  createdOn: Date;
  organization: string;
  vaultLocation: string;
}

export const RECOVERY_SHEET_FORM_ID = 'LIA-RK v1';

function heading(text: string): Content {
  return { text, bold: true, fontSize: 12, color: COLORS.accent, margin: [0, 14, 0, 4] };
}

function blank(label: string): Content {
  return {
    columns: [
      { text: label, width: 110, margin: [0, 10, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 22, x2: 300, y2: 22, lineWidth: 0.6, lineColor: COLORS.rule }], width: '*' },
    ],
  };
}

export function recoverySheet(data: RecoverySheetData): Promise<Buffer> {
  const groups = data.recoveryKey.split('-');
  const keyRow = (from: number) =>
    groups.slice(from, from + 4).map((g) => ({ text: g, fontSize: 19, bold: true, alignment: 'center' as const, margin: [0, 6, 0, 6] as [number, number, number, number] }));
  const content: Content[] = [
    { text: 'Recovery key for your Liaison vault', fontSize: 20, bold: true, margin: [0, 8, 0, 4] },
    {
      text: 'Keep this sheet somewhere safe. It is the only way back into your records if you forget your passphrase.',
      color: COLORS.muted,
      margin: [0, 0, 0, 14],
    },
    {
      table: { widths: ['*', '*', '*', '*'], body: [keyRow(0), keyRow(4)] },
      layout: {
        hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === node.table.body.length ? 1.2 : 0.4),
        vLineWidth: (i: number) => (i === 0 || i === 4 ? 1.2 : 0.4),
        hLineColor: () => COLORS.ink,
        vLineColor: () => COLORS.ink,
      },
    },
    {
      text: `Created ${displayDate(data.createdOn)} · 64 characters, digits 0–9 and letters A–F, read left to right, top row first`,
      fontSize: 9,
      color: COLORS.muted,
      margin: [0, 6, 0, 0],
    },
    heading('What it opens'),
    {
      text: [
        'The encrypted Liaison vault on the computer where this sheet was printed: the caseload, releases, service records and everything else kept in Liaison. The vault file is in this folder:',
      ],
    },
    { text: data.vaultLocation, fontSize: 9, color: COLORS.muted, margin: [12, 4, 0, 0] },
    heading('Where to keep it'),
    {
      ul: [
        'In a locked drawer or safe, away from the laptop — not in the laptop bag.',
        'Never photograph it, email it, or save it on the computer.',
        'Anyone who has this key and the vault file can read every record. Guard it the way you guard the records themselves.',
      ],
    },
    heading('How to use it'),
    {
      ol: [
        'Open Liaison. On the unlock screen choose "Forgot passphrase?".',
        'Type the key above. Dashes and spaces do not matter, and capital or small letters both work.',
        'Choose a new passphrase. Your records are all still there.',
      ],
    },
    heading('Record of where this sheet is kept'),
    blank('Kept by'),
    blank('Where'),
    blank('Date'),
  ];
  return renderPdf(
    { organization: data.organization, title: 'Liaison recovery sheet', formId: RECOVERY_SHEET_FORM_ID },
    content,
    { subject: 'Recovery key' },
  );
}
