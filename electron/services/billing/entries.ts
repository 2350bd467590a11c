/**
 * The service log: an entry is written once and is at once the case note and
 * the billing record. A draft can be edited or discarded; signing locks it
 * (the database refuses changes) and a mistake is corrected by a signed
 * correction. An entry that runs past midnight is saved as one entry per day
 * (or refused, as the program's profile says); overlapping claimed minutes are
 * refused at signing, so the same minutes are never billed twice.
 */
import type { Vault } from '../../../db/vault.ts';
import { overlapsWith, splitAtMidnight, type EntryAssessment, type ServiceEntry } from '../../shared/domain/billing/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import type { EntryFields } from '../../shared/schemas/services.ts';
import { blankToNull, change, newId, nowIso, today, type Trx } from '../caseload/write.ts';
import { AppError } from '../failures.ts';
import { readSettings } from '../settings.ts';
import { assessorFor } from './assess.ts';
import { loadEntries, loadProfiles, profileOf, toDomainEntry } from './context.ts';

type Preview = ChannelOutput<'services:preview'>;

function assessmentOut(date: string, a: EntryAssessment) {
  return { date, minutes: a.minutes, units: a.units, procedureCode: a.procedureCode, modifiers: a.modifiers, billable: a.billable, reasons: a.reasons };
}

/** The entry as the day-entries it is saved as, or the time problem that stops it. */
async function partsOf(vault: Vault, id: string, fields: EntryFields): Promise<{ ok: true; parts: ServiceEntry[] } | { ok: false; message: string }> {
  const profile = profileOf(fields.program, await loadProfiles(vault.db));
  const split = splitAtMidnight(toDomainEntry(id, fields, null), profile?.midnight ?? 'split');
  return split.ok ? { ok: true, parts: split.value } : { ok: false, message: split.problem.message };
}

/** Signed entries on the same days, every student's: the worker's minutes can be claimed once. */
async function sameDays(vault: Vault, parts: readonly ServiceEntry[], exclude: ReadonlySet<string>): Promise<ServiceEntry[]> {
  const days = [...new Set(parts.map((p) => p.date))].sort();
  const loaded = await loadEntries(vault.db, { from: days[0], to: days.at(-1) });
  return loaded.filter((l) => l.row.signed_at !== null && !exclude.has(l.row.id) && days.includes(l.fields.date)).map((l) => l.domain);
}

async function overlapMessages(vault: Vault, parts: readonly ServiceEntry[], exclude: ReadonlySet<string>, blockingOnly: boolean): Promise<string[]> {
  const others = await sameDays(vault, parts, exclude);
  const out: string[] = [];
  for (const p of parts) for (const o of overlapsWith(p, others)) if (!blockingOnly || o.blocks) out.push(o.message);
  return [...new Set(out)];
}

export async function previewEntry(vault: Vault, input: ChannelInput<'services:preview'>): Promise<Preview> {
  const id = input.id ?? 'new-entry';
  const split = await partsOf(vault, id, input.fields);
  if (!split.ok) return { timeProblem: split.message, parts: [], overlaps: [] };
  const assessor = await assessorFor(vault.db, [input.fields.studentId], split.parts, today());
  return {
    timeProblem: null,
    parts: split.parts.map((p) => assessmentOut(p.date, assessor.assess(p))),
    overlaps: await overlapMessages(vault, split.parts, new Set([id]), false),
  };
}

async function checkReferences(trx: Trx, fields: EntryFields): Promise<void> {
  const student = await trx.selectFrom('students').select('id').where('id', '=', fields.studentId).executeTakeFirst();
  if (!student) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
  if (fields.goalId) {
    const goal = await trx.selectFrom('plan_goals').select('student_id').where('id', '=', fields.goalId).executeTakeFirst();
    if (goal?.student_id !== fields.studentId) throw new AppError('INVALID_INPUT', 'That plan goal is not one of this student’s goals.', 'fields.goalId');
  }
  if (fields.authorizationId) {
    const pa = await trx.selectFrom('prior_authorizations').select('student_id').where('id', '=', fields.authorizationId).executeTakeFirst();
    if (pa?.student_id !== fields.studentId) throw new AppError('INVALID_INPUT', 'That prior authorization is not this student’s.', 'fields.authorizationId');
  }
}

function rowValues(id: string, f: EntryFields, groupId: string | null, signedBy: string | null, now: string) {
  const clock = f.time.kind === 'clock' ? f.time : null;
  const minutes = f.time.kind === 'minutes' ? f.time.minutes : minutesBetween(f.time.startTime, f.time.endTime);
  return {
    id,
    student_id: f.studentId,
    service_date: f.date,
    start_time: clock?.startTime ?? null,
    end_time: clock?.endTime ?? null,
    minutes,
    travel_minutes: f.travelMinutes,
    documentation_minutes: f.documentationMinutes,
    activity: f.activity,
    contact_mode: f.contactMode,
    contact_type: f.contactType,
    place_of_service: f.placeOfService,
    persons_present: blankToNull(f.personsPresent),
    program: f.program.trim(),
    funding_stream: f.fundingStream,
    goal_id: f.goalId,
    authorization_id: f.authorizationId,
    narrative: f.narrative.trim(),
    follow_up: blankToNull(f.followUp),
    group_id: groupId,
    signed_at: signedBy ? now : null,
    signed_by: signedBy,
    created_at: now,
    updated_at: now,
  };
}

/** Minutes from start to end within one day; a day-part split at midnight ends at '24:00'. */
function minutesBetween(start: string, end: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return m(end) - m(start);
}

function fieldsOf(part: ServiceEntry, base: EntryFields): EntryFields {
  return { ...base, date: part.date, time: part.time, travelMinutes: part.travelMinutes, documentationMinutes: part.documentationMinutes };
}

async function signerName(vault: Vault): Promise<string> {
  const name = (await readSettings(vault)).workerName.trim();
  if (!name) throw new AppError('NOT_ALLOWED', 'Add your name in Settings first: a signed entry carries the name of who wrote it.');
  return name;
}

interface Prepared {
  parts: { id: string; fields: EntryFields }[];
  split: boolean;
}

/** Splits, assesses (to link the authorization the rules pick) and, when signing, refuses overlapping claimed minutes. */
async function prepare(vault: Vault, id: string, fields: EntryFields, sign: boolean, exclude: ReadonlySet<string>, siblings: readonly ServiceEntry[] = []): Promise<Prepared> {
  if (sign && !fields.narrative.trim()) throw new AppError('INVALID_INPUT', 'Write what happened before signing: the narrative is the case note.', 'fields.narrative');
  const split = await partsOf(vault, id, fields);
  if (!split.ok) throw new AppError('INVALID_INPUT', split.message, 'fields.time');
  const parts = split.parts.map((p, i) => (i === 0 ? p : { ...p, id: newId() }));
  if (sign) {
    const clash = await overlapMessages(vault, parts, exclude, true);
    const within = siblings.flatMap((s) => parts.flatMap((p) => overlapsWith(p, [s]).filter((o) => o.blocks).map((o) => o.message)));
    const all = [...clash, ...within];
    if (all.length > 0) throw new AppError('NOT_ALLOWED', `Not signed: ${all[0]}${all.length > 1 ? ` (and ${all.length - 1} more)` : ''}`, 'fields.time');
  }
  const assessor = await assessorFor(vault.db, [fields.studentId], parts, today());
  return {
    split: parts.length > 1,
    parts: parts.map((p) => ({ id: p.id, fields: { ...fieldsOf(p, fields), authorizationId: fields.authorizationId ?? assessor.assess(p).authorizationId } })),
  };
}

export async function saveEntry(vault: Vault, input: ChannelInput<'services:save'>): Promise<ChannelOutput<'services:save'>> {
  const signedBy = input.sign ? await signerName(vault) : null;
  if (input.id) {
    const existing = await vault.db.selectFrom('service_entries').select(['signed_at', 'student_id', 'group_id']).where('id', '=', input.id).executeTakeFirst();
    if (!existing) throw new AppError('NOT_FOUND', 'That entry no longer exists.');
    if (existing.signed_at) throw new AppError('NOT_ALLOWED', 'This entry is signed. Add a correction instead of changing it.');
  }
  const id = input.id ?? newId();
  const prepared = await prepare(vault, id, input.fields, input.sign, new Set([id]));
  return change(vault, async (trx) => {
    await checkReferences(trx, input.fields);
    const now = nowIso();
    for (const [i, part] of prepared.parts.entries()) {
      const values = rowValues(part.id, part.fields, null, signedBy, now);
      if (i === 0 && input.id) {
        const { id: _id, created_at: _created, ...update } = values;
        await trx.updateTable('service_entries').set(update).where('id', '=', input.id).execute();
      } else await trx.insertInto('service_entries').values(values).execute();
    }
    const ids = prepared.parts.map((p) => p.id);
    return { result: { ids, split: prepared.split }, audit: { action: input.sign ? 'service.signed' : 'service.draft_saved', subjectType: 'service_entry', subjectId: id, details: { parts: ids.length } } };
  });
}

/**
 * A group session: one entry per student present. The worker's time is
 * divided among them (each entry bills its share as minutes), so the session
 * is never claimed once per child.
 */
export async function saveGroup(vault: Vault, input: ChannelInput<'services:saveGroup'>): Promise<ChannelOutput<'services:save'>> {
  const signedBy = input.sign ? await signerName(vault) : null;
  const students = [...new Set(input.studentIds)];
  if (students.length < 2) throw new AppError('INVALID_INPUT', 'A group session needs at least two different students.', 'studentIds');
  const first = await partsOf(vault, 'group', { ...input.fields, studentId: students[0]! });
  if (!first.ok) throw new AppError('INVALID_INPUT', first.message, 'fields.time');
  if (first.parts.length > 1) throw new AppError('INVALID_INPUT', 'A group session cannot run past midnight; enter each day as its own session.', 'fields.time');
  const total = first.parts[0]!.time.kind === 'minutes' ? first.parts[0]!.time.minutes : minutesBetween((first.parts[0]!.time as { startTime: string }).startTime, (first.parts[0]!.time as { endTime: string }).endTime);
  const share = Math.floor(total / students.length);
  if (share < 1) throw new AppError('INVALID_INPUT', `${total} minutes cannot be shared among ${students.length} students.`, 'fields.time');
  const groupId = newId();
  const prepared: Prepared[] = [];
  for (const studentId of students) {
    const fields: EntryFields = { ...input.fields, studentId, time: { kind: 'minutes', minutes: share } };
    prepared.push(await prepare(vault, newId(), fields, input.sign, new Set()));
  }
  return change(vault, async (trx) => {
    const now = nowIso();
    const ids: string[] = [];
    for (const p of prepared) {
      await checkReferences(trx, p.parts[0]!.fields);
      for (const part of p.parts) {
        // The session's clock time stays on each entry for the record; the minutes are the student's share.
        const values = { ...rowValues(part.id, part.fields, groupId, signedBy, now), ...(input.fields.time.kind === 'clock' ? { start_time: null, end_time: null } : {}) };
        await trx.insertInto('service_entries').values(values).execute();
        ids.push(part.id);
      }
    }
    return { result: { ids, split: false }, audit: { action: input.sign ? 'service.group_signed' : 'service.group_saved', subjectType: 'service_group', subjectId: groupId, details: { entries: ids.length } } };
  });
}

export async function signDraft(vault: Vault, id: string): Promise<ChannelOutput<'services:save'>> {
  const [loaded] = await loadEntries(vault.db, { ids: [id] });
  if (!loaded) throw new AppError('NOT_FOUND', 'That entry no longer exists.');
  if (loaded.row.signed_at) throw new AppError('NOT_ALLOWED', 'This entry is already signed.');
  return saveEntry(vault, { id, fields: loaded.fields, sign: true });
}

export async function discardDraft(vault: Vault, id: string): Promise<Record<string, never>> {
  return change(vault, async (trx) => {
    const row = await trx.selectFrom('service_entries').select('signed_at').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That entry no longer exists.');
    if (row.signed_at) throw new AppError('NOT_ALLOWED', 'A signed entry is the record and cannot be discarded; add a correction.');
    await trx.deleteFrom('service_entries').where('id', '=', id).execute();
    return { result: {}, audit: { action: 'service.draft_discarded', subjectType: 'service_entry', subjectId: id } };
  });
}

/** A signed correction: the changed fields and why. The corrected entry must still claim its minutes once. */
export async function correctEntry(vault: Vault, input: ChannelInput<'services:correct'>): Promise<Record<string, never>> {
  const signedBy = await signerName(vault);
  const [loaded] = await loadEntries(vault.db, { ids: [input.id] });
  if (!loaded) throw new AppError('NOT_FOUND', 'That entry no longer exists.');
  if (!loaded.row.signed_at) throw new AppError('NOT_ALLOWED', 'This entry is still a draft: edit it instead.');
  const changed = Object.fromEntries(Object.entries(input.changes).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(loaded.fields[k as keyof EntryFields])));
  if (Object.keys(changed).length === 0) throw new AppError('INVALID_INPUT', 'The correction changes nothing: change at least one field.', 'changes');
  const corrected: EntryFields = { ...loaded.fields, ...changed };
  if (corrected.time.kind === 'clock' && corrected.time.endsNextDay) throw new AppError('INVALID_INPUT', 'A corrected entry cannot run past midnight; correct the times within the day.', 'changes.time');
  await prepare(vault, input.id, corrected, true, new Set([input.id]));
  return change(vault, async (trx) => {
    await checkReferences(trx, corrected);
    // The values before the correction are kept beside it, so the entry's history reads "12 → 03".
    const previous = Object.fromEntries(Object.keys(changed).map((k) => [k, loaded.fields[k as keyof EntryFields]]));
    await trx
      .insertInto('service_corrections')
      .values({ id: newId(), entry_id: input.id, changes: JSON.stringify(changed), previous: JSON.stringify(previous), reason: input.reason.trim(), signed_at: nowIso(), signed_by: signedBy })
      .execute();
    return { result: {}, audit: { action: 'service.corrected', subjectType: 'service_entry', subjectId: input.id, details: { fields: Object.keys(changed).length } } };
  });
}

const monthRange = (month: string) => ({ from: `${month}-01`, to: `${month}-31` });

export async function listEntries(vault: Vault, input: ChannelInput<'services:list'>): Promise<ChannelOutput<'services:list'>> {
  const loaded = await loadEntries(vault.db, { ...(input.studentId ? { studentId: input.studentId } : {}), ...(input.month ? monthRange(input.month) : {}) });
  const assessor = await assessorFor(vault.db, loaded.map((l) => l.fields.studentId), loaded.map((l) => l.domain), today());
  return {
    entries: loaded.map((l) => ({
      id: l.row.id,
      studentId: l.fields.studentId,
      studentName: assessor.facts.get(l.fields.studentId)?.name ?? '',
      fields: l.fields,
      signedAt: l.row.signed_at,
      signedBy: l.row.signed_by,
      groupId: l.row.group_id,
      corrections: l.corrections.map((c) => ({
        id: c.id,
        changes: JSON.parse(c.changes) as Record<string, unknown>,
        previous: JSON.parse(c.previous) as Record<string, unknown>,
        reason: c.reason,
        signedAt: c.signed_at,
        signedBy: c.signed_by,
      })),
      batch: l.batch,
      assessment: assessmentOut(l.fields.date, assessor.assess(l.domain)),
    })),
  };
}

/** "Repeat last entry": the most recently written entry's fields, for a new one. */
export async function lastEntry(vault: Vault, studentId: string | null): Promise<{ fields: EntryFields | null }> {
  // A service split at midnight is two rows written together: the first day's part is the one to repeat.
  let q = vault.db.selectFrom('service_entries').select('id').where('group_id', 'is', null).orderBy('created_at', 'desc').orderBy('service_date', 'asc').limit(1);
  if (studentId) q = q.where('student_id', '=', studentId);
  const row = await q.executeTakeFirst();
  if (!row) return { fields: null };
  const [loaded] = await loadEntries(vault.db, { ids: [row.id] });
  return { fields: loaded ? loaded.fields : null };
}
