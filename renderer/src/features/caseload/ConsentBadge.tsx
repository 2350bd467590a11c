/**
 * A student's releases at a glance, as a badge whose words carry the meaning
 * (the colour only repeats it): in the caseload list, short ("Expires 12/20"),
 * and in the record header, with the year ("Release expires 12/20/2026").
 */
import { Badge } from '@mantine/core';
import type { ConsentLevel, ConsentSummary } from '../../../../electron/shared/domain/consent/summary.ts';
import { formatDay } from '../../lib/dates.ts';

/** 12/20 from 2026-12-20: in the list an end or start date is weeks away, so the year adds nothing. */
function monthDay(iso: string | null): string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(5, 7)}/${iso.slice(8, 10)}` : 'soon';
}

export function consentWords(consent: ConsentSummary, form: 'short' | 'long'): string {
  const short = form === 'short';
  switch (consent.level) {
    case 'active':
      return 'Release active';
    case 'expiring':
      return short ? `Expires ${monthDay(consent.nextEndDate)}` : `Release expires ${formatDay(consent.nextEndDate)}`;
    case 'not_yet_effective':
      return short ? `Starts ${monthDay(consent.startsOn)}` : `Release starts ${formatDay(consent.startsOn)}`;
    case 'awaiting':
      return short ? 'Awaiting signature' : 'Release awaiting signature';
    case 'draft':
      return short ? 'Draft only' : 'Release draft, not printed';
    case 'expired':
      return short ? 'Expired' : 'Release expired';
    case 'revoked':
      return short ? 'Revoked' : 'Release revoked';
    case 'none':
      return short ? 'No release' : 'No release on file';
  }
}

/** The sentence behind the badge, for its tooltip. */
export function consentDetail(consent: ConsentSummary): string {
  const n = consent.activeCount;
  switch (consent.level) {
    case 'active':
      return `${n} ${n === 1 ? 'release is' : 'releases are'} in force${consent.nextEndDate ? `; the first ends ${formatDay(consent.nextEndDate)}` : ''}.`;
    case 'expiring':
      return `A release ends ${formatDay(consent.nextEndDate)}: renew it before then. ${n} ${n === 1 ? 'release is' : 'releases are'} in force today.`;
    case 'not_yet_effective':
      return `Signed; nothing can be shared under it before ${formatDay(consent.startsOn)}.`;
    case 'awaiting':
      return 'A release was printed and is waiting for signatures. Nothing can be shared yet.';
    case 'draft':
      return 'A release is started but not printed. Nothing can be shared yet.';
    case 'expired':
      return 'Every release has ended. Nothing can be shared until a new one is signed.';
    case 'revoked':
      return 'A release was revoked and none is in force. Nothing can be shared until a new one is signed.';
    case 'none':
      return 'No release of information is on file.';
  }
}

const COLORS: Record<ConsentLevel, string> = {
  active: 'green',
  expiring: 'orange',
  not_yet_effective: 'blue',
  awaiting: 'yellow',
  draft: 'gray',
  expired: 'gray',
  revoked: 'red',
  none: 'gray',
};

/** Sort order for the list's Release column: what needs her first, a clean release last. */
export const CONSENT_RANK: Record<ConsentLevel, number> = {
  none: 0,
  revoked: 1,
  expired: 2,
  draft: 3,
  awaiting: 4,
  not_yet_effective: 5,
  expiring: 6,
  active: 7,
};

export type ConsentFilter = 'active' | 'attention' | 'none';

/** The list's "Release" filter: a clean release, anything she should look at, or nothing on file. */
export function consentFilterOf(level: ConsentLevel): ConsentFilter {
  return level === 'active' ? 'active' : level === 'none' ? 'none' : 'attention';
}

export function ConsentBadge({ consent, form }: { consent: ConsentSummary; form: 'short' | 'long' }) {
  return (
    // "No release" is drawn plain (white, outlined, dark text), the rest tinted.
    <Badge variant={consent.level === 'none' ? 'default' : 'light'} color={COLORS[consent.level]} radius="sm" tt="none" fw={form === 'long' ? 700 : 600} size={form === 'short' ? 'sm' : 'md'} title={consentDetail(consent)}>
      {consentWords(consent, form)}
    </Badge>
  );
}
