/**
 * The "caseload (decade)" section of `npm run bench`:
 *
 *   1. a vault filled with generateDecade (time and file size printed);
 *   2. through createApi, unlocked with the passphrase: p50/p95 over 200 calls
 *      (after 20 warm-up calls) of caseload:list, students:get,
 *      caseload:dueSoon and search:query;
 *   3. where that time goes, measured on a second connection to the same
 *      vault: the handler's SQL, the deadline rules, the zod output parse;
 *   4. roster:preview + roster:commit of a 2,000-row Skyward CSV, median of 3
 *      fresh vaults.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DB_FILE, createVault, openVault, type Vault } from '../../db/vault.ts';
import { createApi, type Api } from '../../electron/services/api.ts';
import { dueSoonAcrossCaseload, listCaseload, search, type CaseloadFilter } from '../../electron/services/caseload/list.ts';
import { deadlineSettings } from '../../electron/services/caseload/deadlines.ts';
import { studentRecord } from '../../electron/services/caseload/record.ts';
import { today } from '../../electron/services/caseload/write.ts';
import type { Ports } from '../../electron/services/ports.ts';
import { readSettings } from '../../electron/services/settings.ts';
import { contract } from '../../electron/shared/contract.ts';
import { dueSoon, enrollmentDeadlines, type Deadline, type EnrollmentForDeadlines } from '../../electron/shared/domain/deadlines.ts';
import { DECADE, generateDecade } from './decade.ts';
import { median, mulberry32, type Row } from './report.ts';
import { skywardRosterCsv } from './roster-csv.ts';
import { SEARCH_PAIRS, SEARCH_WORDS } from './vocabulary.ts';

export const WARMUP = 20;
export const CALLS = 200;
const BREAKDOWN_CALLS = 30;
const ROSTER_ROWS = 2_000;
const ROSTER_RUNS = 3;

const TARGETS = { list: 20, record: 20, dueSoon: 20, search: 50, rosterCommitS: 2, gate: 1 } as const;

const ALL: CaseloadFilter = { status: null, schoolId: null, grade: null, program: null };
const ACTIVE: CaseloadFilter = { status: 'active', schoolId: null, grade: null, program: null };

/** The shell's ports, reduced to what a benchmark needs: nothing is saved and nobody is ever idle. */
const ports: Ports = { saveDocument: async () => null, chooseSaveLocation: async () => null, chooseFolder: async () => null, openInViewer: async () => undefined, idleMs: () => 0, onLocked: () => undefined };

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (x: number) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MiB`;

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

/** Median time of `n` runs of `work` (after one untimed run). */
async function medianOf(n: number, work: (i: number) => unknown): Promise<number> {
  await work(-1);
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push((await timed(() => work(i)))[0]);
  return median(times);
}

interface Series {
  times: number[];
  /** Optional label per call (the search text), to name the slowest. */
  labels?: string[];
}

async function series(label: string, calls: number, call: (i: number) => Promise<{ ok: boolean }>, name?: (i: number) => string): Promise<Series> {
  for (let i = 0; i < WARMUP; i++) {
    const r = await call(i);
    if (!r.ok) throw new Error(`${label}: ${JSON.stringify(r)}`);
  }
  const out: Series = { times: [], ...(name ? { labels: [] } : {}) };
  for (let i = 0; i < calls; i++) {
    const [t, r] = await timed(() => call(i));
    if (!r.ok) throw new Error(`${label}: ${JSON.stringify(r)}`);
    out.times.push(t);
    out.labels?.push(name!(i));
  }
  return out;
}

function p95Row(name: string, s: Series, target: number, extra = ''): Row {
  const p50 = percentile(s.times, 50);
  const p95 = percentile(s.times, 95);
  return {
    name,
    measured: `p95 ${ms(p95)}`,
    target: `≤ ${target} ms`,
    pass: p95 <= target,
    detail: `p50 ${ms(p50)}, max ${ms(Math.max(...s.times))}${extra}`,
  };
}

/** Random search text: a single vocabulary word, or two adjacent words with the second still being typed. */
function searchTexts(rand: () => number, n: number): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  return Array.from({ length: n }, () => {
    if (rand() < 0.5) return pick(SEARCH_WORDS);
    const [a, b] = pick(SEARCH_PAIRS);
    return `${a} ${b.slice(0, Math.min(b.length, 3 + Math.floor(rand() * (b.length - 2))))}`;
  });
}

export interface CaseloadBenchOptions {
  tempDir(label: string): string;
  passphrase: string;
  seed: number;
  scale: number;
}

export async function benchCaseload(opts: CaseloadBenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const rand = mulberry32(opts.seed ^ 0x5eed);
  const students = Math.max(1, Math.round(DECADE.students * opts.scale));

  // 1. The decade.
  const dir = path.join(opts.tempDir('decade'), 'vault');
  const created = await createVault({ dir, passphrase: opts.passphrase });
  let decade: ReturnType<typeof generateDecade>;
  try {
    decade = generateDecade(created.vault, { seed: opts.seed, scale: opts.scale });
    created.vault.connection.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    await created.vault.close();
  }
  const file = path.join(dir, DB_FILE);
  const size = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
  const c = decade.counts;
  console.log(
    `decade (scale ${opts.scale}, seed ${opts.seed}): generated in ${(decade.totalMs / 1000).toFixed(1)} s, vault file ${mb(size)}\n` +
      `  ${c.students!.toLocaleString('en')} students, ${c.households!.toLocaleString('en')} households, ${c.contacts!.toLocaleString('en')} contacts ` +
      `(${c.student_contacts!.toLocaleString('en')} links), ${c.enrollments!.toLocaleString('en')} enrollments (${c.enrollment_changes!.toLocaleString('en')} status changes), ` +
      `${c.team_members!.toLocaleString('en')} team members, ${c.plan_goals!.toLocaleString('en')} goals, ${c.case_notes!.toLocaleString('en')} signed notes, ` +
      `${c.note_addenda!.toLocaleString('en')} addenda\n` +
      `  slowest tables: ${Object.entries(decade.timings).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([t, x]) => `${t} ${(x / 1000).toFixed(1)} s`).join(', ')}\n` +
      `  ${(c.releases ?? 0).toLocaleString('en')} releases of information; service entries: not in this version's schema`,
  );

  // Unlocking a full vault: the KDF plus the integrity check, which reads (and decrypts) every page.
  const unlocks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const v = await openVault({ dir, passphrase: opts.passphrase });
    unlocks.push(performance.now() - t0);
    await v.close();
  }
  const unlockMedian = median(unlocks);
  rows.push({
    name: `unlock the decade vault (${mb(size)}: KDF + open + integrity check + migrations), median of 5`,
    measured: `${(unlockMedian / 1000).toFixed(3)} s`,
    target: '≤ 1.00 s',
    pass: unlockMedian <= 1000,
    detail: unlocks.map((ms) => `${ms.toFixed(0)} ms`).join(', '),
  });

  // 2. Through the API, as the renderer calls it.
  const api: Api = createApi({ vaultDir: dir, ports });
  let second: Vault | undefined;
  try {
    await ok(api.call('vault:unlock', { passphrase: opts.passphrase }));
    const listed = await ok(api.call('caseload:list', ALL));
    if (listed.rows.length !== students) throw new Error(`caseload:list returned ${listed.rows.length} students, expected ${students}`);
    const ids = listed.rows.map((r) => r.id);
    const activeCount = listed.rows.filter((r) => r.status === 'active').length;
    const due = await ok(api.call('caseload:dueSoon', {}));

    const list = await series('caseload:list', CALLS, (i) => api.call('caseload:list', i % 2 === 0 ? ALL : ACTIVE));
    const even = list.times.filter((_, i) => i % 2 === 0);
    const odd = list.times.filter((_, i) => i % 2 === 1);
    rows.push(
      p95Row(
        `caseload:list (${students.toLocaleString('en')} students; all / active alternating), ${CALLS} calls`,
        list,
        TARGETS.list,
        `; all p95 ${ms(percentile(even, 95))}, active (${activeCount.toLocaleString('en')}) p95 ${ms(percentile(odd, 95))}`,
      ),
    );

    const picks = Array.from({ length: WARMUP + CALLS }, () => ids[Math.floor(rand() * ids.length)]!);
    const record = await series('students:get', CALLS, (i) => api.call('students:get', { id: picks[i]! }));
    rows.push(p95Row(`students:get (random students), ${CALLS} calls`, record, TARGETS.record));

    const soon = await series('caseload:dueSoon', CALLS, () => api.call('caseload:dueSoon', {}));
    rows.push(p95Row(`caseload:dueSoon (${due.items.length} items due), ${CALLS} calls`, soon, TARGETS.dueSoon));

    const texts = searchTexts(rand, WARMUP + CALLS);
    const found = await series('search:query', CALLS, (i) => api.call('search:query', { text: texts[i]!, limit: 20 }), (i) => texts[i]!);
    const slowest = found.times
      .map((t, i) => [t, found.labels![i]!] as const)
      .sort((a, b) => b[0] - a[0])
      .slice(0, 3)
      .map(([t, text]) => `“${text}” ${ms(t)}`)
      .join(', ');
    rows.push(p95Row(`search:query (random words / two-word prefixes, limit 20), ${CALLS} calls`, found, TARGETS.search, `; slowest ${slowest}`));

    // The consent gate, asked about random students (each with their releases from the decade).
    const gateIds = Array.from({ length: WARMUP + CALLS }, () => ids[Math.floor(rand() * ids.length)]!);
    const asked = await series('releases:gate', CALLS, (i) =>
      api.call('releases:gate', {
        studentId: gateIds[i]!,
        recipient: { name: 'Sunrise Counseling', contactId: null, providerId: null, className: null },
        purpose: 'Referral for outpatient therapy',
        categories: ['mental_health_treatment'],
        onDate: new Date().toISOString().slice(0, 10),
        exception: null,
      }),
    );
    rows.push(p95Row(`releases:gate (random students, ~4 releases each), ${CALLS} calls`, asked, TARGETS.gate));

    // 3. Where the time goes: the same work called directly on a second connection.
    second = await openVault({ dir, passphrase: opts.passphrase });
    await breakdown(second, {
      api: { list: median(list.times), record: median(record.times), dueSoon: median(soon.times), search: median(found.times) },
      ids,
      texts: searchTexts(rand, BREAKDOWN_CALLS + 1),
    });
  } finally {
    await second?.close();
    await api.dispose();
  }

  // 4. Roster import into fresh vaults.
  const csv = skywardRosterCsv(ROSTER_ROWS, opts.seed);
  const base64 = Buffer.from(csv).toString('base64');
  const previewMs: number[] = [];
  const commitMs: number[] = [];
  for (let run = 0; run < ROSTER_RUNS; run++) {
    const rosterApi = createApi({ vaultDir: path.join(opts.tempDir('roster'), 'vault'), ports });
    try {
      await ok(rosterApi.call('vault:create', { passphrase: opts.passphrase }));
      const input = { fileName: 'skyward-roster.csv', base64, source: 'Skyward' };
      const [tp, preview] = await timed(() => ok(rosterApi.call('roster:preview', { ...input, mapping: null })));
      if (preview.counts.create !== ROSTER_ROWS) throw new Error(`roster preview: ${JSON.stringify(preview.counts)}`);
      const [tc, result] = await timed(() => ok(rosterApi.call('roster:commit', { ...input, mapping: preview.mapping })));
      if (result.created !== ROSTER_ROWS) throw new Error(`roster commit: ${JSON.stringify(result)}`);
      previewMs.push(tp);
      commitMs.push(tc);
    } finally {
      await rosterApi.dispose();
    }
  }
  const commit = median(commitMs) / 1000;
  rows.push({
    name: `roster:commit, ${ROSTER_ROWS.toLocaleString('en')}-row Skyward CSV into a fresh vault, median of ${ROSTER_RUNS}`,
    measured: `${commit.toFixed(3)} s`,
    target: `≤ ${TARGETS.rosterCommitS.toFixed(2)} s`,
    pass: commit <= TARGETS.rosterCommitS,
    detail: `commit ${commitMs.map(ms).join(', ')}; preview median ${ms(median(previewMs))} (${previewMs.map(ms).join(', ')})`,
  });
  return rows;
}

/**
 * Splits each channel's time into its parts, measured directly (median of 30):
 * handler SQL, deadline rules (date-fns), mapping, the zod output parse, and
 * what the API adds around them (input parse, queue) as the remainder.
 */
async function breakdown(vault: Vault, ctx: { api: Record<'list' | 'record' | 'dueSoon' | 'search', number>; ids: readonly string[]; texts: readonly string[] }): Promise<void> {
  const n = BREAKDOWN_CALLS;
  const conn = vault.connection;
  const settings = await readSettings(vault);
  const ds = deadlineSettings(settings);
  const now = today();
  const settingsMs = await medianOf(n, () => readSettings(vault));

  // The deadline inputs, read as loadDeadlines reads them, and the rules applied to them.
  const enrollmentsSql = conn.prepare(`SELECT enrollments.* FROM enrollments JOIN students ON students.id = enrollments.student_id WHERE students.status = 'active'`);
  const changesSql = conn.prepare(
    `SELECT c.id, c.enrollment_id, c.changed_on FROM enrollment_changes c JOIN enrollments e ON e.id = c.enrollment_id WHERE c.entered_in_county_on IS NULL`,
  );
  type EnrollmentRow = Record<string, string | null> & { id: string; student_id: string; program: string; status: EnrollmentForDeadlines['status'] };
  const readInputs = (): EnrollmentForDeadlines[] => {
    const pending = new Map<string, { changeId: string; changedOn: string }[]>();
    for (const c of changesSql.all() as { id: string; enrollment_id: string; changed_on: string }[]) {
      pending.set(c.enrollment_id, [...(pending.get(c.enrollment_id) ?? []), { changeId: c.id, changedOn: c.changed_on }]);
    }
    return (enrollmentsSql.all() as EnrollmentRow[]).map((e) => ({
      enrollmentId: e.id,
      studentId: e.student_id,
      program: e.program,
      status: e.status,
      referralDate: e.referral_date ?? null,
      applicationDate: e.application_date ?? null,
      eligibilityDate: e.eligibility_date ?? null,
      functionalScreenDate: e.functional_screen_date ?? null,
      assessmentDate: e.assessment_date ?? null,
      abbreviatedAssessmentDate: e.abbreviated_assessment_date ?? null,
      planDate: e.plan_date ?? null,
      lastPlanReviewDate: e.last_plan_review_date ?? null,
      endDate: e.end_date ?? null,
      unenteredChanges: pending.get(e.id) ?? [],
    }));
  };
  const inputs = readInputs();
  const deadlineSqlMs = await medianOf(n, readInputs);
  let deadlines: Deadline[] = [];
  const rulesMs = await medianOf(n, () => {
    deadlines = inputs.flatMap((e) => enrollmentDeadlines(e, ds));
  });
  const dueSoonRulesMs = await medianOf(n, () => dueSoon(deadlines, now, ds));

  const listSql = [
    conn.prepare(
      `SELECT s.id, s.legal_first, s.legal_last, s.preferred_name, s.sort_key, s.dob, s.grade, s.status, s.household_id, sc.name AS school, d.name AS district
       FROM students s LEFT JOIN schools sc ON sc.id = s.school_id LEFT JOIN districts d ON d.id = sc.district_id ORDER BY s.sort_key`,
    ),
    conn.prepare(`SELECT student_id, program FROM enrollments WHERE status != 'closed'`),
    conn.prepare(`SELECT household_id, count(*) AS n FROM students WHERE household_id IS NOT NULL GROUP BY household_id`),
    conn.prepare(`SELECT schools.id, schools.name, schools.district_id, districts.name AS district_name FROM schools LEFT JOIN districts ON districts.id = schools.district_id ORDER BY schools.name`),
  ];
  const listSqlMs = await medianOf(n, () => listSql.forEach((s) => s.all()));

  const listValue = await listCaseload(vault, ALL, settings);
  const listHandlerMs = await medianOf(n, () => listCaseload(vault, ALL, settings));
  const listParseMs = await medianOf(n, () => contract['caseload:list'].output.parse(listValue));

  const dueValue = await dueSoonAcrossCaseload(vault, settings);
  const dueHandlerMs = await medianOf(n, () => dueSoonAcrossCaseload(vault, settings));
  const dueParseMs = await medianOf(n, () => contract['caseload:dueSoon'].output.parse(dueValue));

  const recordValues = await Promise.all(ctx.ids.slice(0, n + 1).map((id) => studentRecord(vault, id, settings)));
  const recordHandlerMs = await medianOf(n, (i) => studentRecord(vault, ctx.ids[i + 1]!, settings));
  const recordParseMs = await medianOf(n, (i) => contract['students:get'].output.parse(recordValues[i + 1]!));
  const notesPerRecord = median(recordValues.map((r) => r.notes.length));

  const ftsSql = conn.prepare(
    `SELECT d.kind, d.ref_id, d.student_id, search_fts.title AS title, snippet(search_fts, 1, '«', '»', '…', 10) AS snippet
     FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid WHERE search_fts MATCH ? ORDER BY rank LIMIT 20`,
  );
  const match = (text: string) => text.split(/\s+/).map((t) => `"${t}"*`).join(' ');
  const searchValues = await Promise.all(ctx.texts.map((t) => search(vault, t, 20)));
  const searchHandlerMs = await medianOf(n, (i) => search(vault, ctx.texts[i + 1]!, 20));
  const ftsMs = await medianOf(n, (i) => ftsSql.all(match(ctx.texts[i + 1]!)));
  const searchParseMs = await medianOf(n, (i) => contract['search:query'].output.parse(searchValues[i + 1]!));

  const line = (channel: string, apiMs: number, handlerMs: number, parts: string, parseMs: number) =>
    `  ${channel.padEnd(17)} api p50 ${ms(apiMs).padStart(7)} = handler ${ms(handlerMs).padStart(7)} (${parts}) + output parse ${ms(parseMs)} + API rest ${ms(Math.max(0, apiMs - handlerMs - parseMs))}`;
  console.log(
    [
      `where the time goes (medians of ${n} direct calls on a second connection; "API rest" = input parse, queue, timers):`,
      line(
        'caseload:list all',
        ctx.api.list,
        listHandlerMs,
        `settings ${ms(settingsMs)}, list SQL ${ms(listSqlMs)}, deadline SQL ${ms(deadlineSqlMs)}, deadline rules ${ms(rulesMs)} for ${inputs.length} enrollments → ${deadlines.length} deadlines, rest ${ms(Math.max(0, listHandlerMs - settingsMs - listSqlMs - deadlineSqlMs - rulesMs))}`,
        listParseMs,
      ),
      line(
        'caseload:dueSoon',
        ctx.api.dueSoon,
        dueHandlerMs,
        `settings ${ms(settingsMs)}, deadline SQL ${ms(deadlineSqlMs)}, deadline rules ${ms(rulesMs)}, due-soon filter+sort ${ms(dueSoonRulesMs)}, rest ${ms(Math.max(0, dueHandlerMs - settingsMs - deadlineSqlMs - rulesMs - dueSoonRulesMs))}`,
        dueParseMs,
      ),
      line('students:get', ctx.api.record, recordHandlerMs, `median ${notesPerRecord} notes per record`, recordParseMs),
      line('search:query', ctx.api.search, searchHandlerMs, `FTS MATCH + snippet ${ms(ftsMs)}`, searchParseMs),
      `  (list "api p50" mixes all and active calls; the direct figures are for all ${listValue.rows.length.toLocaleString('en')} students)`,
    ].join('\n'),
  );
}
