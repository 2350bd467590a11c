/** Releases as stored rows <-> the domain's Release, and the facts the rules need about a student. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { DEFAULT_STATEMENTS, DEFAULT_TEMPLATE_LINES, type Release, type ReleaseDraft, type SignerLine, type Statements } from '../../shared/domain/consent/index.ts';
import { displayName } from '../../shared/domain/names.ts';
import type { ReleaseDraftFields } from '../../shared/schemas/releases.ts';
import { AppError } from '../failures.ts';

type Db = Kysely<Database>;

export async function studentFacts(db: Db, studentId: string) {
  const s = await db.selectFrom('students').select(['legal_first', 'legal_last', 'preferred_name', 'dob']).where('id', '=', studentId).executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
  const guardians = await db
    .selectFrom('student_contacts')
    .innerJoin('contacts', 'contacts.id', 'student_contacts.contact_id')
    .select(['contacts.first_name', 'contacts.last_name', 'legal_authority', 'court_order_on_file', 'no_access'])
    .where('student_contacts.student_id', '=', studentId)
    .execute();
  return {
    // Legal names on a legal form; the preferred name is for conversation.
    name: `${s.legal_first} ${s.legal_last}`,
    shownName: displayName(s.legal_first, s.legal_last, s.preferred_name),
    dob: s.dob,
    guardians: guardians.map((g) => ({
      name: `${g.first_name} ${g.last_name}`.trim(),
      legalAuthority: g.legal_authority,
      courtOrderOnFile: g.court_order_on_file === 1,
      noAccess: g.no_access === 1,
    })),
  };
}

/** The domain's draft from what she typed plus the student's facts and the template. */
export function toDomainDraft(fields: ReleaseDraftFields, student: { name: string; dob: string | null }, signers: SignerLine[], statements: Statements = DEFAULT_STATEMENTS): ReleaseDraft {
  return {
    studentName: student.name,
    studentDob: student.dob,
    discloser: fields.discloser,
    recipients: fields.recipients.map((r) => (r.kind === 'party' ? { kind: 'party', name: r.name, contactId: r.contactId, providerId: r.providerId } : { kind: 'class', description: r.description })),
    purpose: fields.purpose,
    categories: fields.categories,
    otherDescription: fields.otherDescription,
    expiry: fields.expiry,
    language: fields.language,
    regimes: fields.regimes,
    statements,
    lines: DEFAULT_TEMPLATE_LINES,
    signers,
  };
}

type ReleaseRow = Database['releases'];

export async function loadReleaseRows(db: Db, where: { studentId?: string; studentIds?: readonly string[]; id?: string; usableOn?: string }) {
  let q = db.selectFrom('releases').selectAll();
  // Only releases that could allow a disclosure on that day: signed, not revoked by then, not ended before it.
  if (where.usableOn) {
    const on = where.usableOn;
    q = q
      .where('signed_on', 'is not', null)
      .where((eb) => eb.or([eb('revoked_on', 'is', null), eb('revoked_on', '>', on)]))
      .where((eb) => eb.or([eb('expiry_on', 'is', null), eb('expiry_on', '>=', on)]));
  }
  if (where.studentId) q = q.where('student_id', '=', where.studentId);
  if (where.studentIds) q = q.where('student_id', 'in', where.studentIds.length ? [...where.studentIds] : ['']);
  if (where.id) q = q.where('id', '=', where.id);
  const rows = await q.orderBy('created_at', 'desc').execute();
  const ids = rows.map((r) => r.id);
  const [recipients, signers, signatures] = ids.length
    ? await Promise.all([
        db.selectFrom('release_recipients').selectAll().where('release_id', 'in', ids).orderBy('position').execute(),
        db.selectFrom('release_signers').selectAll().where('release_id', 'in', ids).orderBy('position').execute(),
        // Whether a line was signed on screen, not the drawing itself: the PNGs stay in the file until a copy is printed.
        db
          .selectFrom('release_signatures')
          .select(['release_id', 'role', 'signed_name', 'position', sql<number>`signature_png IS NOT NULL`.as('drawn')])
          .where('release_id', 'in', ids)
          .orderBy('position')
          .execute(),
      ])
    : [[], [], []];
  // Grouped once: a month's billing file asks about a thousand releases at a time.
  const byRelease = <T extends { release_id: string }>(list: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.release_id, [...(map.get(item.release_id) ?? []), item]);
    return map;
  };
  const [recipientsOf, signersOf, signaturesOf] = [byRelease(recipients), byRelease(signers), byRelease(signatures)];
  return rows.map((row) => ({
    row,
    recipients: recipientsOf.get(row.id) ?? [],
    signers: signersOf.get(row.id) ?? [],
    signatures: (signaturesOf.get(row.id) ?? []).map((s) => ({ ...s, drawn: s.drawn === 1 })),
  }));
}

export type LoadedRelease = Awaited<ReturnType<typeof loadReleaseRows>>[number];

export function draftFieldsOf(l: LoadedRelease): ReleaseDraftFields {
  const r = l.row;
  return {
    discloser: r.discloser,
    recipients: l.recipients.map((x) =>
      x.kind === 'party' ? { kind: 'party' as const, name: x.name, contactId: x.contact_id, providerId: x.provider_id, address: x.address } : { kind: 'class' as const, description: x.name },
    ),
    purpose: r.purpose,
    categories: JSON.parse(r.categories) as ReleaseDraftFields['categories'],
    otherDescription: r.other_description,
    expiry: r.expiry_kind === 'date' ? { kind: 'date', on: r.expiry_on! } : r.expiry_kind === 'event' ? { kind: 'event', event: r.expiry_event! } : null,
    language: r.language,
    regimes: JSON.parse(r.regimes) as ReleaseDraftFields['regimes'],
  };
}

export function toDomainRelease(l: LoadedRelease, student: { name: string; dob: string | null }): Release {
  const r: ReleaseRow = l.row;
  const signers: SignerLine[] = l.signers.map((s) => ({ role: s.role, ...(s.name ? { name: s.name } : {}), why: s.why }));
  return {
    ...toDomainDraft(draftFieldsOf(l), student, signers, JSON.parse(r.statements) as Statements),
    id: r.id,
    studentId: r.student_id,
    createdOn: r.created_at.slice(0, 10),
    printedOn: r.printed_on,
    signedOn: r.signed_on,
    signedBy: l.signatures.map((s) => ({ name: s.signed_name, capacity: s.role })),
    effectiveFrom: r.effective_from,
    expiryEventOn: r.expiry_event_on,
    revocation: r.revoked_on ? { receivedOn: r.revoked_on, method: r.revocation_method!, receivedBy: r.revocation_received_by ?? '' } : null,
  };
}
