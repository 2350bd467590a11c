/** The service log's coded values in her words, and the small formatting its screens share. */
import {
  ACTIVITIES,
  ACTIVITY_LABELS,
  CONTACT_MODES,
  CONTACT_MODE_LABELS,
  FUNDING_STREAMS,
  FUNDING_STREAM_LABELS,
  PLACE_OF_SERVICE_LABELS,
  type FundingStream,
} from '../../../../electron/shared/domain/billing/types.ts';
import type { EntryFields } from '../../../../electron/shared/schemas/services.ts';
import { isoDate } from '../../../../electron/shared/domain/dates.ts';
import { showDate } from '../student/format.ts';

/** The shared labels are lower case for sentences; a field shows them capitalised. */
export function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const ACTIVITY_OPTIONS = ACTIVITIES.map((a) => ({ value: a, label: cap(ACTIVITY_LABELS[a]) }));
export const CONTACT_MODE_OPTIONS = CONTACT_MODES.map((m) => ({ value: m, label: cap(CONTACT_MODE_LABELS[m]) }));
export const CONTACT_TYPE_OPTIONS = [
  { value: 'child', label: 'Child' },
  { value: 'parent', label: 'Parent or guardian' },
  { value: 'collateral', label: 'Collateral (teacher, provider, other)' },
] as const;
export const CONTACT_TYPE_LABELS: Record<EntryFields['contactType'], string> = { child: 'Child', parent: 'Parent or guardian', collateral: 'Collateral' };

/** "CLTS", "CCS", "School-based Medicaid", "County time study", "Not claimed". */
export function streamLabel(stream: FundingStream): string {
  if (stream === 'none') return 'Not claimed (kept on the record only)';
  return cap(FUNDING_STREAM_LABELS[stream].replace(/^the /, ''));
}
export const FUNDING_OPTIONS = FUNDING_STREAMS.map((s) => ({ value: s, label: streamLabel(s) }));

/** "12 · Home"; a code the list does not name still shows its number. */
export function placeLabel(code: string): string {
  const name = PLACE_OF_SERVICE_LABELS[code];
  return name ? `${code} · ${name}` : `${code} · Place of service ${code}`;
}
export const PLACE_OPTIONS = Object.keys(PLACE_OF_SERVICE_LABELS)
  .sort()
  .map((code) => ({ value: code, label: placeLabel(code) }));

/** The stream a program's time is claimed to unless she says otherwise. */
export function defaultStream(program: string | null): FundingStream {
  if (program === 'CLTS') return 'clts';
  if (program === 'CCS') return 'ccs';
  return 'none';
}

/** 'HH:MM' (24-hour, as stored) to "9:05 am"; both ends of the day read "midnight". */
export function showClock(clock: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!m) return clock;
  const h = Number(m[1]);
  if ((h === 0 || h === 24) && m[2] === '00') return 'midnight';
  if (h === 12 && m[2] === '00') return 'noon';
  return `${h % 12 || 12}:${m[2]} ${h < 12 ? 'am' : 'pm'}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "9:00 am–9:30 am" or "30 minutes". */
export function timeWords(time: EntryFields['time']): string {
  if (time.kind === 'minutes') return plural(time.minutes, 'minute');
  return `${showClock(time.startTime)}–${showClock(time.endTime)}${time.endsNextDay ? ' (next day)' : ''}`;
}

/** 'YYYY-MM' for the month she is in. */
export function currentMonth(): string {
  return isoDate(new Date()).slice(0, 7);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM' to "November 2026". */
export function monthWords(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}` : month;
}

/** A month n months from 'YYYY-MM' (negative goes back). */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Draft, Signed, or the export batch it went out in. */
export function statusWords(entry: { signedAt: string | null; batch: { month: string; exportedAt: string } | null }): string {
  if (entry.batch) return `Exported in the ${monthWords(entry.batch.month)} batch`;
  return entry.signedAt ? 'Signed' : 'Draft';
}

export { showDate };
