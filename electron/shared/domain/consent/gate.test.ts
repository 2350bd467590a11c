import { describe, expect, it } from 'vitest';
import { shiftIso, validRelease } from './fixtures.ts';
import { checkDisclosure, type DisclosureRequest, type GateResult, type RefusalCode } from './gate.ts';
import type { ExceptionKind } from './exceptions.ts';
import type { Release } from './types.ts';

// validRelease: county, signed 09/01/2026 by Ana (student) and Rosa (parent), valid through
// 10/31/2026, to Dr. Mai Vang (provider prov-1), "Coordinate outpatient therapy",
// mental health treatment + screening results.
function ask(over: Partial<DisclosureRequest> = {}, releases: Release[] = [validRelease()]): GateResult {
  return checkDisclosure({
    releases,
    studentId: 's1',
    recipient: { name: 'Dr. Mai Vang', providerId: 'prov-1' },
    purpose: 'Coordinate outpatient therapy',
    categories: ['mental_health_treatment'],
    onDate: '2026-10-01',
    ...over,
  });
}

const codes = (r: GateResult) => (r.allowed ? [] : [...new Set(r.details.map((d) => d.code))]);
const ok = (r: GateResult, releaseId = 'rel-1') => expect(r).toEqual({ allowed: true, basis: { kind: 'release', releaseId } });

describe('checkDisclosure: one release', () => {
  it('allows a signed, dated, current release that covers the request', () => ok(ask()));

  const refused: [string, Partial<DisclosureRequest>, Partial<Release> | null, RefusalCode[]][] = [
    ['no release at all', {}, null, ['no_release']],
    ['a release for another student', {}, { studentId: 's2' }, ['no_release']],
    ['unsigned', {}, { signedBy: [] }, ['unsigned']],
    ['the teen has not signed', {}, { signedBy: [{ name: 'Rosa Peña', capacity: 'parent_or_guardian' }] }, ['unsigned']],
    ['a blank signer name', {}, { signedBy: [{ name: ' ', capacity: 'student' }, { name: 'Rosa Peña', capacity: 'parent_or_guardian' }] }, ['unsigned']],
    ['undated', {}, { signedOn: null }, ['undated']],
    ['signed after the disclosure date', {}, { signedOn: '2026-10-02' }, ['not_yet_effective']],
    ['in effect from a later day', {}, { effectiveFrom: '2026-10-02' }, ['not_yet_effective']],
    ['the day after the end date', { onDate: '2026-11-01' }, {}, ['expired']],
    ['revoked the day before', {}, { revocation: { receivedOn: '2026-09-30', method: 'written', receivedBy: 'J. Berg' } }, ['revoked']],
    ['revoked that day', {}, { revocation: { receivedOn: '2026-10-01', method: 'oral', receivedBy: 'J. Berg' } }, ['revoked']],
    ['event end happened that day', {}, { expiry: { kind: 'event', event: 'Discharge from CCS' }, expiryEventOn: '2026-10-01' }, ['expired']],
    ['another provider with the same name', { recipient: { name: 'Dr. Mai Vang', providerId: 'prov-2' } }, {}, ['wrong_recipient']],
    ['a different name', { recipient: { name: 'Dr. Mai Yang' } }, {}, ['wrong_recipient']],
    ['a different purpose', { purpose: 'Coordinate outpatient therapy and school meetings' }, {}, ['wrong_purpose']],
    ['a category the release does not cover', { categories: ['mental_health_treatment', 'aoda_treatment'] }, {}, ['category_not_covered']],
    ['a release missing a required statement', {}, { statements: { ...validRelease().statements, dhs92Confidentiality: false } }, ['incomplete']],
    ['a county release written to HIPAA only', {}, { regimes: ['HIPAA'] }, ['incomplete']],
    ['no records chosen', { categories: [] }, {}, ['no_categories']],
    ['no purpose stated', { purpose: '  ' }, {}, ['no_purpose']],
    ['an impossible date', { onDate: '2026-02-30' }, {}, ['bad_date']],
  ];
  it.each(refused)('refuses: %s', (_name, req, over, expected) => {
    const result = ask(req, over === null ? [] : [validRelease(over)]);
    expect(result.allowed).toBe(false);
    expect(codes(result)).toEqual(expected);
    if (!result.allowed) for (const reason of result.reasons) expect(reason).toMatch(/^[A-Z"].+\.$/u);
  });

  it('"expired on the day", both ways: the end date is the last valid day', () => {
    ok(ask({ onDate: '2026-10-31' }));
    const after = ask({ onDate: '2026-11-01' });
    expect(after).toMatchObject({
      allowed: false,
      reasons: ['Release of 09/01/2026 to Dr. Mai Vang expired at the end of 10/31/2026. Renew it or choose another release.'],
    });
  });

  it('a revocation received after the disclosure date does not reach back', () => {
    ok(ask({}, [validRelease({ revocation: { receivedOn: '2026-10-02', method: 'written', receivedBy: 'J. Berg' } })]));
  });

  it('an event end holds until the event is recorded', () => {
    const event = { kind: 'event', event: 'Discharge from CCS' } as const;
    ok(ask({ onDate: '2027-05-01' }, [validRelease({ expiry: event })]));
    ok(ask({}, [validRelease({ expiry: event, expiryEventOn: '2026-10-02' })]));
  });

  it('matches names after NFC, spacing, case and a trailing period; ids win over names', () => {
    const named = validRelease({ recipients: [{ kind: 'party', name: 'Dra. Peña Clinic' }] });
    ok(ask({ recipient: { name: '  DRA.  PEN\u0303A clinic. ' } }, [named]));
    ok(ask({ recipient: { name: 'Renamed Clinic', providerId: 'prov-1' } }));
    ok(ask({ recipient: { name: 'Dr. Mai Vang' } }));
  });

  it('a class of parties matches only when the request names that class', () => {
    const ferpa = validRelease({
      discloser: 'district', regimes: ['FERPA'], expiry: null, categories: ['attendance'],
      recipients: [{ kind: 'class', description: 'Whitehall High School IEP team' }],
    });
    const req = { categories: ['attendance' as const] };
    expect(codes(ask({ ...req, recipient: { name: 'Ms. Olson' } }, [ferpa]))).toEqual(['wrong_recipient']);
    ok(ask({ ...req, recipient: { name: 'Ms. Olson', className: ' whitehall high school IEP team ' } }, [ferpa]));
  });

  it('says what is wrong, in her words', () => {
    const result = ask({ purpose: 'Court report', categories: ['aoda_treatment'] }, [validRelease({ signedBy: [] })]);
    expect(result.allowed).toBe(false);
    if (result.allowed) return;
    expect(result.reasons).toEqual([
      'Release of 09/01/2026 to Dr. Mai Vang is not signed yet. Record the signatures before sharing.',
      'Release of 09/01/2026 to Dr. Mai Vang is for "Coordinate outpatient therapy", not "Court report".',
      'Release of 09/01/2026 to Dr. Mai Vang does not cover alcohol and drug treatment records.',
    ]);
  });
});

describe('checkDisclosure: several releases', () => {
  const mh = validRelease({ id: 'mh', categories: ['mental_health_treatment'] });
  const screen = validRelease({ id: 'screen', categories: ['screening_results'] });

  it('two releases that together cover the request are not enough: one must cover it all', () => {
    const result = ask({ categories: ['mental_health_treatment', 'screening_results'] }, [mh, screen]);
    expect(codes(result)).toEqual(['category_not_covered']);
    ok(ask({ categories: ['mental_health_treatment', 'screening_results'] }, [mh, screen, validRelease({ id: 'both' })]), 'both');
  });

  it('picks the most recently signed valid release', () => {
    ok(ask({}, [validRelease({ id: 'old' }), validRelease({ id: 'new', signedOn: '2026-09-15' })]), 'new');
  });

  it('lists the closest release first', () => {
    const far = validRelease({ id: 'far', signedBy: [], purpose: 'Other', recipients: [{ kind: 'party', name: 'X' }] });
    const near = validRelease({ id: 'near', revocation: { receivedOn: '2026-09-30', method: 'written', receivedBy: 'J. Berg' } });
    const result = ask({}, [far, near]);
    expect(result.allowed || result.details[0]?.releaseId).toBe('near');
  });
});

describe('checkDisclosure: legal exceptions', () => {
  const exception = (kind: ExceptionKind, reason: string, over: Partial<DisclosureRequest> = {}) =>
    ask({ exception: { kind, reason }, ...over }, []);

  it('allows an explicit exception with a written reason, and records it', () => {
    expect(exception('health_safety_emergency', '  Student disclosed a plan to harm herself today.  ')).toEqual({
      allowed: true,
      basis: { kind: 'exception', exception: 'health_safety_emergency', reason: 'Student disclosed a plan to harm herself today.' },
    });
  });

  it.each(['', '   ', 'urgent', '123456789', ' \u00a0 emergency '])('refuses a reason that is too short: %j', (reason) => {
    expect(codes(exception('health_safety_emergency', reason))).toEqual(['exception_reason']);
  });

  it('refuses an exception stretched over records it does not cover', () => {
    expect(codes(exception('act_161_county_caseworker', 'Foster care caseworker asks for attendance and therapy notes', { categories: ['attendance', 'mental_health_treatment'] }))).toEqual(['exception_scope']);
    expect(codes(exception('billing_51_30_4_b_2', 'Monthly CCS billing export for the county', { categories: ['aoda_treatment'] }))).toEqual(['exception_scope']);
    expect(exception('act_161_county_caseworker', 'Foster care caseworker asks for attendance', { categories: ['attendance'] }).allowed).toBe(true);
  });

  it('refuses an exception it does not know, and still checks the date', () => {
    expect(codes(exception('teacher_asked' as ExceptionKind, 'Because the teacher asked nicely'))).toEqual(['exception_unknown']);
    expect(codes(exception('court_order', 'Order of 10/01 in case 26JV12', { onDate: 'tomorrow' }))).toEqual(['bad_date']);
  });

  it('an exception is judged on its own, even when a release would also do', () => {
    expect(codes(ask({ exception: { kind: 'court_order', reason: 'short' } }))).toEqual(['exception_reason']);
  });
});

describe('checkDisclosure: speed', () => {
  it('answers over 50 releases quickly (number reported, not asserted)', () => {
    const releases = Array.from({ length: 50 }, (_, i) =>
      validRelease({ id: `r${i}`, recipients: [{ kind: 'party', name: `Provider ${i}`, providerId: `p${i}` }], signedOn: shiftIso('2026-01-01', i) }),
    );
    const req = { recipient: { name: 'Provider 49', providerId: 'p49' } };
    ok(ask(req, releases), 'r49');
    for (let i = 0; i < 200; i++) ask(req, releases);
    const calls = 2000;
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) ask(req, releases);
    const perCall = (performance.now() - t0) / calls;
    console.info(`checkDisclosure over 50 releases: ${(perCall * 1000).toFixed(1)} µs per call`);
    expect(perCall).toBeGreaterThan(0);
  });
});
