/** Reads what the deadline rules need from the vault and applies them. */
import { differenceInCalendarDays } from 'date-fns';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { DEFAULT_DEADLINE_SETTINGS, enrollmentDeadlines, parseIsoDate, type Deadline, type DeadlineSettings, type EnrollmentForDeadlines } from '../../shared/domain/deadlines.ts';
import type { EnrollmentDates } from '../../shared/schemas/programs.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { timelyFilingDeadlines } from '../../shared/domain/billing/index.ts';
import { medicaidConsentStatus, type MedicaidDecision } from '../../shared/domain/medicaid-consent.ts';
import { loadEntries, loadProfiles } from '../billing/context.ts';
import { referralDeadlines } from '../../shared/domain/providers/index.ts';
import { loadReferrals } from '../providers/referrals.ts';
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
  let m5Decisions = db
    .selectFrom('medicaid_consents')
    .innerJoin('students', 'students.id', 'medicaid_consents.student_id')
    .select(['medicaid_consents.student_id', 'decision', 'decided_on', 'withdrawn_on'])
    .where('students.status', '=', 'active');
  let m5Notices = db.selectFrom('medicaid_notices').select(['student_id', 'given_on']);
  if (studentId) {
    m5Decisions = m5Decisions.where('medicaid_consents.student_id', '=', studentId);
    m5Notices = m5Notices.where('student_id', '=', studentId);
  }
  // Timely filing: across the caseload only entries near or past their deadline can be due soon; for one
  // student's record every unexported entry counts.
  const profiles = await loadProfiles(db);
  let unexported = db
    .selectFrom('unbilled_entries')
    .innerJoin('students', 'students.id', 'unbilled_entries.student_id')
    .select('unbilled_entries.entry_id as id')
    .where('students.status', '=', 'active');
  if (studentId) unexported = unexported.where('unbilled_entries.student_id', '=', studentId);
  else unexported = unexported.where('unbilled_entries.service_date', '<=', filingHorizon(Math.min(...profiles.map((p) => p.timelyFilingDays)), s.dueSoonDays));
  const [rows, pending, signedReleases, decisions, notices, waiting] = await Promise.all([
    enrollments.execute(),
    changes.execute(),
    releases.execute(),
    m5Decisions.execute(),
    m5Notices.execute(),
    unexported.execute(),
  ]);
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
  out.push(...annualMedicaidNotices(decisions, notices));
  // Referrals waiting on an answer: their follow-up dates.
  const open = await loadReferrals({ db }, { ...(studentId ? { studentId } : {}), open: true });
  if (open.length > 0) {
    const providerIds = [...new Set(open.map((r) => r.row.provider_id).filter((p): p is string => p !== null))];
    const names = providerIds.length ? await db.selectFrom('providers').select(['id', 'name']).where('id', 'in', providerIds).execute() : [];
    const active = new Set((await db.selectFrom('students').select('id').where('id', 'in', [...new Set(open.map((r) => r.row.student_id))]).where('status', '=', 'active').execute()).map((r) => r.id));
    out.push(...referralDeadlines(open.filter((r) => active.has(r.row.student_id)).map((r) => r.domain), localToday(), { providerNames: new Map(names.map((n) => [n.id, n.name])) }));
  }
  if (waiting.length > 0) {
    // Signed service time not yet exported: the timely-filing clock runs from each date of service.
    const entries = await loadEntries(db, { ids: waiting.map((w) => w.id) });
    out.push(...timelyFilingDeadlines(entries.map((e) => e.domain), profiles));
  }
  return out;
}

/** The latest date of service whose filing deadline (the shortest profile's) can fall within the due-soon window, with a month's margin. */
function filingHorizon(filingDays: number, dueSoonDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() - Math.max(0, filingDays - dueSoonDays - 31));
  return localToday(d);
}

/** While a parent's consent to bill Medicaid stands, the district's written notice is due again every year. */
function annualMedicaidNotices(
  decisions: readonly { student_id: string; decision: 'given' | 'refused'; decided_on: string; withdrawn_on: string | null }[],
  notices: readonly { student_id: string; given_on: string }[],
): Deadline[] {
  const noticesOf = new Map<string, string[]>();
  for (const n of notices) noticesOf.set(n.student_id, [...(noticesOf.get(n.student_id) ?? []), n.given_on]);
  const decisionsOf = new Map<string, MedicaidDecision[]>();
  for (const d of decisions) decisionsOf.set(d.student_id, [...(decisionsOf.get(d.student_id) ?? []), { decision: d.decision, decidedOn: d.decided_on, withdrawnOn: d.withdrawn_on }]);
  const out: Deadline[] = [];
  for (const [student, list] of decisionsOf) {
    const status = medicaidConsentStatus(list, noticesOf.get(student) ?? []);
    if (status.state !== 'given' || !status.nextNoticeDue) continue;
    out.push({
      key: `medicaid-notice:${student}`,
      kind: 'medicaid-notice',
      studentId: student,
      enrollmentId: null,
      title: 'Annual Medicaid billing notice',
      detail: 'Send the yearly written notice while the district bills Medicaid for IEP services',
      dueOn: status.nextNoticeDue,
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
