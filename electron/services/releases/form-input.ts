/**
 * The one place a stored release becomes the release form's input, so the
 * form printed for signature and the signed copy made from signatures drawn
 * on screen print the same terms, statements and signature lines.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_RELEASE_TEMPLATES, type ReleaseTemplate } from '../../documents/release-templates.ts';
import { releaseForm, type ReleaseFormData } from '../../documents/release-form.ts';
import { categoryLabel, signerCaption, untilRevoked } from '../../documents/release-labels.ts';
import type { SignerLine } from '../../shared/domain/consent/index.ts';
import type { Vault } from '../../../db/vault.ts';
import { AppError } from '../failures.ts';
import { readSettings } from '../settings.ts';
import { today } from '../caseload/write.ts';
import { draftFieldsOf, studentFacts, type LoadedRelease } from './store.ts';

/**
 * The release form's data for this release and these signature lines. The
 * caller has already checked the release is complete; this checks what the
 * form itself needs from Settings.
 */
export async function releaseFormInput(
  vault: Vault,
  l: LoadedRelease,
  signers: SignerLine[],
  signatureImages?: ReleaseFormData['signatureImages'],
): Promise<{ data: ReleaseFormData; template: ReleaseTemplate }> {
  const fields = draftFieldsOf(l);
  const [settings, student] = await Promise.all([readSettings(vault), studentFacts(vault.db, l.row.student_id)]);
  if (!settings.organizationName.trim() || !settings.organizationAddress.trim() || !settings.workerName.trim()) {
    throw new AppError('NOT_ALLOWED', 'Add the district or county name, the office address and your name in Settings: the form tells the signer where to send a revocation.');
  }
  // Each discloser by name when Settings has it; otherwise in words that still say which agency.
  const district = settings.districtName.trim() || 'the school district';
  const county = settings.countyName.trim() || 'county human services';
  const disclosers = { district: [district], county: [county], both: [district, county] }[fields.discloser ?? 'district'];
  const data: ReleaseFormData = {
    organization: settings.organizationName,
    formId: l.row.form_id,
    verificationCode: l.row.verification_code,
    student: { name: student.name, dob: student.dob },
    disclosers,
    recipients: fields.recipients.map((r) => (r.kind === 'party' ? [r.name, r.address].filter(Boolean).join(', ') : r.description)),
    purpose: fields.purpose,
    categories: fields.categories.map((c) => ({ label: categoryLabel(c, fields.language), ...(c === 'other' && fields.otherDescription ? { note: fields.otherDescription } : {}) })),
    expiry: fields.expiry ?? { kind: 'event', event: untilRevoked(fields.language) },
    regimes: fields.regimes,
    revokeTo: { name: `${settings.workerName}, ${settings.organizationName}`, address: settings.organizationAddress },
    signers: signers.map((s) => ({ caption: signerCaption(s.role, fields.language), ...(s.name ? { name: s.name } : {}), authorityLine: s.role !== 'student' })),
    preparedBy: settings.workerName,
    preparedOn: today(),
    ...(signatureImages && signatureImages.length > 0 ? { signatureImages } : {}),
  };
  return { data, template: DEFAULT_RELEASE_TEMPLATES[fields.language] };
}

export interface SignedCopy {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/** The release form with each line's drawn signature printed over it (checked by drawnSignatureBytes first): the signed copy kept in the vault. */
export async function signedCopy(
  vault: Vault,
  l: LoadedRelease,
  signers: SignerLine[],
  images: NonNullable<ReleaseFormData['signatureImages']>,
  signedOn: string,
  copyGivenOn: string | null,
): Promise<SignedCopy> {
  const { data, template } = await releaseFormInput(vault, l, signers, images);
  const bytes = await releaseForm({ ...data, signedOn, ...(copyGivenOn ? { copyGiven: { on: copyGivenOn, by: data.preparedBy } } : {}) }, template);
  return { fileName: `Release ${l.row.form_id} signed ${signedOn}.pdf`, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
