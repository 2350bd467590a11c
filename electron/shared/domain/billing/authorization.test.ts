import { describe, expect, it } from 'vitest';
import { authorizationCovers, authorizationFits, checkAuthorization, remainingText, unitsUsed, type AuthorizationRequest } from './authorization.ts';
import { authorization, clock, CLTS, entry, mins, onFile } from './fixtures.ts';
import type { ServiceEntry } from './types.ts';

const pa = authorization(); // 1001: T1016, 100 units, 01/01/2026–12/31/2026, student s1
const linked = (over: Partial<ServiceEntry>) => entry({ authorizationId: 'pa1', ...over });

describe('authorizationCovers: both ends count', () => {
  it.each([
    ['2025-12-31', false],
    ['2026-01-01', true],
    ['2026-06-15', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
    ['2026-02-30', false],
  ])('%s → %s', (date, covered) => {
    expect(authorizationCovers(pa, date)).toBe(covered);
  });

  it('an authorization with an unreadable date covers nothing', () => {
    expect(authorizationCovers(authorization({ endDate: 'soon' }), '2026-06-15')).toBe(false);
  });
});

describe('authorizationFits', () => {
  it.each([
    [[], 'T1016', [], true],
    [[], 't1016 ', ['CG'], true],
    [[], 'H2017', [], false],
    [['CG'], 'T1016', [], false],
    [['CG'], 'T1016', ['cg'], true],
    [['CG', 'GT'], 'T1016', ['GT', 'CG'], true],
    [['CG'], 'T1016', ['CG', 'GT'], false],
  ] as const)('PA modifiers %j, line %s %j → %s', (paModifiers, code, modifiers, fits) => {
    expect(authorizationFits(authorization({ modifiers: paModifiers }), code, modifiers)).toBe(fits);
  });
});

describe('checkAuthorization', () => {
  const req = (over: Partial<AuthorizationRequest> = {}): AuthorizationRequest => ({
    studentId: 's1', program: 'CLTS', date: '2026-11-03', procedureCode: 'T1016', modifiers: [], units: 2, linkedId: null, ...over,
  });

  it.each([
    { used: 0, units: 2, ok: true, after: 98, warns: false },
    { used: 90, units: 2, ok: true, after: 8, warns: false },
    { used: 91, units: 2, ok: true, after: 7, warns: true },
    { used: 98, units: 2, ok: true, after: 0, warns: true },
    { used: 99, units: 2, ok: false, after: null, warns: false },
    { used: 100, units: 0, ok: true, after: 0, warns: true },
    { used: 99.5, units: 0.5, ok: true, after: 0, warns: true },
    { used: 99.6, units: 0.5, ok: false, after: null, warns: false },
  ])('used $used, needs $units → ok $ok, $after left', ({ used, units, ok, after, warns }) => {
    const got = checkAuthorization(req({ units }), [onFile(pa, used)], 8);
    expect(got.ok).toBe(ok);
    if (got.ok) {
      expect(got.remainingAfter).toBe(after);
      expect(got.warning !== null).toBe(warns);
    } else expect(got.code).toBe('authorization_exhausted');
  });

  it('reports the closest when none has enough units', () => {
    const a = authorization({ id: 'a', number: 'A', endDate: '2026-11-30' });
    const b = authorization({ id: 'b', number: 'B' });
    const got = checkAuthorization(req({ units: 5 }), [onFile(a, 98), onFile(b, 97)], 8);
    expect(got).toMatchObject({ ok: false, code: 'authorization_exhausted', authorization: { id: 'b' } });
  });

  it('never shows a negative count of units left', () => {
    const got = checkAuthorization(req(), [onFile(pa, 104)], 8);
    expect(got.ok ? '' : got.message).toBe('Authorization 1001 has 0 units left; this entry needs 2 units. Ask for more units before billing it.');
  });

  it('a linked authorization of another program is not found', () => {
    const got = checkAuthorization(req({ linkedId: 'pa1', program: 'CCS' }), [onFile(pa)], 8);
    expect(got).toMatchObject({ ok: false, code: 'no_authorization' });
  });

  it('a linked authorization is used even when another would be picked first', () => {
    const early = authorization({ id: 'early', endDate: '2026-11-30' });
    expect(checkAuthorization(req({ linkedId: 'pa1' }), [onFile(early), onFile(pa)], 8)).toMatchObject({ ok: true, authorization: { id: 'pa1' } });
    expect(checkAuthorization(req(), [onFile(pa), onFile(early)], 8)).toMatchObject({ ok: true, authorization: { id: 'early' } });
  });
});

describe('unitsUsed', () => {
  it('adds up the linked, claimed entries on covered days', () => {
    const entries = [
      linked({ id: 'a' }), // 30 min → 2
      linked({ id: 'b', time: clock('13:00', '13:23') }), // 23 → 2
      linked({ id: 'c', time: mins(7) }), // 7 → 0
      linked({ id: 'd', travelMinutes: 60 }), // travel not billed → 2
      entry({ id: 'unlinked' }),
      linked({ id: 'other-pa', authorizationId: 'pa2' }),
      linked({ id: 'other-student', studentId: 's2' }),
      linked({ id: 'school', fundingStream: 'school_medicaid' }),
      linked({ id: 'not-claimed', fundingStream: 'none' }),
      linked({ id: 'ccs', program: 'CCS', fundingStream: 'ccs' }),
      linked({ id: 'before', date: '2025-12-31' }),
      linked({ id: 'unreadable', time: clock('10:30', '10:00') }),
    ];
    expect(unitsUsed(pa, entries, CLTS)).toBe(6);
  });

  it('counts only the part of a late-night service that falls in the authorization', () => {
    const e = linked({ date: '2026-12-31', time: clock('23:00', '01:00', true) });
    expect(unitsUsed(pa, [e], CLTS)).toBe(4);
    expect(unitsUsed(authorization({ startDate: '2027-01-01', endDate: '2027-12-31' }), [e], CLTS)).toBe(4);
    expect(unitsUsed(authorization({ endDate: '2027-12-31' }), [e], CLTS)).toBe(8);
  });

  it('rounds each month’s total under a month-total rule', () => {
    const profile = { ...CLTS, roundingRule: 'eight_minute_month_total' as const };
    const entries = [
      linked({ id: 'n1', date: '2026-11-03', time: mins(7) }),
      linked({ id: 'n2', date: '2026-11-20', time: mins(7) }),
      linked({ id: 'd1', date: '2026-12-02', time: mins(7) }),
    ];
    expect(unitsUsed(pa, entries, profile)).toBe(1);
    expect(unitsUsed(pa, entries, CLTS)).toBe(0);
  });

  it('counts travel and documentation when the profile bills them', () => {
    const e = linked({ travelMinutes: 15, documentationMinutes: 15 });
    expect(unitsUsed(pa, [e], CLTS)).toBe(2);
    expect(unitsUsed(pa, [e], { ...CLTS, billTravelMinutes: true, billDocumentationMinutes: true })).toBe(4);
  });

  it('remainingText', () => {
    expect(remainingText(pa, 88)).toBe('12 units left of 100');
    expect(remainingText(pa, 99)).toBe('1 unit left of 100');
  });
});
