import { addDays, format, subYears } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { requiredSigners, type GuardianForSigning } from './signers.ts';
import { parseIsoDate } from './text.ts';
import type { RecordCategory, SignerRole } from './types.ts';

const ON = '2026-09-15';
const MOM: GuardianForSigning = { name: 'Rosa Peña', legalAuthority: 'parent', courtOrderOnFile: false, noAccess: false };

/** Date of birth for a student who turns `years` on ON + `shift` days (shift 0 = today, 1 = tomorrow, -1 = yesterday). */
function dobTurning(years: number, shift: number): string {
  const on = parseIsoDate(ON);
  if (!on) throw new Error('bad ON');
  return format(addDays(subYears(on, years), shift), 'yyyy-MM-dd');
}

const P: SignerRole = 'parent_or_guardian';
const S: SignerRole = 'student';

/** What each category set needs at a given age (one parent on file). */
const EXPECTED: { cats: RecordCategory[]; at: (age: number) => SignerRole[] }[] = [
  { cats: ['education_progress'], at: (a) => (a >= 18 ? [S] : [P]) },
  { cats: ['mental_health_treatment'], at: (a) => (a >= 18 ? [S] : a >= 14 ? [P, S] : [P]) },
  { cats: ['aoda_treatment'], at: (a) => (a >= 12 ? [S] : [P]) },
  { cats: ['aoda_treatment', 'attendance'], at: (a) => (a >= 18 ? [S] : a >= 12 ? [P, S] : [P]) },
  { cats: ['mental_health_treatment', 'aoda_treatment'], at: (a) => (a >= 18 ? [S] : a >= 12 ? [P, S] : [P]) },
];

const boundaries = [12, 14, 18].flatMap((years) => [
  { years, when: 'the day before turning', shift: 1, age: years - 1 },
  { years, when: 'on turning', shift: 0, age: years },
  { years, when: 'the day after turning', shift: -1, age: years },
]);
const rows = boundaries.flatMap((b) => EXPECTED.map((e) => ({ ...b, cats: e.cats, expected: [...e.at(b.age)].sort() })));

describe('requiredSigners: boundary birthdays × categories', () => {
  it.each(rows)('$cats, $when $years → $expected', ({ years, shift, age, cats, expected }) => {
    const result = requiredSigners({ studentDob: dobTurning(years, shift), onDate: ON, categories: cats, guardians: [MOM] });
    expect(result.age).toBe(age);
    expect(result.lines.map((l) => l.role).sort()).toEqual(expected);
    expect(result.problems).toEqual([]);
  });

  it('a 02/29 birthday is reached on 03/01 in a common year', () => {
    const at = (onDate: string) => requiredSigners({ studentDob: '2008-02-29', onDate, categories: ['attendance'], guardians: [MOM] });
    expect(at('2026-02-28').age).toBe(17);
    expect(at('2026-02-28').lines.map((l) => l.role)).toEqual([P]);
    expect(at('2026-03-01').age).toBe(18);
    expect(at('2026-03-01').lines.map((l) => l.role)).toEqual([S]);
  });

  it('names the signers and says why', () => {
    const result = requiredSigners({ studentDob: dobTurning(15, 0), onDate: ON, categories: ['mental_health_treatment'], guardians: [MOM], studentName: 'Ana Peña' });
    expect(result.lines).toEqual([
      { role: S, name: 'Ana Peña', why: expect.stringContaining('14 or older') },
      { role: P, name: 'Rosa Peña', why: expect.stringContaining('under 18') },
    ]);
  });
});

describe('requiredSigners: who may sign for a minor', () => {
  const dob = dobTurning(15, 0);
  const sign = (categories: RecordCategory[], guardians: GuardianForSigning[]) =>
    requiredSigners({ studentDob: dob, onDate: ON, categories, guardians });
  const dad: GuardianForSigning = { name: 'Luis Peña', legalAuthority: 'parent', courtOrderOnFile: false, noAccess: true };

  it('a parent denied physical placement cannot sign for treatment records', () => {
    const result = sign(['mental_health_treatment'], [dad]);
    expect(result.lines.map((l) => l.role)).toEqual([S]);
    expect(result.problems).toEqual([
      expect.stringContaining('Luis Peña has no access to treatment records'),
      expect.stringContaining('No parent or guardian who may sign'),
    ]);
  });

  it('…but may sign for pupil records, and the other parent signs for treatment records', () => {
    expect(sign(['attendance'], [dad]).lines).toEqual([{ role: P, name: 'Luis Peña', why: expect.any(String) }]);
    expect(sign(['mental_health_treatment'], [dad, MOM]).lines[1]).toEqual({ role: P, name: 'Rosa Peña', why: expect.any(String) });
  });

  it('a legal representative counts only with the court order on file', () => {
    const rep: GuardianForSigning = { name: 'Jo Olson', legalAuthority: 'legal_representative', courtOrderOnFile: false, noAccess: false };
    expect(sign(['attendance'], [rep]).problems).toEqual([
      'Jo Olson can sign only once the court order is on file.',
      expect.stringContaining('No parent or guardian'),
    ]);
    const withOrder = sign(['attendance'], [{ ...rep, courtOrderOnFile: true }]);
    expect(withOrder.problems).toEqual([]);
    expect(withOrder.lines).toEqual([{ role: 'legal_representative', name: 'Jo Olson', why: expect.stringContaining('order on file') }]);
  });

  it('a court-appointed guardian outranks the parents; a guardian without the order does not count', () => {
    const gran: GuardianForSigning = { name: 'Mee Xiong', legalAuthority: 'legal_guardian', courtOrderOnFile: true, noAccess: false };
    expect(sign(['attendance'], [MOM, gran]).lines).toEqual([{ role: P, name: 'Mee Xiong', why: expect.stringContaining('court-appointed') }]);
    expect(sign(['attendance'], [MOM, { ...gran, courtOrderOnFile: false }]).lines[0]?.name).toBe('Rosa Peña');
  });

  it('two parents: one line, either may sign', () => {
    const [line] = sign(['attendance'], [MOM, { ...MOM, name: 'Luis Peña' }]).lines;
    expect(line?.name).toBeUndefined();
    expect(line?.why).toContain('Any one of: Rosa Peña, Luis Peña.');
  });

  it('a contact with no legal authority never signs', () => {
    const coach: GuardianForSigning = { name: 'Coach', legalAuthority: 'none', courtOrderOnFile: true, noAccess: false };
    expect(sign(['attendance'], [coach]).lines).toEqual([]);
    expect(sign(['attendance'], [coach]).problems).toHaveLength(1);
  });

  it('a 12+ minor signs alone for alcohol/drug records even with no guardian on file', () => {
    expect(requiredSigners({ studentDob: dobTurning(12, 0), onDate: ON, categories: ['aoda_treatment'], guardians: [] })).toEqual({
      age: 12,
      lines: [{ role: S, why: expect.stringContaining('12 or older') }],
      problems: [],
    });
  });
});

describe('requiredSigners: adults and bad input', () => {
  it('an adult with a court-appointed guardian: both sign', () => {
    const rep: GuardianForSigning = { name: 'Jo Olson', legalAuthority: 'legal_guardian', courtOrderOnFile: true, noAccess: false };
    const result = requiredSigners({ studentDob: dobTurning(19, 0), onDate: ON, categories: ['attendance'], guardians: [MOM, rep] });
    expect(result.lines.map((l) => [l.role, l.name])).toEqual([[S, undefined], ['legal_representative', 'Jo Olson']]);
  });

  it.each([
    [null, 'date of birth'],
    ['2026-02-30', 'date of birth'],
    ['2027-01-01', 'after the signing date'],
  ])('dob %s → no lines, a problem', (dob, words) => {
    const result = requiredSigners({ studentDob: dob, onDate: ON, categories: ['attendance'], guardians: [MOM] });
    expect(result.lines).toEqual([]);
    expect(result.problems[0]).toContain(words);
  });
});
