/**
 * The Medicaid billing consent for IEP services (DPI model form M-5): the
 * annual written notice, the printed form, the parent's decision (given or
 * refused) and a withdrawal. The database keeps a recorded decision as it was
 * made; only a withdrawal may be added to it.
 */
import type { Vault } from '../../../db/vault.ts';
import { appendAudit } from '../../../db/audit.ts';
import { medicaidConsentForm } from '../../documents/medicaid-consent.ts';
import { MEDICAID_STATE_LABELS, medicaidConsentStatus, noticeForDecision } from '../../shared/domain/medicaid-consent.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { change, newId, nowIso, today } from '../caseload/write.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { readSettings } from '../settings.ts';

type View = ChannelOutput<'medicaid:get'>;

async function requireStudent(vault: Vault, studentId: string) {
  const s = await vault.db.selectFrom('students').select(['legal_first', 'legal_last', 'dob']).where('id', '=', studentId).executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
  return s;
}

export async function getMedicaidConsent(vault: Vault, studentId: string): Promise<View> {
  await requireStudent(vault, studentId);
  const [notices, decisions] = await Promise.all([
    vault.db.selectFrom('medicaid_notices').select(['id', 'given_on', 'method']).where('student_id', '=', studentId).orderBy('given_on', 'desc').execute(),
    vault.db
      .selectFrom('medicaid_consents')
      .innerJoin('medicaid_notices', 'medicaid_notices.id', 'medicaid_consents.notice_id')
      .select(['medicaid_consents.id', 'decision', 'decided_on', 'signed_by', 'withdrawn_on', 'withdrawal_received_by', 'medicaid_notices.given_on'])
      .where('medicaid_consents.student_id', '=', studentId)
      .orderBy('decided_on', 'desc')
      .orderBy('medicaid_consents.created_at', 'desc')
      .execute(),
  ]);
  const status = medicaidConsentStatus(
    decisions.map((d) => ({ decision: d.decision, decidedOn: d.decided_on, withdrawnOn: d.withdrawn_on })),
    notices.map((n) => n.given_on),
  );
  return {
    status: { ...status, label: MEDICAID_STATE_LABELS[status.state] },
    notices: notices.map((n) => ({ id: n.id, givenOn: n.given_on, method: n.method })),
    decisions: decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      decidedOn: d.decided_on,
      signedBy: d.signed_by,
      noticeGivenOn: d.given_on,
      withdrawnOn: d.withdrawn_on,
      withdrawalReceivedBy: d.withdrawal_received_by,
    })),
  };
}

export async function recordNotice(vault: Vault, input: ChannelInput<'medicaid:recordNotice'>): Promise<View> {
  await requireStudent(vault, input.studentId);
  if (input.givenOn > today()) throw new AppError('INVALID_INPUT', 'The notice date cannot be in the future: record it once the notice has been given.', 'givenOn');
  const dup = await vault.db.selectFrom('medicaid_notices').select('id').where('student_id', '=', input.studentId).where('given_on', '=', input.givenOn).executeTakeFirst();
  if (dup) throw new AppError('INVALID_INPUT', 'A notice on that date is already recorded.', 'givenOn');
  await change(vault, async (trx) => {
    const id = newId();
    await trx.insertInto('medicaid_notices').values({ id, student_id: input.studentId, given_on: input.givenOn, method: input.method, created_at: nowIso() }).execute();
    return { result: id, audit: { action: 'medicaid.notice_recorded', subjectType: 'student', subjectId: input.studentId } };
  });
  return getMedicaidConsent(vault, input.studentId);
}

export async function printMedicaidConsent(vault: Vault, ports: Ports, input: ChannelInput<'medicaid:print'>): Promise<{ saved: boolean; fileName: string | null }> {
  const s = await requireStudent(vault, input.studentId);
  const view = await getMedicaidConsent(vault, input.studentId);
  const notice = view.notices[0];
  if (!notice) throw new AppError('NOT_ALLOWED', 'Record the date the annual written notice was given first: the form states it, and consent may only follow the notice.');
  const settings = await readSettings(vault);
  if (!settings.organizationName.trim()) throw new AppError('NOT_ALLOWED', 'Add the district name in Settings first: the form names who will bill Medicaid.');
  const bytes = await medicaidConsentForm({
    organization: settings.organizationName,
    formId: `M5-${input.studentId.slice(0, 8).toUpperCase()}`,
    studentName: `${s.legal_first} ${s.legal_last}`,
    studentDob: s.dob,
    parentName: input.parentName?.trim() ?? '',
    annualNoticeDate: notice.givenOn,
    language: input.language,
  });
  // No student name in the file name: file lists and recent-file menus show names.
  const saved = await ports.saveDocument({ suggestedName: `Medicaid consent M-5 ${today()}.pdf`, bytes, kind: 'pdf', openAfterSave: true });
  if (saved) await appendAudit(vault.db, vault.auditKey, { action: 'medicaid.form_printed', subjectType: 'student', subjectId: input.studentId });
  return { saved: saved !== null, fileName: saved?.fileName ?? null };
}

export async function recordDecision(vault: Vault, input: ChannelInput<'medicaid:recordDecision'>): Promise<View> {
  await requireStudent(vault, input.studentId);
  if (input.decidedOn > today()) throw new AppError('INVALID_INPUT', 'The date signed cannot be in the future.', 'decidedOn');
  const notices = await vault.db.selectFrom('medicaid_notices').select(['id', 'given_on as givenOn']).where('student_id', '=', input.studentId).execute();
  const notice = noticeForDecision(notices, input.decidedOn);
  if (!notice) {
    throw new AppError('NOT_ALLOWED', 'Consent can only follow the written notice: record the notice given on or before the date signed.', 'decidedOn');
  }
  await change(vault, async (trx) => {
    const id = newId();
    await trx
      .insertInto('medicaid_consents')
      .values({ id, student_id: input.studentId, decision: input.decision, decided_on: input.decidedOn, signed_by: input.signedBy.trim(), notice_id: notice.id, withdrawn_on: null, withdrawal_received_by: null, created_at: nowIso() })
      .execute();
    return { result: id, audit: { action: `medicaid.consent_${input.decision}`, subjectType: 'student', subjectId: input.studentId } };
  });
  return getMedicaidConsent(vault, input.studentId);
}

export async function withdrawConsent(vault: Vault, input: ChannelInput<'medicaid:withdraw'>): Promise<View> {
  const row = await vault.db.selectFrom('medicaid_consents').select(['student_id', 'decision', 'decided_on', 'withdrawn_on']).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That consent is no longer on file.');
  if (row.decision !== 'given') throw new AppError('NOT_ALLOWED', 'Only a consent that was given can be withdrawn.');
  if (row.withdrawn_on) throw new AppError('NOT_ALLOWED', 'This consent is already withdrawn.');
  if (input.withdrawnOn < row.decided_on) throw new AppError('INVALID_INPUT', 'A withdrawal cannot come before the consent was given.', 'withdrawnOn');
  if (input.withdrawnOn > today()) throw new AppError('INVALID_INPUT', 'The date received cannot be in the future.', 'withdrawnOn');
  await change(vault, async (trx) => {
    await trx.updateTable('medicaid_consents').set({ withdrawn_on: input.withdrawnOn, withdrawal_received_by: input.receivedBy.trim() }).where('id', '=', input.id).execute();
    return { result: null, audit: { action: 'medicaid.consent_withdrawn', subjectType: 'student', subjectId: row.student_id } };
  });
  return getMedicaidConsent(vault, row.student_id);
}
