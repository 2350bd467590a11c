/** Community providers, their vetting evaluations and comparison, and referrals. */
import { z } from 'zod';
import {
  DELIVERIES,
  PAYMENTS,
  RATINGS,
  REFERRAL_STATUSES,
  VERDICTS,
  type Delivery,
  type Payment,
  type Rating,
  type ReferralStatus,
  type Verdict,
} from '../domain/providers/types.ts';
import { NOTE_MAX, id, isoDate, optionalText, plainText, requiredText } from './common.ts';
import { exceptionKind, recordCategory } from './releases.ts';

const shortList = (max: number) => z.array(requiredText(120)).max(max);
export const verdict = z.enum(VERDICTS as [Verdict, ...Verdict[]]);
export const referralStatus = z.enum(REFERRAL_STATUSES as [ReferralStatus, ...ReferralStatus[]]);

export const providerFields = z.strictObject({
  kind: z.enum(['agency', 'person']),
  name: requiredText(200),
  services: shortList(30),
  ages: z.strictObject({ min: z.number().int().min(0).max(99), max: z.number().int().min(0).max(99) }).nullable(),
  languages: shortList(20),
  payment: z.array(z.enum(PAYMENTS as [Payment, ...Payment[]])).max(PAYMENTS.length),
  delivery: z.array(z.enum(DELIVERIES as [Delivery, ...Delivery[]])).max(DELIVERIES.length),
  location: plainText(300),
  contacts: z.array(z.strictObject({ name: plainText(120), role: plainText(120), phone: plainText(40), email: plainText(200) })).max(10),
  acceptingReferrals: z.boolean(),
  waitlistWeeks: z.number().int().min(0).max(520).nullable(),
  medicaidProviderId: optionalText(20),
  notes: plainText(NOTE_MAX),
  lastVerifiedOn: isoDate.nullable(),
});
export type ProviderFields = z.infer<typeof providerFields>;
export const saveProviderInput = z.strictObject({ id: id.optional(), fields: providerFields });

const history = z.object({ sent: z.number(), accepted: z.number(), waitlisted: z.number(), declined: z.number(), awaitingAnswer: z.number(), acceptanceRate: z.number().nullable(), medianDaysToAnswer: z.number().nullable() });
export const providerView = z.object({
  id,
  fields: providerFields,
  stale: z.boolean(),
  latestVerdict: verdict.nullable(),
  latestEvaluatedOn: z.string().nullable(),
  history,
});
export const providerList = z.object({ providers: z.array(providerView) });

export const evaluationInput = z.strictObject({
  providerId: id,
  ratings: z
    .array(z.strictObject({ criterionKey: z.string().min(1).max(60), rating: z.enum(RATINGS as [Rating, ...Rating[]]), evidence: plainText(2000) }))
    .max(60),
  completedBy: requiredText(200),
  completedOn: isoDate,
  override: z.strictObject({ verdict, reason: requiredText(2000) }).nullable(),
});

const criterion = z.object({ key: z.string(), text: z.string(), kind: z.enum(['must', 'nice']), help: z.string().optional() });
export const templateView = z.object({ id: z.string(), name: z.string(), version: z.number(), source: z.string(), criteria: z.array(criterion), verdictRule: z.string() });

export const evaluationView = z.object({
  id,
  providerId: id,
  templateVersion: z.number(),
  completedBy: z.string(),
  completedOn: z.string(),
  ratings: z.array(z.object({ criterionKey: z.string(), rating: z.string(), evidence: z.string() })),
  verdict: verdict.nullable(),
  computedVerdict: verdict.nullable(),
  overridden: z.boolean(),
  overrideReason: z.string().nullable(),
  total: z.number(),
  maxTotal: z.number(),
  complete: z.boolean(),
  explanation: z.string(),
  problems: z.array(z.string()),
});
export const evaluationList = z.object({ evaluations: z.array(evaluationView) });

export const printChecklistInput = z.strictObject({ providerId: id, evaluationId: id.nullable() });

export const compareInput = z.strictObject({ providerIds: z.array(id).min(1).max(50) });
export const comparisonView = z.object({
  template: z.object({ id: z.string(), name: z.string(), version: z.number() }),
  columns: z.array(z.object({ providerId: z.string(), providerName: z.string(), verdict: verdict.nullable(), total: z.number(), maxTotal: z.number(), completedOn: z.string(), outdated: z.boolean(), explanation: z.string() })),
  rows: z.array(z.object({ key: z.string(), text: z.string(), kind: z.enum(['must', 'nice']), cells: z.array(z.object({ status: z.string(), rating: z.string().nullable(), points: z.number().nullable(), label: z.string() })) })),
  notes: z.array(z.string()),
  unevaluated: z.array(z.object({ providerId: z.string(), providerName: z.string() })),
});

export const referralTarget = z.union([z.strictObject({ providerId: id }), z.strictObject({ countyIntake: z.enum(['CLTS', 'CCS']) })]);
export const referralFields = z.strictObject({
  studentId: id,
  target: referralTarget,
  reason: requiredText(4000),
  urgency: z.enum(['routine', 'soon', 'urgent']),
  expectedOutcome: plainText(2000),
  followUpOn: isoDate.nullable(),
  outcomeNote: plainText(4000),
});
export const saveReferralInput = z.strictObject({ id: id.optional(), fields: referralFields });
export const transitionInput = z.strictObject({ id, to: referralStatus, on: isoDate });
export const listReferralsInput = z.strictObject({ studentId: id.nullable(), providerId: id.nullable() });
export const referralView = z.object({
  id,
  fields: referralFields,
  targetName: z.string(),
  studentName: z.string(),
  status: referralStatus,
  history: z.array(z.object({ status: referralStatus, on: z.string() })),
  followUpDue: z.string().nullable(),
});
export const referralList = z.object({ referrals: z.array(referralView) });

export const packetInput = z.strictObject({
  referralId: id,
  /** As written on the release that covers it (the gate compares them). */
  purpose: requiredText(1000),
  categories: z.array(recordCategory).min(1).max(9),
  exception: z.strictObject({ kind: exceptionKind, reason: plainText(NOTE_MAX) }).nullable(),
  attachments: z
    .array(
      z.strictObject({
        title: requiredText(200),
        category: recordCategory,
        fileName: requiredText(260),
        mime: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
        base64: z.string().max(40_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'is not a file Liaison can read.' }),
      }),
    )
    .max(10),
  nameInFile: z.boolean(),
  openAfterSave: z.boolean(),
});
export const packetOutput = z.object({ saved: z.boolean(), fileName: z.string().nullable(), pages: z.number().int(), disclosureId: id.nullable() });
