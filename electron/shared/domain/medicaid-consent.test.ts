import { describe, expect, it } from 'vitest';
import { medicaidConsentStatus, noticeForDecision, oneYearAfter } from './medicaid-consent.ts';

describe('Medicaid billing consent status', () => {
  it.each([
    { name: 'nothing recorded', decisions: [], notices: [], want: { state: 'none', since: null, lastNoticeOn: null, nextNoticeDue: null } },
    { name: 'notice only', decisions: [], notices: ['2026-09-01'], want: { state: 'none', lastNoticeOn: '2026-09-01', nextNoticeDue: null } },
    {
      name: 'given: next notice a year after the last one',
      decisions: [{ decision: 'given', decidedOn: '2025-09-10', withdrawnOn: null }],
      notices: ['2025-09-01', '2026-08-28'],
      want: { state: 'given', since: '2025-09-10', lastNoticeOn: '2026-08-28', nextNoticeDue: '2027-08-28' },
    },
    { name: 'refused', decisions: [{ decision: 'refused', decidedOn: '2026-09-10', withdrawnOn: null }], notices: ['2026-09-01'], want: { state: 'refused', nextNoticeDue: null } },
    {
      name: 'withdrawn: no more notices due',
      decisions: [{ decision: 'given', decidedOn: '2025-09-10', withdrawnOn: '2026-01-15' }],
      notices: ['2025-09-01'],
      want: { state: 'withdrawn', since: '2026-01-15', nextNoticeDue: null },
    },
    {
      name: 'refused, then given later: the later decision stands',
      decisions: [
        { decision: 'refused', decidedOn: '2025-09-10', withdrawnOn: null },
        { decision: 'given', decidedOn: '2026-02-01', withdrawnOn: null },
      ],
      notices: ['2025-09-01', '2026-01-20'],
      want: { state: 'given', since: '2026-02-01', nextNoticeDue: '2027-01-20' },
    },
  ] as const)('$name', ({ decisions, notices, want }) => {
    expect(medicaidConsentStatus(decisions, notices)).toMatchObject(want);
  });

  it('a year after 29 February is 28 February', () => {
    expect(oneYearAfter('2028-02-29')).toBe('2029-02-28');
    expect(oneYearAfter('not a date')).toBeNull();
  });

  it('a decision answers the latest notice given on or before its day', () => {
    const notices = [{ givenOn: '2025-09-01' }, { givenOn: '2026-09-01' }, { givenOn: '2026-09-20' }];
    expect(noticeForDecision(notices, '2026-09-10')).toEqual({ givenOn: '2026-09-01' });
    expect(noticeForDecision(notices, '2026-09-01')).toEqual({ givenOn: '2026-09-01' });
    expect(noticeForDecision(notices, '2025-08-31')).toBeNull();
  });
});
