/** The release form's values, how they become the contract's draft and back, and the words the consents tab shows. */
import { z } from 'zod';
import { isoDate, plainText } from '../../../../../electron/shared/schemas/common.ts';
import type { StudentRecord } from '../../../../../electron/shared/schemas/record.ts';
import { releaseDraftFields, type ReleaseDraftFields } from '../../../../../electron/shared/schemas/releases.ts';
import {
  DISCLOSER_LABELS,
  RECORD_CATEGORY_NAMES,
  type Discloser,
  type RecordCategory,
  type Regime,
} from '../../../../../electron/shared/domain/consent/types.ts';
import { formatDay } from '../../../lib/dates.ts';

export type RecipientValue =
  | { kind: 'party'; name: string; contactId: string | null; providerId: string | null; address: string }
  | { kind: 'class'; description: string };

export type EndKind = 'none' | 'date' | 'event';

export interface ReleaseValues {
  discloser: Discloser | null;
  recipients: RecipientValue[];
  purpose: string;
  categories: RecordCategory[];
  otherDescription: string;
  endKind: EndKind;
  endOn: string;
  endEvent: string;
  language: 'en' | 'es';
  regimes: Regime[];
}

const filled = (s: string) => s.trim().length > 0;
const recipientValue = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('party'),
    name: plainText(200).refine(filled, { message: 'Write the name of the person or agency, or remove this recipient.' }),
    contactId: z.string().nullable(),
    providerId: z.string().nullable(),
    address: plainText(300),
  }),
  z.object({ kind: z.literal('class'), description: plainText(300).refine(filled, { message: 'Describe the class of recipients, or remove this recipient.' }) }),
]);

/** What the form checks before saving a draft; the rest (a purpose, a signer…) the checklist asks for before printing. */
export const releaseForm: z.ZodType<ReleaseValues> = z
  .object({
    discloser: releaseDraftFields.shape.discloser,
    recipients: z.array(recipientValue).max(20, { message: 'A release can name at most 20 recipients.' }),
    purpose: releaseDraftFields.shape.purpose,
    categories: releaseDraftFields.shape.categories,
    otherDescription: plainText(500),
    endKind: z.enum(['none', 'date', 'event']),
    endOn: z.string(),
    endEvent: plainText(300),
    language: releaseDraftFields.shape.language,
    regimes: releaseDraftFields.shape.regimes,
  })
  .superRefine((v, ctx) => {
    if (v.categories.includes('other') && !v.otherDescription.trim()) {
      ctx.addIssue({ code: 'custom', path: ['otherDescription'], message: 'Describe the other records, or uncheck “Other records”.' });
    }
    // An end not filled in yet is saved as none (the checklist asks for it); only a wrong date is an error.
    if (v.endKind === 'date' && v.endOn && !isoDate.safeParse(v.endOn).success) {
      ctx.addIssue({ code: 'custom', path: ['endOn'], message: 'Valid through must be a real date (MM/DD/YYYY).' });
    }
  });

/**
 * The contract's draft from the form. `lenient` is for the live checklist:
 * half-typed parts (an empty recipient row, a date not yet complete) are left
 * out instead of failing, so the checklist says what is still missing.
 */
export function toDraft(v: ReleaseValues, lenient = false): ReleaseDraftFields {
  const recipients: ReleaseDraftFields['recipients'] = [];
  for (const r of v.recipients) {
    if (r.kind === 'party') {
      if (lenient && !r.name.trim()) continue;
      recipients.push({ kind: 'party', name: r.name, contactId: r.contactId, providerId: r.providerId, address: r.address.trim() ? r.address : null });
    } else {
      if (lenient && !r.description.trim()) continue;
      recipients.push({ kind: 'class', description: r.description });
    }
  }
  let expiry: ReleaseDraftFields['expiry'] = null;
  if (v.endKind === 'date' && v.endOn && (!lenient || isoDate.safeParse(v.endOn).success)) expiry = { kind: 'date', on: v.endOn };
  if (v.endKind === 'event' && v.endEvent.trim()) expiry = { kind: 'event', event: v.endEvent };
  return {
    discloser: v.discloser,
    recipients,
    purpose: v.purpose,
    categories: v.categories,
    otherDescription: v.categories.includes('other') && v.otherDescription.trim() ? v.otherDescription : null,
    expiry,
    language: v.language,
    regimes: v.regimes,
  };
}

/** A saved draft back into the form. */
export function fromDraft(d: ReleaseDraftFields): ReleaseValues {
  return {
    discloser: d.discloser,
    recipients: d.recipients.map((r) =>
      r.kind === 'party' ? { kind: 'party', name: r.name, contactId: r.contactId, providerId: r.providerId, address: r.address ?? '' } : { kind: 'class', description: r.description },
    ),
    purpose: d.purpose,
    categories: d.categories,
    otherDescription: d.otherDescription ?? '',
    endKind: d.expiry?.kind ?? 'none',
    endOn: d.expiry?.kind === 'date' ? d.expiry.on : '',
    endEvent: d.expiry?.kind === 'event' ? d.expiry.event : '',
    language: d.language,
    regimes: d.regimes,
  };
}

/** A new release: CLTS/CCS work is shared by both agencies; a Spanish-speaking guardian gets the Spanish form. */
export function freshValues(record: StudentRecord): ReleaseValues {
  const county = record.enrollments.some((e) => e.status !== 'closed' && (e.program === 'CLTS' || e.program === 'CCS'));
  const spanish = record.contacts.some((c) => c.legalAuthority !== 'none' && /spanish|español|espanol/i.test(c.preferredLanguage ?? ''));
  return {
    discloser: county ? 'both' : 'district',
    recipients: [],
    purpose: '',
    categories: [],
    otherDescription: '',
    endKind: 'date',
    endOn: '',
    endEvent: '',
    language: spanish ? 'es' : 'en',
    regimes: ['FERPA'],
  };
}

export const LANGUAGE_LABELS = { en: 'English', es: 'Español' } as const;

export function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const DISCLOSER_OPTIONS = (Object.keys(DISCLOSER_LABELS) as Discloser[]).map((value) => ({ value, label: capitalized(DISCLOSER_LABELS[value]) }));

/** Badge colours; the badge always carries the status in words. */
export const STATUS_COLORS: Record<string, string> = {
  draft: 'gray',
  awaiting_signature: 'yellow',
  not_yet_effective: 'blue',
  active: 'green',
  expiring: 'orange',
  expired: 'gray',
  revoked: 'red',
};

/** "attendance records, IEP or 504 plan" from category codes (unknown codes as they are). */
export function categoryNames(categories: readonly string[]): string {
  return capitalized(categories.map((c) => (c in RECORD_CATEGORY_NAMES ? RECORD_CATEGORY_NAMES[c as RecordCategory] : c)).join(', '));
}

/** When a release ends, in words. */
export function endsText(endsOn: string | null, endsAt: string | null): string {
  if (endsOn) return `Through ${formatDay(endsOn)}`;
  if (endsAt) return `At an event: ${endsAt}`;
  return 'Until revoked';
}

/** 2.4 MB, 18 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
