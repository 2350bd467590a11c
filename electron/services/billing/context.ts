/**
 * What the billing rules need, read from the vault: the programs' billing
 * profiles (the shipped defaults unless she edited them), a student's
 * enrollments, Medicaid ID, prerequisites and prior authorizations, and
 * entries as the rules see them (with their signed corrections applied).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/database.ts';
import {
  BILLING_PROGRAMS,
  DEFAULT_PROFILES,
  profileFor,
  type BillingEnrollment,
  type BillingProfile,
  type BillingProgram,
  type PriorAuthorization,
  type ServiceEntry,
} from '../../shared/domain/billing/index.ts';
import type { CorrectionChanges, EntryFields } from '../../shared/schemas/services.ts';

type Db = Kysely<Database> | Transaction<Database>;
type EntryRow = Database['service_entries'];

export async function loadProfiles(db: Db): Promise<BillingProfile[]> {
  const rows = await db.selectFrom('billing_profiles').selectAll().execute();
  const edited = new Map(rows.map((r) => [r.program, JSON.parse(r.profile) as BillingProfile]));
  return BILLING_PROGRAMS.map((program) => edited.get(program) ?? DEFAULT_PROFILES[program]);
}

/** Program names are typed by hand on enrollments ("clts", "CLTS "): the rules compare them in one spelling. */
export const programKey = (program: string): string => program.trim().toUpperCase();

export function profileOf(program: string, profiles: readonly BillingProfile[]): BillingProfile | null {
  return profileFor(programKey(program), profiles);
}

/** The entry as first written, before corrections. */
export function fieldsOfRow(r: EntryRow): EntryFields {
  return {
    studentId: r.student_id,
    date: r.service_date,
    time: r.start_time && r.end_time ? { kind: 'clock', startTime: r.start_time, endTime: r.end_time, endsNextDay: false } : { kind: 'minutes', minutes: r.minutes },
    travelMinutes: r.travel_minutes,
    documentationMinutes: r.documentation_minutes,
    activity: r.activity as EntryFields['activity'],
    contactMode: r.contact_mode as EntryFields['contactMode'],
    contactType: r.contact_type as EntryFields['contactType'],
    placeOfService: r.place_of_service,
    personsPresent: r.persons_present,
    program: r.program,
    fundingStream: r.funding_stream as EntryFields['fundingStream'],
    goalId: r.goal_id,
    authorizationId: r.authorization_id,
    narrative: r.narrative,
    followUp: r.follow_up,
  };
}

/** Signed corrections applied in the order they were signed: the entry as it is billed. */
export function applyCorrections(fields: EntryFields, corrections: readonly { changes: string }[]): EntryFields {
  let out = fields;
  for (const c of corrections) out = { ...out, ...(JSON.parse(c.changes) as CorrectionChanges) };
  return out;
}

export function toDomainEntry(id: string, f: EntryFields, exportedOn: string | null): ServiceEntry {
  return {
    id,
    studentId: f.studentId,
    date: f.date,
    time: f.time,
    activity: f.activity,
    contactMode: f.contactMode,
    contactType: f.contactType,
    placeOfService: f.placeOfService,
    program: programKey(f.program),
    fundingStream: f.fundingStream,
    travelMinutes: f.travelMinutes,
    documentationMinutes: f.documentationMinutes,
    authorizationId: f.authorizationId,
    exportedOn,
  };
}

export interface LoadedEntry {
  row: EntryRow;
  fields: EntryFields;
  domain: ServiceEntry;
  corrections: Database['service_corrections'][];
  batch: { id: string; month: string; exportedAt: string } | null;
}

/** Entries with their corrections and live batch, filtered by the caller's query. */
export async function loadEntries(
  db: Db,
  where: { studentId?: string; studentIds?: readonly string[]; from?: string; to?: string; ids?: readonly string[]; withBatches?: boolean },
): Promise<LoadedEntry[]> {
  if (where.studentIds && where.studentIds.length > 500) {
    const { studentIds, ...rest } = where;
    return (await chunked(studentIds, (part) => loadEntries(db, { ...rest, studentIds: part }))).sort((a, b) => (a.row.service_date < b.row.service_date ? -1 : a.row.service_date > b.row.service_date ? 1 : 0));
  }
  let q = db.selectFrom('service_entries').selectAll();
  if (where.studentId) q = q.where('student_id', '=', where.studentId);
  if (where.studentIds) {
    if (where.studentIds.length === 0) return [];
    q = q.where('student_id', 'in', [...where.studentIds]);
  }
  if (where.from) q = q.where('service_date', '>=', where.from);
  if (where.to) q = q.where('service_date', '<=', where.to);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    q = q.where('id', 'in', [...where.ids]);
  }
  const rows = await q.orderBy('service_date').orderBy('start_time').orderBy('created_at').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [corrections, lines] = await Promise.all([
    chunked(ids, (part) => db.selectFrom('service_corrections').selectAll().where('entry_id', 'in', part).orderBy('signed_at').execute()),
    where.withBatches === false
      ? Promise.resolve([] as { entry_id: string; id: string; month: string; exported_at: string }[])
      : chunked(ids, (part) =>
      db
        .selectFrom('batch_lines')
        .innerJoin('billing_batches', 'billing_batches.id', 'batch_lines.batch_id')
        .select(['batch_lines.entry_id', 'billing_batches.id', 'billing_batches.month', 'billing_batches.exported_at'])
        .where('batch_lines.live', '=', 1)
        .where('batch_lines.entry_id', 'in', part)
        .execute(),
    ),
  ]);
  const correctionsOf = new Map<string, Database['service_corrections'][]>();
  for (const c of corrections) correctionsOf.set(c.entry_id, [...(correctionsOf.get(c.entry_id) ?? []), c]);
  const batchOf = new Map(lines.map((l) => [l.entry_id, { id: l.id, month: l.month, exportedAt: l.exported_at }]));
  return rows.map((row) => {
    const mine = correctionsOf.get(row.id) ?? [];
    const fields = applyCorrections(fieldsOfRow(row), mine);
    const batch = batchOf.get(row.id) ?? null;
    return { row, fields, domain: toDomainEntry(row.id, fields, batch ? batch.exportedAt.slice(0, 10) : null), corrections: mine, batch };
  });
}

/** SQLite caps bound parameters; long id lists are read in parts. */
async function chunked<T>(ids: readonly string[], read: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await read(ids.slice(i, i + 500))));
  return out;
}

export interface StudentBillingFacts {
  name: string;
  dob: string | null;
  medicaidId: string | null;
  mciId: string | null;
  enrollments: BillingEnrollment[];
  /** CCS prerequisites by key, from the enrollment's dates. */
  prerequisitesMet: Record<string, string | null>;
  authorizations: PriorAuthorization[];
}

/**
 * The day an enrollment began is the day its status first changed to active
 * (enrollments are never backdated, DOMAIN.md); it ends on its end date or the
 * day it was closed.
 */
export async function studentBillingFacts(db: Db, studentIds: readonly string[]): Promise<Map<string, StudentBillingFacts>> {
  const out = new Map<string, StudentBillingFacts>();
  if (studentIds.length === 0) return out;
  const ids = [...new Set(studentIds)];
  const [students, enrollments, changes, auths] = await Promise.all([
    chunked(ids, (part) => db.selectFrom('students').select(['id', 'legal_first', 'legal_last', 'dob', 'medicaid_id', 'mci_id']).where('id', 'in', part).execute()),
    chunked(ids, (part) => db.selectFrom('enrollments').selectAll().where('student_id', 'in', part).execute()),
    chunked(ids, (part) =>
      db
        .selectFrom('enrollment_changes')
        .innerJoin('enrollments', 'enrollments.id', 'enrollment_changes.enrollment_id')
        .select(['enrollment_changes.enrollment_id', 'enrollment_changes.status', 'enrollment_changes.changed_on'])
        .where('enrollments.student_id', 'in', part)
        .orderBy('enrollment_changes.changed_on')
        .execute(),
    ),
    chunked(ids, (part) => db.selectFrom('prior_authorizations').selectAll().where('student_id', 'in', part).execute()),
  ]);
  for (const s of students) {
    out.set(s.id, { name: `${s.legal_first} ${s.legal_last}`, dob: s.dob, medicaidId: s.medicaid_id, mciId: s.mci_id, enrollments: [], prerequisitesMet: {}, authorizations: [] });
  }
  // Grouped once: a month's students have hundreds of enrollments and thousands of status changes.
  const changesOf = new Map<string, typeof changes>();
  for (const c of changes) changesOf.set(c.enrollment_id, [...(changesOf.get(c.enrollment_id) ?? []), c]);
  for (const e of enrollments) {
    const facts = out.get(e.student_id);
    if (!facts) continue;
    const mine = changesOf.get(e.id) ?? [];
    const enrolledOn = mine.find((c) => c.status === 'active')?.changed_on ?? null;
    const closedOn = [...mine].reverse().find((c) => c.status === 'closed')?.changed_on ?? null;
    facts.enrollments.push({ program: programKey(e.program), status: e.status, enrolledOn, endedOn: e.end_date ?? (e.status === 'closed' ? closedOn : null) });
    if (programKey(e.program) === 'CCS') {
      // The CCS enrollment's dates stand for the DHS 36 prerequisites (a setting-free mapping, stated in docs/billing.md).
      const earliest = (a: string | null, b: string | null | undefined) => (a && b ? (a < b ? a : b) : (a ?? b ?? null));
      const p = facts.prerequisitesMet;
      p.functional_screen = earliest(p.functional_screen ?? null, e.functional_screen_date);
      p.application_admission = earliest(p.application_admission ?? null, e.application_date);
      p.prescription_diagnosis = earliest(p.prescription_diagnosis ?? null, e.eligibility_date);
      p.mhp_authorization = earliest(p.mhp_authorization ?? null, e.plan_date);
    }
  }
  for (const a of auths) {
    out.get(a.student_id)?.authorizations.push({
      id: a.id,
      number: a.number,
      studentId: a.student_id,
      program: a.program as BillingProgram,
      procedureCode: a.procedure_code,
      modifiers: JSON.parse(a.modifiers) as string[],
      unitsAuthorized: a.units_authorized,
      startDate: a.start_on,
      endDate: a.end_on,
      diagnosisCode: a.diagnosis_code ?? '',
      providerId: a.provider_id ?? '',
    });
  }
  return out;
}
