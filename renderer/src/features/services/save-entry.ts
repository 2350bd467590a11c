/** Saving or signing what the entry form holds, and the sentence she reads afterwards. */
import { nextDay } from '../../../../electron/shared/domain/billing/time.ts';
import { call, type ApiError } from '../../lib/api.ts';
import { isMissingSignerName } from '../student/kit.tsx';
import { firstBlock } from './Assessment.tsx';
import { formFieldOf, toEntryFields, type EntryField, type EntryValues } from './entry-model.ts';
import { plural, showDate } from './labels.ts';

export interface Outcome {
  tone: 'good' | 'bad' | 'plain';
  text: string;
}

type Saved = { ok: true; ids: string[]; split: boolean; months: string[] } | { ok: false; error: ApiError; field: EntryField | null; keptAsDraft: string | null };

const MISSING: ApiError = { code: 'INVALID_INPUT', message: 'Fill in the fields marked * first.' };

/** The months an entry's days fall in (an entry past midnight on the last day of a month touches two). */
function monthsOf(date: string, pastMidnight: boolean): string[] {
  const next = pastMidnight ? nextDay(date) : null;
  return [...new Set([date.slice(0, 7), ...(next ? [next.slice(0, 7)] : [])])];
}

export async function saveEntry(v: EntryValues, draftId: string | undefined, sign: boolean): Promise<Saved> {
  const months = monthsOf(v.date, v.timeKind === 'clock' && v.endsNextDay);
  if (v.group) {
    const fields = toEntryFields(v, v.studentIds[0] ?? null);
    if (!fields) return { ok: false, error: MISSING, field: null, keptAsDraft: null };
    const { studentId: _first, ...shared } = fields;
    const result = await call('services:saveGroup', { studentIds: v.studentIds, fields: shared, sign });
    if (result.ok) return { ok: true, ...result.value, months };
    return { ok: false, error: result.error, field: formFieldOf(result.error, v), keptAsDraft: null };
  }
  const fields = toEntryFields(v, v.studentId);
  if (!fields) return { ok: false, error: MISSING, field: null, keptAsDraft: null };
  const input = { ...(draftId ? { id: draftId } : {}), fields };
  const result = await call('services:save', { ...input, sign });
  if (result.ok) return { ok: true, ...result.value, months };
  let keptAsDraft: string | null = null;
  if (sign && isMissingSignerName(result.error)) {
    // Keep what she wrote: a draft she can sign once her name is in Settings.
    const kept = await call('services:save', { ...input, sign: false });
    if (kept.ok && !kept.value.split) keptAsDraft = kept.value.ids[0] ?? null;
  }
  // "Not signed: these minutes overlap…" is about the entry as a whole: said above the buttons, not under one field.
  const field = result.error.code === 'INVALID_INPUT' ? formFieldOf(result.error, v) : null;
  return { ok: false, error: result.error, field, keptAsDraft };
}

/** "Signed. 2 units, billable." or "Signed; not billable: …", from the entries as saved. */
export async function signedMessage(ids: string[], months: string[], group: boolean): Promise<Outcome> {
  const lists = await Promise.all(months.map((month) => call('services:list', { studentId: null, month })));
  const entries = lists.flatMap((l) => (l.ok ? l.value.entries : [])).filter((e) => ids.includes(e.id));
  if (entries.length === 0) return { tone: 'good', text: ids.length > 1 ? `Signed ${ids.length} entries.` : 'Signed.' };
  const one = (a: (typeof entries)[number]['assessment']) => (a.billable ? `${plural(a.units, 'unit')}, billable` : `not billable: ${firstBlock(a)}`);
  const allBillable = entries.every((e) => e.assessment.billable);
  if (entries.length === 1) {
    const a = entries[0]!.assessment;
    return a.billable ? { tone: 'good', text: `Signed. ${plural(a.units, 'unit')}, billable.` } : { tone: 'bad', text: `Signed; not billable: ${firstBlock(a)}` };
  }
  const why = group ? 'one for each student' : 'one for each day';
  const label = (e: (typeof entries)[number]) => (group ? e.studentName : showDate(e.fields.date));
  const parts = entries.map((e) => `${label(e)}: ${one(e.assessment).replace(/\.$/, '')}`).join('; ');
  return { tone: allBillable ? 'good' : 'bad', text: `Signed as ${entries.length} entries, ${why}. ${parts}.` };
}
