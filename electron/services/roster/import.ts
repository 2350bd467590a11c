/**
 * Roster import: the file is read and checked again here (the preview the
 * screen showed is never trusted), then every row is written in one
 * transaction: a file that fails part-way changes nothing. Re-importing the
 * same file updates the students it created instead of adding them twice.
 */
import type { Vault } from '../../../db/vault.ts';
import { decodeRoster, parseRoster, previewRoster, ROSTER_FIELDS, suggestMapping, type Mapping, type RosterPreview, type RosterRecord } from '../../shared/domain/roster/index.ts';
import { nameSortKey } from '../../shared/domain/names.ts';
import { blankStudent } from '../../shared/schemas/students.ts';
import { AppError } from '../failures.ts';
import { insertContact } from '../caseload/contacts.ts';
import { ensureSchool, insertStudent } from '../caseload/students.ts';
import { change, nowIso, today, type Trx } from '../caseload/write.ts';

/** Rows sent back for the preview table; the counts always cover the whole file. */
const PREVIEW_ROWS = 5_000;

interface RosterFile {
  fileName: string;
  base64: string;
  source: string;
}

async function readRoster(vault: Vault, file: RosterFile, mapping: Mapping | null) {
  const decoded = decodeRoster(new Uint8Array(Buffer.from(file.base64, 'base64')));
  if (!decoded.ok) throw new AppError('INVALID_INPUT', decoded.error.message, 'base64');
  const parsed = parseRoster(decoded.text);
  if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.error.message, 'base64');
  const chosen = mapping ?? (await savedMapping(vault, file.source, parsed.headers)) ?? suggestMapping(parsed.headers);
  const [existing, schools] = await Promise.all([
    vault.db.selectFrom('students').select(['id', 'school_student_id', 'legal_first', 'legal_last', 'dob']).execute(),
    vault.db.selectFrom('schools').select('name').execute(),
  ]);
  const preview = previewRoster({
    headers: parsed.headers,
    rows: parsed.rows,
    lines: parsed.lines,
    mapping: chosen,
    today: today(),
    existing: existing.map((s) => ({ id: s.id, schoolStudentId: s.school_student_id, legalFirst: s.legal_first, legalLast: s.legal_last, dob: s.dob })),
    knownSchools: schools.map((s) => s.name),
  });
  return { encoding: decoded.encoding, headers: parsed.headers, mapping: chosen, preview };
}

/** The mapping used last time for this source, if its columns are all still in the file. */
async function savedMapping(vault: Vault, source: string, headers: readonly string[]): Promise<Mapping | null> {
  const row = await vault.db.selectFrom('roster_mappings').select('mapping').where('source', '=', source.trim()).executeTakeFirst();
  if (!row) return null;
  const mapping = JSON.parse(row.mapping) as Mapping;
  return Object.values(mapping).every((h) => headers.includes(h)) ? mapping : null;
}

export async function previewImport(vault: Vault, file: RosterFile, mapping: Mapping | null) {
  const { encoding, headers, mapping: chosen, preview } = await readRoster(vault, file, mapping);
  return {
    encoding,
    headers,
    mapping: chosen,
    fields: ROSTER_FIELDS.map((f) => ({ ...f })),
    unmappedRequired: preview.unmappedRequired,
    counts: preview.counts,
    totalRows: preview.rows.length,
    rows: preview.rows.slice(0, PREVIEW_ROWS).map((r) => ({
      line: r.line,
      name: `${r.record.legalFirst} ${r.record.legalLast}`.trim(),
      dob: r.record.dob,
      school: r.record.school,
      schoolStudentId: r.record.schoolStudentId,
      action: r.action,
      problems: r.problems,
    })),
  };
}

export async function commitImport(vault: Vault, file: RosterFile, mapping: Mapping) {
  const { preview } = await readRoster(vault, file, mapping);
  if (preview.unmappedRequired.length > 0) {
    const names = preview.unmappedRequired.map((f) => ROSTER_FIELDS.find((x) => x.field === f)?.label ?? f);
    throw new AppError('INVALID_INPUT', `Choose the column that holds: ${names.join(', ')}.`, 'mapping');
  }
  if (preview.counts.create + preview.counts.update === 0) {
    throw new AppError('INVALID_INPUT', 'No row in this file can be imported. Fix the problems shown and try again.', 'base64');
  }
  return change(vault, async (trx) => {
    const result = await writeRows(trx, preview);
    const now = nowIso();
    const text = JSON.stringify(mapping);
    await trx
      .insertInto('roster_mappings')
      .values({ source: file.source.trim(), mapping: text, updated_at: now })
      .onConflict((oc) => oc.column('source').doUpdateSet({ mapping: text, updated_at: now }))
      .execute();
    return { result, audit: { action: 'roster.import', subjectType: 'roster', subjectId: file.source.trim(), details: { ...result } } };
  });
}

async function writeRows(trx: Trx, preview: RosterPreview) {
  const schoolIds = new Map<string, string>();
  const schoolsBefore = (await trx.selectFrom('schools').select('id').execute()).length;
  const schoolOf = async (r: RosterRecord) => {
    if (!r.school) return null;
    const key = r.school.toLocaleLowerCase('en-US');
    let id = schoolIds.get(key);
    if (!id) {
      id = await ensureSchool(trx, r.school, r.district);
      schoolIds.set(key, id);
    }
    return id;
  };
  let created = 0;
  let updated = 0;
  for (const row of preview.rows) {
    if (row.action === 'skip') continue;
    const r = row.record;
    const schoolId = await schoolOf(r);
    let studentId: string;
    if (row.action === 'create' || !row.matchedStudentId) {
      studentId = await insertStudent(
        trx,
        blankStudent({
          legalFirst: r.legalFirst,
          legalMiddle: r.legalMiddle,
          legalLast: r.legalLast,
          preferredName: r.preferredName,
          dob: r.dob,
          grade: r.grade,
          schoolId,
          schoolStudentId: r.schoolStudentId,
          medicaidId: r.medicaidId,
        }),
      );
      created += 1;
    } else {
      studentId = row.matchedStudentId;
      // The file updates what it holds; a blank cell never erases what she entered.
      const set: Record<string, string> = {
        legal_first: r.legalFirst,
        legal_last: r.legalLast,
        sort_key: nameSortKey(r.legalFirst, r.legalLast),
        updated_at: nowIso(),
      };
      if (r.legalMiddle) set.legal_middle = r.legalMiddle;
      if (r.preferredName) set.preferred_name = r.preferredName;
      if (r.dob) set.dob = r.dob;
      if (r.grade) set.grade = r.grade;
      if (schoolId) set.school_id = schoolId;
      if (r.schoolStudentId) set.school_student_id = r.schoolStudentId;
      if (r.medicaidId) set.medicaid_id = r.medicaidId;
      await trx.updateTable('students').set(set).where('id', '=', studentId).execute();
      updated += 1;
    }
    if (r.guardian) await addGuardianOnce(trx, studentId, r.guardian);
  }
  const schoolsAdded = (await trx.selectFrom('schools').select('id').execute()).length - schoolsBefore;
  return { created, updated, skipped: preview.counts.skip, schoolsAdded };
}

async function addGuardianOnce(trx: Trx, studentId: string, g: NonNullable<RosterRecord['guardian']>) {
  // "Xiong, Pa" (last, first) as many exports write it, or "Pa Xiong".
  const [before, after] = g.name.split(',', 2).map((x) => x.trim());
  const parts = g.name.trim().split(/\s+/);
  const lastName = after ? before! : parts.length > 1 ? parts.pop()! : '';
  const firstName = after ? after : parts.join(' ') || g.name.trim();
  const linked = await trx
    .selectFrom('student_contacts')
    .innerJoin('contacts', 'contacts.id', 'student_contacts.contact_id')
    .select('contacts.id')
    .where('student_contacts.student_id', '=', studentId)
    .where('contacts.first_name', '=', firstName)
    .where('contacts.last_name', '=', lastName)
    .executeTakeFirst();
  if (linked) return;
  await insertContact(trx, studentId, {
    firstName,
    lastName,
    phone: g.phone,
    email: g.email,
    preferredLanguage: g.language,
    relationship: g.relationship ?? 'Guardian',
    // A roster says who the school lists as guardian, not who holds legal authority: she confirms that on the record.
    legalAuthority: 'none',
    courtOrderOnFile: false,
    noContact: false,
    noAccess: false,
    note: 'Imported from the school roster',
  });
}

export async function listSources(vault: Vault) {
  const rows = await vault.db.selectFrom('roster_mappings').select(['source', 'updated_at']).orderBy('updated_at', 'desc').execute();
  return { sources: rows.map((r) => ({ source: r.source, updatedAt: r.updated_at })) };
}
