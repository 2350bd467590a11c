/** Month close: readiness, export batches (void and correct), the time picture, and the billing profiles. */
import { z } from 'zod';
import { ACTIVITIES, CONTACT_MODES, EXPORT_FIELDS, ROUNDING_RULE_NAMES, type Activity, type ContactMode, type ExportField, type RoundingRuleName } from '../domain/billing/index.ts';
import { exceptionKind } from './releases.ts';
import { NOTE_MAX, id, isoDate, plainText, requiredText } from './common.ts';
import { fundingStream, month } from './services.ts';

export const billingProgram = z.enum(['CLTS', 'CCS']);
export const monthInput = z.strictObject({ program: billingProgram, month });

const reason = z.object({ code: z.string(), severity: z.enum(['blocks', 'warning', 'info']), message: z.string() });
export const readinessStatus = z.enum(['draft', 'ready', 'blocked', 'exported', 'changed_since_export']);

export const monthReadiness = z.object({
  program: billingProgram,
  month: z.string(),
  /** The profile is still the shipped default, not yet confirmed by county billing staff. */
  profileUnreviewed: z.boolean(),
  rows: z.array(
    z.object({
      entryId: id,
      studentId: id,
      studentName: z.string(),
      date: z.string(),
      time: z.string(),
      minutes: z.number(),
      units: z.number(),
      procedureCode: z.string().nullable(),
      modifiers: z.array(z.string()),
      activity: z.string(),
      placeOfService: z.string(),
      status: readinessStatus,
      reasons: z.array(reason),
      batchId: z.string().nullable(),
    }),
  ),
  students: z.array(z.object({ studentId: id, name: z.string(), basis: z.enum(['release', 'exception_needed']), basisText: z.string() })),
  totals: z.object({ entries: z.number(), ready: z.number(), blocked: z.number(), drafts: z.number(), exported: z.number(), readyUnits: z.number(), readyMinutes: z.number() }),
});

export const exportInput = z.strictObject({
  program: billingProgram,
  month,
  /** The legal basis for students no release covers: the billing exception and her written reason. */
  exception: z.strictObject({ kind: exceptionKind, reason: plainText(NOTE_MAX) }).nullable(),
  includeNarratives: z.boolean(),
});
export const exportOutput = z.object({
  saved: z.boolean(),
  batchId: id.nullable(),
  folder: z.string().nullable(),
  files: z.array(z.string()),
  lines: z.number(),
  units: z.number(),
});

export const voidInput = z.strictObject({ batchId: id, reason: requiredText(1000) });

const lineChange = z.object({ entryId: id, studentName: z.string(), date: z.string(), change: z.enum(['added', 'removed', 'changed']), fields: z.array(z.string()) });
export const batchList = z.object({
  batches: z.array(
    z.object({
      id,
      program: z.string(),
      month: z.string(),
      exportedAt: z.string(),
      exportedBy: z.string(),
      files: z.array(z.object({ name: z.string(), sha256: z.string() })),
      lines: z.number(),
      units: z.number(),
      voidedAt: z.string().nullable(),
      voidReason: z.string().nullable(),
      correctsBatchId: z.string().nullable(),
      /** For a corrected batch: what changed from the batch it replaces. */
      changes: z.array(lineChange),
    }),
  ),
});

export const timePictureInput = z.strictObject({ month });
const minutesPair = z.object({ billable: z.number(), nonBillable: z.number() });
export const timePicture = z.object({
  month: z.string(),
  byProgram: z.array(z.object({ program: z.string() }).merge(minutesPair)),
  byActivity: z.array(z.object({ activity: z.string() }).merge(minutesPair)),
  byWeek: z.array(z.object({ weekOf: z.string() }).merge(minutesPair)),
  travelMinutes: z.number(),
  documentationMinutes: z.number(),
  totals: minutesPair,
});

const exportField = z.enum(EXPORT_FIELDS as [ExportField, ...ExportField[]]);
export const billingProfile = z.strictObject({
  program: billingProgram,
  fundingStream,
  procedureCode: requiredText(12),
  modifiers: z.array(z.string().regex(/^[A-Z0-9]{2}$/)).max(4),
  contactModeModifiers: z.partialRecord(z.enum(CONTACT_MODES as [ContactMode, ...ContactMode[]]), z.string().regex(/^[A-Z0-9]{2}$/)),
  unitMinutes: z.number().int().min(1).max(60),
  roundingRule: z.enum(ROUNDING_RULE_NAMES as [RoundingRuleName, ...RoundingRuleName[]]),
  billableActivities: z.array(z.enum(ACTIVITIES as [Activity, ...Activity[]])),
  billTravelMinutes: z.boolean(),
  billDocumentationMinutes: z.boolean(),
  allowedPlacesOfService: z.array(z.string().regex(/^\d{2}$/)),
  allowedContactModes: z.array(z.enum(CONTACT_MODES as [ContactMode, ...ContactMode[]])),
  preEnrollment: z.strictObject({ days: z.number().int().min(0).max(365), modifier: z.string().regex(/^[A-Z0-9]{2}$/).nullable() }),
  requiresPriorAuthorization: z.boolean(),
  authorizationWarningUnits: z.number().min(0).max(10_000),
  prerequisites: z.array(z.strictObject({ key: z.string().min(1).max(40), label: requiredText(200) })).max(10),
  requiresMedicaidId: z.boolean(),
  timelyFilingDays: z.number().int().min(1).max(3650),
  midnight: z.enum(['split', 'refuse']),
  columnTemplate: z.array(z.strictObject({ header: requiredText(60), field: exportField })).min(1).max(40),
  reviewedOn: isoDate.nullable(),
});
export const profilesOutput = z.object({ profiles: z.array(billingProfile), rules: z.array(z.object({ name: z.string(), description: z.string() })) });
