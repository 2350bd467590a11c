/**
 * A student's releases at a glance: one level for the caseload list and the
 * record header, so she can tell without opening the Consents tab whether
 * anything can be shared for this student today, and what to do next.
 *
 * Precedence (the first rule that applies decides):
 * 1. A release usable today (active or expiring) wins over everything else.
 *    If any usable release is expiring, the level is `expiring` with the
 *    earliest expiring end date: renewing it is the next thing to do even
 *    when another release stays valid. Otherwise `active`, with the earliest
 *    end date among them (null when none ends on a date).
 * 2. Nothing usable, but a signed release that starts later:
 *    `not_yet_effective`, with the earliest start.
 * 3. A release printed and out for signature: `awaiting`. The family holds
 *    the paper, so it is the next step even when an older release ended.
 * 4. Only ended releases: `revoked` if any of them was revoked, else
 *    `expired`. A revocation is the family withdrawing consent, which she
 *    needs to know before asking again however old it is; the Consents tab
 *    has the dates. (Ranking by which release ended last would need every
 *    ended release's dates, and the caseload list reads as few rows as it can.)
 * 5. Nothing but a draft she has not printed: `draft`. A draft is work on her
 *    desk, not the student's consent, so an ended release outranks it.
 * 6. No release at all: `none`.
 *
 * Which release covers which recipient is not considered here: the gate
 * (`checkDisclosure`) decides each disclosure; this is only the signal.
 */
import { releaseStatus, type ReleaseStatus } from './status.ts';
import type { IsoDate, Release } from './types.ts';

export type ConsentLevel = 'none' | 'draft' | 'awaiting' | 'not_yet_effective' | 'active' | 'expiring' | 'expired' | 'revoked';

export const CONSENT_LEVELS: readonly ConsentLevel[] = ['none', 'draft', 'awaiting', 'not_yet_effective', 'active', 'expiring', 'expired', 'revoked'];

/** What the glance needs to know about one release. */
export interface ReleaseGlance {
  status: ReleaseStatus;
  /** Its end date (the last valid day); null for an end at an event or no end. */
  endsOn: IsoDate | null;
  /** The first day a signed release may be used (null while unsigned). */
  startsOn: IsoDate | null;
}

export interface ConsentSummary {
  level: ConsentLevel;
  /** Releases usable today (active or expiring). */
  activeCount: number;
  /** `expiring`: the earliest expiring end; `active`: the earliest end among usable releases. */
  nextEndDate: IsoDate | null;
  /** `not_yet_effective`: the earliest start. */
  startsOn: IsoDate | null;
}

export const NO_RELEASE: Readonly<ConsentSummary> = { level: 'none', activeCount: 0, nextEndDate: null, startsOn: null };

/** The earliest of some YYYY-MM-DD dates (they compare as text), ignoring unknown ones. */
function earliest(dates: readonly (IsoDate | null)[]): IsoDate | null {
  let out: IsoDate | null = null;
  for (const d of dates) if (d !== null && (out === null || d < out)) out = d;
  return out;
}

export function summarizeConsent(releases: readonly ReleaseGlance[]): ConsentSummary {
  const usable = releases.filter((r) => r.status === 'active' || r.status === 'expiring');
  if (usable.length > 0) {
    const expiring = usable.filter((r) => r.status === 'expiring');
    return expiring.length > 0
      ? { level: 'expiring', activeCount: usable.length, nextEndDate: earliest(expiring.map((r) => r.endsOn)), startsOn: null }
      : { level: 'active', activeCount: usable.length, nextEndDate: earliest(usable.map((r) => r.endsOn)), startsOn: null };
  }
  const later = releases.filter((r) => r.status === 'not_yet_effective');
  if (later.length > 0) return { ...NO_RELEASE, level: 'not_yet_effective', startsOn: earliest(later.map((r) => r.startsOn)) };
  if (releases.some((r) => r.status === 'awaiting_signature')) return { ...NO_RELEASE, level: 'awaiting' };
  if (releases.some((r) => r.status === 'revoked')) return { ...NO_RELEASE, level: 'revoked' };
  if (releases.some((r) => r.status === 'expired')) return { ...NO_RELEASE, level: 'expired' };
  return releases.length > 0 ? { ...NO_RELEASE, level: 'draft' } : NO_RELEASE;
}

/** One release's glance by the domain rules: what a faster reading of the vault must agree with. */
export function glanceOf(release: Release, today: IsoDate, expiringDays: number): ReleaseGlance {
  return {
    status: releaseStatus(release, today, expiringDays),
    endsOn: release.expiry?.kind === 'date' ? release.expiry.on : null,
    startsOn: release.signedOn === null ? null : release.effectiveFrom !== null && release.effectiveFrom > release.signedOn ? release.effectiveFrom : release.signedOn,
  };
}
