/**
 * Printing a release: only a complete draft prints (every regime's elements,
 * an eligible signer for every line); printing fixes the signature lines and
 * the form can be printed again until the signed paper is recorded.
 */
import { releaseForm } from '../../documents/release-form.ts';
import { isoDate } from '../../shared/domain/dates.ts';
import type { Vault } from '../../../db/vault.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { releaseFormInput } from './form-input.ts';
import { checkDraft, markPrinted } from './releases.ts';
import { draftFieldsOf, loadReleaseRows } from './store.ts';

export async function printRelease(vault: Vault, ports: Ports, id: string): Promise<{ saved: boolean; fileName: string | null }> {
  const [l] = await loadReleaseRows(vault.db, { id });
  if (!l) throw new AppError('NOT_FOUND', 'That release no longer exists.');
  if (l.row.signed_on) throw new AppError('NOT_ALLOWED', 'This release is already signed; its signed copy is on file.');
  const check = await checkDraft(vault, l.row.student_id, draftFieldsOf(l));
  if (check.printProblems.length > 0) {
    throw new AppError('NOT_ALLOWED', `The release is not ready to print: ${check.printProblems.join(' ')}`);
  }
  const { data, template } = await releaseFormInput(vault, l, check.signers);
  const bytes = await releaseForm(data, template);
  const saved = await ports.saveDocument({ suggestedName: `Release ${l.row.form_id} ${isoDate(new Date())}.pdf`, bytes, kind: 'pdf', openAfterSave: true });
  if (!saved) return { saved: false, fileName: null };
  await markPrinted(vault, id, check.signers);
  return { saved: true, fileName: saved.fileName };
}
