/**
 * Month close: every entry of a program's month with its readiness — draft,
 * ready, blocked (and why), already exported, or changed since it was
 * exported — and, per student, what allows the billing file to carry their
 * information (a release, or the billing exception she must choose).
 */
import type { Vault } from '../../../db/vault.ts';
import { ACTIVITY_LABELS, findOverlaps, shownTime, sumUnits, type EntryAssessment } from '../../shared/domain/billing/index.ts';
import type { RecordCategory } from '../../shared/domain/consent/types.ts';
import { programCategory } from '../../shared/domain/disclosure/sections.ts';
import type { ChannelOutput } from '../../shared/contract.ts';
import { today } from '../caseload/write.ts';
import { gateMany } from '../releases/gate-many.ts';
import { readSettings } from '../settings.ts';
import { assessorFor } from './assess.ts';
import { loadEntries, loadProfiles, programKey, profileOf, type LoadedEntry } from './context.ts';

type Readiness = ChannelOutput<'billing:month'>;
type Row = Readiness['rows'][number];

export const monthRange = (month: string) => ({ from: `${month}-01`, to: `${month}-31` });

/** Who receives the billing file, and why: the gate's question for every student on it. */
export async function billingRecipient(vault: Vault, program: string) {
  const s = await readSettings(vault);
  const name = s.countyName.trim() || 'County human services';
  return { name: `${name} (billing)`, purpose: `Billing for ${program} services`, category: programCategory(program) as RecordCategory };
}

export function timeText(e: LoadedEntry): string {
  const t = e.fields.time;
  if (t.kind === 'minutes') return `${t.minutes} min`;
  const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return `${shownTime(m(t.startTime))}–${shownTime(m(t.endTime))}`;
}

export interface AssessedMonth {
  entries: LoadedEntry[];
  assessments: Map<string, EntryAssessment>;
  names: Map<string, string>;
  rows: Row[];
}

/** The program's entries of the month, assessed, with the worker's overlapping minutes across every program. */
export async function assessMonth(vault: Vault, program: 'CLTS' | 'CCS', month: string): Promise<AssessedMonth> {
  const all = await loadEntries(vault.db, monthRange(month));
  const entries = all.filter((e) => programKey(e.fields.program) === program);
  const assessor = await assessorFor(vault.db, entries.map((e) => e.fields.studentId), entries.map((e) => e.domain), today());
  const overlaps = findOverlaps(all.filter((e) => e.row.signed_at !== null).map((e) => e.domain)).filter((o) => o.blocks);
  const assessments = new Map<string, EntryAssessment>();
  const names = new Map([...assessor.facts].map(([id, f]) => [id, f.name]));
  const rows: Row[] = entries.map((e) => {
    const a = assessor.assess(e.domain);
    assessments.set(e.row.id, a);
    const reasons: Row['reasons'] = [...a.reasons];
    for (const o of overlaps) if (o.entryIds.includes(e.row.id)) reasons.push({ code: 'overlap', severity: 'blocks', message: o.message });
    let status: Row['status'];
    if (e.batch) {
      const correctedSince = e.corrections.some((c) => c.signed_at > e.batch!.exportedAt);
      status = correctedSince ? 'changed_since_export' : 'exported';
      if (correctedSince) reasons.unshift({ code: 'changed_since_export', severity: 'blocks', message: 'Corrected after it was exported: void that batch and export a corrected one.' });
    } else if (!e.row.signed_at) {
      status = 'draft';
      reasons.unshift({ code: 'draft', severity: 'blocks', message: 'Still a draft: sign it before it can be billed.' });
    } else status = reasons.some((r) => r.severity === 'blocks') ? 'blocked' : 'ready';
    return {
      entryId: e.row.id,
      studentId: e.fields.studentId,
      studentName: names.get(e.fields.studentId) ?? '',
      date: e.fields.date,
      time: timeText(e),
      minutes: a.minutes,
      units: a.units,
      procedureCode: a.procedureCode,
      modifiers: a.modifiers,
      activity: ACTIVITY_LABELS[e.fields.activity],
      placeOfService: e.fields.placeOfService,
      status,
      reasons,
      batchId: e.batch?.id ?? null,
    };
  });
  return { entries, assessments, names, rows };
}

export async function monthReadiness(vault: Vault, program: 'CLTS' | 'CCS', month: string): Promise<Readiness> {
  const { rows, names } = await assessMonth(vault, program, month);
  const recipient = await billingRecipient(vault, program);
  const readyStudents = [...new Set(rows.filter((r) => r.status === 'ready').map((r) => r.studentId))];
  const verdicts = await gateMany(vault, readyStudents, { recipient: { name: recipient.name, contactId: null, providerId: null, className: null }, purpose: recipient.purpose, categories: [recipient.category], onDate: today(), exception: null }, { answersOnly: true });
  const students: Readiness['students'] = readyStudents.map((studentId) => {
    const allowed = verdicts.get(studentId)?.allowed === true;
    return {
      studentId,
      name: names.get(studentId) ?? '',
      basis: allowed ? 'release' : 'exception_needed',
      basisText: allowed ? 'A signed release covers the billing file.' : 'No release covers the billing file: the billing exception (Wis. Stat. § 51.30(4)(b)2.) and a written reason are needed.',
    };
  });
  const profile = profileOf(program, await loadProfiles(vault.db));
  const ready = rows.filter((r) => r.status === 'ready');
  return {
    program,
    month,
    profileUnreviewed: profile?.reviewedOn === null,
    rows,
    students,
    totals: {
      entries: rows.length,
      ready: ready.length,
      blocked: rows.filter((r) => r.status === 'blocked' || r.status === 'changed_since_export').length,
      drafts: rows.filter((r) => r.status === 'draft').length,
      exported: rows.filter((r) => r.status === 'exported').length,
      readyUnits: ready.reduce((sum, r) => sumUnits(sum, r.units), 0),
      readyMinutes: ready.reduce((sum, r) => sum + r.minutes, 0),
    },
  };
}
