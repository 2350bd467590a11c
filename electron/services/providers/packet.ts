/**
 * The referral packet: cover letter, referral form with only what the consent
 * covers, the signed consent itself, and the chosen attachments, merged into
 * one numbered, confidential PDF. The gate is asked for this recipient and
 * every attachment's record category; a refusal names what is missing. The
 * file and its line in the record of disclosures are written together.
 */
import path from 'node:path';
import type { Vault } from '../../../db/vault.ts';
import { appendAudit } from '../../../db/audit.ts';
import { referralPacket, type ReferralPacketData } from '../../documents/referral-packet.ts';
import { LEGAL_EXCEPTIONS, RECORD_CATEGORY_LABELS, RECORD_CATEGORY_NAMES, noticeFor } from '../../shared/domain/consent/index.ts';
import { COUNTY_INTAKE_LABELS } from '../../shared/domain/providers/index.ts';
import { displayName } from '../../shared/domain/names.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { newId, nowIso, today } from '../caseload/write.ts';
import { buildSections } from '../disclosures/share-summary.ts';
import { exportFiles } from '../exports/atomic-export.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { gate } from '../releases/releases.ts';
import { readSettings } from '../settings.ts';
import { loadReferrals } from './referrals.ts';
import { isFileOfType } from '../../shared/domain/file-types.ts';

type Sections = Awaited<ReturnType<typeof buildSections>>['sections'];

/** The summary's structured sections as the form's lines. */
function sectionLines(sections: Sections): ReferralPacketData['sections'] {
  return sections.map((s) => {
    switch (s.kind) {
      case 'plans':
        return { title: 'Education plans', lines: [`IEP: ${s.iep ? 'yes' : 'no'}`, `Section 504 plan: ${s.plan504 ? 'yes' : 'no'}`] };
      case 'programs':
        return { title: 'Programs and services', lines: s.rows.map((r) => `${r.program} (${r.status})${r.dates.length ? ': ' + r.dates.map((d) => `${d.label} ${d.on}`).join(', ') : ''}`) };
      case 'goals':
        return { title: 'Plan goals', lines: s.rows.map((r) => `${r.goal} (${r.status}${r.dueOn ? `, due ${r.dueOn}` : ''})`) };
      case 'notes':
        return { title: s.title, lines: s.rows.map((r) => `${r.occurredOn}: ${r.body}`) };
    }
  });
}

export async function buildPacket(vault: Vault, ports: Ports, input: ChannelInput<'referrals:packet'>): Promise<ChannelOutput<'referrals:packet'>> {
  const [loaded] = await loadReferrals(vault, { id: input.referralId });
  if (!loaded) throw new AppError('NOT_FOUND', 'That referral no longer exists.');
  const r = loaded.row;
  const settings = await readSettings(vault);
  if (!settings.organizationName.trim() || !settings.workerName.trim()) throw new AppError('NOT_ALLOWED', 'Add the letterhead name and your name in Settings first: the cover letter is signed by you.');

  for (const a of input.attachments) {
    const bytes = Buffer.from(a.base64, 'base64');
    if (!isFileOfType(bytes, a.mime)) throw new AppError('INVALID_INPUT', `“${a.fileName}” is not a ${a.mime === 'application/pdf' ? 'PDF' : 'picture'}; attach a PDF, PNG or JPEG.`, 'attachments');
    if (!input.categories.includes(a.category)) {
      throw new AppError('INVALID_INPUT', `“${a.title}” is ${RECORD_CATEGORY_NAMES[a.category]}: add that category to what is shared, so the consent is checked for it.`, 'attachments');
    }
  }

  const provider = r.provider_id ? await vault.db.selectFrom('providers').select(['name', 'location']).where('id', '=', r.provider_id).executeTakeFirst() : null;
  const recipientName = provider?.name ?? `${settings.countyName.trim() || 'County human services'} — ${COUNTY_INTAKE_LABELS[r.county_intake ?? 'CLTS']}`;
  const verdict = await gate(vault, {
    studentId: r.student_id,
    recipient: { name: recipientName, contactId: null, providerId: r.provider_id, className: null },
    purpose: input.purpose,
    categories: input.categories,
    onDate: today(),
    exception: input.exception,
  });
  if (!verdict.allowed) {
    const reasons = verdict.reasons.join(' ');
    // The gate's sentences often say what to do already; the advice is added only when they do not.
    const advice = /exception/i.test(reasons) ? '' : ' Record a release that covers it, or choose a legal exception.';
    throw new AppError('NOT_ALLOWED', `The packet was not built: ${reasons}${advice}`);
  }

  const s = await vault.db
    .selectFrom('students')
    .leftJoin('schools', 'schools.id', 'students.school_id')
    .select(['legal_first', 'legal_last', 'preferred_name', 'dob', 'grade', 'schools.name as school'])
    .where('students.id', '=', r.student_id)
    .executeTakeFirstOrThrow();
  const guardians = await vault.db
    .selectFrom('student_contacts')
    .innerJoin('contacts', 'contacts.id', 'student_contacts.contact_id')
    .select(['first_name', 'last_name', 'relationship', 'phone', 'preferred_language', 'legal_authority', 'no_contact'])
    .where('student_contacts.student_id', '=', r.student_id)
    .execute();
  const { sections, included } = await buildSections(vault, r.student_id, input.categories);

  let basis: string;
  let consent: ReferralPacketData['consent'] = null;
  let releaseId: string | null = null;
  if (verdict.basis.kind === 'release') {
    releaseId = verdict.basis.releaseId;
    const rel = await vault.db.selectFrom('releases').select(['form_id', 'signed_on']).where('id', '=', releaseId).executeTakeFirstOrThrow();
    basis = `Release ${rel.form_id}, signed ${rel.signed_on ?? ''}`;
    const copy = await vault.db.selectFrom('release_attachments').select(['mime', 'bytes']).where('release_id', '=', releaseId).orderBy('added_at', 'desc').executeTakeFirst();
    if (copy) consent = { kind: 'scan', mime: copy.mime, bytes: new Uint8Array(copy.bytes) };
  } else {
    basis = `Legal exception — ${LEGAL_EXCEPTIONS[verdict.basis.exception].label}: ${verdict.basis.reason}`;
  }
  const onDate = today();
  const treatment = input.categories.some((c) => c === 'mental_health_treatment' || c === 'aoda_treatment');
  const confidentiality = treatment
    ? (noticeFor('dhs92Confidentiality', 'en', onDate)?.text ?? '')
    : 'CONFIDENTIAL — Pupil record protected by FERPA and s. 118.125, Wis. Stats. Do not share it further without written consent or other legal authority.';
  const partNotice = input.categories.includes('aoda_treatment') ? noticeFor('part2Notice', 'en', onDate)?.text : undefined;

  const packet = await referralPacket({
    organization: settings.organizationName,
    organizationAddress: settings.organizationAddress,
    preparedBy: settings.workerName,
    preparedOn: onDate,
    recipient: { name: recipientName, address: provider?.location || null },
    referral: { reason: r.reason, urgency: r.urgency, expectedOutcome: r.expected_outcome, program: r.county_intake },
    student: {
      name: `${s.legal_first} ${s.legal_last}`,
      dob: s.dob,
      grade: s.grade,
      school: s.school,
      // Only contacts with authority for the child, and never one marked no-contact.
      guardians: guardians.filter((g) => g.legal_authority !== 'none' && g.no_contact !== 1).map((g) => ({ name: `${g.first_name} ${g.last_name}`, relationship: g.relationship, phone: g.phone, language: g.preferred_language })),
    },
    sections: sectionLines(sections),
    basis,
    consent,
    attachments: input.attachments.map((a) => ({ title: a.title, category: RECORD_CATEGORY_LABELS[a.category], mime: a.mime, bytes: new Uint8Array(Buffer.from(a.base64, 'base64')) })),
    confidentiality,
    redisclosureNotice: [noticeFor('redisclosureNotice', 'en', onDate)?.text, partNotice].filter(Boolean).join(' '),
  });

  const shown = displayName(s.legal_first, s.legal_last, s.preferred_name);
  const suggestedName = input.nameInFile ? `Referral packet - ${shown} - ${recipientName} ${onDate}.pdf` : `Referral packet ${onDate}.pdf`;
  const chosen = await ports.chooseSaveLocation({ suggestedName, kind: 'pdf' });
  if (!chosen) return { saved: false, fileName: null, pages: packet.pages, disclosureId: null };

  const categories = [...new Set([...input.categories])];
  const documents = packet.parts.map((p) => `${p.title} (${p.pages} ${p.pages === 1 ? 'page' : 'pages'})`);
  const disclosureId = await exportFiles(vault, [{ path: chosen, bytes: packet.bytes }], async (trx, exportId) => {
    const id = newId();
    await trx
      .insertInto('disclosures')
      .values({
        id,
        student_id: r.student_id,
        disclosed_on: onDate,
        recipient: recipientName,
        purpose: input.purpose.trim(),
        categories: JSON.stringify(categories),
        documents: JSON.stringify(documents),
        release_id: releaseId,
        exception_kind: verdict.basis.kind === 'exception' ? verdict.basis.exception : null,
        exception_reason: verdict.basis.kind === 'exception' ? verdict.basis.reason : null,
        disclosed_by: settings.workerName,
        created_at: nowIso(),
        export_id: exportId,
      })
      .execute();
    await appendAudit(trx, vault.auditKey, { action: 'referral.packet_built', subjectType: 'referral', subjectId: r.id, details: { disclosureId: id, exportId, pages: packet.pages, included: included.size } });
    return id;
  });
  if (input.openAfterSave) await ports.openInViewer(chosen);
  return { saved: true, fileName: path.basename(chosen), pages: packet.pages, disclosureId };
}
