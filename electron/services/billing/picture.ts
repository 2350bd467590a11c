/**
 * The month's time picture: signed minutes by program, activity and week,
 * billable and not (counties reconcile CCS costs on both), with travel and
 * documentation minutes apart.
 */
import { startOfWeek, format } from 'date-fns';
import type { Vault } from '../../../db/vault.ts';
import { ACTIVITY_LABELS } from '../../shared/domain/billing/index.ts';
import { parseIsoDate } from '../../shared/domain/deadlines.ts';
import type { ChannelOutput } from '../../shared/contract.ts';
import { today } from '../caseload/write.ts';
import { assessorFor } from './assess.ts';
import { loadEntries, programKey } from './context.ts';
import { monthRange } from './month.ts';

type Picture = ChannelOutput<'billing:timePicture'>;
type Pair = { billable: number; nonBillable: number };

export async function timePicture(vault: Vault, month: string): Promise<Picture> {
  const entries = (await loadEntries(vault.db, monthRange(month))).filter((e) => e.row.signed_at !== null);
  const assessor = await assessorFor(vault.db, entries.map((e) => e.fields.studentId), entries.map((e) => e.domain), today());
  const byProgram = new Map<string, Pair>();
  const byActivity = new Map<string, Pair>();
  const byWeek = new Map<string, Pair>();
  const totals: Pair = { billable: 0, nonBillable: 0 };
  let travel = 0;
  let documentation = 0;
  const add = (map: Map<string, Pair>, key: string, billable: boolean, minutes: number) => {
    const p = map.get(key) ?? { billable: 0, nonBillable: 0 };
    if (billable) p.billable += minutes;
    else p.nonBillable += minutes;
    map.set(key, p);
  };
  for (const e of entries) {
    const service = e.fields.time.kind === 'minutes' ? e.fields.time.minutes : e.row.minutes;
    const billable = assessor.assess(e.domain).billable;
    const day = parseIsoDate(e.fields.date);
    const week = day ? format(startOfWeek(day, { weekStartsOn: 1 }), 'yyyy-MM-dd') : e.fields.date;
    add(byProgram, programKey(e.fields.program), billable, service);
    add(byActivity, ACTIVITY_LABELS[e.fields.activity], billable, service);
    add(byWeek, week, billable, service);
    if (billable) totals.billable += service;
    else totals.nonBillable += service;
    // Travel and documentation are their own categories: counted as non-billable time unless a profile bills them.
    travel += e.fields.travelMinutes;
    documentation += e.fields.documentationMinutes;
  }
  const sorted = <K extends string>(map: Map<string, Pair>, key: K) => [...map].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => ({ [key]: k, ...v }) as Record<K, string> & Pair);
  return { month, byProgram: sorted(byProgram, 'program'), byActivity: sorted(byActivity, 'activity'), byWeek: sorted(byWeek, 'weekOf'), travelMinutes: travel, documentationMinutes: documentation, totals };
}
