/** What the student record screen receives: everything about one student. */
import { z } from 'zod';
import { id } from './common.ts';
import { recordRegime } from './notes.ts';
import { enrollmentStatus, goalStatus } from './programs.ts';
import { consentSummary, legalAuthority, studentStatus } from './students.ts';

const text = z.string();
const maybe = z.string().nullable();

export const dueItem = z.object({
  key: text,
  kind: text,
  studentId: id,
  enrollmentId: id.nullable(),
  title: text,
  detail: text,
  dueOn: text,
  daysLeft: z.number().int(),
  bucket: z.enum(['overdue', 'week', 'month']),
});
export type DueItemOut = z.infer<typeof dueItem>;

export const studentRecord = z.object({
  student: z.object({
    id,
    legalFirst: text,
    legalMiddle: maybe,
    legalLast: text,
    preferredName: maybe,
    dob: maybe,
    grade: maybe,
    schoolId: id.nullable(),
    school: maybe,
    district: maybe,
    schoolStudentId: maybe,
    medicaidId: maybe,
    mciId: maybe,
    iep: z.boolean(),
    plan504: z.boolean(),
    fosterCare: z.boolean(),
    mckinneyVento: z.boolean(),
    status: studentStatus,
  }),
  siblings: z.array(z.object({ id, name: text, grade: maybe, school: maybe })),
  contacts: z.array(
    z.object({
      contactId: id,
      firstName: text,
      lastName: text,
      phone: maybe,
      email: maybe,
      preferredLanguage: maybe,
      relationship: text,
      legalAuthority,
      courtOrderOnFile: z.boolean(),
      noContact: z.boolean(),
      noAccess: z.boolean(),
      note: maybe,
      /** Other students this person is linked to: families with cases in common. */
      otherStudents: z.array(z.object({ id, name: text })),
    }),
  ),
  enrollments: z.array(
    z.object({
      id,
      program: text,
      status: enrollmentStatus,
      referralDate: maybe,
      applicationDate: maybe,
      eligibilityDate: maybe,
      functionalScreenDate: maybe,
      assessmentDate: maybe,
      abbreviatedAssessmentDate: maybe,
      planDate: maybe,
      lastPlanReviewDate: maybe,
      endDate: maybe,
      changes: z.array(z.object({ id, status: enrollmentStatus, changedOn: text, enteredInCountyOn: maybe, note: maybe })),
    }),
  ),
  team: z.array(z.object({ id, name: text, role: text, organization: maybe, phone: maybe, email: maybe })),
  goals: z.array(z.object({ id, goal: text, owner: maybe, dueOn: maybe, status: goalStatus })),
  notes: z.array(
    z.object({
      id,
      occurredOn: text,
      regime: recordRegime,
      body: text,
      createdAt: text,
      signedAt: maybe,
      signedBy: maybe,
      addenda: z.array(z.object({ id, body: text, signedAt: text, signedBy: text })),
    }),
  ),
  deadlines: z.array(dueItem.extend({ bucket: z.enum(['overdue', 'week', 'month', 'later']) })),
  timeline: z.array(z.object({ on: text, kind: text, title: text, detail: text, refId: text })),
  /** Her releases at a glance, for the header; the Consents tab loads the releases themselves. */
  consent: consentSummary,
});
export type StudentRecord = z.infer<typeof studentRecord>;

export const searchInput = z.strictObject({ text: z.string().max(200), limit: z.number().int().min(1).max(50) });
export const searchResults = z.object({
  results: z.array(z.object({ kind: z.enum(['student', 'contact', 'note', 'addendum']), refId: text, studentId: id.nullable(), studentName: maybe, title: text, snippet: text })),
});

export const dueSoonOutput = z.object({ items: z.array(dueItem.extend({ studentName: text })), activeStudents: z.number().int() });
