/** How referrals are said on screen: where they went, what comes next, and when to check in. */
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { ALLOWED_TRANSITIONS } from '../../../../electron/shared/domain/providers/referrals.ts';
import type { ReferralStatus } from '../../../../electron/shared/domain/providers/types.ts';
import { formatDay, todayIso } from '../../lib/dates.ts';

export type ReferralView = ChannelOutput<'referrals:list'>['referrals'][number];

/** Still in play: not yet answered for good or finished. */
export const OPEN_STATUSES: ReadonlySet<ReferralStatus> = new Set(['draft', 'sent', 'waitlisted', 'accepted']);

/** The button for each next step, as she would say it. */
export const STEP_LABELS: Readonly<Record<ReferralStatus, string>> = {
  draft: 'Draft',
  sent: 'Mark sent',
  accepted: 'Accepted',
  waitlisted: 'Waitlisted',
  declined: 'Declined',
  completed: 'Completed',
  closed: 'Close',
};

export const nextSteps = (status: ReferralStatus): readonly ReferralStatus[] => ALLOWED_TRANSITIONS[status];

/** "Overdue since 10/02/2026", "Due 11/20/2026", or a dash when nothing is owed. */
export function followUpWords(r: ReferralView): string {
  if (!r.followUpDue) return '—';
  return r.followUpDue < todayIso() ? `Overdue since ${formatDay(r.followUpDue)}` : `Due ${formatDay(r.followUpDue)}`;
}

/** Where a referral can go, as one select value: a provider's id, or "county:CLTS" / "county:CCS". */
export function targetValue(target: ReferralView['fields']['target']): string {
  return 'providerId' in target ? target.providerId : `county:${target.countyIntake}`;
}

export function targetFrom(value: string): ReferralView['fields']['target'] {
  if (value === 'county:CLTS') return { countyIntake: 'CLTS' };
  if (value === 'county:CCS') return { countyIntake: 'CCS' };
  return { providerId: value };
}
