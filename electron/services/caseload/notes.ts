/**
 * Case notes: a draft can be edited or discarded; signing dates and names it
 * and locks it for good (the database refuses any later change); a signed
 * note is corrected only by a dated, signed addendum.
 */
import type { Vault } from '../../../db/vault.ts';
import { AppError } from '../failures.ts';
import { readSettings } from '../settings.ts';
import { requireStudent } from './students.ts';
import { change, newId, nowIso } from './write.ts';

async function signerName(vault: Vault): Promise<string> {
  const name = (await readSettings(vault)).workerName.trim();
  if (!name) throw new AppError('NOT_ALLOWED', 'Add your name in Settings before signing: it is the signature on every note.');
  return name;
}

export interface SaveNote {
  id?: string | undefined;
  studentId: string;
  occurredOn: string;
  regime: 'pupil' | 'county';
  body: string;
  sign: boolean;
}

export async function saveNote(vault: Vault, note: SaveNote): Promise<{ id: string; signed: boolean }> {
  const signer = note.sign ? await signerName(vault) : null;
  return change(vault, async (trx) => {
    await requireStudent(trx, note.studentId);
    const now = nowIso();
    const signed = signer ? { signed_at: now, signed_by: signer } : {};
    let id = note.id;
    if (id) {
      const current = await trx.selectFrom('case_notes').select(['student_id', 'signed_at']).where('id', '=', id).executeTakeFirst();
      if (!current || current.student_id !== note.studentId) throw new AppError('NOT_FOUND', 'That note no longer exists.');
      if (current.signed_at) throw new AppError('NOT_ALLOWED', 'This note is signed and locked. Add an addendum to correct it.');
      await trx
        .updateTable('case_notes')
        .set({ occurred_on: note.occurredOn, regime: note.regime, body: note.body, updated_at: now, ...signed })
        .where('id', '=', id)
        .execute();
    } else {
      id = newId();
      await trx
        .insertInto('case_notes')
        .values({ id, student_id: note.studentId, occurred_on: note.occurredOn, regime: note.regime, body: note.body, created_at: now, updated_at: now, signed_at: null, signed_by: null, ...signed })
        .execute();
    }
    return {
      result: { id, signed: signer !== null },
      audit: { action: signer ? 'note.sign' : 'note.save_draft', subjectType: 'case_note', subjectId: id, details: { studentId: note.studentId } },
    };
  });
}

export async function addAddendum(vault: Vault, noteId: string, body: string): Promise<{ id: string }> {
  const signer = await signerName(vault);
  return change(vault, async (trx) => {
    const note = await trx.selectFrom('case_notes').select(['student_id', 'signed_at']).where('id', '=', noteId).executeTakeFirst();
    if (!note) throw new AppError('NOT_FOUND', 'That note no longer exists.');
    if (!note.signed_at) throw new AppError('NOT_ALLOWED', 'This note is still a draft: edit it instead of adding an addendum.');
    const id = newId();
    await trx.insertInto('note_addenda').values({ id, note_id: noteId, body: body.trim(), signed_at: nowIso(), signed_by: signer }).execute();
    return { result: { id }, audit: { action: 'note.addendum', subjectType: 'case_note', subjectId: noteId, details: { addendumId: id, studentId: note.student_id } } };
  });
}

export function deleteDraft(vault: Vault, id: string): Promise<Record<string, never>> {
  return change(vault, async (trx) => {
    const note = await trx.selectFrom('case_notes').select(['student_id', 'signed_at']).where('id', '=', id).executeTakeFirst();
    if (!note) throw new AppError('NOT_FOUND', 'That note no longer exists.');
    if (note.signed_at) throw new AppError('NOT_ALLOWED', 'A signed note cannot be deleted.');
    await trx.deleteFrom('case_notes').where('id', '=', id).execute();
    return { result: {}, audit: { action: 'note.discard_draft', subjectType: 'case_note', subjectId: id, details: { studentId: note.student_id } } };
  });
}
