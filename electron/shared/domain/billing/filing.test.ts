import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_SETTINGS, dueSoon } from '../deadlines.ts';
import { CCS, CLTS, entry } from './fixtures.ts';
import { isPastTimelyFiling, timelyFilingDeadline, timelyFilingDeadlines } from './filing.ts';

describe('timelyFilingDeadline', () => {
  it.each([
    ['2026-11-03', 365, '2027-11-03'],
    ['2027-03-01', 365, '2028-02-29'],
    ['2028-02-29', 365, '2029-02-28'],
    ['2026-12-31', 90, '2027-03-31'],
    ['2026-02-30', 365, null],
  ])('%s + %i days → %s', (date, days, deadline) => {
    expect(timelyFilingDeadline(date, { timelyFilingDays: days })).toBe(deadline);
  });
});

describe('isPastTimelyFiling', () => {
  it.each([
    ['2027-11-02', false],
    ['2027-11-03', false],
    ['2027-11-04', true],
    ['2030-01-01', true],
    ['not a date', true],
  ])('service on 11/03/2026, today %s → %s', (today, past) => {
    expect(isPastTimelyFiling('2026-11-03', today, CLTS)).toBe(past);
  });
});

describe('timelyFilingDeadlines: the due-soon items for entries not yet exported', () => {
  const entries = [
    entry({ id: 'a', date: '2026-11-03' }),
    entry({ id: 'b', date: '2026-10-15' }),
    entry({ id: 'c', date: '2026-09-01', exportedOn: '2026-10-01' }),
    entry({ id: 'd', date: '2026-08-01', fundingStream: 'school_medicaid' }),
    entry({ id: 'e', date: '2026-08-02', fundingStream: 'none' }),
    entry({ id: 'f', date: '2026-10-20', studentId: 's2', program: 'CCS', fundingStream: 'ccs' }),
    entry({ id: 'g', date: '2026-07-01', program: 'SCHOOL', fundingStream: 'school_medicaid' }),
    entry({ id: 'h', date: '2026-13-01' }),
  ];

  it('one item per student and program, due on the earliest deadline', () => {
    expect(timelyFilingDeadlines(entries, [CLTS, CCS])).toEqual([
      {
        key: 'timely-filing:s1:CLTS',
        kind: 'timely-filing',
        studentId: 's1',
        enrollmentId: null,
        title: 'Export CLTS service time for billing',
        detail: '2 entries not exported yet; the oldest, from 10/15/2026, must be filed within 365 days of service',
        dueOn: '2027-10-15',
      },
      {
        key: 'timely-filing:s2:CCS',
        kind: 'timely-filing',
        studentId: 's2',
        enrollmentId: null,
        title: 'Export CCS service time for billing',
        detail: '1 entry not exported yet; the oldest, from 10/20/2026, must be filed within 365 days of service',
        dueOn: '2027-10-20',
      },
    ]);
  });

  it('nothing when everything is exported', () => {
    expect(timelyFilingDeadlines([entry({ exportedOn: '2026-11-30' })], [CLTS])).toEqual([]);
  });

  it('feeds the due-soon panel like any other deadline', () => {
    const items = timelyFilingDeadlines(entries, [CLTS, CCS]);
    expect(dueSoon(items, '2027-09-01', DEFAULT_DEADLINE_SETTINGS)).toEqual([]);
    expect(dueSoon(items, '2027-09-20', DEFAULT_DEADLINE_SETTINGS).map((d) => [d.key, d.daysLeft, d.bucket])).toEqual([
      ['timely-filing:s1:CLTS', 25, 'month'],
      ['timely-filing:s2:CCS', 30, 'month'],
    ]);
    expect(dueSoon(items, '2027-10-16', DEFAULT_DEADLINE_SETTINGS).map((d) => [d.key, d.bucket])).toEqual([
      ['timely-filing:s1:CLTS', 'overdue'],
      ['timely-filing:s2:CCS', 'week'],
    ]);
  });

  it('follows each profile’s own number of days', () => {
    const [item] = timelyFilingDeadlines([entry({ date: '2026-11-03' })], [{ ...CLTS, timelyFilingDays: 180 }]);
    expect(item?.dueOn).toBe('2027-05-02');
  });
});
