import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures/index.ts';
import { decodeRoster, parseRoster, previewRoster, suggestMapping, type ExistingStudent, type RosterPreview } from './index.ts';

const TODAY = '2026-11-23';

function importText(text: string, existing: readonly ExistingStudent[] = [], knownSchools: readonly string[] = []): RosterPreview {
  const bytes = new TextEncoder().encode(text);
  const decoded = decodeRoster(bytes);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const parsed = parseRoster(decoded.text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const mapping = suggestMapping(parsed.headers);
  return previewRoster({ headers: parsed.headers, rows: parsed.rows, lines: parsed.lines, mapping, today: TODAY, existing, knownSchools });
}

describe('Skyward export (every field quoted, CRLF, "Last, First" names)', () => {
  const preview = importText(FIXTURES.skyward, [], ['Whitehall Middle School', 'whitehall elementary school']);

  it('creates every student, keeping quoted commas and suffixes', () => {
    expect(preview.counts).toEqual({ create: 4, update: 0, skip: 0, withWarnings: 1 });
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    const [olson, xiong, nguyen, pena] = preview.rows.map((r) => r.record);
    expect(olson).toEqual({
      schoolStudentId: '104233',
      legalFirst: 'Eric',
      legalMiddle: 'James',
      legalLast: 'Olson, Jr.',
      preferredName: null,
      dob: '2012-03-14',
      grade: '08',
      school: 'Whitehall Middle School',
      district: null,
      medicaidId: null,
      guardian: { name: 'Olson, Karen', relationship: 'Mother', phone: '(715) 555-0142', email: 'kolson@example.org', language: 'English' },
    });
    expect(xiong).toMatchObject({ legalFirst: 'Mai Nou', preferredName: 'Mai', dob: '2014-09-02', guardian: { name: 'Vang, Pa', email: null } });
    expect(nguyen).toMatchObject({ legalFirst: 'Thị Hương', legalLast: 'Nguyễn', guardian: { name: 'Nguyễn, Văn Minh' } });
    expect(pena).toMatchObject({ legalLast: 'Gonzalez Peña', guardian: { name: 'Peña, María "Mari"' } });
  });

  it('warns once about the school not yet in her list', () => {
    const warned = preview.rows.filter((r) => r.problems.some((p) => p.field === 'school'));
    expect(warned.map((r) => r.record.school)).toEqual(['Whitehall High School']);
    expect(warned[0]!.problems[0]).toEqual({
      severity: 'warning',
      field: 'school',
      message: 'School “Whitehall High School” is not in your list of schools yet; it will be added.',
    });
  });
});

describe('Infinite Campus export (camelCase headers, ISO dates, a note over two lines)', () => {
  const preview = importText(FIXTURES.infiniteCampus, [], ['Independence Middle/High School', 'Independence Elementary']);

  it('reads the rows with their spreadsheet lines', () => {
    expect(preview.counts).toEqual({ create: 3, update: 0, skip: 0, withWarnings: 0 });
    expect(preview.rows.map((r) => [r.line, r.record.legalLast, r.record.dob])).toEqual([
      [2, 'Lee', '2011-07-30'],
      [3, 'Kowalski', '2013-02-28'],
      [4, 'Herrera', '2017-10-09'],
    ]);
    expect(preview.rows[1]!.record).toMatchObject({ district: 'Independence School District', legalMiddle: 'Marie', guardian: { name: 'Kowalski, Beth' } });
    expect(preview.rows[2]!.record.guardian).toEqual({ name: 'Rosa Herrera', relationship: 'Mother', phone: null, email: 'rosa.herrera@example.org', language: 'Spanish' });
  });
});

describe('PowerSchool export (tab-separated)', () => {
  const preview = importText(FIXTURES.powerSchool, [], ['Blair-Taylor Middle School', 'Blair-Taylor High School', 'Blair-Taylor Elementary School']);

  it('reads tabs, keeps the comma in an unquoted guardian name, and leaves out an empty guardian', () => {
    expect(preview.counts).toEqual({ create: 3, update: 0, skip: 0, withWarnings: 0 });
    expect(preview.rows[0]!.record).toMatchObject({ schoolStudentId: '55021', legalLast: 'Thao', dob: '2012-04-17', grade: '8', guardian: { name: 'Thao, Xee' } });
    expect(preview.rows[1]!.record.dob).toBe('2009-12-01');
    expect(preview.rows[2]!.record.guardian).toBeNull();
  });
});

describe('the same file in other encodings and line endings', () => {
  it('UTF-8 with a byte order mark and CRLF gives the same preview', () => {
    const plain = importText(FIXTURES.infiniteCampus);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FIXTURES.infiniteCampus.replace(/\r?\n/g, '\r\n'))]);
    const decoded = decodeRoster(bom);
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8-bom' });
    const parsed = decoded.ok ? parseRoster(decoded.text) : null;
    expect(parsed?.ok).toBe(true);
    if (!parsed?.ok) return;
    expect(parsed.headers[0]).toBe('studentNumber');
    const again = previewRoster({ ...parsed, mapping: suggestMapping(parsed.headers), today: TODAY, existing: [], knownSchools: [] });
    expect(again.rows.map((r) => r.record.legalLast)).toEqual(plain.rows.map((r) => r.record.legalLast));
    expect(again.rows[1]!.record.guardian).toEqual(plain.rows[1]!.record.guardian);
  });
});

describe('names in every script pass through exactly (NFC)', () => {
  it.each([
    ['combining marks become composed', 'Jose\u0301', 'Pen\u0303a', 'José', 'Peña'],
    ['Vietnamese', 'Nguyễn Thị Ánh', 'Trần', 'Nguyễn Thị Ánh', 'Trần'],
    ['Hmong (RPA)', 'Nkauj Ntxawm', 'Xyooj', 'Nkauj Ntxawm', 'Xyooj'],
    ['Arabic', 'مريم', 'الحسيني', 'مريم', 'الحسيني'],
    ['Hebrew', 'נועה', 'כהן', 'נועה', 'כהן'],
    ['emoji with a joiner', 'Sky 🌤️', 'Rivers 👩‍👧', 'Sky 🌤️', 'Rivers 👩‍👧'],
    ['Turkish dotted capital', 'İlkay', 'Öztürk', 'İlkay', 'Öztürk'],
  ])('%s', (_name, first, last, wantFirst, wantLast) => {
    const preview = importText(`First Name,Last Name,Birthdate\n"${first}",${last},5/6/2013\n`);
    expect(preview.rows[0]!.record).toMatchObject({ legalFirst: wantFirst, legalLast: wantLast });
    expect(preview.rows[0]!.action).toBe('create');
  });
});

describe('a large roster', () => {
  it('2,000 generated rows parse and preview as 2,000 new students', () => {
    const lines = ['Student ID,Last Name,First Name,Birthdate,Building'];
    for (let i = 0; i < 2000; i += 1) {
      const dob = format(addDays(new Date(2008, 0, 1), i * 3), 'MM/dd/yyyy');
      lines.push(`${100000 + i},"Student${i}, Jr.",Name${i},${dob},Whitehall Elementary School`);
    }
    const parsed = parseRoster(lines.join('\r\n'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows).toHaveLength(2000);
    const preview = previewRoster({ ...parsed, mapping: suggestMapping(parsed.headers), today: TODAY, existing: [], knownSchools: ['Whitehall Elementary School'] });
    expect(preview.counts).toEqual({ create: 2000, update: 0, skip: 0, withWarnings: 0 });
    expect(preview.rows.at(-1)!.line).toBe(2001);
  });
});
