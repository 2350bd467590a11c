/**
 * Printing a release: only a complete draft prints (every regime's elements,
 * an eligible signer for every line); printing fixes the signature lines and
 * the form can be printed again until the signed paper is recorded.
 */
import { DEFAULT_RELEASE_TEMPLATES } from '../../documents/release-templates.ts';
import { releaseForm } from '../../documents/release-form.ts';
import { isoDate } from '../../shared/domain/dates.ts';
import { categoryLabel, signerCaption, untilRevoked } from '../../documents/release-labels.ts';
import type { Vault } from '../../../db/vault.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { readSettings } from '../settings.ts';
import { today } from '../caseload/write.ts';
import { checkDraft, markPrinted } from './releases.ts';
import { draftFieldsOf, loadReleaseRows, studentFacts } from './store.ts';

export async function printRelease(vault: Vault, ports: Ports, id: string): Promise<{ saved: boolean; fileName: string | null }> {
  const [l] = await loadReleaseRows(vault.db, { id });
  if (!l) throw new AppError('NOT_FOUND', 'That release no longer exists.');
  if (l.row.signed_on) throw new AppError('NOT_ALLOWED', 'This release is already signed; its signed copy is on file.');
  const fields = draftFieldsOf(l);
  const check = await checkDraft(vault, l.row.student_id, fields);
  if (check.printProblems.length > 0) {
    throw new AppError('NOT_ALLOWED', `The release is not ready to print: ${check.printProblems.join(' ')}`);
  }
  const [settings, student] = await Promise.all([readSettings(vault), studentFacts(vault.db, l.row.student_id)]);
  if (!settings.organizationName.trim() || !settings.organizationAddress.trim() || !settings.workerName.trim()) {
    throw new AppError('NOT_ALLOWED', 'Add the district or county name, the office address and your name in Settings: the form tells the signer where to send a revocation.');
  }
  const template = DEFAULT_RELEASE_TEMPLATES[fields.language];
  const disclosers = { district: ['the school district'], county: ['county human services'], both: ['the school district', 'county human services'] }[fields.discloser ?? 'district'];
  const bytes = await releaseForm(
    {
      organization: settings.organizationName,
      formId: l.row.form_id,
      verificationCode: l.row.verification_code,
      student: { name: student.name, dob: student.dob },
      // One discloser: the letterhead's agency by name. Both: Settings holds one agency name, so the pair is named generically.
      disclosers: fields.discloser === 'both' ? disclosers : [settings.organizationName],
      recipients: fields.recipients.map((r) => (r.kind === 'party' ? [r.name, r.address].filter(Boolean).join(', ') : r.description)),
      purpose: fields.purpose,
      categories: fields.categories.map((c) => ({ label: categoryLabel(c, fields.language), ...(c === 'other' && fields.otherDescription ? { note: fields.otherDescription } : {}) })),
      expiry: fields.expiry ?? { kind: 'event', event: untilRevoked(fields.language) },
      regimes: fields.regimes,
      revokeTo: { name: `${settings.workerName}, ${settings.organizationName}`, address: settings.organizationAddress },
      signers: check.signers.map((s) => ({ caption: signerCaption(s.role, fields.language), ...(s.name ? { name: s.name } : {}), authorityLine: s.role !== 'student' })),
      preparedBy: settings.workerName,
      preparedOn: today(),
    },
    template,
  );
  const saved = await ports.saveDocument({ suggestedName: `Release ${l.row.form_id} ${isoDate(new Date())}.pdf`, bytes, kind: 'pdf', openAfterSave: true });
  if (!saved) return { saved: false, fileName: null };
  await markPrinted(vault, id, check.signers);
  return { saved: true, fileName: saved.fileName };
}
