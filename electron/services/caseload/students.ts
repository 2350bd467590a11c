/** Students, schools and households. */
import type { StudentsTable } from '../../../db/database.ts';
import type { Vault } from '../../../db/vault.ts';
import { nameSortKey } from '../../shared/domain/names.ts';
import type { StudentFields } from '../../shared/schemas/students.ts';
import { AppError } from '../failures.ts';
import { bit, blankToNull, change, newId, nowIso, type Trx } from './write.ts';

/** The columns a student's form fields fill. */
type StudentColumns = Omit<StudentsTable, 'id' | 'household_id' | 'sort_key' | 'created_at' | 'updated_at'>;

/** Maps form fields to columns; only the fields present in `f` are returned. */
export function studentColumns(f: Partial<StudentFields>): Partial<StudentColumns> {
  const c: Partial<StudentColumns> = {};
  if (f.legalFirst !== undefined) c.legal_first = f.legalFirst.trim();
  if (f.legalMiddle !== undefined) c.legal_middle = blankToNull(f.legalMiddle);
  if (f.legalLast !== undefined) c.legal_last = f.legalLast.trim();
  if (f.preferredName !== undefined) c.preferred_name = blankToNull(f.preferredName);
  if (f.dob !== undefined) c.dob = f.dob;
  if (f.grade !== undefined) c.grade = blankToNull(f.grade);
  if (f.schoolId !== undefined) c.school_id = f.schoolId;
  if (f.schoolStudentId !== undefined) c.school_student_id = blankToNull(f.schoolStudentId);
  if (f.medicaidId !== undefined) c.medicaid_id = blankToNull(f.medicaidId);
  if (f.mciId !== undefined) c.mci_id = blankToNull(f.mciId);
  if (f.iep !== undefined) c.iep = bit(f.iep);
  if (f.plan504 !== undefined) c.plan_504 = bit(f.plan504);
  if (f.fosterCare !== undefined) c.foster_care = bit(f.fosterCare);
  if (f.mckinneyVento !== undefined) c.mckinney_vento = bit(f.mckinneyVento);
  if (f.status !== undefined) c.status = f.status;
  return c;
}

export async function requireStudent(db: Trx | Vault['db'], id: string): Promise<{ id: string; household_id: string | null }> {
  const row = await db.selectFrom('students').select(['id', 'household_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
  return row;
}

async function requireSchool(trx: Trx, schoolId: string | null | undefined): Promise<void> {
  if (!schoolId) return;
  const found = await trx.selectFrom('schools').select('id').where('id', '=', schoolId).executeTakeFirst();
  if (!found) throw new AppError('INVALID_INPUT', 'That school is not in your list of schools. Add it first.', 'schoolId');
}

export async function insertStudent(trx: Trx, fields: StudentFields): Promise<string> {
  await requireSchool(trx, fields.schoolId);
  const id = newId();
  const now = nowIso();
  const cols = studentColumns(fields) as StudentColumns;
  await trx
    .insertInto('students')
    .values({ id, ...cols, household_id: null, sort_key: nameSortKey(cols.legal_first, cols.legal_last), created_at: now, updated_at: now })
    .execute();
  return id;
}

export function createStudent(vault: Vault, fields: StudentFields): Promise<{ id: string }> {
  return change(vault, async (trx) => {
    const id = await insertStudent(trx, fields);
    return { result: { id }, audit: { action: 'student.create', subjectType: 'student', subjectId: id } };
  });
}

export function updateStudent(vault: Vault, id: string, patch: Partial<StudentFields>): Promise<{ id: string }> {
  return change(vault, async (trx) => {
    await requireStudent(trx, id);
    await requireSchool(trx, patch.schoolId);
    const cols = studentColumns(patch);
    if (cols.legal_first !== undefined || cols.legal_last !== undefined) {
      const current = await trx.selectFrom('students').select(['legal_first', 'legal_last']).where('id', '=', id).executeTakeFirstOrThrow();
      (cols as Record<string, unknown>).sort_key = nameSortKey(cols.legal_first ?? current.legal_first, cols.legal_last ?? current.legal_last);
    }
    await trx.updateTable('students').set({ ...cols, updated_at: nowIso() }).where('id', '=', id).execute();
    return { result: { id }, audit: { action: 'student.update', subjectType: 'student', subjectId: id, details: { fields: Object.keys(patch) } } };
  });
}

export async function listSchools(vault: Vault) {
  const rows = await vault.db
    .selectFrom('schools')
    .leftJoin('districts', 'districts.id', 'schools.district_id')
    .select(['schools.id', 'schools.name', 'schools.district_id', 'districts.name as district_name'])
    .orderBy('schools.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, districtId: r.district_id, districtName: r.district_name }));
}

/** Finds or adds a school (and its district) by name; names compare without case. */
export async function ensureSchool(trx: Trx, name: string, districtName: string | null): Promise<string> {
  const existing = await trx.selectFrom('schools').select('id').where('name', '=', name.trim()).executeTakeFirst();
  if (existing) return existing.id;
  let districtId: string | null = null;
  if (districtName?.trim()) {
    const district = await trx.selectFrom('districts').select('id').where('name', '=', districtName.trim()).executeTakeFirst();
    districtId = district?.id ?? newId();
    if (!district) await trx.insertInto('districts').values({ id: districtId, name: districtName.trim(), created_at: nowIso() }).execute();
  }
  const id = newId();
  await trx.insertInto('schools').values({ id, name: name.trim(), district_id: districtId, created_at: nowIso() }).execute();
  return id;
}

export function createSchool(vault: Vault, name: string, districtName: string | null): Promise<{ id: string }> {
  return change(vault, async (trx) => {
    const id = await ensureSchool(trx, name, districtName);
    return { result: { id }, audit: { action: 'school.create', subjectType: 'school', subjectId: id } };
  });
}

/** Puts two students in one household (siblings), merging households if both had one. */
export function linkSibling(vault: Vault, studentId: string, siblingId: string): Promise<{ householdId: string }> {
  if (studentId === siblingId) throw new AppError('INVALID_INPUT', 'A student cannot be their own sibling.', 'siblingId');
  return change(vault, async (trx) => {
    const a = await requireStudent(trx, studentId);
    const b = await requireStudent(trx, siblingId);
    let householdId = a.household_id ?? b.household_id;
    if (!householdId) {
      householdId = newId();
      await trx.insertInto('households').values({ id: householdId, created_at: nowIso() }).execute();
    }
    const merge = [a.household_id, b.household_id].filter((h): h is string => h !== null && h !== householdId);
    await trx.updateTable('students').set({ household_id: householdId }).where('id', 'in', [studentId, siblingId]).execute();
    if (merge.length > 0) await trx.updateTable('students').set({ household_id: householdId }).where('household_id', 'in', merge).execute();
    return { result: { householdId }, audit: { action: 'household.link', subjectType: 'student', subjectId: studentId, details: { siblingId, householdId } } };
  });
}

export function unlinkHousehold(vault: Vault, studentId: string): Promise<Record<string, never>> {
  return change(vault, async (trx) => {
    const s = await requireStudent(trx, studentId);
    await trx.updateTable('students').set({ household_id: null }).where('id', '=', studentId).execute();
    return { result: {}, audit: { action: 'household.unlink', subjectType: 'student', subjectId: studentId, details: { householdId: s.household_id } } };
  });
}
