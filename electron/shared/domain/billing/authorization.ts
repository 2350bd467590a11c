/**
 * Prior authorizations: which one covers a line, how many units it has left,
 * and how many its linked entries have used. DOMAIN.md (CLTS): a prior
 * authorization must exist before service; a line outside its dates, under
 * another code, or past its units is not paid.
 */
import { parseIsoDate } from '../deadlines.ts';
import { shownDate } from './format.ts';
import { countedMinutes, normalCode } from './profiles.ts';
import { sumUnits, unitsForTotal } from './rounding.ts';
import { dayParts } from './time.ts';
import type { BillingProfile, IsoDate, PriorAuthorization, ServiceEntry } from './types.ts';

/** An authorization with the units its other entries have already used (see unitsUsed). */
export interface AuthorizationOnFile {
  authorization: PriorAuthorization;
  unitsUsed: number;
}

/** The billing line asking for an authorization. */
export interface AuthorizationRequest {
  studentId: string;
  program: string;
  date: IsoDate;
  procedureCode: string;
  modifiers: readonly string[];
  units: number;
  /** The authorization the worker linked; null lets the rules pick one. */
  linkedId: string | null;
}

export type AuthorizationProblemCode = 'no_authorization' | 'authorization_mismatch' | 'authorization_out_of_range' | 'authorization_exhausted';

export type AuthorizationCheck =
  | { ok: true; authorization: PriorAuthorization; remainingAfter: number; warning: string | null }
  | { ok: false; code: AuthorizationProblemCode; message: string; authorization: PriorAuthorization | null };

const unitText = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;
const title = (pa: PriorAuthorization) => `Authorization ${pa.number.trim() || '(no number)'}`;
const range = (pa: PriorAuthorization) => `${shownDate(pa.startDate)}–${shownDate(pa.endDate)}`;

/** The authorization's dates include the date of service (both ends count). */
export function authorizationCovers(pa: PriorAuthorization, date: IsoDate): boolean {
  if (!parseIsoDate(pa.startDate) || !parseIsoDate(pa.endDate) || !parseIsoDate(date)) return false;
  return pa.startDate <= date && date <= pa.endDate;
}

/** Same procedure code; when the authorization lists modifiers, the line carries exactly those (any order). */
export function authorizationFits(pa: PriorAuthorization, procedureCode: string, modifiers: readonly string[]): boolean {
  if (normalCode(pa.procedureCode) !== normalCode(procedureCode)) return false;
  if (pa.modifiers.length === 0) return true;
  const want = [...new Set(pa.modifiers.map(normalCode))].sort();
  const have = [...new Set(modifiers.map(normalCode))].sort();
  return want.length === have.length && want.every((m, i) => m === have[i]);
}

function mismatchText(pa: PriorAuthorization, req: AuthorizationRequest): string {
  if (normalCode(pa.procedureCode) !== normalCode(req.procedureCode)) return `${title(pa)} is for ${pa.procedureCode}, not ${req.procedureCode}.`;
  const shown = (ms: readonly string[]) => (ms.length === 0 ? 'no modifier' : `modifier${ms.length === 1 ? '' : 's'} ${ms.join(' ')}`);
  return `${title(pa)} is for ${pa.procedureCode} with ${shown(pa.modifiers)}; this line carries ${shown(req.modifiers)}.`;
}

/** Checks the linked authorization, or picks one: the one ending first that has enough units left. */
export function checkAuthorization(req: AuthorizationRequest, onFile: readonly AuthorizationOnFile[], warningUnits: number): AuthorizationCheck {
  const mine = onFile.filter((a) => a.authorization.studentId === req.studentId && a.authorization.program === req.program);
  const remaining = (a: AuthorizationOnFile) => sumUnits(a.authorization.unitsAuthorized, -a.unitsUsed);
  const settle = (a: AuthorizationOnFile): AuthorizationCheck => {
    const pa = a.authorization;
    const left = remaining(a);
    if (req.units > left) {
      return {
        ok: false,
        code: 'authorization_exhausted',
        authorization: pa,
        message: `${title(pa)} has ${unitText(Math.max(left, 0))} left; this entry needs ${unitText(req.units)}. Ask for more units before billing it.`,
      };
    }
    const after = sumUnits(left, -req.units);
    const warning =
      after < warningUnits
        ? `After this entry, ${title(pa).toLowerCase()} has ${unitText(after)} left of ${pa.unitsAuthorized} (it ends ${shownDate(pa.endDate)}). Ask for more before they run out.`
        : null;
    return { ok: true, authorization: pa, remainingAfter: after, warning };
  };

  if (req.linkedId !== null) {
    const linked = mine.find((a) => a.authorization.id === req.linkedId);
    if (!linked) return { ok: false, code: 'no_authorization', authorization: null, message: 'The linked prior authorization is not on file for this student and program.' };
    const pa = linked.authorization;
    if (!authorizationFits(pa, req.procedureCode, req.modifiers)) return { ok: false, code: 'authorization_mismatch', authorization: pa, message: mismatchText(pa, req) };
    if (!authorizationCovers(pa, req.date)) {
      return { ok: false, code: 'authorization_out_of_range', authorization: pa, message: `${title(pa)} runs ${range(pa)}; it does not cover ${shownDate(req.date)}.` };
    }
    return settle(linked);
  }

  const fitting = mine.filter((a) => authorizationFits(a.authorization, req.procedureCode, req.modifiers) && authorizationCovers(a.authorization, req.date));
  if (fitting.length === 0) {
    const onDate = mine.find((a) => authorizationCovers(a.authorization, req.date));
    if (onDate) return { ok: false, code: 'authorization_mismatch', authorization: onDate.authorization, message: mismatchText(onDate.authorization, req) };
    const sameCode = mine.filter((a) => authorizationFits(a.authorization, req.procedureCode, req.modifiers)).map((a) => a.authorization);
    const others = sameCode.length > 0 ? ` On file: ${sameCode.map((pa) => `${pa.number} (${range(pa)})`).join(', ')}.` : '';
    return { ok: false, code: 'no_authorization', authorization: null, message: `No prior authorization covers ${shownDate(req.date)}.${others}` };
  }
  // Use first what ends first, so units do not lapse unused; then a stable order.
  const order = [...fitting].sort(
    (a, b) =>
      a.authorization.endDate.localeCompare(b.authorization.endDate) ||
      a.authorization.startDate.localeCompare(b.authorization.startDate) ||
      a.authorization.id.localeCompare(b.authorization.id),
  );
  const enough = order.find((a) => remaining(a) >= req.units);
  if (enough) return settle(enough);
  // None has enough: report the one with the most left, the closest to fitting.
  const most = order.reduce((best, a) => (remaining(a) > remaining(best) ? a : best));
  return settle(most);
}

/**
 * Units an authorization's linked entries use: those claimed under the
 * profile's program and stream, on days the authorization covers, rounded by
 * the profile's rule (per month, for a rule on the month's total). Leave out
 * the entry being edited. Entries whose time cannot be read count nothing:
 * they could not have been saved.
 */
export function unitsUsed(authorization: PriorAuthorization, entries: readonly ServiceEntry[], profile: BillingProfile): number {
  const perMonth = new Map<string, number[]>();
  for (const e of entries) {
    if (e.authorizationId !== authorization.id || e.studentId !== authorization.studentId) continue;
    if (e.program !== profile.program || e.fundingStream !== profile.fundingStream) continue;
    const parts = dayParts(e);
    if (!parts.ok) continue;
    parts.value.forEach((part, i) => {
      if (!authorizationCovers(authorization, part.date)) return;
      // Travel and documentation minutes belong to the day the service started.
      const minutes = i === 0 ? countedMinutes(part.minutes, e, profile) : part.minutes;
      const month = part.date.slice(0, 7);
      perMonth.set(month, [...(perMonth.get(month) ?? []), minutes]);
    });
  }
  let total = 0;
  for (const minutes of perMonth.values()) total = sumUnits(total, unitsForTotal(minutes, profile.roundingRule, profile.unitMinutes));
  return total;
}

/** "12 units left of 40" for the authorization list. */
export function remainingText(pa: PriorAuthorization, used: number): string {
  return `${unitText(sumUnits(pa.unitsAuthorized, -used))} left of ${pa.unitsAuthorized}`;
}
