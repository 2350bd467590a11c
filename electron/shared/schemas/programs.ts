/** Program enrollments, status changes, the team around a student, plan goals. */
import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.ts';

export const enrollmentStatus = z.enum(['referred', 'pending', 'active', 'closed']);

const dates = {
  referralDate: isoDate.nullable(),
  applicationDate: isoDate.nullable(),
  eligibilityDate: isoDate.nullable(),
  functionalScreenDate: isoDate.nullable(),
  assessmentDate: isoDate.nullable(),
  abbreviatedAssessmentDate: isoDate.nullable(),
  planDate: isoDate.nullable(),
  lastPlanReviewDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
};
export const enrollmentDates = z.object(dates);
export type EnrollmentDates = z.infer<typeof enrollmentDates>;

export const createEnrollmentInput = z.strictObject({
  studentId: id,
  program: requiredText(40),
  status: enrollmentStatus,
  statusDate: isoDate,
  dates: enrollmentDates.partial().strict(),
});
export const updateEnrollmentInput = z.strictObject({ id, dates: enrollmentDates.partial().strict() });
export const changeEnrollmentStatusInput = z.strictObject({ id, status: enrollmentStatus, changedOn: isoDate, note: optionalText(500) });
export const markChangeEnteredInput = z.strictObject({ changeId: id, enteredOn: isoDate });

export const teamMemberFields = z.object({
  name: requiredText(120),
  role: requiredText(80),
  organization: optionalText(120),
  phone: optionalText(40),
  email: optionalText(200),
});
export const addTeamMemberInput = z.strictObject({ studentId: id, member: teamMemberFields.strict() });
export const removeTeamMemberInput = z.strictObject({ id });

export const goalStatus = z.enum(['open', 'met', 'dropped']);
export const addGoalInput = z.strictObject({ studentId: id, goal: requiredText(1000), owner: optionalText(120), dueOn: isoDate.nullable() });
export const updateGoalInput = z.strictObject({ id, status: goalStatus });
