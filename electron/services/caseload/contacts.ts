/** Guardians and other contacts, linked to students with their authority and limits. */
import type { Vault } from '../../../db/vault.ts';
import type { ContactFields } from '../../shared/schemas/students.ts';
import { AppError } from '../failures.ts';
import { requireStudent } from './students.ts';
import { bit, blankToNull, change, newId, nowIso, type Trx } from './write.ts';

function contactColumns(c: ContactFields) {
  return {
    first_name: c.firstName.trim(),
    last_name: c.lastName.trim(),
    phone: blankToNull(c.phone),
    email: blankToNull(c.email),
    preferred_language: blankToNull(c.preferredLanguage),
  };
}

function linkColumns(c: ContactFields) {
  if (c.legalAuthority === 'legal_representative' && !c.courtOrderOnFile) {
    // A court-ordered legal representative has authority only with the order on file (DOMAIN.md).
    throw new AppError('INVALID_INPUT', 'A court-ordered legal representative needs the court order on file. Tick "Court order on file" once you have a copy.', 'contact.courtOrderOnFile');
  }
  return {
    relationship: c.relationship.trim(),
    legal_authority: c.legalAuthority,
    court_order_on_file: bit(c.courtOrderOnFile),
    no_contact: bit(c.noContact),
    no_access: bit(c.noAccess),
    note: blankToNull(c.note),
  };
}

/** Adds a contact to a student, reusing a person already linked to a sibling when the name and phone match. */
export async function insertContact(trx: Trx, studentId: string, contact: ContactFields): Promise<string> {
  const student = await requireStudent(trx, studentId);
  const cols = contactColumns(contact);
  let contactId: string | null = null;
  if (student.household_id) {
    const match = await trx
      .selectFrom('contacts')
      .innerJoin('student_contacts', 'student_contacts.contact_id', 'contacts.id')
      .innerJoin('students', 'students.id', 'student_contacts.student_id')
      .select('contacts.id')
      .where('students.household_id', '=', student.household_id)
      .where('contacts.first_name', '=', cols.first_name)
      .where('contacts.last_name', '=', cols.last_name)
      .executeTakeFirst();
    contactId = match?.id ?? null;
  }
  const now = nowIso();
  if (!contactId) {
    contactId = newId();
    await trx.insertInto('contacts').values({ id: contactId, ...cols, created_at: now, updated_at: now }).execute();
  }
  const existing = await trx.selectFrom('student_contacts').select('contact_id').where('student_id', '=', studentId).where('contact_id', '=', contactId).executeTakeFirst();
  if (existing) throw new AppError('INVALID_INPUT', `${cols.first_name} ${cols.last_name} is already listed for this student.`, 'contact.firstName');
  await trx.insertInto('student_contacts').values({ student_id: studentId, contact_id: contactId, ...linkColumns(contact), created_at: now }).execute();
  return contactId;
}

export function addContact(vault: Vault, studentId: string, contact: ContactFields): Promise<{ contactId: string }> {
  return change(vault, async (trx) => {
    const contactId = await insertContact(trx, studentId, contact);
    return { result: { contactId }, audit: { action: 'contact.add', subjectType: 'student', subjectId: studentId, details: { contactId } } };
  });
}

export function updateContact(vault: Vault, studentId: string, contactId: string, contact: ContactFields): Promise<{ contactId: string }> {
  return change(vault, async (trx) => {
    const link = await trx.selectFrom('student_contacts').select('contact_id').where('student_id', '=', studentId).where('contact_id', '=', contactId).executeTakeFirst();
    if (!link) throw new AppError('NOT_FOUND', 'That contact is not listed for this student.');
    await trx.updateTable('contacts').set({ ...contactColumns(contact), updated_at: nowIso() }).where('id', '=', contactId).execute();
    await trx.updateTable('student_contacts').set(linkColumns(contact)).where('student_id', '=', studentId).where('contact_id', '=', contactId).execute();
    return { result: { contactId }, audit: { action: 'contact.update', subjectType: 'student', subjectId: studentId, details: { contactId } } };
  });
}

export function removeContact(vault: Vault, studentId: string, contactId: string): Promise<Record<string, never>> {
  return change(vault, async (trx) => {
    const removed = await trx.deleteFrom('student_contacts').where('student_id', '=', studentId).where('contact_id', '=', contactId).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'That contact is not listed for this student.');
    // The person stays on file while linked to another student.
    const stillLinked = await trx.selectFrom('student_contacts').select('student_id').where('contact_id', '=', contactId).executeTakeFirst();
    if (!stillLinked) await trx.deleteFrom('contacts').where('id', '=', contactId).execute();
    return { result: {}, audit: { action: 'contact.remove', subjectType: 'student', subjectId: studentId, details: { contactId } } };
  });
}
