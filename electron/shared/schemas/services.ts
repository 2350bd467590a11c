/** The service log: entries, corrections, group sessions, templates and prior authorizations. */
import { z } from 'zod';
import { ACTIVITIES, CONTACT_MODES, FUNDING_STREAMS, type Activity, type ContactMode, type FundingStream } from '../domain/billing/types.ts';
import { NOTE_MAX, id, isoDate, optionalText, plainText, requiredText } from './common.ts';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
export const clock = z.string().regex(CLOCK, { message: 'must be a time of day (HH:MM).' });
/** An end time may be 24:00: the midnight that ends the day (a service split at midnight ends there). */
export const endClock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: 'must be a time of day (HH:MM).' });
export const activity = z.enum(ACTIVITIES as [Activity, ...Activity[]]);
export const contactMode = z.enum(CONTACT_MODES as [ContactMode, ...ContactMode[]]);
export const contactType = z.enum(['child', 'parent', 'collateral']);
export const fundingStream = z.enum(FUNDING_STREAMS as [FundingStream, ...FundingStream[]]);
export const placeOfService = z.string().regex(/^\d{2}$/, { message: 'must be a two-digit place-of-service code.' });
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month (YYYY-MM).' });
const extraMinutes = z.number().int().min(0).max(1440);

export const serviceTime = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('clock'), startTime: clock, endTime: endClock, endsNextDay: z.boolean() }),
  z.strictObject({ kind: z.literal('minutes'), minutes: z.number().int().min(1).max(1440) }),
]);

/** Everything an entry holds but its student (a group session logs the same fields for several). */
export const entryFieldsBase = z.strictObject({
  date: isoDate,
  time: serviceTime,
  travelMinutes: extraMinutes,
  documentationMinutes: extraMinutes,
  activity,
  contactMode,
  contactType,
  placeOfService,
  personsPresent: optionalText(300),
  program: requiredText(40),
  fundingStream,
  goalId: id.nullable(),
  authorizationId: id.nullable(),
  narrative: plainText(NOTE_MAX),
  followUp: optionalText(1000),
});
export type EntryFieldsBase = z.infer<typeof entryFieldsBase>;
export const entryFields = entryFieldsBase.extend({ studentId: id });
export type EntryFields = z.infer<typeof entryFields>;

export const saveEntryInput = z.strictObject({ id: id.optional(), fields: entryFields, sign: z.boolean() });
export const saveGroupInput = z.strictObject({ studentIds: z.array(id).min(2).max(15), fields: entryFieldsBase, sign: z.boolean() });
export const previewEntryInput = z.strictObject({ id: id.optional(), fields: entryFields });

/** What a correction may change on a signed entry; the narrative is corrected in words, in `reason`. */
export const correctionChanges = z
  .strictObject({
    date: isoDate,
    time: serviceTime,
    travelMinutes: extraMinutes,
    documentationMinutes: extraMinutes,
    activity,
    contactMode,
    contactType,
    placeOfService,
    program: requiredText(40),
    fundingStream,
    authorizationId: id.nullable(),
  })
  .partial();
export type CorrectionChanges = z.infer<typeof correctionChanges>;
export const correctEntryInput = z.strictObject({ id, changes: correctionChanges, reason: requiredText(2000) });

export const listEntriesInput = z.strictObject({ studentId: id.nullable(), month: month.nullable() });

const reason = z.object({ code: z.string(), severity: z.enum(['blocks', 'warning', 'info']), message: z.string() });
export const assessmentOut = z.object({
  date: z.string(),
  minutes: z.number(),
  units: z.number(),
  procedureCode: z.string().nullable(),
  modifiers: z.array(z.string()),
  billable: z.boolean(),
  reasons: z.array(reason),
});
export const previewOutput = z.object({
  /** A problem with the date or times that stops the entry being saved. */
  timeProblem: z.string().nullable(),
  /** One per day the entry falls on (two when it runs past midnight and is split). */
  parts: z.array(assessmentOut),
  overlaps: z.array(z.string()),
});

export const entryView = z.object({
  id,
  studentId: id,
  studentName: z.string(),
  fields: entryFields,
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  groupId: z.string().nullable(),
  corrections: z.array(z.object({ id, changes: z.record(z.string(), z.unknown()), previous: z.record(z.string(), z.unknown()), reason: z.string(), signedAt: z.string(), signedBy: z.string() })),
  batch: z.object({ id, month: z.string(), exportedAt: z.string() }).nullable(),
  assessment: assessmentOut,
});
export const entryList = z.object({ entries: z.array(entryView) });
export const savedEntries = z.object({ ids: z.array(id), split: z.boolean() });

export const templateInput = z.strictObject({ name: requiredText(80), fields: entryFieldsBase.omit({ date: true }).partial() });
export const templateList = z.object({ templates: z.array(z.object({ id, name: z.string(), fields: z.record(z.string(), z.unknown()) })) });

export const authorizationFields = z.strictObject({
  studentId: id,
  program: z.enum(['CLTS', 'CCS']),
  number: requiredText(60),
  procedureCode: requiredText(12),
  modifiers: z.array(z.string().regex(/^[A-Z0-9]{2}$/, { message: 'must be two letters or digits.' })).max(4),
  unitsAuthorized: z.number().positive().max(100_000),
  startOn: isoDate,
  endOn: isoDate,
  diagnosisCode: optionalText(12),
  providerId: optionalText(20),
});
export const saveAuthorizationInput = z.strictObject({ id: id.optional(), fields: authorizationFields });
export const authorizationList = z.object({
  authorizations: z.array(authorizationFields.extend({ id, unitsUsed: z.number(), unitsRemaining: z.number(), remainingText: z.string(), warning: z.boolean() })),
});
