/** Sharing a student's information with a recipient, and printing the record of disclosures. */
import { z } from 'zod';
import { id } from './common.ts';
import { gateInput } from './releases.ts';

export const shareSummaryInput = gateInput.omit({ onDate: true }).extend({
  /** Put the student's name in the file name (off unless she asks: file lists show names). */
  nameInFile: z.boolean(),
  openAfterSave: z.boolean(),
});

export const shareSummaryOutput = z.object({
  saved: z.boolean(),
  fileName: z.string().nullable(),
  pages: z.number().int().min(1),
  disclosureId: id.nullable(),
});

export const printDisclosuresInput = z.strictObject({ studentId: id });
