import { addDays, format, parse } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEADLINE_SETTINGS,
  dueSoon,
  enrollmentDeadlines,
  type Deadline,
  type DeadlineSettings,
  type EnrollmentForDeadlines,
} from './deadlines.ts';

const S = DEFAULT_DEADLINE_SETTINGS;

function enrollment(over: Partial<EnrollmentForDeadlines> = {}): EnrollmentForDeadlines {
  return {
    enrollmentId: 'e1',
    studentId: 's1',
    program: 'CLTS',
    status: 'active',
    referralDate: null,
    applicationDate: null,
    eligibilityDate: null,
    functionalScreenDate: null,
    assessmentDate: null,
    abbreviatedAssessmentDate: null,
    planDate: null,
    lastPlanReviewDate: null,
    endDate: null,
    unenteredChanges: [],
    ...over,
  };
}

const shift = (iso: string, days: number) => format(addDays(parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1)), days), 'yyyy-MM-dd');
const kinds = (list: Deadline[]) => list.map((d) => d.kind).sort();

interface RuleRow {
  name: string;
  e: Partial<EnrollmentForDeadlines>;
  settings?: Partial<DeadlineSettings>;
  kind: string;
  dueOn: string;
  title: string;
  detail: string;
}

const rules: RuleRow[] = [
  { name: 'CLTS eligibility 45 days from referral', e: { status: 'referred', referralDate: '2026-09-01' },
    kind: 'clts-eligibility', dueOn: '2026-10-16', title: 'CLTS eligibility decision', detail: '45 days from referral on 09/01/2026' },
  { name: 'CLTS annual rescreen', e: { functionalScreenDate: '2026-03-15' },
    kind: 'clts-rescreen', dueOn: '2027-03-15', title: 'CLTS functional rescreen', detail: '12 months from functional screen on 03/15/2026' },
  { name: 'CLTS rescreen from Feb 29 lands on Feb 28', e: { functionalScreenDate: '2028-02-29' },
    kind: 'clts-rescreen', dueOn: '2029-02-28', title: 'CLTS functional rescreen', detail: '12 months from functional screen on 02/29/2028' },
  { name: 'CLTS ISP review from the plan, month end (Aug 31 → Feb 28)', e: { planDate: '2026-08-31' },
    kind: 'plan-review', dueOn: '2027-02-28', title: 'CLTS ISP review', detail: '6 months from plan on 08/31/2026' },
  { name: 'CLTS ISP review, month end into a leap year (Aug 31 → Feb 29)', e: { planDate: '2027-08-31' },
    kind: 'plan-review', dueOn: '2028-02-29', title: 'CLTS ISP review', detail: '6 months from plan on 08/31/2027' },
  { name: 'CLTS ISP review counts from the last review', e: { planDate: '2026-01-10', lastPlanReviewDate: '2026-07-08' },
    kind: 'plan-review', dueOn: '2027-01-08', title: 'CLTS ISP review', detail: '6 months from last plan review on 07/08/2026' },
  { name: 'plan review every 3 months when set so', e: { planDate: '2026-01-10' }, settings: { planReviewMonths: 3 },
    kind: 'plan-review', dueOn: '2026-04-10', title: 'CLTS ISP review', detail: '3 months from plan on 01/10/2026' },
  { name: 'CCS assessment summary 30 days from application', e: { program: 'CCS', status: 'pending', applicationDate: '2026-12-15' },
    kind: 'ccs-assessment', dueOn: '2027-01-14', title: 'CCS assessment summary', detail: '30 days from application on 12/15/2026' },
  { name: 'CCS service plan 30 days from application', e: { program: 'CCS', status: 'pending', applicationDate: '2026-12-15' },
    kind: 'ccs-plan', dueOn: '2027-01-14', title: 'CCS service plan', detail: '30 days from application on 12/15/2026' },
  { name: 'CCS abbreviated assessment expires after 3 months', e: { program: 'CCS', abbreviatedAssessmentDate: '2026-11-30' },
    kind: 'ccs-abbreviated-expiry', dueOn: '2027-02-28', title: 'CCS abbreviated assessment expires', detail: '3 months from abbreviated assessment on 11/30/2026' },
  { name: 'CCS service plan review', e: { program: 'CCS', applicationDate: '2026-01-02', assessmentDate: '2026-01-20', planDate: '2026-01-30' },
    kind: 'plan-review', dueOn: '2026-07-30', title: 'CCS service plan review', detail: '6 months from plan on 01/30/2026' },
  { name: 'unentered change, 10 days', e: { program: 'SCHOOL', unenteredChanges: [{ changeId: 'c9', changedOn: '2026-10-28' }] },
    kind: 'enrollment-change-entry', dueOn: '2026-11-07', title: 'Enter enrollment change in the county system', detail: '10 days from status change on 10/28/2026' },
  { name: 'unentered change on a closed enrollment', e: { status: 'closed', referralDate: '2026-09-01', planDate: '2026-08-31', unenteredChanges: [{ changeId: 'c1', changedOn: '2026-10-28' }] },
    kind: 'enrollment-change-entry', dueOn: '2026-11-07', title: 'Enter enrollment change in the county system', detail: '10 days from status change on 10/28/2026' },
  { name: 'eligibility period changed to 30 days', e: { referralDate: '2026-09-01' }, settings: { cltsEligibilityDays: 30 },
    kind: 'clts-eligibility', dueOn: '2026-10-01', title: 'CLTS eligibility decision', detail: '30 days from referral on 09/01/2026' },
];

describe('enrollmentDeadlines: one row per rule, with the day before, on and after', () => {
  it.each(rules)('$name', (row) => {
    const settings = { ...S, ...row.settings };
    const found = enrollmentDeadlines(enrollment(row.e), settings).filter((d) => d.kind === row.kind);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d).toMatchObject({ dueOn: row.dueOn, title: row.title, detail: row.detail, studentId: 's1', enrollmentId: 'e1' });
    expect(d.key.startsWith(`${row.kind}:e1`)).toBe(true);

    const on = (today: string) => dueSoon([d], today, settings)[0];
    expect(on(shift(row.dueOn, -1))).toMatchObject({ daysLeft: 1, bucket: 'week' });
    expect(on(row.dueOn)).toMatchObject({ daysLeft: 0, bucket: 'week' });
    expect(on(shift(row.dueOn, 1))).toMatchObject({ daysLeft: -1, bucket: 'overdue' });
  });
});

describe('enrollmentDeadlines: when a rule does not apply', () => {
  it('a decided CLTS eligibility, a CCS with assessment and plan, and other programs owe nothing', () => {
    expect(enrollmentDeadlines(enrollment({ referralDate: '2026-09-01', eligibilityDate: '2026-09-20' }), S)).toEqual([]);
    const ccs = enrollment({ program: 'CCS', applicationDate: '2026-01-02', assessmentDate: '2026-01-20', planDate: '2026-01-30' });
    expect(kinds(enrollmentDeadlines(ccs, S))).toEqual(['plan-review']);
    const school = enrollment({ program: 'SCHOOL', referralDate: '2026-09-01', planDate: '2026-09-01', functionalScreenDate: '2026-09-01' });
    expect(enrollmentDeadlines(school, S)).toEqual([]);
  });

  it('a closed enrollment gives only its unentered status changes', () => {
    const closed = enrollment({
      status: 'closed',
      referralDate: '2026-09-01',
      functionalScreenDate: '2026-03-15',
      planDate: '2026-08-31',
      endDate: '2026-10-28',
    });
    expect(enrollmentDeadlines(closed, S)).toEqual([]);
    const withChanges = {
      ...closed,
      unenteredChanges: [
        { changeId: 'c1', changedOn: '2026-10-28' },
        { changeId: 'c2', changedOn: '2026-10-30' },
      ],
    };
    const list = enrollmentDeadlines(withChanges, S);
    expect(list.map((d) => d.key)).toEqual(['enrollment-change-entry:e1:c1', 'enrollment-change-entry:e1:c2']);
  });

  it('a full assessment after an abbreviated one cancels the expiry; one on or before it does not', () => {
    const base = { program: 'CCS', abbreviatedAssessmentDate: '2026-11-30', planDate: '2026-12-01' } as const;
    const expiry = (assessmentDate: string | null) =>
      enrollmentDeadlines(enrollment({ ...base, assessmentDate }), S).some((d) => d.kind === 'ccs-abbreviated-expiry');
    expect(expiry(null)).toBe(true);
    expect(expiry('2026-11-29')).toBe(true);
    expect(expiry('2026-11-30')).toBe(true);
    expect(expiry('2026-12-01')).toBe(false);
  });

  it('a damaged stored date leaves that rule out instead of guessing', () => {
    expect(enrollmentDeadlines(enrollment({ referralDate: '2026-02-30', functionalScreenDate: 'soon' }), S)).toEqual([]);
  });

  it('keys are stable across calls', () => {
    const e = enrollment({ referralDate: '2026-09-01', functionalScreenDate: '2026-03-15', planDate: '2026-03-20' });
    const keys = enrollmentDeadlines(e, S).map((d) => d.key);
    expect(keys).toEqual(enrollmentDeadlines(e, S).map((d) => d.key));
    expect(keys.sort()).toEqual(['clts-eligibility:e1', 'clts-rescreen:e1', 'plan-review:e1']);
  });
});

function item(title: string, dueOn: string): Deadline {
  return { key: `k:${title}`, kind: 'k', studentId: 's', enrollmentId: null, title, detail: '', dueOn };
}

describe('dueSoon buckets', () => {
  const today = '2026-11-02';
  it.each([
    { days: -1, bucket: 'overdue' },
    { days: 0, bucket: 'week' },
    { days: 7, bucket: 'week' },
    { days: 8, bucket: 'month' },
    { days: 30, bucket: 'month' },
    { days: 31, bucket: null },
  ])('due in $days days → $bucket', ({ days, bucket }) => {
    const got = dueSoon([item('x', shift(today, days))], today, S);
    if (bucket === null) expect(got).toEqual([]);
    else expect(got).toEqual([expect.objectContaining({ daysLeft: days, bucket })]);
  });

  it('follows the dueSoonDays setting', () => {
    const s = { ...S, dueSoonDays: 14 };
    expect(dueSoon([item('x', shift(today, 14))], today, s)).toHaveLength(1);
    expect(dueSoon([item('x', shift(today, 15))], today, s)).toEqual([]);
  });

  it('counts calendar days across the DST change', () => {
    expect(dueSoon([item('x', '2026-11-02')], '2026-10-31', S)[0]?.daysLeft).toBe(2);
    expect(dueSoon([item('x', '2027-03-15')], '2027-03-13', S)[0]?.daysLeft).toBe(2);
  });

  it('sorts overdue first, then by date, then title', () => {
    const list = [
      item('Zebra', shift(today, 3)),
      item('Apple', shift(today, 3)),
      item('Late', shift(today, -40)),
      item('Later', shift(today, -2)),
      item('Soon', shift(today, 1)),
      item('Far', shift(today, 90)),
    ];
    expect(dueSoon(list, today, S).map((d) => d.title)).toEqual(['Late', 'Later', 'Soon', 'Apple', 'Zebra']);
  });

  it('ignores a bad today or a bad due date instead of throwing', () => {
    expect(dueSoon([item('x', today)], 'not a date', S)).toEqual([]);
    expect(dueSoon([item('x', '2026-13-01')], today, S)).toEqual([]);
  });
});
