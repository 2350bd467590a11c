/**
 * Whatever file she picks, the import explains itself instead of crashing.
 * Replay a failure with FC_SEED=<seed printed below> (fast-check also prints the path).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures/index.ts';
import { decodeRoster, parseRoster, previewRoster, ROSTER_FIELDS, suggestMapping, type Mapping, type RosterError } from './index.ts';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;
const RUNS = { seed: SEED, numRuns: 150 };
const CODES = new Set(['EMPTY_FILE', 'NOT_TEXT', 'NO_HEADER', 'TOO_MANY_ROWS', 'TOO_MANY_COLUMNS', 'FIELD_TOO_LONG', 'MALFORMED_CSV']);
const ENCODINGS = new Set(['utf-8', 'utf-8-bom', 'utf-16le-bom', 'windows-1252']);
const EXISTING = [
  { id: 's1', schoolStudentId: '104233', legalFirst: 'Eric', legalLast: 'Olson, Jr.', dob: '2012-03-14' },
  { id: 's2', schoolStudentId: null, legalFirst: 'Ka Ying', legalLast: 'Lee', dob: '2011-07-30' },
];

beforeAll(() => {
  console.info(`roster property tests: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);
});

function checkError(error: RosterError) {
  expect(CODES.has(error.code)).toBe(true);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(10);
  if (error.line !== undefined) expect(Number.isInteger(error.line) && error.line >= 1).toBe(true);
}

/** decode -> parse -> suggest -> preview, checking the typed union at each step. */
function importBytes(bytes: Uint8Array, mapping?: Mapping) {
  const decoded = decodeRoster(bytes);
  if (!decoded.ok) return checkError(decoded.error);
  expect(ENCODINGS.has(decoded.encoding)).toBe(true);
  expect(typeof decoded.text).toBe('string');
  const parsed = parseRoster(decoded.text);
  if (!parsed.ok) return checkError(parsed.error);
  expect(parsed.lines).toHaveLength(parsed.rows.length);
  for (const row of parsed.rows) expect(row).toHaveLength(parsed.headers.length);
  const preview = previewRoster({
    headers: parsed.headers,
    rows: parsed.rows,
    lines: parsed.lines,
    mapping: mapping ?? suggestMapping(parsed.headers),
    today: '2026-11-23',
    existing: EXISTING,
    knownSchools: ['Whitehall Middle School'],
  });
  const { create, update, skip } = preview.counts;
  expect(create + update + skip).toBe(parsed.rows.length);
  for (const row of preview.rows) {
    expect(['create', 'update', 'skip']).toContain(row.action);
    if (row.action === 'skip') expect(row.problems.some((p) => p.severity === 'error')).toBe(true);
    for (const p of row.problems) expect(p.message.length).toBeGreaterThan(0);
  }
}

const encode = (s: string) => new TextEncoder().encode(s);
const CSV_CHARS = fc.constantFrom(',', '"', '\n', '\r', '\t', ';', ' ', 'a', 'Z', '1', '/', 'é', '\u0000', '\u0007', '🌤️', 'ữ', 'م');

describe('random input never throws', () => {
  it('random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1500 }), (bytes) => importBytes(bytes)), RUNS);
  });

  it('random bytes behind each byte order mark', () => {
    const bom = fc.constantFrom([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], []);
    fc.assert(fc.property(bom, fc.uint8Array({ maxLength: 600 }), (head, tail) => importBytes(Uint8Array.from([...head, ...tail]))), RUNS);
  });

  it('random CSV-ish text with a random mapping', () => {
    const text = fc.array(fc.oneof(CSV_CHARS, fc.string({ maxLength: 6 })), { maxLength: 400 }).map((parts) => parts.join(''));
    const header = fc.constantFrom('First Name', 'Last Name', 'DOB', 'Nope', '', 'Column 1', 'a');
    const mapping = fc.dictionary(fc.constantFrom(...ROSTER_FIELDS.map((f) => f.field)), header);
    fc.assert(fc.property(text, mapping, (t, m) => importBytes(encode(`First Name,Last Name,DOB\n${t}`), m)), RUNS);
  });

  it('previewRoster on arbitrary cells', () => {
    const cells = fc.array(fc.array(fc.string({ unit: 'binary', maxLength: 12 }), { maxLength: 10 }), { maxLength: 30 });
    const headers = fc.array(fc.string({ maxLength: 8 }), { maxLength: 10 });
    const mapping = fc.dictionary(fc.constantFrom(...ROSTER_FIELDS.map((f) => f.field)), fc.string({ maxLength: 8 }));
    const today = fc.oneof(fc.constant('2026-11-23'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(headers, cells, mapping, today, (h, rows, m, t) => {
        const preview = previewRoster({ headers: h, rows, mapping: m, today: t, existing: EXISTING, knownSchools: [] });
        expect(preview.rows).toHaveLength(rows.length);
      }),
      RUNS,
    );
  });
});

type Mutation = { at: number; op: 'delete' | 'insert' | 'quote'; char: string };

function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const { at, op, char } of mutations) {
    const i = out.length === 0 ? 0 : at % out.length;
    if (op === 'delete') out = out.slice(0, i) + out.slice(i + 1);
    else if (op === 'insert') out = out.slice(0, i) + char + out.slice(i);
    else {
      // Double an existing quotation mark (or add one), the usual way hand-edited CSVs break.
      const q = out.indexOf('"', i);
      out = q < 0 ? `${out.slice(0, i)}"${out.slice(i)}` : `${out.slice(0, q)}"${out.slice(q)}`;
    }
  }
  return out;
}

describe('real-shaped files, damaged', () => {
  const fixture = fc.constantFrom(FIXTURES.skyward, FIXTURES.infiniteCampus, FIXTURES.powerSchool);
  const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('delete' as const, 'insert' as const, 'quote' as const), char: CSV_CHARS });
  const mutations = fc.array(mutation, { minLength: 1, maxLength: 12 });

  it('random deletions, insertions and doubled quotes never throw; every error is typed and worded', () => {
    fc.assert(fc.property(fixture, mutations, (text, ms) => importBytes(encode(mutate(text, ms)))), { ...RUNS, numRuns: 300 });
  });

  it('the same damage saved by Excel in the Windows code page', () => {
    const toCp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
    fc.assert(fc.property(fixture, mutations, (text, ms) => importBytes(toCp1252(mutate(text, ms)))), RUNS);
  });
});
