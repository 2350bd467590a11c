/**
 * Roster text -> header and rows. Line numbers are spreadsheet rows (the
 * header is 1), which is what she sees when she opens the file in Excel to
 * fix it; a quoted field spanning several lines is still one row.
 */
import Papa from 'papaparse';
import { parseRosterDate } from './dates.ts';
import type { RosterError } from './decode.ts';

export const MAX_ROSTER_ROWS = 20_000;
export const MAX_ROSTER_COLUMNS = 200;
export const MAX_ROSTER_FIELD_LENGTH = 2_000;

export type ParsedRoster =
  | {
      ok: true;
      headers: string[];
      rows: string[][];
      /** Spreadsheet line of each row (blank lines are skipped but still counted). */
      lines: number[];
    }
  | { ok: false; error: RosterError };

// Tab first: when two delimiters split the sample equally, a tab-separated export with commas in
// unquoted names ("Thao, Xee") is likelier than a comma-separated one with tabs inside values.
const DELIMITERS = ['\t', ',', ';'];
const FIX = 'Open the file in Excel and save it again as CSV, or export it again.';

function fail(code: RosterError['code'], message: string, line?: number): ParsedRoster {
  return { ok: false, error: line === undefined ? { code, message } : { code, message, line } };
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');

/** Empty names become "Column 3"; repeats become "Phone (2)", compared without regard to case. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const taken = new Set<string>();
  return raw.map((cell, i) => {
    const base = cell.trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} (${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A header row has words in it and no dates; otherwise the file starts with a student. */
function looksLikeData(header: readonly string[]): boolean {
  if (!header.some((cell) => /\p{L}/u.test(cell))) return true;
  return header.some((cell) => parseRosterDate(cell).ok);
}

function guessDelimiter(text: string): string {
  const sample = Papa.parse<string[]>(text, { preview: 10, skipEmptyLines: 'greedy', delimitersToGuess: DELIMITERS });
  return DELIMITERS.includes(sample.meta.delimiter) ? sample.meta.delimiter : ',';
}

export function parseRoster(text: string): ParsedRoster {
  if (typeof text !== 'string') return fail('NOT_TEXT', `This is not text. ${FIX}`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail('EMPTY_FILE', `This file is empty. ${FIX}`);

  let header: string[] | null = null;
  let headerLength = 0;
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 0;
  const outcome: { error: ParsedRoster | null } = { error: null };

  Papa.parse<string[]>(body, {
    delimiter: guessDelimiter(body),
    skipEmptyLines: false,
    step: (result, parser) => {
      line += 1;
      const stop = (failure: ParsedRoster) => {
        outcome.error = failure;
        parser.abort();
      };
      if (result.errors.some((e) => e.type === 'Quotes')) {
        return stop(fail('MALFORMED_CSV', `Line ${line} has a quotation mark out of place, so the rows after it cannot be read. ${FIX}`, line));
      }
      const cells = result.data;
      if (!Array.isArray(cells) || isBlank(cells)) return;

      if (header === null) {
        if (cells.length > MAX_ROSTER_COLUMNS) {
          return stop(fail('TOO_MANY_COLUMNS', `The file has ${cells.length} columns; Liaison reads at most ${MAX_ROSTER_COLUMNS}. Remove the columns you do not need and try again.`, line));
        }
        if (cells.some((c) => c.length > MAX_ROSTER_FIELD_LENGTH)) {
          return stop(fail('FIELD_TOO_LONG', `A column name on line ${line} is longer than ${MAX_ROSTER_FIELD_LENGTH} characters. ${FIX}`, line));
        }
        if (looksLikeData(cells)) {
          return stop(fail('NO_HEADER', `Line ${line} should hold the column names (like “First Name” and “Birthdate”) but looks like a student. Export the file again with column headers.`, line));
        }
        header = uniqueHeaders(cells);
        headerLength = header.length;
        return;
      }

      if (rows.length >= MAX_ROSTER_ROWS) {
        return stop(fail('TOO_MANY_ROWS', `The file has more than ${MAX_ROSTER_ROWS.toLocaleString('en-US')} students (line ${line}). Split it into smaller files.`, line));
      }
      // Ragged rows are common (Excel drops trailing empty cells); fit them to the header.
      const row = cells.length >= headerLength ? cells.slice(0, headerLength) : [...cells, ...Array<string>(headerLength - cells.length).fill('')];
      if (row.some((c) => c.length > MAX_ROSTER_FIELD_LENGTH)) {
        return stop(fail('FIELD_TOO_LONG', `Line ${line} has a cell longer than ${MAX_ROSTER_FIELD_LENGTH} characters. ${FIX}`, line));
      }
      rows.push(row);
      lines.push(line);
    },
  });

  if (outcome.error) return outcome.error;
  if (header === null) return fail('EMPTY_FILE', `This file is empty. ${FIX}`);
  return { ok: true, headers: header, rows, lines };
}
