/** Prior authorizations: what the county authorized, and how much of it the signed entries have used. */
import type { Vault } from '../../../db/vault.ts';
import { remainingText, sumUnits, unitsUsed } from '../../shared/domain/billing/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { blankToNull, change, newId, nowIso } from '../caseload/write.ts';
import { AppError } from '../failures.ts';
import { loadEntries, loadProfiles, profileOf, studentBillingFacts } from './context.ts';

export async function listAuthorizations(vault: Vault, studentId: string): Promise<ChannelOutput<'authorizations:list'>> {
  const facts = (await studentBillingFacts(vault.db, [studentId])).get(studentId);
  if (!facts) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
  const [profiles, entries] = await Promise.all([loadProfiles(vault.db), loadEntries(vault.db, { studentId })]);
  const signed = entries.filter((e) => e.row.signed_at !== null).map((e) => e.domain);
  const rows = await vault.db.selectFrom('prior_authorizations').selectAll().where('student_id', '=', studentId).orderBy('start_on', 'desc').execute();
  return {
    authorizations: facts.authorizations
      .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))
      .map((pa) => {
        const profile = profileOf(pa.program, profiles);
        const used = profile ? unitsUsed(pa, signed, profile) : 0;
        const remaining = sumUnits(pa.unitsAuthorized, -used);
        const row = rows.find((r) => r.id === pa.id)!;
        return {
          id: pa.id,
          studentId,
          program: pa.program,
          number: pa.number,
          procedureCode: pa.procedureCode,
          modifiers: [...pa.modifiers],
          unitsAuthorized: pa.unitsAuthorized,
          startOn: pa.startDate,
          endOn: pa.endDate,
          diagnosisCode: row.diagnosis_code,
          providerId: row.provider_id,
          unitsUsed: used,
          unitsRemaining: remaining,
          remainingText: remainingText(pa, used),
          warning: profile ? remaining <= profile.authorizationWarningUnits : false,
        };
      }),
  };
}

export async function saveAuthorization(vault: Vault, input: ChannelInput<'authorizations:save'>): Promise<{ id: string }> {
  const f = input.fields;
  if (f.endOn < f.startOn) throw new AppError('INVALID_INPUT', 'The authorization ends before it starts: check the dates.', 'fields.endOn');
  return change(vault, async (trx) => {
    const student = await trx.selectFrom('students').select('id').where('id', '=', f.studentId).executeTakeFirst();
    if (!student) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
    const now = nowIso();
    const values = {
      student_id: f.studentId,
      program: f.program,
      number: f.number.trim(),
      procedure_code: f.procedureCode.trim().toUpperCase(),
      modifiers: JSON.stringify(f.modifiers.map((m) => m.toUpperCase())),
      units_authorized: f.unitsAuthorized,
      start_on: f.startOn,
      end_on: f.endOn,
      diagnosis_code: blankToNull(f.diagnosisCode),
      provider_id: blankToNull(f.providerId),
      updated_at: now,
    };
    let id = input.id;
    if (id) {
      const updated = await trx.updateTable('prior_authorizations').set(values).where('id', '=', id).where('student_id', '=', f.studentId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'That authorization no longer exists.');
    } else {
      id = newId();
      await trx.insertInto('prior_authorizations').values({ id, ...values, created_at: now }).execute();
    }
    return { result: { id }, audit: { action: input.id ? 'authorization.updated' : 'authorization.added', subjectType: 'prior_authorization', subjectId: id } };
  });
}
