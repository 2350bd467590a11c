/**
 * The parent's consent for the district to bill Medicaid for IEP services
 * (34 CFR 300.154(d)(2)(iv); DPI model form M-5): given once, after a written
 * notice, and withdrawable at any time; the notice is repeated every year
 * while the district bills (300.154(d)(2)(v)).
 */
import { addYears, format } from 'date-fns';
import { parseIsoDate } from './deadlines.ts';

export interface MedicaidDecision {
  decision: 'given' | 'refused';
  decidedOn: string;
  withdrawnOn: string | null;
}

export type MedicaidConsentState = 'none' | 'given' | 'refused' | 'withdrawn';

export interface MedicaidConsentStatus {
  state: MedicaidConsentState;
  /** The latest decision's date, or its withdrawal's. */
  since: string | null;
  lastNoticeOn: string | null;
  /** While consent stands, the next annual notice is due a year after the last. */
  nextNoticeDue: string | null;
}

export const MEDICAID_STATE_LABELS: Readonly<Record<MedicaidConsentState, string>> = {
  none: 'No decision recorded',
  given: 'Consent given',
  refused: 'Consent refused',
  withdrawn: 'Consent withdrawn',
};

/** One year after `on`; 29 February moves to 28 February in a common year. */
export function oneYearAfter(on: string): string | null {
  const d = parseIsoDate(on);
  return d ? format(addYears(d, 1), 'yyyy-MM-dd') : null;
}

/** The standing decision is the latest one made (ties: the later in the list, as recorded). */
export function medicaidConsentStatus(decisions: readonly MedicaidDecision[], noticeDates: readonly string[]): MedicaidConsentStatus {
  const lastNoticeOn = noticeDates.length ? [...noticeDates].sort().at(-1)! : null;
  let latest: MedicaidDecision | null = null;
  for (const d of decisions) if (!latest || d.decidedOn >= latest.decidedOn) latest = d;
  if (!latest) return { state: 'none', since: null, lastNoticeOn, nextNoticeDue: null };
  if (latest.decision === 'refused') return { state: 'refused', since: latest.decidedOn, lastNoticeOn, nextNoticeDue: null };
  if (latest.withdrawnOn) return { state: 'withdrawn', since: latest.withdrawnOn, lastNoticeOn, nextNoticeDue: null };
  return { state: 'given', since: latest.decidedOn, lastNoticeOn, nextNoticeDue: lastNoticeOn ? oneYearAfter(lastNoticeOn) : null };
}

/** The notice a decision answers: the latest one given on or before the day of the decision. */
export function noticeForDecision<T extends { givenOn: string }>(notices: readonly T[], decidedOn: string): T | null {
  let best: T | null = null;
  for (const n of notices) if (n.givenOn <= decidedOn && (!best || n.givenOn > best.givenOn)) best = n;
  return best;
}
