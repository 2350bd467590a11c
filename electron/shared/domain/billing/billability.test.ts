import { describe, expect, it } from 'vitest';
import { assessEntry, blockingReasons, type BillingContext, type ReasonCode } from './billability.ts';
import { authorization, CCS, CCS_PREREQUISITES_MET, clock, CLTS, context, entry, mins, onFile } from './fixtures.ts';
import { DEFAULT_CLTS_PROFILE } from './profiles.ts';
import type { ServiceEntry } from './types.ts';

interface Row {
  name: string;
  e?: Partial<ServiceEntry>;
  ctx?: Partial<BillingContext>;
  /** The codes that stop billing; [] = billable. */
  blocks: ReasonCode[];
  units?: number;
  modifiers?: string[];
  /** Any reason (blocking or not) with this code must carry this text. */
  says?: [ReasonCode, string];
}

const enrolledFrom = (enrolledOn: string, endedOn: string | null = null, status: 'active' | 'closed' = 'active') =>
  ({ enrollments: [{ program: 'CLTS', status, enrolledOn, endedOn }] }) satisfies Partial<BillingContext>;

const rows: Row[] = [
  // Units and the code, from the profile.
  { name: 'a 30-minute contact', blocks: [], units: 2, modifiers: [] },
  { name: '7 minutes make no unit under the 8-minute rule', e: { time: clock('10:00', '10:07') }, blocks: ['no_units'], units: 0,
    says: ['no_units', '7 minutes do not make a unit. Each entry on its own: one unit for every full 15 minutes, plus one more when 8 or more minutes are left over.'] },
  { name: '8 minutes make one unit', e: { time: clock('10:00', '10:08') }, blocks: [], units: 1 },
  { name: '22 minutes make one unit', e: { time: clock('10:00', '10:22') }, blocks: [], units: 1 },
  { name: '23 minutes make two units', e: { time: clock('10:00', '10:23') }, blocks: [], units: 2 },
  { name: 'minutes without clock times', e: { time: mins(45) }, blocks: [], units: 3 },
  { name: 'travel and documentation minutes are kept apart, not billed', e: { travelMinutes: 40, documentationMinutes: 15 }, blocks: [], units: 2 },
  { name: 'a profile that bills travel adds it', e: { travelMinutes: 20 }, ctx: { profile: { ...CLTS, billTravelMinutes: true } }, blocks: [], units: 3 },
  { name: 'another rounding rule from the profile', e: { time: clock('10:00', '10:07') }, ctx: { profile: { ...CLTS, roundingRule: 'first_unit_any_minute' } }, blocks: [], units: 1 },

  // The time itself.
  { name: 'end before start', e: { time: clock('10:30', '10:00') }, blocks: ['end_not_after_start'], units: 0 },
  { name: 'a service past midnight is split first', e: { time: clock('23:00', '00:30', true) }, blocks: ['spans_midnight'],
    says: ['spans_midnight', 'This service ran past midnight. It is saved as two entries, one for each day, and each is billed on its own date.'] },
  { name: 'a service past midnight, profile refuses', e: { time: clock('23:00', '00:30', true) }, ctx: { profile: { ...CLTS, midnight: 'refuse' } }, blocks: ['spans_midnight'],
    says: ['spans_midnight', 'This service ran past midnight. Enter it as two entries, one for each day.'] },
  { name: 'an unreal date', e: { date: '2026-11-31' }, blocks: ['bad_date'] },
  { name: 'negative travel minutes', e: { travelMinutes: -5 }, blocks: ['bad_minutes'] },

  // Program and funding stream.
  { name: 'no profile for the program', e: { program: 'SCHOOL', fundingStream: 'school_medicaid' }, ctx: { profile: null }, blocks: ['no_profile'] },
  { name: 'a CCS entry priced with the CLTS profile', e: { program: 'CCS', fundingStream: 'ccs' }, blocks: ['wrong_program'] },
  { name: 'time claimed nowhere', e: { fundingStream: 'none' }, blocks: ['not_claimed'], units: 0 },
  { name: 'time claimed to school-based Medicaid', e: { fundingStream: 'school_medicaid' }, blocks: ['other_stream'], units: 0,
    says: ['other_stream', 'This time is claimed to school-based Medicaid, so it is not billed as CLTS.'] },

  // Activity, place, contact mode.
  { name: 'travel is not billable', e: { activity: 'travel' }, blocks: ['activity_not_billable'],
    says: ['activity_not_billable', 'Travel is not billable under CLTS; the minutes are kept on the record.'] },
  { name: 'documentation is not billable', e: { activity: 'documentation' }, blocks: ['activity_not_billable'] },
  { name: 'a home visit is', e: { activity: 'home_visit', placeOfService: '12' }, blocks: [] },
  { name: 'place of service 03 removed from the profile', ctx: { profile: { ...CLTS, allowedPlacesOfService: ['11', '12'] } }, blocks: ['place_not_allowed'],
    says: ['place_not_allowed', 'Place of service 03 (school) is not allowed for T1016.'] },
  { name: 'inpatient hospital is not in the default list', e: { placeOfService: '21' }, blocks: ['place_not_allowed'],
    says: ['place_not_allowed', 'Place of service 21 (inpatient hospital) is not allowed for T1016.'] },
  { name: 'a code without a CMS name', e: { placeOfService: '98' }, ctx: { profile: { ...CLTS, allowedPlacesOfService: ['03'] } }, blocks: ['place_not_allowed'],
    says: ['place_not_allowed', 'Place of service 98 is not allowed for T1016.'] },
  { name: 'a place of service that is not two digits', e: { placeOfService: '3' }, blocks: ['place_not_allowed'] },
  { name: 'a contact mode the profile does not bill', e: { contactMode: 'audio_only' }, ctx: { profile: { ...CLTS, allowedContactModes: ['in_person', 'video'] } },
    blocks: ['contact_mode_not_allowed'], says: ['contact_mode_not_allowed', 'An audio-only contact is not billable under CLTS.'] },
  { name: 'a contact-mode modifier', e: { contactMode: 'video', placeOfService: '02' }, ctx: { profile: { ...CLTS, contactModeModifiers: { video: 'gt' } } }, blocks: [], modifiers: ['GT'] },

  // Enrollment, with the 90-day pre-enrollment window (enrollment began 09/01/2026).
  { name: 'the first day of enrollment', e: { date: '2026-09-01' }, blocks: [], modifiers: [] },
  { name: 'the day before enrollment is pre-enrollment, with CG', e: { date: '2026-08-31' }, blocks: [], modifiers: ['CG'],
    says: ['pre_enrollment', 'Pre-enrollment time: 1 day before enrollment began on 09/01/2026, billed with modifier CG.'] },
  { name: 'exactly 90 days before enrollment', e: { date: '2026-06-03' }, blocks: [], modifiers: ['CG'] },
  { name: '91 days before enrollment', e: { date: '2026-06-02' }, blocks: ['not_enrolled'],
    says: ['not_enrolled', 'No active CLTS enrollment on 06/02/2026: enrollment began 09/01/2026, and only the 90 days before it can be billed.'] },
  { name: 'pre-enrollment without a modifier in the profile', e: { date: '2026-08-31' }, ctx: { profile: { ...CLTS, preEnrollment: { days: 90, modifier: null } } }, blocks: [], modifiers: [] },
  { name: 'no pre-enrollment window in the profile', e: { date: '2026-08-31' }, ctx: { profile: { ...CLTS, preEnrollment: { days: 0, modifier: null } } }, blocks: ['not_enrolled'],
    says: ['not_enrolled', 'No active CLTS enrollment on 08/31/2026: enrollment began 09/01/2026, and CLTS time before enrollment cannot be billed.'] },
  { name: 'the last day of a closed enrollment', e: { date: '2026-10-31' }, ctx: enrolledFrom('2026-09-01', '2026-10-31', 'closed'), blocks: [] },
  { name: 'the day after it closed', e: { date: '2026-11-01' }, ctx: enrolledFrom('2026-09-01', '2026-10-31', 'closed'), blocks: ['not_enrolled'],
    says: ['not_enrolled', 'No active CLTS enrollment on 11/01/2026: the enrollment ended 10/31/2026.'] },
  { name: 'a closed enrollment without its last day fails closed', ctx: enrolledFrom('2026-09-01', null, 'closed'), blocks: ['not_enrolled'] },
  { name: 'a referral still open', ctx: { enrollments: [{ program: 'CLTS', status: 'pending', enrolledOn: null, endedOn: null }] }, blocks: ['awaiting_enrollment'],
    says: ['awaiting_enrollment', 'No active CLTS enrollment on 11/03/2026: enrollment has not begun. Time up to 90 days before enrollment can be billed once it does.'] },
  { name: 'no enrollment on file', ctx: { enrollments: [] }, blocks: ['not_enrolled'],
    says: ['not_enrolled', 'No active CLTS enrollment on 11/03/2026: no CLTS enrollment is on file for this student.'] },
  { name: 'enrolled in CCS only', ctx: { enrollments: [{ program: 'CCS', status: 'active', enrolledOn: '2026-01-01', endedOn: null }] }, blocks: ['not_enrolled'] },
  { name: 're-enrolled: the gap between is not covered', e: { date: '2026-05-15' },
    ctx: { enrollments: [
      { program: 'CLTS', status: 'closed', enrolledOn: '2026-01-05', endedOn: '2026-03-31' },
      { program: 'CLTS', status: 'active', enrolledOn: '2026-09-01', endedOn: null },
    ] }, blocks: ['not_enrolled'] },

  // Prior authorization (PA 1001: 100 units, calendar 2026).
  { name: 'no authorization on file', ctx: { authorizations: [] }, blocks: ['no_authorization'], says: ['no_authorization', 'No prior authorization covers 11/03/2026.'] },
  { name: 'the authorization ended', ctx: { authorizations: [onFile(authorization({ endDate: '2026-10-31' }))] }, blocks: ['no_authorization'],
    says: ['no_authorization', 'No prior authorization covers 11/03/2026. On file: 1001 (01/01/2026–10/31/2026).'] },
  { name: 'the linked authorization does not cover the date', e: { authorizationId: 'pa1' }, ctx: { authorizations: [onFile(authorization({ startDate: '2026-11-04' }))] },
    blocks: ['authorization_out_of_range'], says: ['authorization_out_of_range', 'Authorization 1001 runs 11/04/2026–12/31/2026; it does not cover 11/03/2026.'] },
  { name: 'an authorization for another code', ctx: { authorizations: [onFile(authorization({ procedureCode: 'H2017' }))] }, blocks: ['authorization_mismatch'],
    says: ['authorization_mismatch', 'Authorization 1001 is for H2017, not T1016.'] },
  { name: 'an authorization with CG; the line has none', ctx: { authorizations: [onFile(authorization({ modifiers: ['CG'] }))] }, blocks: ['authorization_mismatch'],
    says: ['authorization_mismatch', 'Authorization 1001 is for T1016 with modifier CG; this line carries no modifier.'] },
  { name: 'an authorization with CG covers pre-enrollment time', e: { date: '2026-08-31' }, ctx: { authorizations: [onFile(authorization({ modifiers: ['CG'] }))] }, blocks: [], modifiers: ['CG'] },
  { name: 'another student’s authorization', ctx: { authorizations: [onFile(authorization({ studentId: 's2' }))] }, blocks: ['no_authorization'] },
  { name: 'not enough units left', ctx: { authorizations: [onFile(authorization(), 99)] }, blocks: ['authorization_exhausted'],
    says: ['authorization_exhausted', 'Authorization 1001 has 1 unit left; this entry needs 2 units. Ask for more units before billing it.'] },
  { name: 'the last 2 units: billable, with a warning', ctx: { authorizations: [onFile(authorization(), 98)] }, blocks: [],
    says: ['authorization_low', 'After this entry, authorization 1001 has 0 units left of 100 (it ends 12/31/2026). Ask for more before they run out.'] },
  { name: 'leaving 7 units (under the warning at 8) warns', ctx: { authorizations: [onFile(authorization(), 91)] }, blocks: [], says: ['authorization_low', 'has 7 units left of 100'] },
  { name: 'a CCS entry needs no prior authorization', e: { program: 'CCS', fundingStream: 'ccs' },
    ctx: { profile: CCS, enrollments: [{ program: 'CCS', status: 'active', enrolledOn: '2026-09-01', endedOn: null }], authorizations: [], prerequisitesMet: CCS_PREREQUISITES_MET }, blocks: [] },
  { name: 'a linked authorization is checked even when none is required', e: { program: 'CCS', fundingStream: 'ccs', authorizationId: 'gone' },
    ctx: { profile: CCS, enrollments: [{ program: 'CCS', status: 'active', enrolledOn: '2026-09-01', endedOn: null }], authorizations: [], prerequisitesMet: CCS_PREREQUISITES_MET },
    blocks: ['no_authorization'], says: ['no_authorization', 'The linked prior authorization is not on file for this student and program.'] },

  // CCS prerequisites (DHS 36: before any time is billed).
  ...(['functional_screen', 'application_admission', 'prescription_diagnosis', 'mhp_authorization'] as const).flatMap((key): Row[] => {
    const ccs = { profile: CCS, enrollments: [{ program: 'CCS', status: 'active' as const, enrolledOn: '2026-09-01', endedOn: null }], authorizations: [] };
    const e = { program: 'CCS', fundingStream: 'ccs' as const };
    return [
      { name: `CCS without ${key}`, e, ctx: { ...ccs, prerequisitesMet: { ...CCS_PREREQUISITES_MET, [key]: null } }, blocks: ['prerequisite_missing'] },
      { name: `CCS with ${key} recorded the day after`, e, ctx: { ...ccs, prerequisitesMet: { ...CCS_PREREQUISITES_MET, [key]: '2026-11-04' } }, blocks: ['prerequisite_missing'] },
      { name: `CCS with ${key} recorded that day`, e, ctx: { ...ccs, prerequisitesMet: { ...CCS_PREREQUISITES_MET, [key]: '2026-11-03' } }, blocks: [] },
    ];
  }),

  // Medicaid ID.
  { name: 'no Medicaid ID', ctx: { medicaidId: null }, blocks: ['no_medicaid_id'], says: ['no_medicaid_id', 'The student’s Medicaid ID is missing. Add it to the record before billing.'] },
  { name: 'a blank Medicaid ID', ctx: { medicaidId: '   ' }, blocks: ['no_medicaid_id'] },
  { name: 'a profile that needs none', ctx: { medicaidId: null, profile: { ...CLTS, requiresMedicaidId: false } }, blocks: [] },

  // Timely filing (365 days: 11/03/2026 may be filed through 11/03/2027).
  { name: 'the last day of timely filing', ctx: { today: '2027-11-03' }, blocks: [] },
  { name: 'the day after', ctx: { today: '2027-11-04' }, blocks: ['timely_filing_passed'],
    says: ['timely_filing_passed', 'Past timely filing: a claim for 11/03/2026 had to be filed by 11/03/2027 (365 days from the date of service).'] },
  { name: 'exported in time, looked at later', e: { exportedOn: '2026-12-01' }, ctx: { today: '2028-01-01' }, blocks: [] },
  { name: 'exported too late', e: { exportedOn: '2027-11-04' }, ctx: { today: '2028-01-01' }, blocks: ['timely_filing_passed'] },
  { name: 'a shorter filing limit', ctx: { today: '2027-02-02', profile: { ...CLTS, timelyFilingDays: 90 } }, blocks: ['timely_filing_passed'] },

  // Modifiers per line and month-total rounding.
  { name: 'more than four modifiers', e: { date: '2026-08-31', contactMode: 'video', placeOfService: '02' },
    ctx: { profile: { ...CLTS, modifiers: ['U1', 'U2', 'U3'], contactModeModifiers: { video: 'GT' } } }, blocks: ['too_many_modifiers'], modifiers: ['U1', 'U2', 'U3', 'GT', 'CG'] },
  { name: 'month total: 7 minutes alone add no unit but still count', e: { time: mins(7) }, ctx: { profile: { ...CLTS, roundingRule: 'eight_minute_month_total' } }, blocks: [], units: 0,
    says: ['month_total', 'Units are counted on the month’s total minutes: this entry adds 7 minutes and 0 units.'] },
  { name: 'month total: the minute that reaches 8', e: { time: mins(1) }, ctx: { profile: { ...CLTS, roundingRule: 'eight_minute_month_total' }, monthMinutesBefore: 7 }, blocks: [], units: 1 },

  // Several problems at once are all named.
  { name: 'every problem is named', e: { activity: 'travel', placeOfService: '21' }, ctx: { medicaidId: null, authorizations: [] },
    blocks: ['activity_not_billable', 'place_not_allowed', 'no_authorization', 'no_medicaid_id'] },
];

describe('assessEntry', () => {
  it.each(rows)('$name', (row) => {
    const got = assessEntry(entry(row.e), context(row.ctx));
    const blocking = got.reasons.filter((r) => r.severity === 'blocks').map((r) => r.code);
    expect(blocking.sort()).toEqual([...row.blocks].sort());
    expect(got.billable).toBe(row.blocks.length === 0);
    if (row.units !== undefined) expect(got.units).toBe(row.units);
    if (row.modifiers !== undefined) expect(got.modifiers).toEqual(row.modifiers);
    if (row.says) {
      const [code, text] = row.says;
      expect(got.reasons.find((r) => r.code === code)?.message).toContain(text);
    }
    for (const r of got.reasons) expect(r.message).toMatch(/^[A-Z0-9].{15,}[.)]$/);
  });

  it('a billable entry: code, modifiers, units, minutes and the authorization it uses', () => {
    expect(assessEntry(entry({ travelMinutes: 10 }), context())).toEqual({
      billable: true,
      minutes: 30,
      units: 2,
      procedureCode: 'T1016',
      modifiers: [],
      authorizationId: 'pa1',
      reasons: [],
    });
  });

  it('picks the authorization that ends first, then one with units left', () => {
    const early = authorization({ id: 'pa-early', number: '2001', endDate: '2026-11-30' });
    const late = authorization({ id: 'pa-late', number: '2002' });
    expect(assessEntry(entry(), context({ authorizations: [onFile(late), onFile(early)] })).authorizationId).toBe('pa-early');
    expect(assessEntry(entry(), context({ authorizations: [onFile(late), onFile(early, 99)] })).authorizationId).toBe('pa-late');
  });

  it('the warning level is a profile value', () => {
    const at = (used: number, warn: number) =>
      assessEntry(entry(), context({ authorizations: [onFile(authorization(), used)], profile: { ...CLTS, authorizationWarningUnits: warn } }))
        .reasons.some((r) => r.code === 'authorization_low');
    expect(at(90, 8)).toBe(false); // leaves 8: not fewer than 8
    expect(at(91, 8)).toBe(true); // leaves 7
    expect(at(80, 20)).toBe(true);
    expect(at(98, 0)).toBe(false);
  });

  it('the shipped defaults carry a note that county billing staff have not confirmed them, without blocking', () => {
    const got = assessEntry(entry(), context({ profile: DEFAULT_CLTS_PROFILE }));
    expect(got.billable).toBe(true);
    expect(got.reasons).toEqual([
      {
        code: 'profile_unreviewed',
        severity: 'info',
        message: 'The CLTS billing profile still has the shipped defaults (code, rounding, places of service); county billing staff have not confirmed them yet.',
      },
    ]);
  });

  it('blockingReasons lists only what stops billing', () => {
    const got = assessEntry(entry({ date: '2026-08-31' }), context({ medicaidId: null }));
    expect(blockingReasons(got)).toEqual(['The student’s Medicaid ID is missing. Add it to the record before billing.']);
  });
});
