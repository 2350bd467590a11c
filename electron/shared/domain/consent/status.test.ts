import { describe, expect, it } from 'vitest';
import { validRelease } from './fixtures.ts';
import { releaseStatus, type ReleaseStatus } from './status.ts';
import type { Release } from './types.ts';

// validRelease: printed 08/28, signed 09/01/2026, valid through 10/31/2026.
const rows: [string, Partial<Release>, string, ReleaseStatus][] = [
  ['not printed, not signed', { printedOn: null, signedOn: null, signedBy: [] }, '2026-08-29', 'draft'],
  ['printed, not signed', { signedOn: null, signedBy: [] }, '2026-08-29', 'awaiting_signature'],
  ['printed, only one of two signatures', { signedBy: [{ name: 'Rosa Peña', capacity: 'parent_or_guardian' }] }, '2026-09-02', 'awaiting_signature'],
  ['signatures without a date', { signedOn: null }, '2026-09-02', 'awaiting_signature'],
  ['signed, more than 30 days left', {}, '2026-09-15', 'active'],
  ['signed, exactly 31 days left', {}, '2026-09-30', 'active'],
  ['signed, exactly 30 days left', {}, '2026-10-01', 'expiring'],
  ['the last valid day', {}, '2026-10-31', 'expiring'],
  ['the day after the end date', {}, '2026-11-01', 'expired'],
  ['signed, starts later', { effectiveFrom: '2026-09-10' }, '2026-09-05', 'not_yet_effective'],
  ['signed, its start day', { effectiveFrom: '2026-09-10' }, '2026-09-10', 'active'],
  ['an effective date before signing does not backdate it', { effectiveFrom: '2026-08-01', signedOn: '2026-09-01' }, '2026-08-15', 'not_yet_effective'],
  ['revoked today', { revocation: { receivedOn: '2026-09-20', method: 'oral', receivedBy: 'J. Berg' } }, '2026-09-20', 'revoked'],
  ['revocation dated after today (entered ahead)', { revocation: { receivedOn: '2026-09-21', method: 'written', receivedBy: 'J. Berg' } }, '2026-09-20', 'active'],
  ['revoked beats expired', { revocation: { receivedOn: '2026-09-21', method: 'written', receivedBy: 'J. Berg' } }, '2026-12-01', 'revoked'],
  ['event end, event not yet happened', { expiry: { kind: 'event', event: 'She leaves the district' } }, '2027-09-01', 'active'],
  ['event end, happened that day', { expiry: { kind: 'event', event: 'She leaves the district' }, expiryEventOn: '2026-10-05' }, '2026-10-05', 'expired'],
  ['event end, happens later', { expiry: { kind: 'event', event: 'She leaves the district' }, expiryEventOn: '2026-10-05' }, '2026-10-04', 'active'],
  ['no end (FERPA only)', { expiry: null }, '2030-01-01', 'active'],
  ['an unreadable end date fails closed', { expiry: { kind: 'date', on: '2026-02-30' } }, '2026-09-02', 'expired'],
  ['an unsigned form past its end date', { signedOn: null, signedBy: [] }, '2026-11-02', 'expired'],
];

describe('releaseStatus', () => {
  it.each(rows)('%s → %s on %s', (_name, over, today, expected) => {
    expect(releaseStatus(validRelease(over), today, 30)).toBe(expected);
  });

  it('the expiring window is a setting', () => {
    expect(releaseStatus(validRelease(), '2026-10-01', 7)).toBe('active');
    expect(releaseStatus(validRelease(), '2026-10-24', 7)).toBe('expiring');
    expect(releaseStatus(validRelease(), '2026-10-01')).toBe('expiring');
  });

  it('refuses an impossible today', () => {
    expect(() => releaseStatus(validRelease(), '2026-13-01', 30)).toThrow(RangeError);
  });
});
