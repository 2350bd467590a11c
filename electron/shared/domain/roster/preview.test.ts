import { describe, expect, it } from 'vitest';
import type { Mapping } from './fields.ts';
import { previewRoster, type ExistingStudent, type RosterPreviewInput } from './preview.ts';

const HEADERS = ['ID', 'First', 'Middle', 'Last', 'DOB', 'School', 'Guardian', 'Phone'];
const MAPPING: Mapping = {
  schoolStudentId: 'ID',
  legalFirst: 'First',
  legalMiddle: 'Middle',
  legalLast: 'Last',
  dob: 'DOB',
  school: 'School',
  guardianName: 'Guardian',
  guardianPhone: 'Phone',
};
const TODAY = '2026-11-23';
const SCHOOLS = ['Whitehall Elementary School'];

type Row = [id: string, first: string, middle: string, last: string, dob: string, school?: string, guardian?: string, phone?: string];
const row = ([id, first, middle, last, dob, school = 'Whitehall Elementary School', guardian = '', phone = '']: Row) => [id, first, middle, last, dob, school, guardian, phone];

function preview(rows: Row[], over: Partial<RosterPreviewInput> = {}) {
  return previewRoster({ headers: HEADERS, rows: rows.map(row), mapping: MAPPING, today: TODAY, existing: [], knownSchools: SCHOOLS, ...over });
}
const only = (rows: Row[], over: Partial<RosterPreviewInput> = {}) => preview(rows, over).rows[0]!;

describe('previewRoster: cleaning values', () => {
  it('trims, collapses inner whitespace and composes accents', () => {
    const r = only([[' 104233 ', '  Mai\u00a0 Nou ', '', ' Xio\u0302ng\t', ' 9/2/2014 ']]);
    expect(r.record).toMatchObject({ schoolStudentId: '104233', legalFirst: 'Mai Nou', legalMiddle: null, legalLast: 'Xiông', dob: '2014-09-02' });
    expect(r.action).toBe('create');
    expect(r.problems).toEqual([]);
  });

  it('has a guardian only when the guardian name is mapped and not empty', () => {
    expect(only([['1', 'A', '', 'B', '1/1/2015', undefined, 'Pa Vang', '715-555-0100']]).record.guardian).toEqual({
      name: 'Pa Vang',
      relationship: null,
      phone: '715-555-0100',
      email: null,
      language: null,
    });
    const noName = only([['1', 'A', '', 'B', '1/1/2015', undefined, '  ', '715-555-0100']]);
    expect(noName.record.guardian).toBeNull();
    expect(noName.problems).toEqual([expect.objectContaining({ severity: 'warning', field: 'guardianName' })]);
    const unmapped = { ...MAPPING, guardianName: undefined };
    expect(only([['1', 'A', '', 'B', '1/1/2015', undefined, 'Pa Vang']], { mapping: unmapped }).record.guardian).toBeNull();
  });
});

describe('previewRoster: rows that are skipped', () => {
  it.each([
    ['no first name', ['1', ' ', '', 'Olson', '3/14/2012'], 'legalFirst', 'Legal first name is empty; add it in the file.'],
    ['no last name', ['1', 'Eric', '', '', '3/14/2012'], 'legalLast', 'Legal last name is empty; add it in the file.'],
    ['no date of birth', ['1', 'Eric', '', 'Olson', ''], 'dob', 'Date of birth is empty; add it in the file as MM/DD/YYYY.'],
    ['a bad date of birth', ['1', 'Eric', '', 'Olson', '13/45/2020'], 'dob', 'Date of birth: “13/45/2020” is not a date; use MM/DD/YYYY.'],
    ['a date of birth in the future', ['1', 'Eric', '', 'Olson', '11/24/2026'], 'dob', 'Date of birth 11/24/2026 is in the future; check the year.'],
    ['a date of birth over 30 years ago', ['1', 'Eric', '', 'Olson', '11/22/1996'], 'dob', 'Date of birth 11/22/1996 is more than 30 years ago; check the year.'],
    ['a control character', ['1', 'Er\u0007ic', '', 'Olson', '3/14/2012'], 'legalFirst', 'Legal first name holds hidden control characters; retype it in the file.'],
    ['a control character in a guardian column', ['1', 'Eric', '', 'Olson', '3/14/2012', undefined, 'Karen\u001b'], 'guardianName', 'Guardian name holds hidden control characters; retype it in the file.'],
  ] as [string, Row, string, string][])('%s', (_name, cells, field, message) => {
    const r = only([cells]);
    expect(r.action).toBe('skip');
    expect(r.matchedStudentId).toBeNull();
    expect(r.problems).toContainEqual({ severity: 'error', field, message });
  });

  it('accepts the edges: born today, and exactly 30 years ago', () => {
    expect(only([['1', 'A', '', 'B', '11/23/2026']]).action).toBe('create');
    expect(only([['1', 'A', '', 'B', '11/23/1996']]).action).toBe('create');
  });

  it('skips the second row with the same school student ID, naming the first line', () => {
    const p = preview([
      ['104233', 'Eric', '', 'Olson', '3/14/2012'],
      ['104877', 'Mai', '', 'Xiong', '9/2/2014'],
      ['104233', 'Erik', '', 'Olsen', '3/14/2012'],
    ]);
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'create', 'skip']);
    expect(p.rows[2]!.problems).toEqual([
      { severity: 'error', field: 'schoolStudentId', message: 'School student ID 104233 is also on line 2; only line 2 is imported.' },
    ]);
    expect(p.counts).toEqual({ create: 2, update: 0, skip: 1, withWarnings: 0 });
  });

  it('uses the spreadsheet lines from parseRoster when given', () => {
    const p = preview(
      [
        ['7', 'A', '', 'B', '1/1/2015'],
        ['7', 'C', '', 'D', '1/1/2015'],
      ],
      { lines: [2, 9] },
    );
    expect(p.rows.map((r) => r.line)).toEqual([2, 9]);
    expect(p.rows[1]!.problems[0]!.message).toContain('also on line 2');
  });

  it('skips a second row without an ID that has the same name and date of birth', () => {
    const p = preview([
      ['', 'Ana', '', 'Lopez', '5/6/2013'],
      ['', 'ANA', '', 'lopez', '05/06/2013'],
    ]);
    expect(p.rows.map((r) => r.action)).toEqual(['create', 'skip']);
    expect(p.rows[1]!.problems[0]!.message).toBe('Same name and date of birth as line 2, and no school student ID; only line 2 is imported.');
  });
});

describe('previewRoster: matching students already in Liaison', () => {
  const existing: ExistingStudent[] = [
    { id: 'stu-1', schoolStudentId: '104233', legalFirst: 'Eric', legalLast: 'Olson', dob: '2012-03-14' },
    { id: 'stu-2', schoolStudentId: null, legalFirst: 'José', legalLast: 'Peña', dob: '2016-01-05' },
    { id: 'stu-3', schoolStudentId: '900', legalFirst: 'Nou', legalLast: 'Thao', dob: '2012-04-17' },
    { id: 'stu-4', schoolStudentId: null, legalFirst: 'Sam', legalLast: 'Lee', dob: '2010-01-01' },
    { id: 'stu-5', schoolStudentId: null, legalFirst: 'Sam', legalLast: 'Lee', dob: '2010-01-01' },
  ];

  it('matches by school student ID first, even when the name changed', () => {
    const r = only([[' 104233', 'Erik', '', 'Olson-Berg', '3/14/2012']], { existing });
    expect(r).toMatchObject({ action: 'update', matchedStudentId: 'stu-1', problems: [] });
  });

  it('else by name (case-folded, accents kept) and date of birth, with a warning', () => {
    const r = only([['', 'JOSÉ', '', 'peña', '1/5/2016']], { existing });
    expect(r).toMatchObject({ action: 'update', matchedStudentId: 'stu-2' });
    expect(r.problems).toEqual([
      {
        severity: 'warning',
        field: 'schoolStudentId',
        message: 'Matched to a student already in Liaison by name and date of birth, not by school student ID; check it is the same student.',
      },
    ]);
    expect(only([['', 'Jose', '', 'Pena', '1/5/2016']], { existing }).action).toBe('create');
    expect(only([['', 'José', '', 'Peña', '1/6/2016']], { existing }).action).toBe('create');
  });

  it('says so when the name and date of birth match a student with another ID', () => {
    const r = only([['55021', 'Nou', '', 'Thao', '4/17/2012']], { existing });
    expect(r).toMatchObject({ action: 'update', matchedStudentId: 'stu-3' });
    expect(r.problems[0]!.message).toContain('school student ID 900, but this file says 55021');
  });

  it('skips a row that matches two students by name and date of birth', () => {
    const r = only([['', 'Sam', '', 'Lee', '1/1/2010']], { existing });
    expect(r).toMatchObject({ action: 'skip', matchedStudentId: null });
    expect(r.problems[0]).toMatchObject({ severity: 'error', message: expect.stringContaining('2 students already in Liaison') });
  });

  it('counts rows to update that carry warnings', () => {
    const p = preview(
      [
        ['104233', 'Eric', '', 'Olson', '3/14/2012'],
        ['', 'José', '', 'Peña', '1/5/2016'],
        ['', 'New', '', 'Kid', '1/5/2016', 'Trempealeau Academy'],
      ],
      { existing },
    );
    expect(p.counts).toEqual({ create: 1, update: 2, skip: 0, withWarnings: 2 });
  });
});

describe('previewRoster: schools and mapping', () => {
  it('compares schools without regard to case or spacing', () => {
    expect(only([['1', 'A', '', 'B', '1/1/2015', '  WHITEHALL  elementary school']]).problems).toEqual([]);
    expect(only([['1', 'A', '', 'B', '1/1/2015', 'Lincoln Elementary']]).problems).toEqual([
      { severity: 'warning', field: 'school', message: 'School “Lincoln Elementary” is not in your list of schools yet; it will be added.' },
    ]);
  });

  it('lists required fields that are not mapped, and treats missing headers as empty', () => {
    const p = preview([['1', 'A', '', 'B', '1/1/2015']], { mapping: { legalFirst: 'First', legalLast: 'Nope' } });
    expect(p.unmappedRequired).toEqual(['legalLast', 'dob']);
    expect(p.rows[0]!.action).toBe('skip');
    expect(p.rows[0]!.problems.map((x) => x.field)).toEqual(['legalLast', 'dob']);
  });

  it('does not throw on short rows, odd values or a bad today', () => {
    const rows = [[], ['1'], [undefined as unknown as string, 'A']];
    expect(() => previewRoster({ headers: HEADERS, rows, mapping: MAPPING, today: 'garbage', existing: [], knownSchools: [] })).not.toThrow();
    const p = previewRoster({ headers: HEADERS, rows: [['1', 'A', '', 'B', '1/1/1950']], mapping: MAPPING, today: 'garbage', existing: [], knownSchools: [] });
    expect(p.rows[0]!.action).toBe('create');
  });
});
