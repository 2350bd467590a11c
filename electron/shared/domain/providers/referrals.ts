/**
 * Referrals from a student to a community provider or county intake: which
 * status may follow which, follow-up dates, the due-soon items they make, and
 * each provider's record of answering (DOMAIN.md, "Referral packets").
 */
import { addDays, differenceInCalendarDays } from 'date-fns';
import { parseIsoDate, type Deadline } from '../deadlines.ts';
import { plural, shownDate, toIso } from './format.ts';
import {
  COUNTY_INTAKE_LABELS,
  type IsoDate,
  type Referral,
  type ReferralStatus,
  type StatusChange,
} from './types.ts';

export interface ReferralSettings {
  /** Days after sending to a community provider before she checks in. */
  providerFollowUpDays: number;
  /** Days after sending to county intake (CLTS, CCS) before she checks in. */
  countyIntakeFollowUpDays: number;
}

/**
 * Both are settings. County intake: DOMAIN.md says families are told to call
 * if 60 days pass without contact after CLTS eligibility, so a referral to
 * intake unanswered for 60 days is the point at which she calls too; CCS
 * intake runs through the same county office, so it takes the same default.
 * Providers: 14 days is a practice default, not from any rule.
 */
export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  providerFollowUpDays: 14,
  countyIntakeFollowUpDays: 60,
};

/**
 * Forward only: an answer is never taken back (a declined referral is not
 * later accepted; she starts a new one), and closing ends any referral that
 * is not already closed (withdrawn, the family moved, no longer needed).
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['sent', 'closed'],
  sent: ['accepted', 'waitlisted', 'declined', 'closed'],
  waitlisted: ['accepted', 'declined', 'closed'],
  accepted: ['completed', 'closed'],
  declined: ['closed'],
  completed: ['closed'],
  closed: [],
};

/** The statuses that are an answer from the provider or intake. */
const ANSWERS: ReadonlySet<ReferralStatus> = new Set(['accepted', 'waitlisted', 'declined']);

export const canTransition = (from: ReferralStatus, to: ReferralStatus): boolean => ALLOWED_TRANSITIONS[from].includes(to);

const article = (status: ReferralStatus) => (status === 'accepted' ? 'An' : 'A');

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const isCounty = (r: Referral): boolean => r.countyIntake !== undefined;

/** The follow-up period for this referral's target. */
export function followUpDays(referral: Referral, settings: ReferralSettings = DEFAULT_REFERRAL_SETTINGS): number {
  return isCounty(referral) ? settings.countyIntakeFollowUpDays : settings.providerFollowUpDays;
}

/** The first day the referral was sent, from its history; null if never sent. */
export function sentOn(referral: Referral): IsoDate | null {
  return referral.history.find((h) => h.status === 'sent')?.on ?? null;
}

export type TransitionResult = { ok: true; referral: Referral } | { ok: false; refusal: string };

/**
 * Moves a referral to a new status on a date, appending it to the history.
 * Sending sets a follow-up date when there is none, so no sent referral is
 * left without a reminder. A refusal is a sentence she can act on.
 */
export function transition(
  referral: Referral,
  to: ReferralStatus,
  on: IsoDate,
  settings: ReferralSettings = DEFAULT_REFERRAL_SETTINGS,
): TransitionResult {
  const from = referral.status;
  if (from === to) return { ok: false, refusal: `This referral is already ${to}.` };
  if (from === 'closed') return { ok: false, refusal: 'This referral is closed and cannot change; start a new referral instead.' };
  if (!canTransition(from, to)) {
    return { ok: false, refusal: `${article(from)} ${from} referral cannot be marked ${to}; it can be marked ${orList(ALLOWED_TRANSITIONS[from])}.` };
  }
  const day = parseIsoDate(on);
  if (!day) return { ok: false, refusal: `Enter a real date for this change, not ${shownDate(on)}.` };
  const last: StatusChange | undefined = referral.history[referral.history.length - 1];
  // History is read in date order (how fast a provider answers); a change dated before the last one would break that.
  if (last && on < last.on) {
    return { ok: false, refusal: `The date ${shownDate(on)} is before the referral was marked ${last.status} on ${shownDate(last.on)}.` };
  }
  const followUpOn =
    to === 'sent' && referral.followUpOn === null ? toIso(addDays(day, followUpDays(referral, settings))) : referral.followUpOn;
  return { ok: true, referral: { ...referral, status: to, history: [...referral.history, { status: to, on }], followUpOn } };
}

/** Still waiting on someone: sent and unanswered, on a waitlist, or accepted but not yet completed. */
const FOLLOWED_UP: ReadonlySet<ReferralStatus> = new Set(['sent', 'waitlisted', 'accepted']);

/**
 * The follow-up date that applies: the one on the referral, or for a sent or
 * waitlisted referral without one (entered before the rule, or cleared), the
 * default period from the day it was sent. Null when nothing is owed.
 */
export function followUpDue(referral: Referral, settings: ReferralSettings = DEFAULT_REFERRAL_SETTINGS): IsoDate | null {
  if (!FOLLOWED_UP.has(referral.status)) return null;
  if (referral.followUpOn !== null) return parseIsoDate(referral.followUpOn) ? referral.followUpOn : null;
  if (referral.status === 'accepted') return null;
  const sent = parseIsoDate(sentOn(referral));
  return sent ? toIso(addDays(sent, followUpDays(referral, settings))) : null;
}

/** "CLTS intake", or the provider's name when known. */
export function referralTargetName(referral: Referral, providerNames?: ReadonlyMap<string, string>): string {
  if (referral.countyIntake !== undefined) return COUNTY_INTAKE_LABELS[referral.countyIntake];
  return providerNames?.get(referral.providerId) ?? 'the provider';
}

export interface ReferralDeadlineOptions {
  providerNames?: ReadonlyMap<string, string>;
  settings?: ReferralSettings;
}

function waitedText(since: IsoDate | null, now: Date | null): string {
  const from = parseIsoDate(since);
  if (!from || !now) return '';
  const days = differenceInCalendarDays(now, from);
  return days >= 0 ? `, ${plural(days, 'day')} ago` : '';
}

/**
 * Due-soon items (kind 'referral-follow-up') for the referrals still waiting
 * on someone; feed them to dueSoon() with the other deadlines. today only
 * words the detail ("sent 03/01/2026, 20 days ago"), so she sees how long the
 * family has waited.
 */
export function referralDeadlines(referrals: readonly Referral[], today: IsoDate, options: ReferralDeadlineOptions = {}): Deadline[] {
  const settings = options.settings ?? DEFAULT_REFERRAL_SETTINGS;
  const now = parseIsoDate(today);
  const out: Deadline[] = [];
  for (const r of referrals) {
    const dueOn = followUpDue(r, settings);
    if (dueOn === null) continue;
    const sent = sentOn(r);
    const lastOn = r.history[r.history.length - 1]?.on ?? null;
    const sentText = sent ? `Sent ${shownDate(sent)}${waitedText(sent, now)}` : 'Sent';
    const detail =
      r.status === 'sent'
        ? `${sentText}; no answer yet.`
        : r.status === 'waitlisted'
          ? `${sentText}; waitlisted${lastOn ? ` ${shownDate(lastOn)}` : ''}: ask where the student is on the list.`
          : `Accepted${lastOn ? ` ${shownDate(lastOn)}` : ''}: check that services have started.`;
    out.push({
      key: `referral-follow-up:${r.id}`,
      kind: 'referral-follow-up',
      studentId: r.studentId,
      enrollmentId: null,
      title: `Follow up on the ${r.urgency === 'urgent' ? 'urgent ' : ''}referral to ${referralTargetName(r, options.providerNames)}`,
      detail,
      dueOn,
    });
  }
  return out;
}

export interface ProviderHistory {
  /** Referrals that reached them (drafts never did). */
  sent: number;
  /** Each counts referrals that were ever in that status: a waitlisted referral later accepted counts in both. */
  accepted: number;
  waitlisted: number;
  declined: number;
  /** Sent and not answered yet. */
  awaitingAnswer: number;
  /**
   * Accepted ÷ (accepted + declined): of the referrals they have decided on,
   * the share they took. Referrals still waiting or withdrawn unanswered do
   * not count against them. Null until they have decided one.
   */
  acceptanceRate: number | null;
  /** Calendar days from sending to the first answer (accepted, waitlisted or declined); null when none answered. */
  medianDaysToAnswer: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** How a provider (or intake) has answered the referrals given; pass one provider's referrals. */
export function providerHistory(referrals: readonly Referral[]): ProviderHistory {
  let sent = 0, accepted = 0, waitlisted = 0, declined = 0, awaitingAnswer = 0;
  const days: number[] = [];
  for (const r of referrals) {
    const sentIndex = r.history.findIndex((h) => h.status === 'sent');
    if (sentIndex < 0) continue;
    sent += 1;
    const seen = new Set(r.history.slice(sentIndex).map((h) => h.status));
    if (seen.has('accepted')) accepted += 1;
    if (seen.has('waitlisted')) waitlisted += 1;
    if (seen.has('declined')) declined += 1;
    if (r.status === 'sent') awaitingAnswer += 1;
    const answer = r.history.slice(sentIndex + 1).find((h) => ANSWERS.has(h.status));
    const from = parseIsoDate(r.history[sentIndex]?.on);
    const to = parseIsoDate(answer?.on);
    if (from && to) days.push(differenceInCalendarDays(to, from));
  }
  const decided = accepted + declined;
  return {
    sent,
    accepted,
    waitlisted,
    declined,
    awaitingAnswer,
    acceptanceRate: decided === 0 ? null : accepted / decided,
    medianDaysToAnswer: median(days),
  };
}

/** Groups referrals by where they went: the provider's id, or 'county:CLTS' / 'county:CCS'. */
export function referralTargetKey(referral: Referral): string {
  return referral.countyIntake !== undefined ? `county:${referral.countyIntake}` : referral.providerId;
}

/** providerHistory for every target at once, in one pass to group. */
export function historyByTarget(referrals: readonly Referral[]): Map<string, ProviderHistory> {
  const groups = new Map<string, Referral[]>();
  for (const r of referrals) {
    const key = referralTargetKey(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return new Map([...groups].map(([key, list]) => [key, providerHistory(list)]));
}
