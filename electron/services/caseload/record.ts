/** Loads everything about one student for the record screen, in a handful of indexed queries. */
import type { Vault } from '../../../db/vault.ts';
import { displayName } from '../../shared/domain/names.ts';
import type { StudentRecord } from '../../shared/schemas/record.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { AppError } from '../failures.ts';
import { consentOfStudent } from './consent.ts';
import { daysUntil, deadlineSettings, enrollmentDatesOf, loadDeadlines } from './deadlines.ts';
import { today } from './write.ts';

const STATUS_WORDS = { referred: 'referred', pending: 'pending', active: 'active', closed: 'closed' } as const;

function bucketOf(daysLeft: number, dueSoonDays: number): 'overdue' | 'week' | 'month' | 'later' {
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 7) return 'week';
  return daysLeft <= dueSoonDays ? 'month' : 'later';
}

export async function studentRecord(vault: Vault, id: string, settings: Settings): Promise<StudentRecord> {
  const db = vault.db;
  const s = await db
    .selectFrom('students')
    .leftJoin('schools', 'schools.id', 'students.school_id')
    .leftJoin('districts', 'districts.id', 'schools.district_id')
    .selectAll('students')
    .select(['schools.name as school', 'districts.name as district'])
    .where('students.id', '=', id)
    .executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');

  const [siblings, contacts, enrollments, changes, team, goals, notes, addenda, consent] = await Promise.all([
    s.household_id
      ? db
          .selectFrom('students')
          .leftJoin('schools', 'schools.id', 'students.school_id')
          .select(['students.id', 'legal_first', 'legal_last', 'preferred_name', 'grade', 'schools.name as school'])
          .where('household_id', '=', s.household_id)
          .where('students.id', '!=', id)
          .orderBy('sort_key')
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('student_contacts')
      .innerJoin('contacts', 'contacts.id', 'student_contacts.contact_id')
      .selectAll()
      .where('student_contacts.student_id', '=', id)
      .orderBy('student_contacts.created_at')
      .execute(),
    db.selectFrom('enrollments').selectAll().where('student_id', '=', id).orderBy('created_at').execute(),
    db
      .selectFrom('enrollment_changes')
      .innerJoin('enrollments', 'enrollments.id', 'enrollment_changes.enrollment_id')
      .selectAll('enrollment_changes')
      .select('enrollments.program')
      .where('enrollments.student_id', '=', id)
      .orderBy('enrollment_changes.changed_on')
      .execute(),
    db.selectFrom('team_members').selectAll().where('student_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('plan_goals').selectAll().where('student_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('case_notes').selectAll().where('student_id', '=', id).orderBy('occurred_on', 'desc').orderBy('created_at', 'desc').execute(),
    db
      .selectFrom('note_addenda')
      .innerJoin('case_notes', 'case_notes.id', 'note_addenda.note_id')
      .selectAll('note_addenda')
      .where('case_notes.student_id', '=', id)
      .orderBy('note_addenda.signed_at')
      .execute(),
    consentOfStudent(db, id, { today: today(), expiringDays: settings.releaseExpiringDays }),
  ]);

  const contactIds = contacts.map((c) => c.contact_id);
  const shared = contactIds.length
    ? await db
        .selectFrom('student_contacts')
        .innerJoin('students', 'students.id', 'student_contacts.student_id')
        .select(['student_contacts.contact_id', 'students.id', 'students.legal_first', 'students.legal_last', 'students.preferred_name'])
        .where('student_contacts.contact_id', 'in', contactIds)
        .where('students.id', '!=', id)
        .execute()
    : [];

  const ds = deadlineSettings(settings);
  const now = today();
  const deadlines = (await loadDeadlines(db, ds, id))
    .map((d) => {
      const daysLeft = daysUntil(d.dueOn, now);
      return { ...d, daysLeft, bucket: bucketOf(daysLeft, ds.dueSoonDays) };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));

  const timeline: StudentRecord['timeline'] = [
    ...notes.map((n) => ({ on: n.occurred_on, kind: 'note', title: n.signed_at ? 'Case note' : 'Case note (draft)', detail: n.body.slice(0, 160), refId: n.id })),
    ...addenda.map((a) => ({ on: a.signed_at.slice(0, 10), kind: 'addendum', title: 'Addendum', detail: a.body.slice(0, 160), refId: a.note_id })),
    ...changes.map((c) => ({ on: c.changed_on, kind: 'enrollment', title: `${c.program} ${STATUS_WORDS[c.status]}`, detail: c.note ?? '', refId: c.enrollment_id })),
    ...goals.map((g) => ({ on: g.created_at.slice(0, 10), kind: 'goal', title: 'Plan goal added', detail: g.goal.slice(0, 160), refId: g.id })),
    ...team.map((t) => ({ on: t.created_at.slice(0, 10), kind: 'team', title: `${t.name} joined the team`, detail: t.role, refId: t.id })),
  ].sort((a, b) => b.on.localeCompare(a.on));

  return {
    student: {
      id: s.id,
      legalFirst: s.legal_first,
      legalMiddle: s.legal_middle,
      legalLast: s.legal_last,
      preferredName: s.preferred_name,
      dob: s.dob,
      grade: s.grade,
      schoolId: s.school_id,
      school: s.school,
      district: s.district,
      schoolStudentId: s.school_student_id,
      medicaidId: s.medicaid_id,
      mciId: s.mci_id,
      iep: s.iep === 1,
      plan504: s.plan_504 === 1,
      fosterCare: s.foster_care === 1,
      mckinneyVento: s.mckinney_vento === 1,
      status: s.status,
    },
    siblings: siblings.map((b) => ({ id: b.id, name: displayName(b.legal_first, b.legal_last, b.preferred_name), grade: b.grade, school: b.school })),
    contacts: contacts.map((c) => ({
      contactId: c.contact_id,
      firstName: c.first_name,
      lastName: c.last_name,
      phone: c.phone,
      email: c.email,
      preferredLanguage: c.preferred_language,
      relationship: c.relationship,
      legalAuthority: c.legal_authority,
      courtOrderOnFile: c.court_order_on_file === 1,
      noContact: c.no_contact === 1,
      noAccess: c.no_access === 1,
      note: c.note,
      otherStudents: shared.filter((x) => x.contact_id === c.contact_id).map((x) => ({ id: x.id, name: displayName(x.legal_first, x.legal_last, x.preferred_name) })),
    })),
    enrollments: enrollments.map((e) => ({
      id: e.id,
      program: e.program,
      status: e.status,
      ...enrollmentDatesOf(e),
      changes: changes.filter((c) => c.enrollment_id === e.id).map((c) => ({ id: c.id, status: c.status, changedOn: c.changed_on, enteredInCountyOn: c.entered_in_county_on, note: c.note })),
    })),
    team: team.map((t) => ({ id: t.id, name: t.name, role: t.role, organization: t.organization, phone: t.phone, email: t.email })),
    goals: goals.map((g) => ({ id: g.id, goal: g.goal, owner: g.owner, dueOn: g.due_on, status: g.status })),
    notes: notes.map((n) => ({
      id: n.id,
      occurredOn: n.occurred_on,
      regime: n.regime,
      body: n.body,
      createdAt: n.created_at,
      signedAt: n.signed_at,
      signedBy: n.signed_by,
      addenda: addenda.filter((a) => a.note_id === n.id).map((a) => ({ id: a.id, body: a.body, signedAt: a.signed_at, signedBy: a.signed_by })),
    })),
    deadlines,
    timeline,
    consent,
  };
}

