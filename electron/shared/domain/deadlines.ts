/**
 * Program deadlines (CLTS, CCS, county data entry) computed from an
 * enrollment's dates, and the "due soon" list built from them. Every period is
 * a setting: several figures are county practice rather than rule text.
 */
import { addDays, addMonths, differenceInCalendarDays, isValid } from 'date-fns';

export type IsoDate = string; // 'YYYY-MM-DD'

export interface DeadlineSettings {
  planReviewMonths: number;
  cltsEligibilityDays: number;
  cltsRescreenMonths: number;
  ccsAssessmentDays: number;
  ccsPlanDays: number;
  abbreviatedAssessmentMonths: number;
  enrollmentChangeEntryDays: number;
  dueSoonDays: number;
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  planReviewMonths: 6,
  cltsEligibilityDays: 45,
  cltsRescreenMonths: 12,
  ccsAssessmentDays: 30,
  ccsPlanDays: 30,
  abbreviatedAssessmentMonths: 3,
  enrollmentChangeEntryDays: 10,
  dueSoonDays: 30,
};

export interface EnrollmentForDeadlines {
  enrollmentId: string;
  studentId: string;
  /** 'CLTS' | 'CCS' | 'SCHOOL' | other configured programs (no deadlines for those). */
  program: string;
  status: 'referred' | 'pending' | 'active' | 'closed';
  referralDate: IsoDate | null;
  applicationDate: IsoDate | null;
  eligibilityDate: IsoDate | null;
  functionalScreenDate: IsoDate | null;
  assessmentDate: IsoDate | null;
  abbreviatedAssessmentDate: IsoDate | null;
  planDate: IsoDate | null;
  lastPlanReviewDate: IsoDate | null;
  endDate: IsoDate | null;
  /** Status changes not yet entered in the county system. */
  unenteredChanges: { changeId: string; changedOn: IsoDate }[];
}

/** Open on purpose: consents and referrals add their own kinds. */
export type DueKind = string;

export interface Deadline {
  key: string;
  kind: DueKind;
  studentId: string;
  enrollmentId: string | null;
  title: string;
  detail: string;
  dueOn: IsoDate;
}

export interface DueItem extends Deadline {
  daysLeft: number;
  bucket: 'overdue' | 'week' | 'month';
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_DAYS = 7;
const TITLE_ORDER = new Intl.Collator('en');

/**
 * Strict: the stored value must be a real calendar date, else the rule is left
 * out rather than guessed. Read by hand because this runs for every enrollment
 * date on every caseload load, and a general-purpose parser costs ~20× more;
 * the date arithmetic itself stays with date-fns.
 */
export function parseIsoDate(value: IsoDate | null | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  // new Date rolls 02/30 over to March: a rolled-over date was not a real one.
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const toIso = (date: Date): IsoDate => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
const shown = (date: Date): string => `${pad(date.getMonth() + 1)}/${pad(date.getDate())}/${date.getFullYear()}`;
const count = (n: number, unit: 'day' | 'month') => `${n} ${unit}${n === 1 ? '' : 's'}`;

type Period = { days: number } | { months: number };

function after(from: Date, period: Period): Date {
  return 'days' in period ? addDays(from, period.days) : addMonths(from, period.months);
}

function periodText(period: Period): string {
  return 'days' in period ? count(period.days, 'day') : count(period.months, 'month');
}

export function enrollmentDeadlines(e: EnrollmentForDeadlines, s: DeadlineSettings): Deadline[] {
  const out: Deadline[] = [];
  const add = (kind: DueKind, title: string, from: IsoDate | null, period: Period, fromWhat: string, keySuffix = '') => {
    const start = parseIsoDate(from);
    if (!start) return;
    const due = after(start, period);
    if (!isValid(due)) return;
    out.push({
      key: `${kind}:${e.enrollmentId}${keySuffix}`,
      kind,
      studentId: e.studentId,
      enrollmentId: e.enrollmentId,
      title,
      detail: `${periodText(period)} from ${fromWhat} on ${shown(start)}`,
      dueOn: toIso(due),
    });
  };

  // Closed enrollments still owe the county their data entry, nothing else.
  for (const change of e.unenteredChanges) {
    add(
      'enrollment-change-entry',
      'Enter enrollment change in the county system',
      change.changedOn,
      { days: s.enrollmentChangeEntryDays },
      'status change',
      `:${change.changeId}`,
    );
  }
  if (e.status === 'closed') return out;

  const planReview = (title: string) => {
    const fromReview = e.lastPlanReviewDate !== null && parseIsoDate(e.lastPlanReviewDate) !== null;
    add(
      'plan-review',
      title,
      fromReview ? e.lastPlanReviewDate : e.planDate,
      { months: s.planReviewMonths },
      fromReview ? 'last plan review' : 'plan',
    );
  };

  if (e.program === 'CLTS') {
    if (!e.eligibilityDate) {
      add('clts-eligibility', 'CLTS eligibility decision', e.referralDate, { days: s.cltsEligibilityDays }, 'referral');
    }
    add('clts-rescreen', 'CLTS functional rescreen', e.functionalScreenDate, { months: s.cltsRescreenMonths }, 'functional screen');
    planReview('CLTS ISP review');
  } else if (e.program === 'CCS') {
    if (!e.assessmentDate) {
      add('ccs-assessment', 'CCS assessment summary', e.applicationDate, { days: s.ccsAssessmentDays }, 'application');
    }
    if (!e.planDate) {
      add('ccs-plan', 'CCS service plan', e.applicationDate, { days: s.ccsPlanDays }, 'application');
    }
    const abbreviated = parseIsoDate(e.abbreviatedAssessmentDate);
    const full = parseIsoDate(e.assessmentDate);
    if (abbreviated && !(full && differenceInCalendarDays(full, abbreviated) > 0)) {
      add(
        'ccs-abbreviated-expiry',
        'CCS abbreviated assessment expires',
        e.abbreviatedAssessmentDate,
        { months: s.abbreviatedAssessmentMonths },
        'abbreviated assessment',
      );
    }
    planReview('CCS service plan review');
  }
  return out;
}

/** Keeps what is overdue or due within s.dueSoonDays of today; overdue first, then by date, then title. */
export function dueSoon(items: readonly Deadline[], today: IsoDate, s: DeadlineSettings): DueItem[] {
  const now = parseIsoDate(today);
  if (!now) return [];
  const out: DueItem[] = [];
  for (const item of items) {
    const due = parseIsoDate(item.dueOn);
    if (!due) continue;
    const daysLeft = differenceInCalendarDays(due, now);
    if (daysLeft > s.dueSoonDays) continue;
    const bucket = daysLeft < 0 ? 'overdue' : daysLeft <= WEEK_DAYS ? 'week' : 'month';
    out.push({ ...item, daysLeft, bucket });
  }
  const overdueFirst = (i: DueItem) => (i.bucket === 'overdue' ? 0 : 1);
  return out.sort(
    (a, b) =>
      overdueFirst(a) - overdueFirst(b) ||
      a.daysLeft - b.daysLeft ||
      TITLE_ORDER.compare(a.title, b.title) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
