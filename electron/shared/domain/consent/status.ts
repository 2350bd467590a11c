/**
 * A release's status on a day, and the date rules the gate shares with it.
 *
 * Date rules (fail closed: a stored date that is not a real date counts
 * against the release):
 * - An end date is the LAST day the release is valid: the form prints
 *   "valid through MM/DD/YYYY". It is expired from the day after.
 * - An event end ("until she leaves the district") holds until the day the
 *   event is recorded (expiryEventOn); from that day on it is expired.
 * - No end at all is allowed by FERPA alone; the validator makes the other
 *   regimes ask for one. Such a release stays in force until revoked.
 * - A revocation received on day D stops every disclosure from D on, D included.
 * - Effective from max(signedOn, effectiveFrom): never before it is signed.
 */
import { differenceInCalendarDays, isAfter, isBefore } from 'date-fns';
import { parseIsoDate } from './text.ts';
import type { IsoDate, Release, SignerRole } from './types.ts';

export type ReleaseStatus =
  | 'draft'
  | 'awaiting_signature'
  | 'not_yet_effective'
  | 'active'
  | 'expiring'
  | 'expired'
  | 'revoked';

export const STATUS_LABELS: Readonly<Record<ReleaseStatus, string>> = {
  draft: 'Draft',
  awaiting_signature: 'Awaiting signature',
  not_yet_effective: 'Signed, not yet in effect',
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** Setting: how many days before its end date a release shows as expiring. */
export const DEFAULT_EXPIRING_DAYS = 30;

type Dated = Pick<Release, 'expiry' | 'expiryEventOn' | 'revocation'>;

/** True when a revocation was received on or before `on` (or its date is unreadable). */
export function isRevokedOn(release: Pick<Release, 'revocation'>, on: Date): boolean {
  if (!release.revocation) return false;
  const received = parseIsoDate(release.revocation.receivedOn);
  return received === null || !isAfter(received, on);
}

/** True when the release has ended by `on`; see the rules at the top. */
export function isExpiredOn(release: Dated, on: Date): boolean {
  const expiry = release.expiry;
  if (!expiry) return false;
  if (expiry.kind === 'date') {
    const last = parseIsoDate(expiry.on);
    return last === null || isAfter(on, last);
  }
  if (release.expiryEventOn === null) return false;
  const happened = parseIsoDate(release.expiryEventOn);
  return happened === null || !isAfter(happened, on);
}

/** First day the release may be used; null when unsigned or a date is unreadable. */
export function effectiveStart(release: Pick<Release, 'signedOn' | 'effectiveFrom'>): Date | null {
  const signed = parseIsoDate(release.signedOn);
  if (!signed) return null;
  if (release.effectiveFrom === null) return signed;
  const from = parseIsoDate(release.effectiveFrom);
  if (!from) return null;
  return isAfter(from, signed) ? from : signed;
}

/** The required signer roles nobody has signed for yet (the lines printed on the form). */
export function missingSignatures(release: Pick<Release, 'signers' | 'signedBy'>): SignerRole[] {
  const signed = new Set(
    release.signedBy.filter((s) => s.name.trim().length > 0).map((s) => s.capacity),
  );
  const out: SignerRole[] = [];
  for (const line of release.signers) if (!signed.has(line.role) && !out.includes(line.role)) out.push(line.role);
  return out;
}

/** Signed: a signature date, at least one signer, and every required line filled. */
export function isFullySigned(release: Pick<Release, 'signedOn' | 'signers' | 'signedBy'>): boolean {
  return (
    parseIsoDate(release.signedOn) !== null &&
    release.signedBy.some((s) => s.name.trim().length > 0) &&
    missingSignatures(release).length === 0
  );
}

/**
 * draft (not printed) → awaiting_signature (printed, not fully signed) →
 * not_yet_effective (signed, starts later) → active → expiring (end date
 * within `expiringDays`, end day included) → expired; revoked wins over all.
 * An unsigned form whose end date has passed shows as expired: it is dead paper.
 */
export function releaseStatus(release: Release, today: IsoDate, expiringDays = DEFAULT_EXPIRING_DAYS): ReleaseStatus {
  const now = parseIsoDate(today);
  if (!now) throw new RangeError(`releaseStatus: today must be a real YYYY-MM-DD date, got ${today}`);
  if (isRevokedOn(release, now)) return 'revoked';
  if (isExpiredOn(release, now)) return 'expired';
  if (!isFullySigned(release)) return release.printedOn === null ? 'draft' : 'awaiting_signature';
  const start = effectiveStart(release);
  if (!start || isBefore(now, start)) return 'not_yet_effective';
  if (release.expiry?.kind === 'date') {
    const last = parseIsoDate(release.expiry.on);
    if (last && differenceInCalendarDays(last, now) <= expiringDays) return 'expiring';
  }
  return 'active';
}
