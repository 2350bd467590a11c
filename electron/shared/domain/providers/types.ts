/**
 * Community providers, their vetting checklists and referrals to them: the
 * shapes shared by the scoring, comparison, staleness and referral rules.
 * Pure data, no behaviour.
 */
import type { IsoDate } from '../deadlines.ts';

export type { IsoDate };

/* ------------------------------------------------------------------ provider */

/** An agency (a clinic, a county program) or one person in private practice. */
export type ProviderKind = 'agency' | 'person';

export const PROVIDER_KIND_LABELS: Readonly<Record<ProviderKind, string>> = {
  agency: 'Agency',
  person: 'Individual provider',
};

/**
 * How families pay (DOMAIN.md, "Provider checklists": insurance, sliding
 * scale, contract). Medicaid is its own value because CLTS and CCS services
 * are Medicaid-funded: a provider who takes private insurance only cannot be
 * paid for them.
 */
export type Payment = 'medicaid' | 'private_insurance' | 'sliding_scale' | 'district_contract';

export const PAYMENTS: readonly Payment[] = ['medicaid', 'private_insurance', 'sliding_scale', 'district_contract'];

export const PAYMENT_LABELS: Readonly<Record<Payment, string>> = {
  medicaid: 'Medicaid (BadgerCare)',
  private_insurance: 'Private insurance',
  sliding_scale: 'Sliding-scale fee',
  district_contract: 'Contract with the district',
};

/** Where and how sessions happen (DOMAIN.md: at school in person, telehealth, mobile clinic, community office). */
export type Delivery = 'school_in_person' | 'telehealth' | 'mobile_clinic' | 'provider_office';

export const DELIVERIES: readonly Delivery[] = ['school_in_person', 'telehealth', 'mobile_clinic', 'provider_office'];

export const DELIVERY_LABELS: Readonly<Record<Delivery, string>> = {
  school_in_person: 'At school, in person',
  telehealth: 'Telehealth',
  mobile_clinic: 'Mobile clinic',
  provider_office: 'At their office',
};

/** Ages served, in whole years, both ends included (a provider for 5–18 sees an 18-year-old). */
export interface AgeRange {
  min: number;
  max: number;
}

export interface ProviderContact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface Provider {
  id: string;
  kind: ProviderKind;
  name: string;
  /** As the provider names them ("outpatient therapy", "psychiatry", "AODA counseling"). */
  services: string[];
  ages: AgeRange | null;
  languages: string[];
  payment: Payment[];
  delivery: Delivery[];
  /** Town or address, as she would tell a family. */
  location: string;
  contacts: ProviderContact[];
  acceptingReferrals: boolean;
  /** Typical wait before a first appointment, in weeks; null when not known. */
  waitlistWeeks: number | null;
  /** Wisconsin Medicaid provider ID, when the provider bills Medicaid. */
  medicaidProviderId: string | null;
  notes: string;
  /** When she last confirmed these details with the provider; null = never. */
  lastVerifiedOn: IsoDate | null;
}

/* ----------------------------------------------------------------- checklist */

/** Must-have criteria decide whether she refers at all; nice-to-haves separate good from better. */
export type CriterionKind = 'must' | 'nice';

export const CRITERION_KIND_LABELS: Readonly<Record<CriterionKind, string>> = {
  must: 'Must-have',
  nice: 'Nice-to-have',
};

export interface Criterion {
  /** Stable across template versions, so an older evaluation still lines up. */
  key: string;
  /** A plain statement she agrees or disagrees with. */
  text: string;
  kind: CriterionKind;
  /** What counts as evidence, shown beside the statement. */
  help?: string;
}

export interface ChecklistTemplate {
  id: string;
  name: string;
  /** Raised on every edit of the criteria; an evaluation records the version it was done on. */
  version: number;
  /** Where the criteria come from, printed with the checklist. */
  source: string;
  criteria: Criterion[];
}

/** DOMAIN.md, "Provider checklists": each criterion is rated on this five-point scale. */
export type Rating = 'strongly_disagree' | 'disagree' | 'no_evidence' | 'agree' | 'strongly_agree';

/** Lowest to highest. */
export const RATINGS: readonly Rating[] = ['strongly_disagree', 'disagree', 'no_evidence', 'agree', 'strongly_agree'];

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  strongly_disagree: 'Strongly disagree',
  disagree: 'Disagree',
  no_evidence: 'No evidence',
  agree: 'Agree',
  strongly_agree: 'Strongly agree',
};

export interface CriterionRating {
  criterionKey: string;
  rating: Rating;
  /** What she saw or was told that supports the rating. */
  evidence: string;
}

/** DOMAIN.md: verdict does not meet / meets / exceeds. */
export type Verdict = 'does_not_meet' | 'meets' | 'exceeds';

/** Lowest to highest. */
export const VERDICTS: readonly Verdict[] = ['does_not_meet', 'meets', 'exceeds'];

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  does_not_meet: 'Does not meet',
  meets: 'Meets',
  exceeds: 'Exceeds',
};

export interface VerdictOverride {
  verdict: Verdict;
  /** Required: a verdict that departs from the ratings must say why, for whoever reads it later. */
  reason: string;
}

export interface Evaluation {
  id: string;
  providerId: string;
  templateId: string;
  templateVersion: number;
  /** A criterion with no entry here has not been rated yet. */
  ratings: CriterionRating[];
  completedBy: string;
  completedOn: IsoDate;
  verdictOverride?: VerdictOverride;
}

/* ------------------------------------------------------------------ referral */

/** County intake is the way into both waivers (DOMAIN.md, "Referral packets": intake is through the county). */
export type CountyIntake = 'CLTS' | 'CCS';

export const COUNTY_INTAKE_LABELS: Readonly<Record<CountyIntake, string>> = {
  CLTS: 'CLTS intake',
  CCS: 'CCS intake',
};

export type Urgency = 'routine' | 'soon' | 'urgent';

export const URGENCY_LABELS: Readonly<Record<Urgency, string>> = {
  routine: 'Routine',
  soon: 'Soon',
  urgent: 'Urgent',
};

export type ReferralStatus = 'draft' | 'sent' | 'accepted' | 'waitlisted' | 'declined' | 'completed' | 'closed';

export const REFERRAL_STATUSES: readonly ReferralStatus[] = ['draft', 'sent', 'accepted', 'waitlisted', 'declined', 'completed', 'closed'];

export const REFERRAL_STATUS_LABELS: Readonly<Record<ReferralStatus, string>> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  completed: 'Completed',
  closed: 'Closed',
};

export interface StatusChange {
  status: ReferralStatus;
  on: IsoDate;
}

/** A referral goes to a community provider or to county intake, never both. */
export type ReferralTarget = { providerId: string; countyIntake?: never } | { countyIntake: CountyIntake; providerId?: never };

export type Referral = ReferralTarget & {
  id: string;
  studentId: string;
  reason: string;
  urgency: Urgency;
  expectedOutcome: string;
  status: ReferralStatus;
  /** Every status with its date, oldest first; the first entry is the draft. */
  history: StatusChange[];
  followUpOn: IsoDate | null;
  outcomeNote: string;
};
