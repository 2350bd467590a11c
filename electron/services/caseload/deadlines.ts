/** Reads what the deadline rules need from the vault and applies them. */
import { differenceInCalendarDays } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { DEFAULT_DEADLINE_SETTINGS, enrollmentDeadlines, parseIsoDate, type Deadline, type DeadlineSettings, type EnrollmentForDeadlines } from '../../shared/domain/deadlines.ts';
import type { EnrollmentDates } from '../../shared/schemas/programs.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { today as localToday } from './write.ts';

export function deadlineSettings(settings: Settings): DeadlineSettings {
  return { ...DEFAULT_DEADLINE_SETTINGS, planReviewMonths: settings.planReviewMonths };
}

/** Every enrollment deadline, for one student or the whole caseload (active students only). */
export async function loadDeadlines(db: Kysely<Database>, s: DeadlineSettings, studentId?: string): Promise<Deadline[]> {
  let enrollments = db
    .selectFrom('enrollments')
    .innerJoin('students', 'students.id', 'enrollments.student_id')
    .selectAll('enrollments')
    .where('students.status', '=', 'active');
  if (studentId) enrollments = enrollments.where('enrollments.student_id', '=', studentId);
  let changes = db
    .selectFrom('enrollment_changes')
    .innerJoin('enrollments', 'enrollments.id', 'enrollment_changes.enrollment_id')
    .select(['enrollment_changes.id', 'enrollment_changes.enrollment_id', 'enrollment_changes.changed_on'])
    .where('enrollment_changes.entered_in_county_on', 'is', null);
  if (studentId) changes = changes.where('enrollments.student_id', '=', studentId);
  let releases = db
    .selectFrom('releases')
    .innerJoin('students', 'students.id', 'releases.student_id')
    .select(['releases.id', 'releases.student_id', 'releases.form_id', 'releases.expiry_on'])
    .where('students.status', '=', 'active')
    .where('releases.signed_on', 'is not', null)
    .where('releases.revoked_on', 'is', null)
    // Once a release has ended it is shown as expired on the record, not as a deadline forever.
    .where('releases.expiry_on', '>=', localToday());
  if (studentId) releases = releases.where('releases.student_id', '=', studentId);
  const [rows, pending, signedReleases] = await Promise.all([enrollments.execute(), changes.execute(), releases.execute()]);
  const byEnrollment = new Map<string, { changeId: string; changedOn: string }[]>();
  for (const c of pending) {
    const list = byEnrollment.get(c.enrollment_id) ?? [];
    list.push({ changeId: c.id, changedOn: c.changed_on });
    byEnrollment.set(c.enrollment_id, list);
  }
  const out: Deadline[] = [];
  for (const e of rows) {
    const input: EnrollmentForDeadlines = {
      enrollmentId: e.id,
      studentId: e.student_id,
      program: e.program,
      status: e.status,
      ...enrollmentDatesOf(e),
      unenteredChanges: byEnrollment.get(e.id) ?? [],
    };
    out.push(...enrollmentDeadlines(input, s));
  }
  // A release is valid through its end date: renewing it is due that day.
  for (const r of signedReleases) {
    out.push({
      key: `consent-expiry:${r.id}`,
      kind: 'consent-expiry',
      studentId: r.student_id,
      enrollmentId: null,
      title: `Release ${r.form_id} ends`,
      detail: 'Renew it before then, or disclosures under it stop',
      dueOn: r.expiry_on!,
    });
  }
  return out;
}

/** An enrollment row's program dates, as the rules and the record screen name them. */
export function enrollmentDatesOf(e: Database['enrollments']): EnrollmentDates {
  return {
    referralDate: e.referral_date,
    applicationDate: e.application_date,
    eligibilityDate: e.eligibility_date,
    functionalScreenDate: e.functional_screen_date,
    assessmentDate: e.assessment_date,
    abbreviatedAssessmentDate: e.abbreviated_assessment_date,
    planDate: e.plan_date,
    lastPlanReviewDate: e.last_plan_review_date,
    endDate: e.end_date,
  };
}

/** Days from `today` to a deadline (negative when overdue). */
export function daysUntil(dueOn: string, today: string): number {
  const due = parseIsoDate(dueOn);
  const now = parseIsoDate(today);
  return due && now ? differenceInCalendarDays(due, now) : 0;
}
