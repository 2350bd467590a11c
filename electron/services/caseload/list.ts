/** The caseload list, the due-soon panel across the caseload, and search. */
import { sql } from 'kysely';
import type { Vault } from '../../../db/vault.ts';
import { dueSoon, type Deadline } from '../../shared/domain/deadlines.ts';
import { displayName } from '../../shared/domain/names.ts';
import type { CaseloadRow } from '../../shared/schemas/students.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { consentAcrossCaseload } from './consent.ts';
import { deadlineSettings, loadDeadlines } from './deadlines.ts';
import { listSchools } from './students.ts';
import { today } from './write.ts';

export interface CaseloadFilter {
  status: 'active' | 'inactive' | null;
  schoolId: string | null;
  grade: string | null;
  program: string | null;
}

/** Earliest open deadline per student: what the list's "Next deadline" column shows. */
function nextByStudent(deadlines: readonly Deadline[], now: string): Map<string, { title: string; dueOn: string; overdue: boolean }> {
  const next = new Map<string, { title: string; dueOn: string; overdue: boolean }>();
  for (const d of deadlines) {
    const current = next.get(d.studentId);
    if (!current || d.dueOn < current.dueOn) next.set(d.studentId, { title: d.title, dueOn: d.dueOn, overdue: d.dueOn < now });
  }
  return next;
}

export async function listCaseload(vault: Vault, filter: CaseloadFilter, settings: Settings): Promise<{ rows: CaseloadRow[]; schools: Awaited<ReturnType<typeof listSchools>> }> {
  const db = vault.db;
  // School and district names come from the schools list the answer carries
  // anyway: a dozen rows, instead of two joins on every student.
  let q = db
    .selectFrom('students')
    .select([
      'students.id',
      'students.legal_first',
      'students.legal_last',
      'students.preferred_name',
      'students.sort_key',
      'students.dob',
      'students.grade',
      'students.status',
      'students.household_id',
      'students.school_id',
    ])
    .orderBy('students.sort_key');
  if (filter.status) q = q.where('students.status', '=', filter.status);
  if (filter.schoolId) q = q.where('students.school_id', '=', filter.schoolId);
  if (filter.grade) q = q.where('students.grade', '=', filter.grade);
  if (filter.program) {
    const program = filter.program;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('enrollments').select(sql`1`.as('one')).whereRef('enrollments.student_id', '=', 'students.id').where('enrollments.program', '=', program).where('enrollments.status', '!=', 'closed')),
    );
  }
  const now = today();
  const [students, programs, households, deadlines, schools, consent] = await Promise.all([
    q.execute(),
    db.selectFrom('enrollments').select(['student_id', 'program']).where('status', '!=', 'closed').execute(),
    db.selectFrom('students').select(['household_id', sql<number>`count(*)`.as('n')]).where('household_id', 'is not', null).groupBy('household_id').execute(),
    loadDeadlines(db, deadlineSettings(settings)),
    listSchools(vault),
    consentAcrossCaseload(db, { today: now, expiringDays: settings.releaseExpiringDays }),
  ]);
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  const programsOf = new Map<string, string[]>();
  for (const p of programs) {
    const list = programsOf.get(p.student_id) ?? [];
    if (!list.includes(p.program)) list.push(p.program);
    programsOf.set(p.student_id, list);
  }
  const householdSize = new Map(households.map((h) => [h.household_id, Number(h.n)]));
  const next = nextByStudent(deadlines, now);
  const rows = students.map((s) => {
    const school = s.school_id === null ? undefined : schoolOf.get(s.school_id);
    return {
      id: s.id,
      name: displayName(s.legal_first, s.legal_last, null),
      preferredName: s.preferred_name,
      sortKey: s.sort_key,
      dob: s.dob,
      grade: s.grade,
      school: school?.name ?? null,
      district: school?.districtName ?? null,
      programs: (programsOf.get(s.id) ?? []).sort(),
      status: s.status,
      nextDue: next.get(s.id) ?? null,
      householdSize: s.household_id ? (householdSize.get(s.household_id) ?? 1) : 1,
      consent: consent(s.id),
    };
  });
  return { rows, schools };
}

export async function dueSoonAcrossCaseload(vault: Vault, settings: Settings) {
  const s = deadlineSettings(settings);
  const items = dueSoon(await loadDeadlines(vault.db, s), today(), s);
  const ids = [...new Set(items.map((i) => i.studentId))];
  const names = ids.length
    ? await vault.db.selectFrom('students').select(['id', 'legal_first', 'legal_last', 'preferred_name']).where('id', 'in', ids).execute()
    : [];
  const nameOf = new Map(names.map((n) => [n.id, displayName(n.legal_first, n.legal_last, n.preferred_name)]));
  const active = await vault.db.selectFrom('students').select(sql<number>`count(*)`.as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  return { items: items.map((i) => ({ ...i, studentName: nameOf.get(i.studentId) ?? '' })), activeStudents: Number(active.n) };
}

/**
 * Full-text search over students, contacts, notes and addenda. Each word
 * typed becomes a quoted prefix term, so operators in the text are never
 * interpreted as FTS syntax and results appear as she types.
 */
export async function search(vault: Vault, text: string, limit: number) {
  const terms = text
    .normalize('NFC')
    .split(/[\s"*^():{}[\]+-]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8)
    .map((t) => `"${t.replace(/"/g, '')}"*`);
  if (terms.length === 0) return { results: [] };
  const rows = await sql<{ kind: 'student' | 'contact' | 'note' | 'addendum'; ref_id: string; student_id: string | null; title: string; snippet: string }>`
    SELECT d.kind, d.ref_id, d.student_id, search_fts.title AS title,
           snippet(search_fts, 1, '«', '»', '…', 10) AS snippet
    FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid
    WHERE search_fts MATCH ${terms.join(' ')}
    ORDER BY rank LIMIT ${limit}`.execute(vault.db);
  const contactIds = rows.rows.filter((r) => r.kind === 'contact').map((r) => r.ref_id);
  const contactStudent = contactIds.length
    ? await vault.db.selectFrom('student_contacts').select(['contact_id', 'student_id']).where('contact_id', 'in', contactIds).execute()
    : [];
  const studentIdOf = (r: (typeof rows.rows)[number]) =>
    r.kind === 'student' ? r.ref_id : r.kind === 'contact' ? (contactStudent.find((c) => c.contact_id === r.ref_id)?.student_id ?? null) : r.student_id;
  const studentIds = [...new Set(rows.rows.map(studentIdOf).filter((x): x is string => x !== null))];
  const names = studentIds.length ? await vault.db.selectFrom('students').select(['id', 'legal_first', 'legal_last', 'preferred_name']).where('id', 'in', studentIds).execute() : [];
  const nameOf = new Map(names.map((n) => [n.id, displayName(n.legal_first, n.legal_last, n.preferred_name)]));
  return {
    results: rows.rows.map((r) => {
      const studentId = studentIdOf(r);
      return { kind: r.kind, refId: r.ref_id, studentId, studentName: studentId ? (nameOf.get(studentId) ?? null) : null, title: r.title, snippet: r.snippet };
    }),
  };
}
