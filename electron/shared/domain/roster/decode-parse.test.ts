import { describe, expect, it } from 'vitest';
import { decodeRoster } from './decode.ts';
import { MAX_ROSTER_COLUMNS, MAX_ROSTER_FIELD_LENGTH, MAX_ROSTER_ROWS, parseRoster } from './parse.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | Uint8Array)[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
function utf16le(s: string): Uint8Array {
  const out: number[] = [0xff, 0xfe];
  for (let i = 0; i < s.length; i += 1) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return Uint8Array.from(out);
}

function parsed(text: string) {
  const result = parseRoster(text);
  if (!result.ok) throw new Error(`expected a parse, got ${result.error.code}: ${result.error.message}`);
  return result;
}

function parseError(text: string) {
  const result = parseRoster(text);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const SAMPLE = 'Last Name,First Name,Birthdate\nPeña,José,3/4/2010\n';

describe('decodeRoster', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeRoster(utf8(SAMPLE))).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
    expect(decodeRoster(bytes([0xef, 0xbb, 0xbf], utf8(SAMPLE)))).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE with a byte order mark (Excel "Unicode text")', () => {
    const text = 'Last Name\tFirst Name\nNguyễn\tHương 🌤️\n';
    expect(decodeRoster(utf16le(text))).toEqual({ ok: true, text, encoding: 'utf-16le-bom' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    // "Peña,José,Müller,€" with ñ é ü € at their cp1252 codes.
    const cp1252 = bytes(utf8('Pe'), [0xf1], utf8('a,Jos'), [0xe9], utf8(',M'), [0xfc], utf8('ller,'), [0x80], utf8('\r\n'));
    expect(decodeRoster(cp1252)).toEqual({ ok: true, text: 'Peña,José,Müller,€\r\n', encoding: 'windows-1252' });
  });

  it('refuses empty files and files that are not text', () => {
    expect(decodeRoster(new Uint8Array())).toMatchObject({ ok: false, error: { code: 'EMPTY_FILE' } });
    expect(decodeRoster(bytes([0xef, 0xbb, 0xbf]))).toMatchObject({ ok: false, error: { code: 'EMPTY_FILE' } });
    expect(decodeRoster(utf8(' \r\n\n'))).toMatchObject({ ok: false, error: { code: 'EMPTY_FILE' } });
    expect(decodeRoster(bytes(utf8('Last,First\nA'), [0], utf8(',B\n')))).toMatchObject({ ok: false, error: { code: 'NOT_TEXT' } });
    expect(decodeRoster(bytes([0x50, 0x4b, 0x03, 0x04], utf8('xl/workbook.xml')))).toMatchObject({ ok: false, error: { code: 'NOT_TEXT' } });
    const noise = Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 32);
    expect(decodeRoster(noise)).toMatchObject({ ok: false, error: { code: 'NOT_TEXT' } });
    expect(decodeRoster(bytes([0xef, 0xbb, 0xbf], utf8('Last'), [0xff]))).toMatchObject({ ok: false, error: { code: 'NOT_TEXT' } });
  });

  it('tolerates trailing NUL padding and a DOS end-of-file mark', () => {
    expect(decodeRoster(bytes(utf8(SAMPLE), [0, 0, 0]))).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
    expect(decodeRoster(bytes(utf8(SAMPLE), [0x1a]))).toEqual({ ok: true, text: SAMPLE, encoding: 'utf-8' });
  });
});

describe('parseRoster', () => {
  it('reads CRLF and LF the same, with quoted commas, quotes and line breaks', () => {
    const lf = 'Name,Note,Phone\n"Olson, Jr.","said ""hi""\nthen left",555\nXiong,,556\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parsed(lf);
    expect(a.headers).toEqual(['Name', 'Note', 'Phone']);
    expect(a.rows).toEqual([
      ['Olson, Jr.', 'said "hi"\nthen left', '555'],
      ['Xiong', '', '556'],
    ]);
    // A quoted line break stays inside one spreadsheet row.
    expect(a.lines).toEqual([2, 3]);
    const b = parsed(crlf);
    expect(b.rows[1]).toEqual(['Xiong', '', '556']);
    expect(b.rows[0]![1]).toBe('said "hi"\r\nthen left');
  });

  it('detects tab and semicolon delimiters', () => {
    expect(parsed('Last\tFirst\tDOB\nThao\tNou\t4/17/2012\n').rows).toEqual([['Thao', 'Nou', '4/17/2012']]);
    expect(parsed('Last;First;DOB\nThao;Nou;4/17/2012\n').rows).toEqual([['Thao', 'Nou', '4/17/2012']]);
    expect(parsed('\n\nLast\tFirst, Middle\nThao\tNou, Pa\n').headers).toEqual(['Last', 'First, Middle']);
  });

  it('trims headers and makes empty or repeated names unique', () => {
    expect(parsed(' Phone , Phone,,phone,Phone (2)\n1,2,3,4,5\n').headers).toEqual(['Phone', 'Phone (2)', 'Column 3', 'phone (3)', 'Phone (2) (2)']);
  });

  it('pads short rows and cuts long ones to the header', () => {
    expect(parsed('A,B,C\n1\n1,2,3,4,5\n').rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
    ]);
  });

  it('skips blank lines but keeps spreadsheet line numbers', () => {
    const result = parsed('\uFEFFLast,First\n\nA,B\n , \n,,\nC,D\n\n');
    expect(result.headers).toEqual(['Last', 'First']);
    expect(result.rows).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
    expect(result.lines).toEqual([3, 6]);
  });

  it('reads a header-only file as no rows', () => {
    expect(parsed('Last,First,Birthdate\r\n').rows).toEqual([]);
  });

  it('refuses empty text and a file without a header row', () => {
    expect(parseError('')).toMatchObject({ code: 'EMPTY_FILE' });
    expect(parseError('\n \n')).toMatchObject({ code: 'EMPTY_FILE' });
    expect(parseError('104233,Olson,Eric,03/14/2012\n')).toMatchObject({ code: 'NO_HEADER', line: 1 });
    expect(parseError('104233,8812345\n')).toMatchObject({ code: 'NO_HEADER', line: 1 });
  });

  it('reports a quotation mark that never closes, with its line', () => {
    expect(parseError('Last,First\nA,B\nC,"D\nE,F\n')).toMatchObject({ code: 'MALFORMED_CSV', line: 3 });
    expect(parseError('Last,First\nA,"B"x,C\n')).toMatchObject({ code: 'MALFORMED_CSV', line: 2 });
  });

  it(`allows ${MAX_ROSTER_ROWS} rows and refuses one more`, () => {
    const head = 'Last,First\n';
    expect(parsed(head + 'A,B\n'.repeat(MAX_ROSTER_ROWS)).rows).toHaveLength(MAX_ROSTER_ROWS);
    expect(parseError(head + 'A,B\n'.repeat(MAX_ROSTER_ROWS + 1))).toMatchObject({ code: 'TOO_MANY_ROWS', line: MAX_ROSTER_ROWS + 2 });
  });

  it(`allows ${MAX_ROSTER_COLUMNS} columns and refuses more`, () => {
    const header = (n: number) => Array.from({ length: n }, (_, i) => `Col ${i}`).join(',');
    expect(parsed(`${header(MAX_ROSTER_COLUMNS)}\n1\n`).headers).toHaveLength(MAX_ROSTER_COLUMNS);
    expect(parseError(`${header(MAX_ROSTER_COLUMNS + 1)}\n1\n`)).toMatchObject({ code: 'TOO_MANY_COLUMNS', line: 1 });
  });

  it(`allows ${MAX_ROSTER_FIELD_LENGTH} characters in a cell and refuses more`, () => {
    const ok = 'x'.repeat(MAX_ROSTER_FIELD_LENGTH);
    expect(parsed(`Last,Note\nA,${ok}\n`).rows[0]![1]).toBe(ok);
    expect(parseError(`Last,Note\nA,B\nC,${ok}x\n`)).toMatchObject({ code: 'FIELD_TOO_LONG', line: 3 });
    expect(parseError(`Last,${ok}x\nA,B\n`)).toMatchObject({ code: 'FIELD_TOO_LONG', line: 1 });
  });

  it('words every error for a person', () => {
    for (const text of ['', '1,2\n', 'A,B\n"x\n']) {
      const error = parseError(text);
      expect(error.message).toMatch(/^[A-Z].+\.$/);
    }
  });
});
