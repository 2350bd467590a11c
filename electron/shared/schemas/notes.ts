/** Case notes: drafts until signed, then locked; corrections are dated addenda. */
import { z } from 'zod';
import { NOTE_MAX, id, isoDate, plainText, requiredText } from './common.ts';

export const recordRegime = z.enum(['pupil', 'county']);

export const saveNoteInput = z.strictObject({
  /** Absent for a new note; present to update a draft. */
  id: id.optional(),
  studentId: id,
  occurredOn: isoDate,
  regime: recordRegime,
  body: plainText(NOTE_MAX).refine((s) => s.trim().length > 0, { message: 'is required.' }),
  sign: z.boolean(),
});
export const addAddendumInput = z.strictObject({ noteId: id, body: requiredText(NOTE_MAX) });
export const deleteDraftInput = z.strictObject({ id });

export const savedNote = z.object({ id, signed: z.boolean() });
