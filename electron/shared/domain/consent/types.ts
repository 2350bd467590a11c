/**
 * Releases of information (consents): the shapes shared by the validator, the
 * signer rules, the status and the disclosure gate. Pure data, no behaviour.
 */
import type { IsoDate } from '../deadlines.ts';

export type { IsoDate };

/** The legal regimes a release can be written to satisfy (DOMAIN.md, "Releases of information"). */
export type Regime = 'FERPA' | 'HIPAA' | 'WI_51_30' | 'WI_146_81' | 'CFR42_PART2';

export const REGIMES: readonly Regime[] = ['FERPA', 'HIPAA', 'WI_51_30', 'WI_146_81', 'CFR42_PART2'];

/** Short names used in messages ("HIPAA needs an expiration date or event."). */
export const REGIME_LABELS: Readonly<Record<Regime, string>> = {
  FERPA: 'FERPA',
  HIPAA: 'HIPAA',
  WI_51_30: 'Wis. Stat. § 51.30',
  WI_146_81: 'Wis. Stat. § 146.81',
  CFR42_PART2: '42 CFR Part 2',
};

export type RecordCategory =
  | 'education_progress'
  | 'behavioral'
  | 'mental_health_treatment'
  | 'aoda_treatment'
  | 'iep_504'
  | 'attendance'
  | 'screening_results'
  | 'medical'
  | 'other';

export const RECORD_CATEGORIES: readonly RecordCategory[] = [
  'education_progress',
  'behavioral',
  'mental_health_treatment',
  'aoda_treatment',
  'iep_504',
  'attendance',
  'screening_results',
  'medical',
  'other',
];

/** Plain labels, as printed on the form. */
export const RECORD_CATEGORY_LABELS: Readonly<Record<RecordCategory, string>> = {
  education_progress: 'Education progress records (grades, report cards, test scores)',
  behavioral: 'Behavioral records (conversation notes, behavior screeners)',
  mental_health_treatment: 'Mental health treatment records',
  aoda_treatment: 'Alcohol and drug (AODA) treatment records',
  iep_504: 'IEP or 504 plan',
  attendance: 'Attendance records',
  screening_results: 'Screening results',
  medical: 'Medical and health records',
  other: 'Other records (described on the form)',
};

/** Short names for sentences ("does not cover attendance records"). */
export const RECORD_CATEGORY_NAMES: Readonly<Record<RecordCategory, string>> = {
  education_progress: 'education progress records',
  behavioral: 'behavioral records',
  mental_health_treatment: 'mental health treatment records',
  aoda_treatment: 'alcohol and drug treatment records',
  iep_504: 'IEP or 504 plan',
  attendance: 'attendance records',
  screening_results: 'screening results',
  medical: 'medical and health records',
  other: 'other records',
};

/**
 * Categories that are treatment records under Wis. Stat. § 51.30 when the
 * county holds them; a parent without § 51.30 access cannot sign for them.
 */
export const TREATMENT_CATEGORIES: readonly RecordCategory[] = ['mental_health_treatment', 'aoda_treatment'];

/** Who discloses: the school district, county human services, or both. */
export type Discloser = 'district' | 'county' | 'both';

export const DISCLOSER_LABELS: Readonly<Record<Discloser, string>> = {
  district: 'the school district',
  county: 'county human services',
  both: 'the school district and county human services',
};

export type Recipient =
  | { kind: 'party'; name: string; contactId?: string | null; providerId?: string | null }
  | { kind: 'class'; description: string };

/** When the release ends: on a date (valid THROUGH that day), or at an event. */
export type Expiry = { kind: 'date'; on: IsoDate } | { kind: 'event'; event: string };

export type Language = 'en' | 'es';

/**
 * Statements the printed template carries. They default to true from the
 * template; they are modelled so that the validator notices when a district
 * edits one out of its template.
 */
export interface Statements {
  /** HIPAA 164.508(c)(2)(i), 42 CFR 2.31: the right to revoke in writing, and how. */
  revocationRight: boolean;
  /** HIPAA 164.508(c)(2)(ii): whether treatment or payment depends on signing. */
  conditioningStatement: boolean;
  /** HIPAA 164.508(c)(2)(iii), 42 CFR 2.31(a)(4)(iii): redisclosed information may lose protection. */
  redisclosureNotice: boolean;
  /** DHS 92.03(1): the confidentiality statement carried by a written treatment-record disclosure. */
  dhs92Confidentiality: boolean;
  /** 42 CFR 2.32: the notice that accompanies each disclosure of Part 2 records. */
  part2Notice: boolean;
}

export const DEFAULT_STATEMENTS: Readonly<Statements> = {
  revocationRight: true,
  conditioningStatement: true,
  redisclosureNotice: true,
  dhs92Confidentiality: true,
  part2Notice: true,
};

/**
 * Lines the printed template provides under the text. The form always prints a
 * signature line and a date line for each signer, and a "capacity / authority"
 * line (parent, guardian, legal representative and the authority on file);
 * they are modelled so the validator stays honest if a template is edited.
 */
export interface TemplateLines {
  signatureLines: boolean;
  dateLines: boolean;
  authorityLines: boolean;
}

export const DEFAULT_TEMPLATE_LINES: Readonly<TemplateLines> = {
  signatureLines: true,
  dateLines: true,
  authorityLines: true,
};

export type SignerRole = 'parent_or_guardian' | 'student' | 'legal_representative';

export const SIGNER_ROLE_LABELS: Readonly<Record<SignerRole, string>> = {
  parent_or_guardian: 'Parent or guardian',
  student: 'Student',
  legal_representative: 'Legal representative',
};

/** One signature line printed on the form. */
export interface SignerLine {
  role: SignerRole;
  /** Printed under the line when exactly one person may sign it. */
  name?: string;
  /** Plain reason, shown to the worker (and kept with the release). */
  why: string;
}

/** What the worker fills in on the "new release" form. */
export interface ReleaseDraft {
  studentName: string;
  studentDob: IsoDate | null;
  discloser: Discloser | null;
  recipients: Recipient[];
  purpose: string;
  categories: RecordCategory[];
  /** Required when categories include 'other': what those records are. */
  otherDescription: string | null;
  expiry: Expiry | null;
  language: Language;
  regimes: Regime[];
  statements: Statements;
  lines: TemplateLines;
  /** Computed by requiredSigners() and printed as signature lines. */
  signers: SignerLine[];
}

export interface Revocation {
  receivedOn: IsoDate;
  method: 'written' | 'oral';
  /** Who received it (the worker's name, or a colleague's). */
  receivedBy: string;
}

/** A recorded consent: the draft's content plus what happened to the paper. */
export interface Release extends ReleaseDraft {
  id: string;
  studentId: string;
  createdOn: IsoDate;
  /** Null while a draft: the form has not been printed for signature yet. */
  printedOn: IsoDate | null;
  signedOn: IsoDate | null;
  signedBy: { name: string; capacity: SignerRole }[];
  /** Null means "from signedOn". A release is never effective before it is signed. */
  effectiveFrom: IsoDate | null;
  /** For an event expiry: the day the event was recorded as having happened. */
  expiryEventOn: IsoDate | null;
  /** One field, not revokedOn + revocation: the received date IS the revocation date. */
  revocation: Revocation | null;
}
