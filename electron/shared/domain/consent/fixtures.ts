/** Complete drafts and releases for the consent tests (not used by the app). */
import { addDays, format } from 'date-fns';
import { parseIsoDate } from './text.ts';
import { DEFAULT_STATEMENTS, DEFAULT_TEMPLATE_LINES, type IsoDate, type Release, type ReleaseDraft } from './types.ts';

/** A draft that satisfies every regime at once. */
export function completeDraft(over: Partial<ReleaseDraft> = {}): ReleaseDraft {
  return {
    studentName: 'Ana Peña',
    studentDob: '2011-05-02',
    discloser: 'both',
    recipients: [{ kind: 'party', name: 'Dr. Mai Vang', providerId: 'prov-1' }],
    purpose: 'Coordinate outpatient therapy',
    categories: ['mental_health_treatment', 'screening_results', 'aoda_treatment', 'medical'],
    otherDescription: null,
    expiry: { kind: 'date', on: '2027-06-30' },
    language: 'en',
    regimes: ['FERPA', 'HIPAA', 'WI_51_30', 'WI_146_81', 'CFR42_PART2'],
    statements: { ...DEFAULT_STATEMENTS },
    lines: { ...DEFAULT_TEMPLATE_LINES },
    signers: [
      { role: 'student', name: 'Ana Peña', why: 'teen' },
      { role: 'parent_or_guardian', name: 'Rosa Peña', why: 'parent' },
    ],
    ...over,
  };
}

/**
 * A county release, signed 09/01/2026 by the teen and her mother, valid
 * through 10/31/2026, for Dr. Mai Vang, mental health treatment and screening.
 */
export function validRelease(over: Partial<Release> = {}): Release {
  return {
    ...completeDraft({
      discloser: 'county',
      categories: ['mental_health_treatment', 'screening_results'],
      regimes: ['HIPAA', 'WI_51_30'],
      expiry: { kind: 'date', on: '2026-10-31' },
    }),
    id: 'rel-1',
    studentId: 's1',
    createdOn: '2026-08-28',
    printedOn: '2026-08-28',
    signedOn: '2026-09-01',
    signedBy: [
      { name: 'Ana Peña', capacity: 'student' },
      { name: 'Rosa Peña', capacity: 'parent_or_guardian' },
    ],
    effectiveFrom: null,
    expiryEventOn: null,
    revocation: null,
    ...over,
  };
}

/** ISO date `days` after `iso` (negative for before). */
export function shiftIso(iso: IsoDate, days: number): IsoDate {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not a date: ${iso}`);
  return format(addDays(date, days), 'yyyy-MM-dd');
}
