/**
 * The county billing file, in the county's columns (the profile's column
 * template): CSV for upload and XLSX for the clerk who opens it in Excel.
 *
 * CSV: RFC 4180 (CRLF, quotes doubled) by papaparse, UTF-8 with a byte-order
 * mark so Excel shows accented names, and formula-looking text (=, +, -, @)
 * escaped so a name can never run as a spreadsheet formula. XLSX: exceljs,
 * dates as real date cells, units as numbers, the header row bold and frozen.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ColumnTemplate, ExportField } from '../shared/domain/billing/types.ts';

export interface BillingLine {
  values: Record<ExportField, string | number>;
}

const DATE_FIELDS: ReadonlySet<ExportField> = new Set(['dob', 'dateOfService']);
const NUMBER_FIELDS: ReadonlySet<ExportField> = new Set(['units', 'minutes']);

/** ISO date to MM/DD/YYYY, the way county billing sheets write dates; anything else as it is. */
export function usDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : value;
}

function cellText(field: ExportField, value: string | number): string {
  if (DATE_FIELDS.has(field)) return usDate(String(value));
  return String(value);
}

export async function billingCsv(template: ColumnTemplate, lines: readonly BillingLine[]): Promise<Buffer> {
  const text = Papa.unparse(
    { fields: template.map((c) => c.header), data: lines.map((l) => template.map((c) => cellText(c.field, l.values[c.field]))) },
    { newline: '\r\n', escapeFormulae: true },
  );
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

export async function billingXlsx(template: ColumnTemplate, lines: readonly BillingLine[], opts: { sheetName: string }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Liaison';
  // A fixed date keeps the file free of the moment it was built beyond what it says.
  book.created = new Date(0);
  book.modified = new Date(0);
  const sheet = book.addWorksheet(opts.sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = template.map((c) => ({ header: c.header, key: c.field, width: Math.max(10, Math.min(40, c.header.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  for (const l of lines) {
    const row: Record<string, string | number | Date> = {};
    for (const c of template) {
      const v = l.values[c.field];
      if (DATE_FIELDS.has(c.field) && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
        const [y, m, d] = v.split('-').map(Number) as [number, number, number];
        row[c.field] = new Date(Date.UTC(y, m - 1, d));
      } else if (NUMBER_FIELDS.has(c.field)) row[c.field] = Number(v);
      else row[c.field] = String(v);
    }
    sheet.addRow(row);
  }
  template.forEach((c, i) => {
    if (DATE_FIELDS.has(c.field)) sheet.getColumn(i + 1).numFmt = 'mm/dd/yyyy';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
