/**
 * Directory freshness: a provider's details (accepting referrals, waitlist,
 * payment) change, so each entry carries the date she last confirmed it and
 * is flagged once that check is older than a number of months (default 6, a
 * setting).
 */
import { addMonths, differenceInCalendarDays } from 'date-fns';
import { parseIsoDate } from '../deadlines.ts';
import { byCodeUnit, NAME_ORDER, plural, shownDate, toIso } from './format.ts';
import type { IsoDate, Provider } from './types.ts';

export const STALE_AFTER_MONTHS = 6;

function checkMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number from 1 up, not ${months}`);
}

/**
 * The first day the entry counts as stale: the same day of the month, months
 * later. When that month is shorter the day is its last day (date-fns
 * addMonths), so Aug 31 + 6 months is Feb 28, or Feb 29 in a leap year: the
 * check never lasts into March. Null when the date is missing or not real.
 */
export function staleFrom(lastVerifiedOn: IsoDate | null, months = STALE_AFTER_MONTHS): IsoDate | null {
  checkMonths(months);
  const verified = parseIsoDate(lastVerifiedOn);
  return verified ? toIso(addMonths(verified, months)) : null;
}

/**
 * True from staleFrom() on. Never verified, or a date that is not real,
 * counts as stale: asking her to confirm costs a phone call, while a wrong
 * "accepting referrals" costs a family weeks. A today that is not a real date
 * also answers stale, for the same reason.
 */
export function isStale(lastVerifiedOn: IsoDate | null, today: IsoDate, months = STALE_AFTER_MONTHS): boolean {
  const from = parseIsoDate(staleFrom(lastVerifiedOn, months));
  const now = parseIsoDate(today);
  if (!from || !now) return true;
  return differenceInCalendarDays(now, from) >= 0;
}

export interface StaleProvider {
  provider: Provider;
  /** Null when never verified (or the stored date is not real). */
  staleSince: IsoDate | null;
  reason: string;
}

/** The providers to re-verify: never verified first, then the longest-stale, then by name. */
export function staleProviders(providers: readonly Provider[], today: IsoDate, months = STALE_AFTER_MONTHS): StaleProvider[] {
  checkMonths(months);
  const out: StaleProvider[] = [];
  for (const provider of providers) {
    if (!isStale(provider.lastVerifiedOn, today, months)) continue;
    const staleSince = staleFrom(provider.lastVerifiedOn, months);
    const reason =
      staleSince === null
        ? provider.lastVerifiedOn === null
          ? 'Never verified.'
          : `The last-verified date ${shownDate(provider.lastVerifiedOn)} is not a real date.`
        : `Last verified ${shownDate(provider.lastVerifiedOn ?? '')}; details are checked every ${plural(months, 'month')}, so due since ${shownDate(staleSince)}.`;
    out.push({ provider, staleSince, reason });
  }
  return out.sort(
    (a, b) =>
      (a.staleSince === null ? 0 : 1) - (b.staleSince === null ? 0 : 1) ||
      byCodeUnit(a.staleSince ?? '', b.staleSince ?? '') ||
      NAME_ORDER.compare(a.provider.name, b.provider.name) ||
      byCodeUnit(a.provider.id, b.provider.id),
  );
}
