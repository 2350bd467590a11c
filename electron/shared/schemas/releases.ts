/** Releases of information (consents) and the record of disclosures. */
import { z } from 'zod';
import { EXCEPTION_KINDS, RECORD_CATEGORIES, REGIMES, SIGNER_ROLE_LABELS, type ExceptionKind, type RecordCategory, type Regime } from '../domain/consent/index.ts';
import { NOTE_MAX, id, isoDate, optionalText, plainText, requiredText } from './common.ts';

export const regime = z.enum(REGIMES as [Regime, ...Regime[]]);
export const recordCategory = z.enum(RECORD_CATEGORIES as [RecordCategory, ...RecordCategory[]]);
export const exceptionKind = z.enum(EXCEPTION_KINDS as [ExceptionKind, ...ExceptionKind[]]);
export const signerRole = z.enum(['parent_or_guardian', 'student', 'legal_representative']);

export const recipient = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('party'), name: requiredText(200), contactId: id.nullable(), providerId: z.string().max(60).nullable(), address: optionalText(300) }),
  z.strictObject({ kind: z.literal('class'), description: requiredText(300) }),
]);

export const expiry = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), on: isoDate }),
  z.strictObject({ kind: z.literal('event'), event: requiredText(300) }),
]);

/** What she fills in. Incomplete drafts are saved as they are; printing needs every element. */
export const releaseDraftFields = z.strictObject({
  discloser: z.enum(['district', 'county', 'both']).nullable(),
  recipients: z.array(recipient).max(20),
  purpose: plainText(1000),
  categories: z.array(recordCategory).max(RECORD_CATEGORIES.length),
  otherDescription: optionalText(500),
  expiry: expiry.nullable(),
  language: z.enum(['en', 'es']),
  regimes: z.array(regime).max(REGIMES.length),
});
export type ReleaseDraftFields = z.infer<typeof releaseDraftFields>;

export const saveReleaseInput = z.strictObject({ id: id.optional(), studentId: id, draft: releaseDraftFields });
export const previewReleaseInput = z.strictObject({ studentId: id, draft: releaseDraftFields });

const scan = z.strictObject({
  fileName: requiredText(260),
  mime: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  base64: z.string().max(40_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'is not a file Liaison can read.' }),
});

/** A signature drawn on screen is a small picture: a trimmed PNG of the strokes is a few tens of KB. */
export const SIGNATURE_PNG_MAX_BYTES = 300 * 1024;
const SIGNATURE_BASE64_MAX = Math.ceil(SIGNATURE_PNG_MAX_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * One signature line as signed: the name written or printed under it and,
 * when it was signed on screen, the drawing as a base64 PNG. The checks on
 * the drawing name the signer, since the form may carry several.
 */
const signature = z
  .strictObject({ role: signerRole, signedName: requiredText(200), pngBase64: z.string().optional() })
  .superRefine((s, ctx) => {
    if (s.pngBase64 === undefined) return;
    const who = SIGNER_ROLE_LABELS[s.role].toLowerCase();
    const problem =
      s.pngBase64.length > SIGNATURE_BASE64_MAX
        ? `is larger than ${SIGNATURE_PNG_MAX_BYTES / 1024} KB`
        : s.pngBase64.length === 0 || s.pngBase64.length % 4 !== 0 || !BASE64.test(s.pngBase64)
          ? 'is not a picture Liaison can read'
          : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['pngBase64'], message: `The signature drawn for the ${who} ${problem}. Clear it and sign again.` });
  });

export const recordSignatureInput = z.strictObject({
  id,
  signedOn: isoDate,
  effectiveFrom: isoDate.nullable(),
  copyGivenOn: isoDate.nullable(),
  signatures: z.array(signature).min(1).max(6),
  scan: scan.nullable(),
});

export const revokeInput = z.strictObject({ id, receivedOn: isoDate, method: z.enum(['written', 'oral']), receivedBy: requiredText(200) });

export const gateInput = z.strictObject({
  studentId: id,
  recipient: z.strictObject({ name: requiredText(200), contactId: id.nullable(), providerId: z.string().max(60).nullable(), className: optionalText(300) }),
  purpose: requiredText(1000),
  categories: z.array(recordCategory).min(1).max(RECORD_CATEGORIES.length),
  onDate: isoDate,
  exception: z.strictObject({ kind: exceptionKind, reason: plainText(NOTE_MAX) }).nullable(),
});
export const gateOutput = z.union([
  z.object({ allowed: z.literal(true), basis: z.union([z.object({ kind: z.literal('release'), releaseId: id }), z.object({ kind: z.literal('exception'), exception: exceptionKind, reason: z.string() })]) }),
  z.object({ allowed: z.literal(false), reasons: z.array(z.string()), details: z.array(z.object({ releaseId: z.string().nullable(), code: z.string(), message: z.string() })) }),
]);

const gaps = z.array(z.object({ regime, regimeLabel: z.string(), missing: z.array(z.object({ id: z.string(), label: z.string(), message: z.string() })) }));
const signerLine = z.object({ role: signerRole, name: z.string().optional(), why: z.string() });

export const releaseCheckOutput = z.object({
  gaps,
  suggestedRegimes: z.array(z.object({ regime, why: z.string() })),
  signers: z.array(signerLine),
  signerProblems: z.array(z.string()),
  printProblems: z.array(z.string()),
  age: z.number().int().nullable(),
});

export const releaseSummary = z.object({
  id,
  formId: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  purpose: z.string(),
  recipients: z.array(z.string()),
  categories: z.array(recordCategory),
  signedOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  endsAt: z.string().nullable(),
  revokedOn: z.string().nullable(),
});
export const releaseList = z.object({ releases: z.array(releaseSummary) });

export const releaseDetail = z.object({
  summary: releaseSummary,
  draft: releaseDraftFields,
  check: releaseCheckOutput,
  printedOn: z.string().nullable(),
  copyGivenOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  revocation: z.object({ receivedOn: z.string(), method: z.enum(['written', 'oral']), receivedBy: z.string() }).nullable(),
  signatures: z.array(z.object({ role: signerRole, signedName: z.string(), onScreen: z.boolean() })),
  attachments: z.array(z.object({ id, fileName: z.string(), mime: z.string(), bytes: z.number().int(), sha256: z.string(), addedAt: z.string() })),
});

export const disclosureList = z.object({
  disclosures: z.array(
    z.object({ id, disclosedOn: z.string(), recipient: z.string(), purpose: z.string(), categories: z.array(z.string()), documents: z.array(z.string()), basis: z.string(), disclosedBy: z.string() }),
  ),
});
