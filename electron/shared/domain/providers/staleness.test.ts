import { describe, expect, it } from 'vitest';
import { provider } from './fixtures.ts';
import { isStale, staleFrom, staleProviders } from './staleness.ts';

describe('staleFrom and isStale: the day before, the day of, with month ends', () => {
  it.each<{ name: string; verified: string; months?: number; from: string; dayBefore: string }>([
    { name: 'mid-month, 6 months', verified: '2026-03-15', from: '2026-09-15', dayBefore: '2026-09-14' },
    { name: 'Aug 31 + 6 months lands on Feb 28', verified: '2026-08-31', from: '2027-02-28', dayBefore: '2027-02-27' },
    { name: 'Aug 31 + 6 months into a leap year lands on Feb 29', verified: '2027-08-31', from: '2028-02-29', dayBefore: '2028-02-28' },
    { name: 'Mar 31 + 6 months lands on Sep 30', verified: '2026-03-31', from: '2026-09-30', dayBefore: '2026-09-29' },
    { name: 'Feb 28 + 6 months stays on the 28th', verified: '2026-02-28', from: '2026-08-28', dayBefore: '2026-08-27' },
    { name: 'across a year end', verified: '2026-10-01', from: '2027-04-01', dayBefore: '2027-03-31' },
    { name: 'Jan 31 + 1 month lands on Feb 28', verified: '2026-01-31', months: 1, from: '2026-02-28', dayBefore: '2026-02-27' },
    { name: 'Feb 29 + 12 months lands on Feb 28', verified: '2028-02-29', months: 12, from: '2029-02-28', dayBefore: '2029-02-27' },
  ])('$name', ({ verified, months, from, dayBefore }) => {
    expect(staleFrom(verified, months)).toBe(from);
    expect(isStale(verified, dayBefore, months)).toBe(false);
    expect(isStale(verified, from, months)).toBe(true);
    expect(isStale(verified, '2031-01-01', months)).toBe(true);
  });

  it.each<{ name: string; verified: string | null; today: string; stale: boolean }>([
    { name: 'never verified', verified: null, today: '2026-10-01', stale: true },
    { name: 'a date that is not real', verified: '2026-02-30', today: '2026-10-01', stale: true },
    { name: 'verified today', verified: '2026-10-01', today: '2026-10-01', stale: false },
    { name: 'verified after today (entered ahead)', verified: '2026-12-01', today: '2026-10-01', stale: false },
    { name: 'today not a real date', verified: '2026-10-01', today: 'soon', stale: true },
  ])('$name → stale: $stale', ({ verified, today, stale }) => {
    expect(isStale(verified, today)).toBe(stale);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %d months', (months) => {
    expect(() => isStale('2026-01-01', '2026-10-01', months)).toThrow(RangeError);
    expect(() => staleProviders([], '2026-10-01', months)).toThrow(RangeError);
  });
});

describe('staleProviders', () => {
  const list = [
    provider({ id: 'fresh', name: 'Fresh Start', lastVerifiedOn: '2026-09-01' }),
    provider({ id: 'b', name: 'birch Clinic', lastVerifiedOn: '2026-01-10' }),
    provider({ id: 'a', name: 'Aspen', lastVerifiedOn: '2026-01-10' }),
    provider({ id: 'old', name: 'Oak', lastVerifiedOn: '2025-06-30' }),
    provider({ id: 'never', name: 'Zinnia', lastVerifiedOn: null }),
    provider({ id: 'bad', name: 'Maple', lastVerifiedOn: '2026-13-01' }),
  ];

  it('lists never verified first, then the longest stale, then by name; fresh ones are left out', () => {
    const out = staleProviders(list, '2026-10-01');
    expect(out.map((s) => s.provider.id)).toEqual(['bad', 'never', 'old', 'a', 'b']);
    expect(out.map((s) => s.reason)).toEqual([
      'The last-verified date "2026-13-01" is not a real date.',
      'Never verified.',
      'Last verified 06/30/2025; details are checked every 6 months, so due since 12/30/2025.',
      'Last verified 01/10/2026; details are checked every 6 months, so due since 07/10/2026.',
      'Last verified 01/10/2026; details are checked every 6 months, so due since 07/10/2026.',
    ]);
    expect(out[2]?.staleSince).toBe('2025-12-30');
  });

  it('takes the number of months as a setting', () => {
    expect(staleProviders(list, '2026-10-01', 12).map((s) => s.provider.id)).toEqual(['bad', 'never', 'old']);
    expect(staleProviders(list, '2026-10-01', 1).map((s) => s.provider.id)).toEqual(['bad', 'never', 'old', 'a', 'b', 'fresh']);
  });
});
