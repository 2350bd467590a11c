/**
 * The legal exceptions that let a disclosure go out without a release. Each
 * is chosen explicitly, with a written reason, and recorded as the basis of the
 * disclosure. Each covers only the record categories its law reaches: the gate
 * refuses an exception stretched over records it does not cover.
 */
import { RECORD_CATEGORIES, type RecordCategory } from './types.ts';

export type ExceptionKind =
  | 'health_safety_emergency'
  | 'act_161_county_caseworker'
  | 'billing_51_30_4_b_2'
  | 'court_order'
  | 'mandated_abuse_report';

export interface LegalException {
  kind: ExceptionKind;
  label: string;
  cite: string;
  covers: readonly RecordCategory[];
  /** Why some categories are left out, shown when a request reaches them. */
  limit: string | null;
}

/** Shortest written reason the gate accepts, in characters after trimming. */
export const MIN_EXCEPTION_REASON = 10;

const ALL = RECORD_CATEGORIES;
const without = (...drop: RecordCategory[]) => ALL.filter((c) => !drop.includes(c));

export const LEGAL_EXCEPTIONS: Readonly<Record<ExceptionKind, LegalException>> = {
  health_safety_emergency: {
    kind: 'health_safety_emergency',
    label: 'Health or safety emergency',
    cite: '34 CFR 99.36; 45 CFR 164.512(j); Wis. Stat. § 51.30(4)(b); 42 CFR 2.51',
    covers: ALL,
    limit: null,
  },
  act_161_county_caseworker: {
    kind: 'act_161_county_caseworker',
    label: 'County caseworker legally responsible for the child (2015 Wis. Act 161)',
    cite: '2015 Wis. Act 161; 20 U.S.C. 1232g(b)(1)(L)',
    // Act 161 opens pupil records, not county treatment records.
    covers: without('mental_health_treatment', 'aoda_treatment'),
    limit: 'It opens pupil records only; treatment records need a release.',
  },
  billing_51_30_4_b_2: {
    kind: 'billing_51_30_4_b_2',
    label: 'Billing and payment (Wis. Stat. § 51.30(4)(b)2.)',
    cite: 'Wis. Stat. § 51.30(4)(b)2.',
    // § 51.30 reaches county treatment records; Part 2 wants consent for payment,
    // and pupil records (IEP, grades, attendance) need the parent's Medicaid consent (DPI M-5).
    covers: ['mental_health_treatment', 'behavioral', 'screening_results', 'medical', 'other'],
    limit: 'It covers county treatment records only; alcohol and drug records and pupil records need a release.',
  },
  court_order: {
    kind: 'court_order',
    label: 'Court order',
    cite: '34 CFR 99.31(a)(9); 45 CFR 164.512(e); Wis. Stat. § 51.30(4)(b)4.',
    // Part 2 records need a special order under 42 CFR 2.64, which an ordinary order is not.
    covers: without('aoda_treatment'),
    limit: 'Alcohol and drug treatment records need a special order under 42 CFR 2.64; ask for legal advice.',
  },
  mandated_abuse_report: {
    kind: 'mandated_abuse_report',
    label: 'Report of suspected child abuse or neglect',
    cite: 'Wis. Stat. § 48.981; 42 CFR 2.12(c)(6)',
    covers: ALL,
    limit: null,
  },
};

export const EXCEPTION_KINDS = Object.keys(LEGAL_EXCEPTIONS) as ExceptionKind[];
