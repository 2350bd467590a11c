import { describe, expect, it } from 'vitest';
import { validRelease } from './fixtures.ts';
import { glanceOf, NO_RELEASE, summarizeConsent, type ConsentSummary, type ReleaseGlance } from './summary.ts';
import type { ReleaseStatus } from './status.ts';

/** A release's glance in one line: status, end date, start date. */
const r = (status: ReleaseStatus, endsOn: string | null = null, startsOn: string | null = null): ReleaseGlance => ({ status, endsOn, startsOn });
const is = (level: ConsentSummary['level'], over: Partial<ConsentSummary> = {}): ConsentSummary => ({ ...NO_RELEASE, level, ...over });

const rows: [string, ReleaseGlance[], ConsentSummary][] = [
  ['no releases', [], NO_RELEASE],
  ['one active release', [r('active', '2027-06-30')], is('active', { activeCount: 1, nextEndDate: '2027-06-30' })],
  ['active with no end date (FERPA only, or an event)', [r('active')], is('active', { activeCount: 1 })],
  ['the earliest end among active releases', [r('active', '2027-06-30'), r('active'), r('active', '2027-03-01')], is('active', { activeCount: 3, nextEndDate: '2027-03-01' })],
  ['active beats expired', [r('expired', '2025-06-30'), r('active', '2027-06-30')], is('active', { activeCount: 1, nextEndDate: '2027-06-30' })],
  ['active beats revoked', [r('revoked', '2027-06-30'), r('active', '2027-01-31')], is('active', { activeCount: 1, nextEndDate: '2027-01-31' })],
  ['active beats drafts and forms out for signature', [r('draft'), r('awaiting_signature', '2028-01-01'), r('active', '2027-06-30')], is('active', { activeCount: 1, nextEndDate: '2027-06-30' })],
  ['one expiring among active: expiring, with its date', [r('active', '2027-06-30'), r('expiring', '2026-12-20')], is('expiring', { activeCount: 2, nextEndDate: '2026-12-20' })],
  ['the soonest of several expiring', [r('expiring', '2026-12-20'), r('expiring', '2026-12-05'), r('active')], is('expiring', { activeCount: 3, nextEndDate: '2026-12-05' })],
  ['expiring beats not yet effective', [r('not_yet_effective', '2027-12-31', '2027-01-01'), r('expiring', '2026-12-20')], is('expiring', { activeCount: 1, nextEndDate: '2026-12-20' })],
  ['signed, starts later', [r('not_yet_effective', '2027-12-31', '2027-01-05')], is('not_yet_effective', { startsOn: '2027-01-05' })],
  ['the earliest start', [r('not_yet_effective', null, '2027-02-01'), r('not_yet_effective', null, '2027-01-05'), r('expired', '2025-01-01')], is('not_yet_effective', { startsOn: '2027-01-05' })],
  ['not yet effective beats awaiting', [r('awaiting_signature'), r('not_yet_effective', null, '2027-01-05')], is('not_yet_effective', { startsOn: '2027-01-05' })],
  ['out for signature', [r('awaiting_signature', '2027-06-30')], is('awaiting')],
  ['a renewal out for signature beats the ended one', [r('expired', '2026-10-31'), r('awaiting_signature', '2027-10-31')], is('awaiting')],
  ['awaiting beats revoked', [r('revoked', '2027-06-30'), r('awaiting_signature')], is('awaiting')],
  ['awaiting beats a draft', [r('draft'), r('awaiting_signature')], is('awaiting')],
  ['only expired', [r('expired', '2025-06-30'), r('expired', '2024-06-30')], is('expired')],
  ['only revoked', [r('revoked', '2027-06-30')], is('revoked')],
  ['revoked beats expired, however old the revocation', [r('revoked', '2019-06-30'), r('expired', '2026-06-30')], is('revoked')],
  ['an ended release beats a draft', [r('draft'), r('expired', '2026-06-30')], is('expired')],
  ['a revoked release beats a draft', [r('draft'), r('revoked')], is('revoked')],
  ['only a draft', [r('draft')], is('draft')],
];

describe('summarizeConsent', () => {
  it.each(rows)('%s', (_name, releases, expected) => {
    expect(summarizeConsent(releases)).toEqual(expected);
  });

  it('does not depend on the order of the releases', () => {
    for (const [, releases, expected] of rows) expect(summarizeConsent([...releases].reverse())).toEqual(expected);
  });
});

// validRelease: printed 08/28, signed 09/01/2026, valid through 10/31/2026.
describe('glanceOf', () => {
  it('takes the status from releaseStatus and the end date from a date end only', () => {
    expect(glanceOf(validRelease(), '2026-09-15', 30)).toEqual({ status: 'active', endsOn: '2026-10-31', startsOn: '2026-09-01' });
    expect(glanceOf(validRelease(), '2026-10-15', 30)).toEqual({ status: 'expiring', endsOn: '2026-10-31', startsOn: '2026-09-01' });
    expect(glanceOf(validRelease({ expiry: { kind: 'event', event: 'She leaves the district' } }), '2026-10-15', 30)).toMatchObject({ status: 'active', endsOn: null });
  });

  it('starts a release on the later of its signing and effective dates, and an unsigned one never', () => {
    expect(glanceOf(validRelease({ effectiveFrom: '2026-09-10' }), '2026-09-05', 30)).toMatchObject({ status: 'not_yet_effective', startsOn: '2026-09-10' });
    expect(glanceOf(validRelease({ effectiveFrom: '2026-08-01' }), '2026-09-05', 30)).toMatchObject({ startsOn: '2026-09-01' });
    expect(glanceOf(validRelease({ signedOn: null, signedBy: [] }), '2026-09-05', 30)).toMatchObject({ status: 'awaiting_signature', startsOn: null });
  });

  it('summarizes a student from the domain releases', () => {
    const releases = [validRelease(), validRelease({ id: 'r2', expiry: { kind: 'date', on: '2027-06-30' } })];
    expect(summarizeConsent(releases.map((x) => glanceOf(x, '2026-10-15', 30)))).toEqual(is('expiring', { activeCount: 2, nextEndDate: '2026-10-31' }));
    expect(summarizeConsent(releases.map((x) => glanceOf(x, '2026-11-01', 30)))).toEqual(is('active', { activeCount: 1, nextEndDate: '2027-06-30' }));
  });
});
