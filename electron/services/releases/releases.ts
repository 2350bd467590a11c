/**
 * Releases of information: drafts she can save half-done, the live checklist
 * of what each regime still needs, signing recorded from the paper (with the
 * scan kept inside the vault) or done on screen (with a signed copy made from
 * the drawings), revocation, and the gate every disclosure asks.
 */
import { isFileOfType } from '../../shared/domain/file-types.ts';
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '../../../db/audit.ts';
import type { Vault } from '../../../db/vault.ts';
import type { Ports } from '../ports.ts';
import {
  checkDisclosure,
  missingElements,
  printProblems,
  regimesFor,
  releaseStatus,
  requiredSigners,
  SIGNER_ROLE_LABELS,
  STATUS_LABELS,
  type SignerLine,
} from '../../shared/domain/consent/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import type { ReleaseDraftFields } from '../../shared/schemas/releases.ts';
import { AppError } from '../failures.ts';
import { change, newId, nowIso, today, type Trx } from '../caseload/write.ts';
import { drawnSignatureBytes } from './drawn-signature.ts';
import { signedCopy, type SignedCopy } from './form-input.ts';
import { draftFieldsOf, loadReleaseRows, studentFacts, toDomainDraft, toDomainRelease, type LoadedRelease } from './store.ts';

type Check = ChannelOutput<'releases:check'>;

/** Everything the form shows live: per-regime gaps, suggested regimes, who must sign, what blocks printing. */
export async function checkDraft(vault: Vault, studentId: string, fields: ReleaseDraftFields, onDate = today()): Promise<Check> {
  const student = await studentFacts(vault.db, studentId);
  const signing = requiredSigners({ studentDob: student.dob, onDate, categories: fields.categories, guardians: student.guardians, studentName: student.name });
  const draft = toDomainDraft(fields, student, signing.lines);
  return {
    gaps: missingElements(draft),
    suggestedRegimes: regimesFor(draft),
    signers: signing.lines,
    signerProblems: signing.problems,
    printProblems: printProblems(draft, signing.problems),
    age: signing.age,
  };
}

function formId(): string {
  return `ROI-${new Date().getFullYear()}-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export function saveRelease(vault: Vault, input: ChannelInput<'releases:save'>): Promise<{ id: string }> {
  const d = input.draft;
  return change(vault, async (trx) => {
    const now = nowIso();
    const columns = {
      discloser: d.discloser ?? 'district',
      purpose: d.purpose.trim(),
      categories: JSON.stringify(d.categories),
      other_description: d.otherDescription?.trim() || null,
      regimes: JSON.stringify(d.regimes),
      expiry_kind: d.expiry?.kind ?? null,
      expiry_on: d.expiry?.kind === 'date' ? d.expiry.on : null,
      expiry_event: d.expiry?.kind === 'event' ? d.expiry.event.trim() : null,
      language: d.language,
      updated_at: now,
    };
    let id = input.id;
    if (id) {
      const current = await trx.selectFrom('releases').select(['student_id', 'signed_on']).where('id', '=', id).executeTakeFirst();
      if (!current || current.student_id !== input.studentId) throw new AppError('NOT_FOUND', 'That release no longer exists.');
      if (current.signed_on) throw new AppError('NOT_ALLOWED', 'This release is signed: its terms cannot change. Revoke it and start a new one.');
      await trx.updateTable('releases').set({ ...columns, printed_on: null }).where('id', '=', id).execute();
      await trx.deleteFrom('release_recipients').where('release_id', '=', id).execute();
    } else {
      await studentFacts(trx, input.studentId);
      id = newId();
      await trx
        .insertInto('releases')
        .values({
          id,
          student_id: input.studentId,
          form_id: formId(),
          verification_code: randomBytes(4).toString('hex').toUpperCase(),
          statements: JSON.stringify({ revocationRight: true, conditioningStatement: true, redisclosureNotice: true, dhs92Confidentiality: true, part2Notice: true }),
          template_version: `${d.language}-2026-11`,
          expiry_event_on: null,
          printed_on: null,
          signed_on: null,
          effective_from: null,
          copy_given_on: null,
          revoked_on: null,
          revocation_method: null,
          revocation_received_by: null,
          created_at: now,
          ...columns,
        })
        .execute();
    }
    for (const [position, r] of d.recipients.entries()) {
      await trx
        .insertInto('release_recipients')
        .values(
          r.kind === 'party'
            ? { id: newId(), release_id: id, kind: 'party', name: r.name.trim(), contact_id: r.contactId, provider_id: r.providerId, address: r.address?.trim() || null, position }
            : { id: newId(), release_id: id, kind: 'class', name: r.description.trim(), contact_id: null, provider_id: null, address: null, position },
        )
        .execute();
    }
    return { result: { id }, audit: { action: input.id ? 'release.update' : 'release.create', subjectType: 'release', subjectId: id, details: { studentId: input.studentId } } };
  });
}

async function loadOne(vault: Vault, id: string): Promise<LoadedRelease> {
  const [found] = await loadReleaseRows(vault.db, { id });
  if (!found) throw new AppError('NOT_FOUND', 'That release no longer exists.');
  return found;
}

function summaryOf(l: LoadedRelease, status: ReturnType<typeof releaseStatus>) {
  const fields = draftFieldsOf(l);
  return {
    id: l.row.id,
    formId: l.row.form_id,
    status,
    statusLabel: STATUS_LABELS[status],
    purpose: l.row.purpose,
    recipients: fields.recipients.map((r) => (r.kind === 'party' ? r.name : r.description)),
    categories: fields.categories,
    signedOn: l.row.signed_on,
    endsOn: l.row.expiry_on,
    endsAt: l.row.expiry_event,
    revokedOn: l.row.revoked_on,
  };
}

export async function listReleases(vault: Vault, studentId: string, expiringDays: number) {
  const student = await studentFacts(vault.db, studentId);
  const loaded = await loadReleaseRows(vault.db, { studentId });
  return { releases: loaded.map((l) => summaryOf(l, releaseStatus(toDomainRelease(l, student), today(), expiringDays))) };
}

export async function getRelease(vault: Vault, id: string, expiringDays: number): Promise<ChannelOutput<'releases:get'>> {
  const l = await loadOne(vault, id);
  const student = await studentFacts(vault.db, l.row.student_id);
  const release = toDomainRelease(l, student);
  const attachments = await vault.db
    .selectFrom('release_attachments')
    .select(['id', 'file_name', 'mime', 'sha256', 'added_at', (eb) => eb.fn<number>('length', ['bytes']).as('size')])
    .where('release_id', '=', id)
    .execute();
  const fields = draftFieldsOf(l);
  return {
    summary: summaryOf(l, releaseStatus(release, today(), expiringDays)),
    draft: fields,
    check: await checkDraft(vault, l.row.student_id, fields),
    printedOn: l.row.printed_on,
    copyGivenOn: l.row.copy_given_on,
    effectiveFrom: l.row.effective_from,
    revocation: release.revocation,
    signatures: l.signatures.map((s) => ({ role: s.role, signedName: s.signed_name, onScreen: s.drawn })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mime: a.mime, bytes: Number(a.size), sha256: a.sha256, addedAt: a.added_at })),
  };
}

/** Writes the signature lines as they will be signed; printing and signing on screen both fix them. */
async function fixLines(trx: Trx, id: string, lines: SignerLine[]): Promise<void> {
  await trx.deleteFrom('release_signers').where('release_id', '=', id).execute();
  for (const [position, line] of lines.entries()) {
    await trx.insertInto('release_signers').values({ id: newId(), release_id: id, role: line.role, name: line.name ?? null, why: line.why, position }).execute();
  }
}

/** Fixes the signature lines for printing; the form can be printed again until it is signed. */
export async function markPrinted(vault: Vault, id: string, lines: SignerLine[]): Promise<void> {
  await change(vault, async (trx) => {
    await fixLines(trx, id, lines);
    await trx.updateTable('releases').set({ printed_on: today(), updated_at: nowIso() }).where('id', '=', id).execute();
    return { result: undefined, audit: { action: 'release.print', subjectType: 'release', subjectId: id } };
  });
}

type SignatureInput = ChannelInput<'releases:recordSignature'>;
const roleWords = (roles: SignerLine['role'][]) => roles.map((r) => SIGNER_ROLE_LABELS[r].toLowerCase()).join(', ');

/**
 * Who signs how. Every line is signed the same way: on paper (the printed
 * form, with its scan) or on screen (the signed copy is made from the
 * drawings). A mix is refused because no one copy on file would show every
 * signature: the scan lacks the drawings and the generated copy lacks the ink.
 */
function signingWay(input: SignatureInput): 'paper' | 'screen' {
  const drawn = input.signatures.filter((s) => s.pngBase64 !== undefined).map((s) => s.role);
  if (drawn.length === 0) return 'paper';
  if (drawn.length < input.signatures.length) {
    const inked = input.signatures.filter((s) => s.pngBase64 === undefined).map((s) => s.role);
    throw new AppError(
      'INVALID_INPUT',
      `Sign every line the same way: ${roleWords(inked)} signed on paper and ${roleWords(drawn)} on screen. Record them all on paper (print the form and attach the scan), or have everyone sign on screen.`,
      'signatures',
    );
  }
  if (input.scan) throw new AppError('INVALID_INPUT', 'Signatures drawn on screen make their own signed copy: remove the attached file, or record the signatures from the paper.', 'scan');
  if (input.signedOn !== today()) throw new AppError('INVALID_INPUT', 'A signature drawn on screen is dated today: set “Signed on” to today’s date.', 'signedOn');
  return 'screen';
}

interface Kept {
  fileName: string;
  mime: NonNullable<SignatureInput['scan']>['mime'];
  bytes: Buffer;
  sha256: string;
}

function readScan(input: SignatureInput): Kept | null {
  if (!input.scan) return null;
  const bytes = Buffer.from(input.scan.base64, 'base64');
  if (!isFileOfType(bytes, input.scan.mime)) {
    throw new AppError('INVALID_INPUT', `“${input.scan.fileName}” is not a ${input.scan.mime === 'application/pdf' ? 'PDF' : 'picture'} Liaison can keep. Scan the signed form as PDF, PNG or JPEG.`, 'scan');
  }
  return { fileName: input.scan.fileName, mime: input.scan.mime, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Records who signed. Paper: the form must have been printed (its lines were
 * fixed then). On screen: a complete release may be signed without printing;
 * its lines are fixed now, for the signing date, and the signed copy is
 * generated with the drawings. Lines, signatures, signed copy and the signing
 * date are written in one transaction.
 */
export async function recordSignature(vault: Vault, input: SignatureInput) {
  const l = await loadOne(vault, input.id);
  if (l.row.signed_on) throw new AppError('NOT_ALLOWED', 'This release is already recorded as signed.');
  const way = signingWay(input);
  if (way === 'paper' && !l.row.printed_on) throw new AppError('NOT_ALLOWED', 'Print the release for signature first: the signed paper is what is recorded. Or have everyone sign on screen.');
  const drawings = new Map<number, Uint8Array>();
  for (const [i, s] of input.signatures.entries()) {
    if (s.pngBase64 !== undefined) drawings.set(i, drawnSignatureBytes(s.role, s.pngBase64, `signatures.${i}.pngBase64`));
  }

  let lines: SignerLine[] = l.signers.map((s) => ({ role: s.role, ...(s.name ? { name: s.name } : {}), why: s.why }));
  const fixNow = !l.row.printed_on;
  if (fixNow) {
    const check = await checkDraft(vault, l.row.student_id, draftFieldsOf(l), input.signedOn);
    if (check.printProblems.length > 0) throw new AppError('NOT_ALLOWED', `The release is not complete, so it cannot be signed yet: ${check.printProblems.join(' ')}`);
    lines = check.signers;
  }
  const roles = lines.map((line) => line.role);
  const missing = roles.filter((role) => !input.signatures.some((s) => s.role === role));
  if (missing.length > 0) throw new AppError('INVALID_INPUT', `Every signature line must be signed: ${missing.join(', ').replace(/_/g, ' ')} is missing.`, 'signatures');
  const extra = input.signatures.map((s) => s.role).filter((role, i, all) => !roles.includes(role) || all.indexOf(role) !== i);
  if (extra.length > 0) throw new AppError('INVALID_INPUT', `This release has one signature line for each signer: ${roleWords(extra)} is not a line to sign (or is there twice).`, 'signatures');

  const scan = readScan(input);
  let copy: SignedCopy | null = null;
  if (way === 'screen') {
    // Each line of the copy carries its drawing and, as its printed name, the name as signed (a line may only say "any one of").
    const signedBy = lines.map((line) => input.signatures.findIndex((s) => s.role === line.role));
    copy = await signedCopy(
      vault,
      l,
      lines.map((line, i) => ({ ...line, name: input.signatures[signedBy[i]!]!.signedName.trim() })),
      signedBy.map((at, signerIndex) => ({ signerIndex, png: drawings.get(at)! })),
      input.signedOn,
      input.copyGivenOn,
    );
  }
  const kept: Kept | null = copy ? { fileName: copy.fileName, mime: 'application/pdf', bytes: copy.bytes, sha256: copy.sha256 } : scan;

  return change(vault, async (trx) => {
    if (fixNow) await fixLines(trx, input.id, lines);
    for (const [position, s] of input.signatures.entries()) {
      const png = drawings.get(position);
      await trx
        .insertInto('release_signatures')
        .values({ id: newId(), release_id: input.id, role: s.role, signed_name: s.signedName.trim(), signature_png: png ? Buffer.from(png) : null, position })
        .execute();
    }
    if (kept) {
      await trx.insertInto('release_attachments').values({ id: newId(), release_id: input.id, file_name: kept.fileName, mime: kept.mime, bytes: kept.bytes, sha256: kept.sha256, added_at: nowIso() }).execute();
    }
    await trx
      .updateTable('releases')
      .set({ signed_on: input.signedOn, effective_from: input.effectiveFrom, copy_given_on: input.copyGivenOn, updated_at: nowIso() })
      .where('id', '=', input.id)
      .execute();
    return {
      result: {},
      audit: { action: 'release.signed', subjectType: 'release', subjectId: input.id, details: { way, scan: scan?.sha256 ?? null, signedCopy: copy?.sha256 ?? null } },
    };
  });
}

export function revokeRelease(vault: Vault, input: ChannelInput<'releases:revoke'>) {
  return change(vault, async (trx) => {
    const row = await trx.selectFrom('releases').select(['signed_on', 'revoked_on']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'That release no longer exists.');
    if (!row.signed_on) throw new AppError('NOT_ALLOWED', 'Only a signed release can be revoked; discard an unsigned one instead.');
    if (row.revoked_on) throw new AppError('NOT_ALLOWED', 'This release is already revoked.');
    await trx
      .updateTable('releases')
      .set({ revoked_on: input.receivedOn, revocation_method: input.method, revocation_received_by: input.receivedBy.trim(), updated_at: nowIso() })
      .where('id', '=', input.id)
      .execute();
    return { result: {}, audit: { action: 'release.revoked', subjectType: 'release', subjectId: input.id, details: { method: input.method } } };
  });
}

/** consents.check: may this student's information go to this recipient, for this purpose, today? */
export async function gate(vault: Vault, input: ChannelInput<'releases:gate'>) {
  const student = await studentFacts(vault.db, input.studentId);
  const releases = (await loadReleaseRows(vault.db, { studentId: input.studentId })).map((l) => toDomainRelease(l, student));
  return checkDisclosure({
    releases,
    studentId: input.studentId,
    recipient: input.recipient,
    purpose: input.purpose,
    categories: input.categories,
    onDate: input.onDate,
    exception: input.exception,
  });
}

export async function listDisclosures(vault: Vault, studentId: string) {
  const rows = await vault.db.selectFrom('disclosures').selectAll().where('student_id', '=', studentId).orderBy('disclosed_on', 'desc').orderBy('created_at', 'desc').execute();
  const forms = new Map((await vault.db.selectFrom('releases').select(['id', 'form_id']).where('student_id', '=', studentId).execute()).map((r) => [r.id, r.form_id]));
  return {
    disclosures: rows.map((d) => ({
      id: d.id,
      disclosedOn: d.disclosed_on,
      recipient: d.recipient,
      purpose: d.purpose,
      categories: JSON.parse(d.categories) as string[],
      documents: JSON.parse(d.documents) as string[],
      basis: d.release_id ? `Release ${forms.get(d.release_id) ?? d.release_id}` : `Legal exception (${d.exception_kind}): ${d.exception_reason}`,
      disclosedBy: d.disclosed_by,
    })),
  };
}

/**
 * Opens the signed copy kept in the vault: she chooses where the file goes
 * (it leaves the vault only then) and it opens in the system viewer.
 */
export async function openSignedCopy(vault: Vault, ports: Ports, attachmentId: string) {
  const a = await vault.db.selectFrom('release_attachments').select(['file_name', 'mime', 'bytes', 'release_id']).where('id', '=', attachmentId).executeTakeFirst();
  if (!a) throw new AppError('NOT_FOUND', 'That signed copy is no longer on file.');
  const kind = a.mime === 'application/pdf' ? 'pdf' : a.mime === 'image/png' ? 'png' : 'jpg';
  const saved = await ports.saveDocument({ suggestedName: a.file_name, bytes: new Uint8Array(a.bytes), kind, openAfterSave: true });
  if (saved) await appendAudit(vault.db, vault.auditKey, { action: 'release.signed_copy_saved', subjectType: 'release', subjectId: a.release_id, details: { attachmentId } });
  return { saved: saved !== null, fileName: saved?.fileName ?? null };
}
