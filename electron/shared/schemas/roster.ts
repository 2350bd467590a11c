/** Roster import: the file travels as base64 (IPC and the test harness both carry text), capped at 20 MB. */
import { z } from 'zod';
import { ROSTER_FIELDS, type RosterField } from '../domain/roster/index.ts';
import { requiredText } from './common.ts';

const fields = ROSTER_FIELDS.map((f) => f.field) as [RosterField, ...RosterField[]];
export const rosterField = z.enum(fields);
export const rosterMapping = z.partialRecord(rosterField, z.string().max(300));

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const rosterFile = {
  fileName: requiredText(260),
  base64: z.string().max(27_000_000).regex(BASE64, { message: 'is not a file Liaison can read.' }),
  /** Where the file came from ("Skyward", "Infinite Campus", …): the column mapping is remembered per source. */
  source: requiredText(60),
};

export const rosterPreviewInput = z.strictObject({ ...rosterFile, mapping: rosterMapping.nullable() });
export const rosterCommitInput = z.strictObject({ ...rosterFile, mapping: rosterMapping });

const problem = z.object({ severity: z.enum(['error', 'warning']), field: rosterField.nullable(), message: z.string() });

export const rosterPreviewOutput = z.object({
  encoding: z.string(),
  headers: z.array(z.string()),
  mapping: rosterMapping,
  fields: z.array(z.object({ field: rosterField, label: z.string(), required: z.boolean() })),
  unmappedRequired: z.array(rosterField),
  counts: z.object({ create: z.number().int(), update: z.number().int(), skip: z.number().int(), withWarnings: z.number().int() }),
  rows: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      dob: z.string().nullable(),
      school: z.string().nullable(),
      schoolStudentId: z.string().nullable(),
      action: z.enum(['create', 'update', 'skip']),
      problems: z.array(problem),
    }),
  ),
  totalRows: z.number().int(),
});

export const rosterCommitOutput = z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), schoolsAdded: z.number().int() });
export const rosterSources = z.object({ sources: z.array(z.object({ source: z.string(), updatedAt: z.string() })) });
