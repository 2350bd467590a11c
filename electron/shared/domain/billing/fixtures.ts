/** Entries, authorizations and contexts for the billing tests (not used by the app). */
import type { AuthorizationOnFile } from './authorization.ts';
import type { BillingContext } from './billability.ts';
import { DEFAULT_CCS_PROFILE, DEFAULT_CLTS_PROFILE } from './profiles.ts';
import type { BillingProfile, PriorAuthorization, ServiceEntry, ServiceTime } from './types.ts';

export const clock = (startTime: string, endTime: string, endsNextDay = false): ServiceTime => ({ kind: 'clock', startTime, endTime, endsNextDay });
export const mins = (minutes: number): ServiceTime => ({ kind: 'minutes', minutes });

/** A CLTS coordination contact at school, 10:00–10:30 on 11/03/2026, claimed to CLTS. */
export function entry(over: Partial<ServiceEntry> = {}): ServiceEntry {
  return {
    id: 'e1',
    studentId: 's1',
    date: '2026-11-03',
    time: clock('10:00', '10:30'),
    activity: 'coordination',
    contactMode: 'in_person',
    contactType: 'child',
    placeOfService: '03',
    program: 'CLTS',
    fundingStream: 'clts',
    travelMinutes: 0,
    documentationMinutes: 0,
    authorizationId: null,
    exportedOn: null,
    ...over,
  };
}

/** The shipped profiles as if county billing staff had confirmed them, so that warning stays out of the way. */
export const CLTS: BillingProfile = { ...DEFAULT_CLTS_PROFILE, reviewedOn: '2026-08-15' };
export const CCS: BillingProfile = { ...DEFAULT_CCS_PROFILE, reviewedOn: '2026-08-15' };

/** PA 1001: T1016, 100 units, calendar 2026, for student s1. */
export function authorization(over: Partial<PriorAuthorization> = {}): PriorAuthorization {
  return {
    id: 'pa1',
    number: '1001',
    studentId: 's1',
    program: 'CLTS',
    procedureCode: 'T1016',
    modifiers: [],
    unitsAuthorized: 100,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    diagnosisCode: 'F84.0',
    providerId: '1234567893',
    ...over,
  };
}

export const onFile = (pa: PriorAuthorization, unitsUsed = 0): AuthorizationOnFile => ({ authorization: pa, unitsUsed });

/** Enrolled in CLTS since 09/01/2026, Medicaid ID on file, PA 1001 unused, today 11/10/2026. */
export function context(over: Partial<BillingContext> = {}): BillingContext {
  return {
    profile: CLTS,
    enrollments: [{ program: 'CLTS', status: 'active', enrolledOn: '2026-09-01', endedOn: null }],
    medicaidId: '1234567890',
    authorizations: [onFile(authorization())],
    prerequisitesMet: {},
    today: '2026-11-10',
    ...over,
  };
}

/** Every CCS prerequisite recorded on 09/01/2026. */
export const CCS_PREREQUISITES_MET = Object.fromEntries(DEFAULT_CCS_PROFILE.prerequisites.map((p) => [p.key, '2026-09-01']));
