/**
 * Referrals from a student to a provider or to county intake: written as a
 * draft, then moved through their statuses by the domain's rules (dated, in
 * order, never backwards); each change is appended to the referral's history.
 * A sent referral gets a follow-up date, which lands on the due-soon panel.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { Vault } from '../../../db/vault.ts';
import { followUpDue, referralTargetName, transition, type Referral } from '../../shared/domain/providers/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { change, newId, nowIso, today } from '../caseload/write.ts';
import { AppError } from '../failures.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface LoadedReferral {
  row: Database['referrals'];
  domain: Referral;
}

export async function loadReferrals(vault: Vault | { db: Db }, where: { studentId?: string; providerId?: string; id?: string; open?: boolean }): Promise<LoadedReferral[]> {
  let q = vault.db.selectFrom('referrals').selectAll();
  if (where.studentId) q = q.where('student_id', '=', where.studentId);
  if (where.providerId) q = q.where('provider_id', '=', where.providerId);
  if (where.id) q = q.where('id', '=', where.id);
  if (where.open) q = q.where('status', 'in', ['sent', 'waitlisted', 'accepted']);
  const rows = await q.orderBy('created_at', 'desc').execute();
  if (rows.length === 0) return [];
  const changes = await vault.db.selectFrom('referral_status_changes').selectAll().where('referral_id', 'in', rows.map((r) => r.id)).orderBy('changed_on').orderBy('recorded_at').execute();
  return rows.map((row) => {
    const history = changes.filter((c) => c.referral_id === row.id).map((c) => ({ status: c.status as Referral['status'], on: c.changed_on }));
    const base = { id: row.id, studentId: row.student_id, reason: row.reason, urgency: row.urgency, expectedOutcome: row.expected_outcome, status: row.status, history, followUpOn: row.follow_up_on, outcomeNote: row.outcome_note };
    const domain: Referral = row.provider_id ? { ...base, providerId: row.provider_id } : { ...base, countyIntake: row.county_intake ?? 'CLTS' };
    return { row, domain };
  });
}

export async function listReferrals(vault: Vault, input: ChannelInput<'referrals:list'>): Promise<ChannelOutput<'referrals:list'>> {
  const loaded = await loadReferrals(vault, { ...(input.studentId ? { studentId: input.studentId } : {}), ...(input.providerId ? { providerId: input.providerId } : {}) });
  const providerIds = [...new Set(loaded.map((l) => l.row.provider_id).filter((p): p is string => p !== null))];
  const studentIds = [...new Set(loaded.map((l) => l.row.student_id))];
  const [providers, students] = await Promise.all([
    providerIds.length ? vault.db.selectFrom('providers').select(['id', 'name']).where('id', 'in', providerIds).execute() : [],
    studentIds.length ? vault.db.selectFrom('students').select(['id', 'legal_first', 'legal_last', 'preferred_name']).where('id', 'in', studentIds).execute() : [],
  ]);
  const providerNames = new Map(providers.map((p) => [p.id, p.name]));
  const studentNames = new Map(students.map((s) => [s.id, `${s.preferred_name || s.legal_first} ${s.legal_last}`]));
  return {
    referrals: loaded.map(({ row, domain }) => ({
      id: row.id,
      fields: {
        studentId: row.student_id,
        target: row.provider_id ? { providerId: row.provider_id } : { countyIntake: row.county_intake ?? 'CLTS' },
        reason: row.reason,
        urgency: row.urgency,
        expectedOutcome: row.expected_outcome,
        followUpOn: row.follow_up_on,
        outcomeNote: row.outcome_note,
      },
      targetName: referralTargetName(domain, providerNames),
      studentName: studentNames.get(row.student_id) ?? '',
      status: domain.status,
      history: domain.history,
      followUpDue: followUpDue(domain),
    })),
  };
}

export async function saveReferral(vault: Vault, input: ChannelInput<'referrals:save'>): Promise<{ id: string }> {
  const f = input.fields;
  return change(vault, async (trx) => {
    const student = await trx.selectFrom('students').select('id').where('id', '=', f.studentId).executeTakeFirst();
    if (!student) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
    const providerId = 'providerId' in f.target ? f.target.providerId : null;
    if (providerId && !(await trx.selectFrom('providers').select('id').where('id', '=', providerId).executeTakeFirst())) {
      throw new AppError('NOT_FOUND', 'That provider is no longer in the directory.', 'fields.target');
    }
    const now = nowIso();
    const values = {
      student_id: f.studentId,
      provider_id: providerId,
      county_intake: 'countyIntake' in f.target ? f.target.countyIntake : null,
      reason: f.reason.trim(),
      urgency: f.urgency,
      expected_outcome: f.expectedOutcome.trim(),
      follow_up_on: f.followUpOn,
      outcome_note: f.outcomeNote,
      updated_at: now,
    };
    let id = input.id;
    if (id) {
      const existing = await trx.selectFrom('referrals').select(['status', 'student_id']).where('id', '=', id).executeTakeFirst();
      if (!existing) throw new AppError('NOT_FOUND', 'That referral no longer exists.');
      if (existing.student_id !== f.studentId) throw new AppError('INVALID_INPUT', 'A referral stays with the student it was written for.', 'fields.studentId');
      // Once sent, where it went and why are what the provider received: only the follow-up date and the outcome note change.
      if (existing.status !== 'draft') {
        await trx.updateTable('referrals').set({ follow_up_on: f.followUpOn, outcome_note: f.outcomeNote, updated_at: now }).where('id', '=', id).execute();
      } else await trx.updateTable('referrals').set(values).where('id', '=', id).execute();
    } else {
      id = newId();
      // The history starts when it is sent: a referral sent before it was written down can still be dated when it was sent.
      await trx.insertInto('referrals').values({ id, ...values, status: 'draft', created_at: now }).execute();
    }
    return { result: { id }, audit: { action: input.id ? 'referral.updated' : 'referral.drafted', subjectType: 'referral', subjectId: id } };
  });
}

export async function moveReferral(vault: Vault, input: ChannelInput<'referrals:transition'>): Promise<{ status: string; followUpOn: string | null }> {
  const [loaded] = await loadReferrals(vault, { id: input.id });
  if (!loaded) throw new AppError('NOT_FOUND', 'That referral no longer exists.');
  if (input.on > today()) throw new AppError('INVALID_INPUT', 'A status change cannot be dated in the future.', 'on');
  const moved = transition(loaded.domain, input.to, input.on);
  if (!moved.ok) throw new AppError('NOT_ALLOWED', moved.refusal, 'to');
  return change(vault, async (trx) => {
    await trx.updateTable('referrals').set({ status: moved.referral.status, follow_up_on: moved.referral.followUpOn, updated_at: nowIso() }).where('id', '=', input.id).execute();
    await trx.insertInto('referral_status_changes').values({ id: newId(), referral_id: input.id, status: input.to, changed_on: input.on, recorded_at: nowIso() }).execute();
    return { result: { status: moved.referral.status, followUpOn: moved.referral.followUpOn }, audit: { action: `referral.${input.to}`, subjectType: 'referral', subjectId: input.id } };
  });
}
