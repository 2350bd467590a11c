/**
 * Is the student enrolled in the program on the date of service? DOMAIN.md
 * (CLTS): coordination up to 90 days before enrollment is billable, with its
 * modifier, and enrollment is never backdated; so a date is covered by an
 * enrollment's own dates, or falls in the profile's pre-enrollment window
 * before the day an enrollment actually began.
 */
import { differenceInCalendarDays } from 'date-fns';
import { parseIsoDate } from '../deadlines.ts';
import { plural, shownDate } from './format.ts';
import type { BillingEnrollment, BillingProfile, IsoDate } from './types.ts';

export type EnrollmentCoverage =
  | { kind: 'enrolled' }
  | { kind: 'pre_enrollment'; enrolledOn: IsoDate; daysBefore: number }
  | { kind: 'none'; code: 'not_enrolled' | 'awaiting_enrollment'; message: string };

/** Enrollments that began: active ones, and closed ones with their last day recorded. */
function begun(e: BillingEnrollment): e is BillingEnrollment & { enrolledOn: IsoDate } {
  if (e.status !== 'active' && e.status !== 'closed') return false;
  if (parseIsoDate(e.enrolledOn) === null) return false;
  // A closed enrollment without a readable last day cannot show which days it covered: fail closed.
  return e.status === 'active' ? e.endedOn === null || parseIsoDate(e.endedOn) !== null : parseIsoDate(e.endedOn) !== null;
}

export function enrollmentCoverage(date: IsoDate, enrollments: readonly BillingEnrollment[], profile: BillingProfile): EnrollmentCoverage {
  const program = profile.program;
  const on = parseIsoDate(date);
  const none = (message: string, code: 'not_enrolled' | 'awaiting_enrollment' = 'not_enrolled'): EnrollmentCoverage => ({ kind: 'none', code, message });
  const lead = `No active ${program} enrollment on ${shownDate(date)}`;
  if (!on) return none(`${lead}: the date is not readable.`);

  const mine = enrollments.filter((e) => e.program === program);
  const started = mine.filter(begun);
  if (started.some((e) => e.enrolledOn <= date && (e.endedOn === null || date <= e.endedOn))) return { kind: 'enrolled' };

  const window = profile.preEnrollment.days;
  const ahead = started
    .filter((e) => e.enrolledOn > date)
    .map((e) => ({ enrolledOn: e.enrolledOn, daysBefore: differenceInCalendarDays(parseIsoDate(e.enrolledOn) as Date, on) }))
    .sort((a, b) => a.daysBefore - b.daysBefore);
  const nearest = ahead[0];
  if (nearest && window > 0 && nearest.daysBefore <= window) return { kind: 'pre_enrollment', ...nearest };

  if (mine.length === 0) return none(`${lead}: no ${program} enrollment is on file for this student.`);
  if (nearest) {
    const allowed = window > 0 ? `only the ${plural(window, 'day')} before it can be billed` : `${program} time before enrollment cannot be billed`;
    return none(`${lead}: enrollment began ${shownDate(nearest.enrolledOn)}, and ${allowed}.`);
  }
  const waiting = mine.some((e) => e.status === 'referred' || e.status === 'pending');
  if (waiting && window > 0) {
    return none(
      `${lead}: enrollment has not begun. Time up to ${plural(window, 'day')} before enrollment can be billed once it does.`,
      'awaiting_enrollment',
    );
  }
  if (waiting) return none(`${lead}: enrollment has not begun (the referral or application is still open).`);
  const ended = started.filter((e) => e.endedOn !== null && e.endedOn < date).map((e) => e.endedOn as IsoDate).sort();
  const last = ended[ended.length - 1];
  if (last) return none(`${lead}: the enrollment ended ${shownDate(last)}.`);
  return none(`${lead}: the enrollment on file has no start date recorded.`);
}
