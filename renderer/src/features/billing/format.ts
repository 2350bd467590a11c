/** Month close in her words: months, statuses, reasons, minutes and the export's column names. */
import type { ChannelOutput } from '../../../../electron/shared/contract.ts';
import { isoDate } from '../../../../electron/shared/domain/dates.ts';
import { showDate } from '../student/format.ts';

export type Program = 'CLTS' | 'CCS';
export type Month = ChannelOutput<'billing:month'>;
export type Row = Month['rows'][number];
export type Reason = Row['reasons'][number];
export type Batch = ChannelOutput<'billing:batches'>['batches'][number];

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM' to "October 2026". */
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

/** Month close is done for the month just ended, so that is where the page opens. */
export function lastMonth(today = new Date()): string {
  return shiftMonth(isoDate(today).slice(0, 7), -1);
}

/** This month and the two years before it, newest first: timely filing is a year, so older months are rare. */
export function monthOptions(today = new Date()): { value: string; label: string }[] {
  const now = isoDate(today).slice(0, 7);
  return Array.from({ length: 25 }, (_, i) => shiftMonth(now, -i)).map((m) => ({ value: m, label: monthWords(m) }));
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** 125 → "2 h 5 min"; under an hour "45 min". */
export function minutesWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Units may be tenths under some rounding rules ("2.4"). */
export function unitsWords(units: number): string {
  return units.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

export const STATUS_WORDS: Record<Row['status'], string> = {
  draft: 'Draft',
  ready: 'Ready',
  blocked: 'Blocked',
  exported: 'Exported',
  changed_since_export: 'Changed since export',
};

/** A colour as well as the words: colour alone never carries the status. */
export const STATUS_COLOR: Record<Row['status'], string> = {
  draft: 'gray',
  ready: 'green',
  blocked: 'red',
  exported: 'blue',
  changed_since_export: 'orange',
};

export const SEVERITY_WORDS: Record<Reason['severity'], string> = { blocks: 'Blocks billing', warning: 'Warning', info: 'Note' };

const SEVERITY_RANK: Record<Reason['severity'], number> = { blocks: 0, warning: 1, info: 2 };

/**
 * The page says once, above the table, that the profile is still the shipped
 * default; repeating it on every row would hide the reason that matters.
 */
export function shownReasons(row: Row): Reason[] {
  return row.reasons.filter((r) => r.code !== 'profile_unreviewed');
}

/** The reason to show in the table: the most serious one. */
export function firstReason(row: Row): Reason | null {
  const reasons = shownReasons(row);
  return [...reasons].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0] ?? null;
}

/** Drafts to sign, blocked entries, corrections after export, and warnings she should read before exporting. */
export function needsAttention(row: Row): boolean {
  if (row.status === 'draft' || row.status === 'blocked' || row.status === 'changed_since_export') return true;
  return row.status === 'ready' && shownReasons(row).some((r) => r.severity === 'warning');
}

/** How a batch is named on screen and on the signed service log ("Batch 1A2B3C4D"). */
export function batchLabel(id: string): string {
  return id.slice(0, 8).toUpperCase();
}

/** The export's column fields as a sentence names them ("Changed: units, minutes"). */
const FIELD_WORDS: Record<string, string> = {
  participantName: 'name',
  dob: 'date of birth',
  medicaidId: 'Medicaid ID',
  mciId: 'MCI number',
  dateOfService: 'date of service',
  startTime: 'start time',
  endTime: 'end time',
  procedureCode: 'procedure code',
  modifiers: 'modifiers',
  modifier1: 'modifier 1',
  modifier2: 'modifier 2',
  modifier3: 'modifier 3',
  modifier4: 'modifier 4',
  units: 'units',
  minutes: 'minutes',
  placeOfService: 'place of service',
  renderingWorker: 'rendering worker',
  renderingProviderId: 'rendering provider ID',
  authorizationNumber: 'authorization number',
  diagnosisCode: 'diagnosis code',
  program: 'program',
  fundingStream: 'funding stream',
  activity: 'activity',
  contactMode: 'contact mode',
};

/** "Added: Kou Vang 10/08/2026"; "Changed: Kou Vang 10/07/2026 — units, minutes". */
export function changeWords(change: Batch['changes'][number]): string {
  const head = `${change.change === 'added' ? 'Added' : change.change === 'removed' ? 'Removed' : 'Changed'}: ${change.studentName} ${showDate(change.date)}`;
  return change.fields.length ? `${head} — ${change.fields.map((f) => FIELD_WORDS[f] ?? f).join(', ')}` : head;
}

export { showDate };
