/**
 * The service log and month close on the decade vault (its service history
 * comes from scripts/bench/decade-services.ts):
 *
 *   1. what the history adds to the vault file (dbstat, per table with its indexes);
 *   2. services:save with signing, p95 over 200 calls after 20 warm-ups, each a
 *      new entry this month in minutes nobody has claimed, for a ready CLTS
 *      student (services:preview of the same entry beside it, for information);
 *   3. billing:month for last month's 1,000 CLTS entries, 10 calls after 2
 *      warm-ups, and where that time goes, measured on a second connection;
 *   4. exportMonth of those entries (CSV + XLSX + PDF, batch, lines and
 *      disclosures), median of 3 after a warm-up, voiding the batch between
 *      runs; its probe splits each run (until the files, the write, the
 *      record) and the parts before the files are also measured on their own.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { openConnection } from '../../db/connection.ts';
import { DB_FILE, openVault, type Vault } from '../../db/vault.ts';
import { billingCsv, billingXlsx, type BillingLine } from '../../electron/documents/billing-file.ts';
import { serviceLog, type ServiceLogData } from '../../electron/documents/service-log.ts';
import { createApi, type Api } from '../../electron/services/api.ts';
import { assessorFor } from '../../electron/services/billing/assess.ts';
import { loadEntries, loadProfiles, profileOf, studentBillingFacts } from '../../electron/services/billing/context.ts';
import { exportMonth } from '../../electron/services/billing/export.ts';
import { assessMonth, billingRecipient, monthRange, monthReadiness } from '../../electron/services/billing/month.ts';
import { today as localToday } from '../../electron/services/caseload/write.ts';
import type { Ports } from '../../electron/services/ports.ts';
import { gate } from '../../electron/services/releases/releases.ts';
import { contract } from '../../electron/shared/contract.ts';
import { CONTACT_MODE_LABELS, FUNDING_STREAM_LABELS, findOverlaps, type ExportField } from '../../electron/shared/domain/billing/index.ts';
import type { EntryFields } from '../../electron/shared/schemas/services.ts';
import { CALLS, WARMUP, percentile } from './caseload.ts';
import { SERVICES } from './decade-services.ts';
import { median, type Row } from './report.ts';
import { WORKERS } from './vocabulary.ts';

const MONTH_CALLS = 10;
const MONTH_WARMUP = 2;
const EXPORT_RUNS = 3;
const PARTS_RUNS = 7;
const TARGETS = { saveP95: 10, monthMs: 100, exportS: 2 } as const;
const ORGANIZATION = 'Trempealeau County Department of Human Services';
const EXCEPTION = { kind: 'billing_51_30_4_b_2' as const, reason: SERVICES.exceptionReason };
const HISTORY_TABLES = ['service_entries', 'prior_authorizations', 'billing_batches', 'batch_lines', 'disclosures'] as const;
/** A phone call with a parent, as she logs most of her CLTS time. */
const CALL: Omit<EntryFields, 'studentId' | 'date' | 'time'> = {
  travelMinutes: 0, documentationMinutes: 5, activity: 'coordination', contactMode: 'phone', contactType: 'parent', placeOfService: '11', personsPresent: null,
  program: 'CLTS', fundingStream: 'clts', goalId: null, authorizationId: null, narrative: 'Phone call with mother about respite hours. Follow-up scheduled in two weeks.', followUp: null,
};

const row = (name: string, measured: string, target: string, pass: boolean, detail: string): Row => ({ name, measured, target, pass, detail });
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;
const n = (x: number) => x.toLocaleString('en');

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function timed<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await work();
  return [performance.now() - t0, value];
}

/** Median of `runs` timed runs after one untimed run. */
async function medianOf(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work))[0]);
  return median(times);
}

export interface ServicesBenchOptions {
  tempDir(label: string): string;
  passphrase: string;
  /** The decade vault benchCaseload filled and measured. */
  vaultDir: string;
}

export async function benchServices(opts: ServicesBenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const file = path.join(opts.vaultDir, DB_FILE);
  if (!existsSync(file)) throw new Error(`no decade vault at ${opts.vaultDir}`);
  // Nothing is saved through a dialog; the export's folder is a new temp folder each time.
  const exportPorts: Ports = { saveDocument: async () => null, chooseSaveLocation: async () => null, chooseFolder: async () => opts.tempDir('export'), openInViewer: async () => undefined, idleMs: () => 0, onLocked: () => undefined };
  const api: Api = createApi({ vaultDir: opts.vaultDir, ports: exportPorts });
  const second = await openVault({ dir: opts.vaultDir, passphrase: opts.passphrase });
  try {
    history(second, file);
    await ok(api.call('vault:unlock', { passphrase: opts.passphrase }));
    await ok(api.call('settings:set', { workerName: WORKERS[2]!, organizationName: ORGANIZATION, organizationAddress: '36245 Main St, Whitehall, WI 54773', countyName: SERVICES.county }));
    const today = localToday();
    const thisMonth = today.slice(0, 7);
    const lastMonth = new Date(Date.UTC(Number(thisMonth.slice(0, 4)), Number(thisMonth.slice(5, 7)) - 2, 1)).toISOString().slice(0, 7);
    rows.push(await benchSave(api, second, today, opts.tempDir));
    rows.push(await benchMonth(api, second, lastMonth));
    rows.push(await benchExport(api, second, exportPorts, lastMonth));
  } finally {
    await second.close();
    await api.dispose();
  }
  return rows;
}

/** What the service history holds, and the bytes it adds to the vault file (pages of its tables and their indexes). */
function history(vault: Vault, file: string): void {
  const conn = vault.connection;
  const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  const bytes = new Map(
    (conn.prepare(`SELECT m.tbl_name AS tbl, sum(d.pgsize) AS bytes FROM dbstat d JOIN sqlite_master m ON m.name = d.name GROUP BY m.tbl_name`).all() as { tbl: string; bytes: number }[]).map((r) => [r.tbl, r.bytes]),
  );
  const total = HISTORY_TABLES.reduce((sum, t) => sum + (bytes.get(t) ?? 0), 0);
  const c = (sql: string) => (conn.prepare(sql).get() as { n: number }).n;
  const months = conn.prepare(`SELECT substr(service_date, 1, 7) AS month, count(*) AS n FROM service_entries GROUP BY month ORDER BY month`).all() as { month: string; n: number }[];
  const full = months.slice(1, -2).map((m) => m.n);
  console.log(
    `\nservice log (decade): ${n(c('SELECT count(*) AS n FROM service_entries'))} signed entries over ${months.length} months ` +
      `(${months[0]?.month ?? '–'} to ${months.at(-1)?.month ?? '–'}; a month before last holds ${full.length > 0 ? `${Math.min(...full)}–${Math.max(...full)}, median ${median(full)}` : '–'}), ` +
      `${n(c('SELECT count(*) AS n FROM prior_authorizations'))} prior authorizations, ${n(c('SELECT count(*) AS n FROM billing_batches'))} batches ` +
      `(${n(c('SELECT count(*) AS n FROM batch_lines WHERE live = 1'))} live lines), ${n(c('SELECT count(*) AS n FROM disclosures'))} disclosures\n` +
      `  vault file ${mb(size)}, of which the service history ${mb(total)} (${((100 * total) / size).toFixed(0)}%; without it about ${mb(size - total)}): ` +
      HISTORY_TABLES.filter((t) => bytes.get(t)).map((t) => `${t} ${mb(bytes.get(t)!)}`).join(', ') +
      ` (sizes include each table's indexes)`,
  );
}

/** Fifteen-minute stretches of this month, up to today, that no signed entry claims: weekdays from 8:00, then evenings, then weekends. */
function freeSlots(vault: Vault, today: string, wanted: number): { date: string; start: string; end: string }[] {
  const first = `${today.slice(0, 7)}-01`;
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const busy = vault.connection
    .prepare(`SELECT service_date AS date, start_time AS s, end_time AS e FROM service_entries WHERE service_date BETWEEN ? AND ? AND start_time IS NOT NULL AND signed_at IS NOT NULL`)
    .all(first, today) as { date: string; s: string; e: string }[];
  const days = Array.from({ length: Number(today.slice(8, 10)) }, (_, i) => `${first.slice(0, 8)}${String(i + 1).padStart(2, '0')}`);
  const weekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
  const out: { date: string; start: string; end: string }[] = [];
  for (const [dates, from, to] of [[days.filter(weekday), 480, 960], [days.filter(weekday), 960, 1200], [days.filter((d) => !weekday(d)), 480, 960]] as const) {
    for (const date of dates) {
      for (let s = from; s + 15 <= to && out.length < wanted; s += 15) {
        if (!busy.some((e) => e.date === date && toMin(e.s) < s + 15 && s < toMin(e.e))) out.push({ date, start: hhmm(s), end: hhmm(s + 15) });
      }
    }
  }
  if (out.length < wanted) throw new Error(`only ${out.length} free quarter hours this month, ${wanted} needed`);
  return out;
}

async function benchSave(api: Api, vault: Vault, today: string, tempDir: (label: string) => string): Promise<Row> {
  const first = `${today.slice(0, 7)}-01`;
  // Ready for CLTS all month: enrolled (an 'active' change) before it began, an authorization covering it, a Medicaid ID.
  const ready = (
    vault.connection
      .prepare(
        `SELECT DISTINCT s.id FROM students s JOIN enrollments e ON e.student_id = s.id AND upper(trim(e.program)) = 'CLTS' AND e.status = 'active'
         JOIN prior_authorizations pa ON pa.student_id = s.id AND pa.program = 'CLTS' AND pa.start_on <= ? AND pa.end_on >= ? WHERE s.medicaid_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM enrollment_changes c WHERE c.enrollment_id = e.id AND c.status = 'active' AND c.changed_on < ?) ORDER BY s.id`,
      )
      .all(first, today, first) as { id: string }[]
  ).map((r) => r.id);
  if (ready.length === 0) throw new Error('no CLTS student is ready to bill this month');
  const slots = freeSlots(vault, today, WARMUP + CALLS);
  const fields = (i: number): EntryFields => ({
    ...CALL,
    studentId: ready[(i * 7919) % ready.length]!,
    date: slots[i]!.date,
    time: { kind: 'clock', startTime: slots[i]!.start, endTime: slots[i]!.end, endsNextDay: false },
  });
  const save: number[] = [];
  const preview: number[] = [];
  let billable = 0;
  for (let i = 0; i < WARMUP + CALLS; i++) {
    const [tp, p] = await timed(() => ok(api.call('services:preview', { fields: fields(i) })));
    if (p.overlaps.length > 0) throw new Error(`services:preview: ${p.overlaps[0]}`);
    const [ts] = await timed(() => ok(api.call('services:save', { fields: fields(i), sign: true })));
    if (i < WARMUP) continue;
    preview.push(tp);
    save.push(ts);
    if (p.parts[0]?.billable) billable++;
  }
  const p95 = percentile(save, 95);
  // What the reads depend on: each student's entries since their earliest authorization, all of which assessorFor loads.
  const since = vault.connection.prepare(`SELECT count(*) AS n FROM service_entries WHERE student_id = ? AND service_date >= (SELECT min(start_on) FROM prior_authorizations WHERE student_id = ?)`);
  const historyOf = (i: number) => (since.get(fields(i).studentId, fields(i).studentId) as { n: number }).n;
  const slowest = save.map((t, i) => [t, i + WARMUP] as const).sort((a, b) => b[0] - a[0]).slice(0, 10).map(([, i]) => historyOf(i));
  const everyone = preview.map((_, i) => historyOf(i + WARMUP));
  const day = fields(WARMUP).date;
  const dayMs = await medianOf(30, () => loadEntries(vault.db, { from: day, to: day }));
  const commit = commitCost(tempDir('commit'));
  console.log(
    `services:save: ${CALLS} signed entries in free quarter hours of ${today.slice(0, 7)} (${slots[WARMUP]!.date} to ${slots.at(-1)!.date}) for ${ready.length} ready CLTS students; ` +
      `${billable} of ${CALLS} previewed billable\n` +
      `  where the time goes: save p50 ${ms(percentile(save, 50))} vs preview p50 ${ms(percentile(preview, 50))} (the same reads and rules, no write); ` +
      `the day's entries for the overlap check ${ms(dayMs)}; the student's history read for the units (entries since the earliest authorization): ` +
      `median ${median(everyone)} over all calls, ${median(slowest)} for the 10 slowest saves (longest ${Math.max(...everyone)}); ` +
      `a one-row commit through the vault's opener on this disk (${COMMITS} commits): synchronous=FULL p50 ${ms(commit.full.p50)}, p95 ${ms(commit.full.p95)}; ` +
      `synchronous=NORMAL p50 ${ms(commit.normal.p50)}, p95 ${ms(commit.normal.p95)}`,
  );
  return row(`services:save (sign: true, new entry this month, ready CLTS student), ${CALLS} calls`, `p95 ${ms(p95)}`, `≤ ${TARGETS.saveP95} ms`, p95 <= TARGETS.saveP95,
    `p50 ${ms(percentile(save, 50))}, max ${ms(Math.max(...save))}; services:preview p50 ${ms(percentile(preview, 50))}, p95 ${ms(percentile(preview, 95))} (information); one-row commit on this disk p50 ${ms(commit.full.p50)}, p95 ${ms(commit.full.p95)}`);
}

async function benchMonth(api: Api, vault: Vault, month: string): Promise<Row> {
  const input = { program: 'CLTS' as const, month };
  for (let i = 0; i < MONTH_WARMUP; i++) await ok(api.call('billing:month', input));
  const times: number[] = [];
  let value = await ok(api.call('billing:month', input));
  for (let i = 0; i < MONTH_CALLS; i++) {
    const [t, v] = await timed(() => ok(api.call('billing:month', input)));
    times.push(t);
    value = v;
  }
  const t = value.totals;
  const codes = new Map<string, number>();
  for (const r of value.rows) for (const reason of r.reasons) if (reason.severity === 'blocks') codes.set(reason.code, (codes.get(reason.code) ?? 0) + 1);
  console.log(
    `billing:month CLTS ${month}: ${n(t.entries)} entries, ${n(t.ready)} ready (${n(t.readyUnits)} units), ${t.blocked} blocked ` +
      `(${[...codes].map(([code, k]) => `${code} ${k}`).join(', ')}), ${value.students.length} students (${value.students.filter((s) => s.basis === 'exception_needed').length} need the billing exception)`,
  );
  await monthBreakdown(vault, month, median(times));
  // One operation she waits for, like the PDF and export rows: judged on the median; the slowest call is reported beside it.
  const mid = median(times);
  return row(`billing:month CLTS ${month} (${n(t.entries)} entries, ${value.students.length} students), median of ${MONTH_CALLS} calls`, ms(mid), `≤ ${TARGETS.monthMs} ms`, mid <= TARGETS.monthMs,
    `p95 ${ms(percentile(times, 95))} (the slowest of ${MONTH_CALLS}), min ${ms(Math.min(...times))}`);
}

/** monthReadiness's steps, each run on its own on the second connection. */
async function monthBreakdown(vault: Vault, month: string, apiMedian: number): Promise<void> {
  const all = await loadEntries(vault.db, monthRange(month));
  const entries = all.filter((e) => e.fields.program.trim().toUpperCase() === 'CLTS');
  const studentIds = [...new Set(entries.map((e) => e.fields.studentId))];
  const targets = entries.map((e) => e.domain);
  const facts = await studentBillingFacts(vault.db, studentIds);
  // The history assessorFor reads: every entry of these students from their earliest authorization on.
  const from = [[...facts.values()].flatMap((f) => f.authorizations.map((a) => a.startDate)).sort()[0], `${month}-01`].filter((d): d is string => Boolean(d)).sort()[0]!;
  const to = targets.map((x) => x.date).sort().at(-1)!;
  const history = await loadEntries(vault.db, { studentIds, from, to });
  const assessor = await assessorFor(vault.db, studentIds, targets, localToday());
  const value = await monthReadiness(vault, 'CLTS', month);
  const recipient = await billingRecipient(vault, 'CLTS');
  const gated = value.students.map((s) => s.studentId);
  const askAll = async () => {
    for (const studentId of gated) {
      await gate(vault, { studentId, recipient: { name: recipient.name, contactId: null, providerId: null, className: null }, purpose: recipient.purpose, categories: [recipient.category], onDate: localToday(), exception: null });
    }
  };
  const signed = all.filter((e) => e.row.signed_at !== null).map((e) => e.domain);
  const loadMs = await medianOf(PARTS_RUNS, () => loadEntries(vault.db, monthRange(month)));
  const factsMs = await medianOf(PARTS_RUNS, () => studentBillingFacts(vault.db, studentIds));
  const historyMs = await medianOf(PARTS_RUNS, () => loadEntries(vault.db, { studentIds, from, to }));
  const assessorMs = await medianOf(PARTS_RUNS, () => assessorFor(vault.db, studentIds, targets, localToday()));
  const assessMs = await medianOf(PARTS_RUNS, () => targets.forEach((x) => assessor.assess(x)));
  const overlapMs = await medianOf(PARTS_RUNS, () => findOverlaps(signed));
  const gateMs = await medianOf(PARTS_RUNS, askAll);
  const handlerMs = await medianOf(PARTS_RUNS, () => monthReadiness(vault, 'CLTS', month));
  const parseMs = await medianOf(PARTS_RUNS, () => contract['billing:month'].output.parse(value));
  // What the history would be from the earliest authorization that covers a day of the month (older units cannot count).
  const covering = [...facts.values()].flatMap((f) => f.authorizations).filter((a) => targets.some((x) => x.studentId === a.studentId && a.startDate <= x.date && x.date <= a.endDate));
  const narrowFrom = [...covering.map((a) => a.startDate), `${month}-01`].sort()[0]!;
  const narrow = await loadEntries(vault.db, { studentIds, from: narrowFrom, to });
  const narrowMs = await medianOf(PARTS_RUNS, () => loadEntries(vault.db, { studentIds, from: narrowFrom, to }));
  console.log(
    [
      `  where the time goes (medians of ${PARTS_RUNS} direct calls on a second connection): api p50 ${ms(apiMedian)} = handler ${ms(handlerMs)} + output parse ${ms(parseMs)} + API rest ${ms(Math.max(0, apiMedian - handlerMs - parseMs))}`,
      `    load the month's entries (${n(all.length)} rows + corrections + live batch lines): ${ms(loadMs)}`,
      `    assessorFor ${ms(assessorMs)}: student facts for ${studentIds.length} students ${ms(factsMs)}, their history from ${from}, the earliest authorization (${n(history.length)} entries with corrections and batch lines) ${ms(historyMs)}; ` +
        `from ${narrowFrom}, the earliest covering this month, it would be ${n(narrow.length)} entries, ${ms(narrowMs)}`,
      `    assess ${n(targets.length)} entries ${ms(assessMs)}, overlaps across ${n(signed.length)} signed entries ${ms(overlapMs)}`,
      `    consent gate, one student at a time (${gated.length} calls) ${ms(gateMs)}`,
      `    rest (statuses, names, totals, profile) ${ms(Math.max(0, handlerMs - loadMs - assessorMs - assessMs - overlapMs - gateMs))}`,
    ].join('\n'),
  );
}

async function benchExport(api: Api, vault: Vault, ports: Ports, month: string): Promise<Row> {
  const input = { program: 'CLTS' as const, month, exception: EXCEPTION, includeNarratives: false };
  const runs: number[] = [];
  // exportMonth's own steps, from its probe: everything up to the journal (assess, gate, documents), stage, place, record.
  const phases: Record<'prepare' | 'stage' | 'place' | 'record', number[]> = { prepare: [], stage: [], place: [], record: [] };
  let out: Awaited<ReturnType<typeof exportMonth>> | undefined;
  for (let i = -1; i < EXPORT_RUNS; i++) {
    const t0 = performance.now();
    const at: number[] = [];
    const mark = () => void at.push(performance.now() - t0);
    const result = await exportMonth(vault, ports, input, { afterJournal: mark, afterStage: mark, afterPlace: mark });
    const t = performance.now() - t0;
    if (!result.saved || !result.batchId || at.length !== 3) throw new Error('the export saved nothing');
    // Voided, so the next run exports the same entries again (as a corrected batch).
    await ok(api.call('billing:void', { batchId: result.batchId, reason: 'Benchmark: exported again to time it.' }));
    out = result;
    if (i < 0) continue; // a warm-up: the PDF and XLSX libraries load on first use
    runs.push(t);
    phases.prepare.push(at[0]!);
    phases.stage.push(at[1]! - at[0]!);
    phases.place.push(at[2]! - at[1]!);
    phases.record.push(t - at[2]!);
  }
  const folder = out!.folder!;
  const sizes = out!.files.map((f) => `${f.split('.').at(-1)} ${(statSync(path.join(folder, f)).size / 1024).toFixed(0)} KiB`).join(', ');

  // The parts, on their own: what exportMonth does before, between and after its documents.
  const assessed = await assessMonth(vault, 'CLTS', month);
  const assessMs = await medianOf(PARTS_RUNS, () => assessMonth(vault, 'CLTS', month));
  const recipient = await billingRecipient(vault, 'CLTS');
  const ready = assessed.rows.filter((r) => r.status === 'ready');
  const studentIds = [...new Set(ready.map((r) => r.studentId))];
  const ask = (studentId: string, exception: typeof EXCEPTION | null) =>
    gate(vault, { studentId, recipient: { name: recipient.name, contactId: null, providerId: null, className: null }, purpose: recipient.purpose, categories: [recipient.category], onDate: localToday(), exception });
  const gateMs = await medianOf(PARTS_RUNS, async () => {
    for (const id of studentIds) if (!(await ask(id, null)).allowed) await ask(id, EXCEPTION);
  });
  const facts = await studentBillingFacts(vault.db, studentIds);
  const factsMs = await medianOf(PARTS_RUNS, () => studentBillingFacts(vault.db, studentIds));
  const lines = exportLines(assessed, facts, WORKERS[2]!);
  const assembleMs = await medianOf(PARTS_RUNS, () => logInput(assessed, facts, exportLines(assessed, facts, WORKERS[2]!), studentIds, month, false));
  const template = profileOf('CLTS', await loadProfiles(vault.db))!.columnTemplate;
  const csvMs = await medianOf(PARTS_RUNS, () => billingCsv(template, lines));
  const xlsxMs = await medianOf(PARTS_RUNS, () => billingXlsx(template, lines, { sheetName: `CLTS ${month}` }));
  const pdfMs = await medianOf(EXPORT_RUNS, () => serviceLog(logInput(assessed, facts, lines, studentIds, month, false)));
  const withNarrativesMs = await medianOf(EXPORT_RUNS, () => serviceLog(logInput(assessed, facts, lines, studentIds, month, true)));
  const pdf = await serviceLog(logInput(assessed, facts, lines, studentIds, month, false));
  const total = median(runs);
  const [prepare, stage, place, record] = (['prepare', 'stage', 'place', 'record'] as const).map((k) => median(phases[k]));
  const split =
    `until the files: ${ms(prepare!)} = assess month ${ms(assessMs)} + gate ×${studentIds.length} students ${ms(gateMs)} + facts ${ms(factsMs)} + lines and log input ${ms(assembleMs)} + ` +
    `PDF build ${ms(pdfMs)} (${pdf.pages} pages) + XLSX ${ms(xlsxMs)} + CSV ${ms(csvMs)} + rest (settings, journal commit, garbage collection) ${ms(Math.max(0, prepare! - assessMs - gateMs - factsMs - assembleMs - pdfMs - xlsxMs - csvMs))}; ` +
    `the write: stage and flush ${ms(stage!)} + rename and folder sync ${ms(place!)}; record (batch, ${n(lines.length)} lines, ${studentIds.length} disclosures, audit; one transaction) ${ms(record!)}`;
  console.log(
    `export CLTS ${month}: ${n(out!.lines)} lines, ${out!.units} units; ${sizes}; runs ${runs.map(ms).join(', ')}\n  split (exportMonth's probe, medians; its parts run alone): ${split}\n` +
      `  with narratives the PDF build takes ${ms(withNarrativesMs)} (information: the form's default leaves them out)`,
  );
  return row(`export CLTS ${month}: ${n(out!.lines)} ready of ${n(assessed.rows.length)} entries (CSV + XLSX + PDF, exportMonth), median of ${EXPORT_RUNS} after a warm-up`,
    `${(total / 1000).toFixed(2)} s`, `≤ ${TARGETS.exportS.toFixed(2)} s`, total <= TARGETS.exportS * 1000, `runs ${runs.map(ms).join(', ')}; ${split}`);
}

const COMMITS = 100;

/**
 * The floor under any signed save: one small row committed through the
 * vault's own opener (encrypted, WAL, synchronous=FULL) on the same disk, and
 * the same with synchronous=NORMAL for comparison.
 */
function commitCost(dir: string): Record<'full' | 'normal', { p50: number; p95: number }> {
  const db = openConnection(path.join(dir, 'commit.db'), randomBytes(32), { create: true });
  try {
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const run = () => {
      const times: number[] = [];
      for (let i = 0; i < COMMITS; i++) {
        const t0 = performance.now();
        insert.run(CALL.narrative);
        times.push(performance.now() - t0);
      }
      return { p50: percentile(times, 50), p95: percentile(times, 95) };
    };
    const full = run();
    db.pragma('synchronous = NORMAL');
    return { full, normal: run() };
  } finally {
    db.close();
  }
}

type Assessed = Awaited<ReturnType<typeof assessMonth>>;
type Facts = Awaited<ReturnType<typeof studentBillingFacts>>;
type Line = BillingLine & { entryId: string; studentId: string };

/** The billing file's lines, built from the assessed month as exportMonth builds them. */
function exportLines(assessed: Assessed, facts: Facts, worker: string): Line[] {
  const byId = new Map(assessed.entries.map((e) => [e.row.id, e]));
  return assessed.rows
    .filter((r) => r.status === 'ready')
    .map((r) => {
      const e = byId.get(r.entryId)!;
      const f = facts.get(r.studentId);
      const pa = f?.authorizations.find((a) => a.id === assessed.assessments.get(r.entryId)?.authorizationId) ?? null;
      const t = e.fields.time;
      const values: Record<ExportField, string | number> = {
        participantName: f?.name ?? r.studentName, dob: f?.dob ?? '', medicaidId: f?.medicaidId ?? '', mciId: f?.mciId ?? '', dateOfService: r.date,
        startTime: t.kind === 'clock' ? t.startTime : '', endTime: t.kind === 'clock' ? t.endTime : '', procedureCode: r.procedureCode ?? '',
        modifiers: r.modifiers.join(' '), modifier1: r.modifiers[0] ?? '', modifier2: r.modifiers[1] ?? '', modifier3: r.modifiers[2] ?? '', modifier4: r.modifiers[3] ?? '',
        units: r.units, minutes: r.minutes, placeOfService: r.placeOfService, renderingWorker: worker, renderingProviderId: pa?.providerId ?? '',
        authorizationNumber: pa?.number ?? '', diagnosisCode: pa?.diagnosisCode ?? '', program: 'CLTS', fundingStream: FUNDING_STREAM_LABELS[e.fields.fundingStream],
        activity: r.activity, contactMode: CONTACT_MODE_LABELS[e.fields.contactMode],
      };
      return { entryId: r.entryId, studentId: r.studentId, values };
    });
}

/** The service log's input, per student, as exportMonth builds it (an entry's authorization number looked up among the lines). */
function logInput(assessed: Assessed, facts: Facts, lines: readonly Line[], studentIds: readonly string[], month: string, includeNarratives: boolean): ServiceLogData {
  const byId = new Map(assessed.entries.map((e) => [e.row.id, e]));
  const ready = assessed.rows.filter((r) => r.status === 'ready');
  return {
    organization: ORGANIZATION, program: 'CLTS', month, worker: { name: WORKERS[2]!, providerId: null }, batchLabel: 'Batch 00000000', correctsBatch: null, includeNarratives,
    attestation: 'I attest that I provided the services listed above on the dates and for the times shown.',
    students: studentIds.map((studentId) => {
      const f = facts.get(studentId);
      return {
        name: f?.name ?? '', dob: f?.dob ?? null, medicaidId: f?.medicaidId ?? null,
        entries: ready
          .filter((r) => r.studentId === studentId)
          .map((r) => {
            const e = byId.get(r.entryId)!;
            return {
              date: r.date, time: r.time, activity: r.activity, placeOfService: r.placeOfService, procedureCode: r.procedureCode ?? '', modifiers: r.modifiers,
              minutes: r.minutes, units: r.units, travelMinutes: e.fields.travelMinutes, documentationMinutes: e.fields.documentationMinutes,
              authorizationNumber: String(lines.find((l) => l.entryId === r.entryId)?.values.authorizationNumber ?? '') || null, narrative: e.fields.narrative,
            };
          }),
      };
    }),
  };
}
