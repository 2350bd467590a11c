/** Dates as she reads them: MM/DD/YYYY, from the YYYY-MM-DD the data uses (a calendar day, not a UTC instant). */
import { format, parseISO } from 'date-fns';

export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return '—';
  const date = parseISO(isoDay.slice(0, 10));
  return Number.isNaN(date.getTime()) ? isoDay : format(date, 'MM/dd/yyyy');
}

/** A timestamp as "11/23/2026 at 2:05 pm". */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${format(date, 'MM/dd/yyyy')} at ${format(date, 'h:mm aaa')}`;
}

/** Today as YYYY-MM-DD in local time. */
export function todayIso(): string {
  return format(new Date(), 'yyyy-MM-dd');
}
