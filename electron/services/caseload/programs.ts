/** Program enrollments and their status history, the team, and plan goals. */
import type { Vault } from '../../../db/vault.ts';
import type { EnrollmentDates } from '../../shared/schemas/programs.ts';
import { AppError } from '../failures.ts';
import { requireStudent } from './students.ts';
import { blankToNull, change, newId, nowIso, type Trx } from './write.ts';

type Status = 'referred' | 'pending' | 'active' | 'closed';

const DATE_COLUMNS = {
  referralDate: 'referral_date',
  applicationDate: 'application_date',
  eligibilityDate: 'eligibility_date',
  functionalScreenDate: 'functional_screen_date',
  assessmentDate: 'assessment_date',
  abbreviatedAssessmentDate: 'abbreviated_assessment_date',
  planDate: 'plan_date',
  lastPlanReviewDate: 'last_plan_review_date',
  endDate: 'end_date',
} as const;

function dateColumns(dates: Partial<EnrollmentDates>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [field, column] of Object.entries(DATE_COLUMNS)) {
    const value = dates[field as keyof EnrollmentDates];
    if (value !== undefined) out[column] = value;
  }
  return out;
}

export async function insertEnrollment(trx: Trx, studentId: string, program: string, status: Status, statusDate: string, dates: Partial<EnrollmentDates>): Promise<string> {
  await requireStudent(trx, studentId);
  const name = program.trim().toUpperCase() === 'CLTS' || program.trim().toUpperCase() === 'CCS' ? program.trim().toUpperCase() : program.trim();
  const open = await trx
    .selectFrom('enrollments')
    .select('id')
    .where('student_id', '=', studentId)
    .where('program', '=', name)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  if (open) throw new AppError('INVALID_INPUT', `This student already has an open ${name} enrollment. Update it, or close it first.`, 'program');
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('enrollments')
    .values({
      id,
      student_id: studentId,
      program: name,
      status,
      referral_date: null,
      application_date: null,
      eligibility_date: null,
      functional_screen_date: null,
      assessment_date: null,
      abbreviated_assessment_date: null,
      plan_date: null,
      last_plan_review_date: null,
      end_date: null,
      ...dateColumns(dates),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await trx.insertInto('enrollment_changes').values({ id: newId(), enrollment_id: id, status, changed_on: statusDate, entered_in_county_on: null, note: null, recorded_at: now }).execute();
  return id;
}

export function createEnrollment(vault: Vault, input: { studentId: string; program: string; status: Status; statusDate: string; dates: Partial<EnrollmentDates> }) {
  return change(vault, async (trx) => {
    const id = await insertEnrollment(trx, input.studentId, input.program, input.status, input.statusDate, input.dates);
    return { result: { id }, audit: { action: 'enrollment.create', subjectType: 'enrollment', subjectId: id, details: { studentId: input.studentId } } };
  });
}

async function requireEnrollment(trx: Trx, id: string) {
  const row = await trx.selectFrom('enrollments').select(['id', 'student_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That enrollment no longer exists.');
  return row;
}

export function updateEnrollment(vault: Vault, id: string, dates: Partial<EnrollmentDates>) {
  return change(vault, async (trx) => {
    await requireEnrollment(trx, id);
    await trx.updateTable('enrollments').set({ ...dateColumns(dates), updated_at: nowIso() }).where('id', '=', id).execute();
    return { result: { id }, audit: { action: 'enrollment.update', subjectType: 'enrollment', subjectId: id, details: { fields: Object.keys(dates) } } };
  });
}

/** A status change is dated when it happened and waits to be entered in the county system (10 days). */
export function changeEnrollmentStatus(vault: Vault, id: string, status: Status, changedOn: string, note: string | null) {
  return change(vault, async (trx) => {
    const current = await requireEnrollment(trx, id);
    if (current.status === status) throw new AppError('INVALID_INPUT', `The enrollment is already ${status}.`, 'status');
    await trx
      .updateTable('enrollments')
      .set({ status, ...(status === 'closed' ? { end_date: changedOn } : {}), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    const changeId = newId();
    await trx.insertInto('enrollment_changes').values({ id: changeId, enrollment_id: id, status, changed_on: changedOn, entered_in_county_on: null, note: blankToNull(note), recorded_at: nowIso() }).execute();
    return { result: { changeId }, audit: { action: 'enrollment.status', subjectType: 'enrollment', subjectId: id, details: { status, changeId } } };
  });
}

export function markChangeEntered(vault: Vault, changeId: string, enteredOn: string) {
  return change(vault, async (trx) => {
    const updated = await trx.updateTable('enrollment_changes').set({ entered_in_county_on: enteredOn }).where('id', '=', changeId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'That status change no longer exists.');
    return { result: {}, audit: { action: 'enrollment.change_entered', subjectType: 'enrollment_change', subjectId: changeId } };
  });
}

export function addTeamMember(vault: Vault, studentId: string, m: { name: string; role: string; organization: string | null; phone: string | null; email: string | null }) {
  return change(vault, async (trx) => {
    await requireStudent(trx, studentId);
    const id = newId();
    await trx
      .insertInto('team_members')
      .values({ id, student_id: studentId, name: m.name.trim(), role: m.role.trim(), organization: blankToNull(m.organization), phone: blankToNull(m.phone), email: blankToNull(m.email), created_at: nowIso() })
      .execute();
    return { result: { id }, audit: { action: 'team.add', subjectType: 'student', subjectId: studentId, details: { memberId: id } } };
  });
}

export function removeTeamMember(vault: Vault, id: string) {
  return change(vault, async (trx) => {
    const row = await trx.selectFrom('team_members').select('student_id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That team member is no longer listed.');
    await trx.deleteFrom('team_members').where('id', '=', id).execute();
    return { result: {}, audit: { action: 'team.remove', subjectType: 'student', subjectId: row.student_id, details: { memberId: id } } };
  });
}

export function addGoal(vault: Vault, studentId: string, goal: string, owner: string | null, dueOn: string | null) {
  return change(vault, async (trx) => {
    await requireStudent(trx, studentId);
    const id = newId();
    const now = nowIso();
    await trx.insertInto('plan_goals').values({ id, student_id: studentId, goal: goal.trim(), owner: blankToNull(owner), due_on: dueOn, status: 'open', created_at: now, updated_at: now }).execute();
    return { result: { id }, audit: { action: 'goal.add', subjectType: 'student', subjectId: studentId, details: { goalId: id } } };
  });
}

export function updateGoal(vault: Vault, id: string, status: 'open' | 'met' | 'dropped') {
  return change(vault, async (trx) => {
    const row = await trx.selectFrom('plan_goals').select('student_id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That goal no longer exists.');
    await trx.updateTable('plan_goals').set({ status, updated_at: nowIso() }).where('id', '=', id).execute();
    return { result: {}, audit: { action: 'goal.update', subjectType: 'student', subjectId: row.student_id, details: { goalId: id, status } } };
  });
}
