/** How the student record shows dates, times and the contract's coded values in her words. */
import { displayDate, isoDate } from '../../../../electron/shared/domain/dates.ts';

/** Today as YYYY-MM-DD on this computer's calendar (not UTC). */
export function todayIso(): string {
  return isoDate(new Date());
}

/** A YYYY-MM-DD date as a local calendar day (new Date('2025-03-04') would be UTC midnight). */
export function parseLocalDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** YYYY-MM-DD → MM/DD/YYYY; empty for no date. */
export function showDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parseLocalDate(iso);
  return d ? displayDate(d) : iso;
}

/** 12-hour time with am/pm: "2:05 pm". */
export function showTime(d: Date): string {
  const h = d.getHours();
  return `${h % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}

/** An instant (ISO timestamp) as "MM/DD/YYYY at h:mm am". */
export function showStamp(timestamp: string): string {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp : `${displayDate(d)} at ${showTime(d)}`;
}

/** YYYY-MM-DD plus n calendar days. */
export function addDays(iso: string, n: number): string {
  const d = parseLocalDate(iso);
  if (!d) return iso;
  d.setDate(d.getDate() + n);
  return isoDate(d);
}

/** "in 3 days", "today", "5 days overdue". */
export function daysWords(daysLeft: number): string {
  if (daysLeft === 0) return 'due today';
  if (daysLeft === 1) return 'due tomorrow';
  if (daysLeft > 0) return `in ${daysLeft} days`;
  return daysLeft === -1 ? '1 day overdue' : `${-daysLeft} days overdue`;
}

export const REGIME_LABEL = { county: 'County case record', pupil: 'District pupil record' } as const;

export const AUTHORITY_LABEL = {
  parent: 'Parent',
  legal_guardian: 'Legal guardian',
  legal_representative: 'Court-ordered legal representative',
  none: 'No legal authority',
} as const;

export const STATUS_LABEL = { referred: 'Referred', pending: 'Pending', active: 'Active', closed: 'Closed' } as const;

export const GOAL_STATUS_LABEL = { open: 'Open', met: 'Met', dropped: 'Dropped' } as const;

/** "First Middle Last". */
export function legalName(s: { legalFirst: string; legalMiddle: string | null; legalLast: string }): string {
  return [s.legalFirst, s.legalMiddle, s.legalLast].filter((p) => p && p.trim()).join(' ');
}

/** null → '' for a text field's starting value. */
export function blank(value: string | null | undefined): string {
  return value ?? '';
}
