/**
 * The decade's service log, as ten years of real use would leave it.
 *
 * Every CLTS and CCS enrollment that began (an 'active' status change) is
 * made billable: CLTS gets a prior authorization per enrollment year, sized
 * to the year's use, CCS the four DHS 36 prerequisite dates, and the student
 * a Medicaid ID. Signed entries fill the worker's weekdays between
 * 8:00 and 16:00 (about 300–400 a month), laid end to end with gaps so no
 * two ever share a minute: she is one person. Each month before last month
 * went out in one batch per program (billing_batches, live batch_lines and a
 * record of disclosures per student, as an export writes them). Last month
 * holds exactly 1,000 signed CLTS entries not yet exported, nearly all ready;
 * a few are blocked on purpose (a place of service the profile refuses, two
 * students whose Medicaid ID has not arrived). This month runs up to
 * yesterday at the usual pace. Counts scale with `scale`.
 */
import type { Vault } from '../../db/vault.ts';
import {
  ACTIVITY_LABELS,
  CONTACT_MODE_LABELS,
  DEFAULT_PROFILES,
  FUNDING_STREAM_LABELS,
  unitsFor,
  type Activity,
  type BillingProgram,
  type ContactMode,
} from '../../electron/shared/domain/billing/index.ts';
import { programCategory } from '../../electron/shared/domain/disclosure/sections.ts';
import { DAY_MS, dayOf, insertRows, isoOf, type Rng, type Value } from './decade-kit.ts';
import { CONTACT_PEOPLE, CONTACT_TOPICS, NOTE_SENTENCES } from './vocabulary.ts';

/** The scale-1 figures. */
export const SERVICES = {
  perMonth: [300, 400],
  lastMonth: 1_000,
  /** Share of last month's entries at a place of service the CLTS profile refuses. */
  refusedPlaceShare: 0.01,
  /** Students on last month's file whose Medicaid ID is still missing. */
  awaitingMedicaidId: 2,
  /** The billing recipient as the bench's Settings name the county. */
  county: 'Trempealeau County DHS',
  exceptionReason: 'County bills Medicaid for CLTS support and service coordination.',
} as const;

export interface ServiceContext {
  vault: Vault;
  r: Rng;
  scale: number;
  today: number;
  firstDay: number;
  stamp(day: number, minutes?: number): string;
  write(table: string, columns: readonly string[], rows: readonly Value[][]): void;
  /** Who the worker was on a day (the caseload changed hands twice in ten years). */
  signer(day: number): string;
}

interface Authorization { id: string; number: string; from: number; used: number; diagnosis: string }
interface Enrollment { id: string; studentId: string; program: BillingProgram; from: number; to: number; auths: Authorization[] }
interface Entry {
  id: string;
  enrollment: Enrollment;
  day: number;
  start: number;
  end: number;
  activity: Activity;
  mode: ContactMode;
  pos: string;
  auth: Authorization | null;
  units: number;
  signer: string;
}

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const monthOf = (day: number) => isoOf(day).slice(0, 7);
const monthStart = (month: string) => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1) / DAY_MS;
const nextMonth = (month: string) => isoOf(monthStart(month) + 32).slice(0, 7);
const weekday = (day: number) => {
  const d = new Date(day * DAY_MS).getUTCDay();
  return d >= 1 && d <= 5;
};

/** What she does, how often, and the contact modes each is done in with the place of service that goes with the mode. */
const ACTIVITIES: readonly { activity: Activity; weight: number; modes: readonly [ContactMode, string][] }[] = [
  { activity: 'coordination', weight: 30, modes: [['phone', '11'], ['in_person', '03'], ['video', '02']] },
  { activity: 'collateral_contact', weight: 20, modes: [['phone', '11'], ['in_person', '03']] },
  { activity: 'home_visit', weight: 15, modes: [['in_person', '12']] },
  { activity: 'care_planning', weight: 12, modes: [['in_person', '12'], ['video', '10'], ['in_person', '11']] },
  { activity: 'team_meeting', weight: 10, modes: [['in_person', '03'], ['video', '02']] },
  { activity: 'assessment', weight: 8, modes: [['in_person', '12'], ['in_person', '11']] },
  { activity: 'crisis_intervention', weight: 5, modes: [['in_person', '03'], ['phone', '11'], ['in_person', '27']] },
];
const DIAGNOSES = ['F84.0', 'F90.2', 'F41.1', 'F32.9', 'Q90.9', 'F43.10', 'G80.9', 'F70'];
const FOLLOW_UPS = ['Call back next week about respite hours.', 'Send the plan to the team.', 'Check on the prior authorization renewal.', 'Schedule the next home visit.'];

/**
 * One weekday's service slots, end to end with gaps, between 8:00 and 16:00:
 * on a five-minute grid when the day has room, to the minute (eight at least,
 * one unit) when it is crowded, as last month is. Only a scale above 1 makes
 * a day so full that it runs from 7:00 to 19:00, or round the clock.
 */
function layDay(r: Rng, slots: number): [number, number][] {
  const window = [[8, 16], [7, 19], [0, 24]].map(([a, b]) => [a! * 60, b! * 60] as const).find(([a, b]) => slots * 8 <= b - a);
  if (!window) throw new Error(`${slots} services do not fit in one day`);
  const [dayStart, dayEnd] = window;
  const grid = slots * 15 <= dayEnd - dayStart ? 5 : 1;
  const cells = Math.floor((dayEnd - dayStart) / grid);
  const minCells = grid === 5 ? 2 : 8;
  const maxCells = Math.max(minCells, Math.min(grid === 5 ? 12 : 11, Math.floor(cells / slots)));
  const lengths = Array.from({ length: slots }, () => r.int(minCells, maxCells));
  let slack = cells - lengths.reduce((a, b) => a + b, 0);
  const out: [number, number][] = [];
  let at = 0;
  for (const length of lengths) {
    const gap = r.int(0, Math.floor(slack / (slots - out.length)));
    slack -= gap;
    at += gap;
    out.push([dayStart + at * grid, dayStart + (at + length) * grid]);
    at += length;
  }
  return out;
}

function shuffled<T>(r: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface EnrollmentRow { id: string; student_id: string; program: string; status: string; end_date: string | null; application_date: string | null; plan_date: string | null; active_on: string | null; closed_on: string | null; referral_date: string | null }

export function generateServices(ctx: ServiceContext): void {
  const { vault, r, today, firstDay, stamp, write } = ctx;
  const conn = vault.connection;
  const count = (n: number) => Math.max(1, Math.round(n * ctx.scale));

  // The enrollments that began, with the day they did (the first 'active' change) and their last day.
  const rows = conn
    .prepare(
      `SELECT e.id, e.student_id, e.program, e.status, e.end_date, e.application_date, e.plan_date, e.referral_date,
         (SELECT min(changed_on) FROM enrollment_changes c WHERE c.enrollment_id = e.id AND c.status = 'active') AS active_on,
         (SELECT max(changed_on) FROM enrollment_changes c WHERE c.enrollment_id = e.id AND c.status = 'closed') AS closed_on
       FROM enrollments e WHERE upper(trim(e.program)) IN ('CLTS', 'CCS') AND e.status IN ('active', 'closed') ORDER BY e.created_at, e.id`,
    )
    .all() as EnrollmentRow[];
  const missingActive: Value[][] = [];
  const ccsDates = conn.prepare(
    `UPDATE enrollments SET functional_screen_date = coalesce(functional_screen_date, ?), eligibility_date = coalesce(eligibility_date, ?),
       application_date = coalesce(application_date, ?), plan_date = coalesce(plan_date, ?) WHERE id = ?`,
  );
  const ccsUpdates: Value[][] = [];
  const enrollments: Enrollment[] = [];
  for (const e of rows) {
    let activeOn = e.active_on;
    if (activeOn === null) {
      // Billing starts the day the status became active; an enrollment without that change gets one.
      activeOn = e.plan_date ?? e.application_date ?? e.referral_date ?? isoOf(today);
      missingActive.push([r.uuid(), e.id, 'active', activeOn, activeOn, null, stamp(dayOf(activeOn), 600)]);
    }
    const from = dayOf(activeOn);
    const endedOn = e.end_date ?? (e.status === 'closed' ? e.closed_on : null);
    const to = endedOn === null ? today : Math.min(today, dayOf(endedOn));
    if (to < from) continue;
    const program = e.program.trim().toUpperCase() as BillingProgram;
    if (program === 'CCS') {
      // DHS 36: screen, application, diagnosis and the mental health professional's authorization, all by the first service.
      const application = Math.min(from, e.application_date ? dayOf(e.application_date) : from - 20);
      ccsUpdates.push([isoOf(r.int(application, from)), isoOf(r.int(application, from)), isoOf(application), isoOf(from), e.id]);
    }
    enrollments.push({ id: e.id, studentId: e.student_id, program, from, to, auths: [] });
  }
  // Written directly, not through write(): the decade's own count of status changes stays as it is.
  insertRows(vault, 'enrollment_changes', ['id', 'enrollment_id', 'status', 'changed_on', 'entered_in_county_on', 'note', 'recorded_at'], missingActive);
  conn.transaction(() => ccsUpdates.forEach((u) => ccsDates.run(u)))();

  // CLTS: one authorization per enrollment year, from the day it began until the year that covers today.
  for (const e of enrollments) {
    if (e.program !== 'CLTS') continue;
    const diagnosis = r.pick(DIAGNOSES);
    for (let from = e.from; from <= e.to; from += 365) {
      e.auths.push({ id: r.uuid(), number: `PA-${isoOf(from).slice(0, 4)}-${r.uuid().slice(0, 6).toUpperCase()}`, from, used: 0, diagnosis });
    }
  }

  // Last month's file: two students still waiting for their Medicaid ID, the most recently enrolled; they have no earlier entries.
  const lastMonth = monthOf(monthStart(monthOf(today)) - 1);
  const lastFrom = monthStart(lastMonth);
  const lastTo = monthStart(monthOf(today)) - 1;
  const awaiting = new Set(
    enrollments
      .filter((e) => e.program === 'CLTS' && e.from <= lastFrom && e.to >= lastTo)
      .sort((a, b) => b.from - a.from || (a.id < b.id ? -1 : 1))
      .slice(0, count(SERVICES.awaitingMedicaidId))
      .map((e) => e.studentId),
  );

  // Entries month by month: weekday slots first, then a student enrolled that day for each.
  const entries: Entry[] = [];
  const goals = new Map<string, string[]>();
  for (const g of conn.prepare(`SELECT id, student_id FROM plan_goals ORDER BY id`).all() as { id: string; student_id: string }[]) {
    const mine = goals.get(g.student_id);
    if (mine) mine.push(g.id);
    else goals.set(g.student_id, [g.id]);
  }
  const thisMonth = monthOf(today);
  for (let month = monthOf(firstDay); month <= thisMonth; month = nextMonth(month)) {
    const start = Math.max(monthStart(month), firstDay);
    const last = month === thisMonth ? today - 1 : monthStart(nextMonth(month)) - 1;
    const allWeekdays: number[] = [];
    for (let d = monthStart(month); d < monthStart(nextMonth(month)); d++) if (weekday(d)) allWeekdays.push(d);
    const days = allWeekdays.filter((d) => d >= start && d <= last);
    if (days.length === 0) continue;
    const isLast = month === lastMonth;
    const pool = enrollments.filter((e) => e.from <= last && e.to >= start && (isLast ? e.program === 'CLTS' : !awaiting.has(e.studentId) || month === thisMonth));
    if (pool.length === 0) continue;
    const target = isLast ? count(SERVICES.lastMonth) : Math.round(r.int(SERVICES.perMonth[0], SERVICES.perMonth[1]) * ctx.scale * (days.length / allWeekdays.length));
    const extra = new Set(shuffled(r, days).slice(0, target % days.length));
    let made = 0;
    for (const day of days) {
      const slots = Math.floor(target / days.length) + (extra.has(day) ? 1 : 0);
      if (slots === 0) continue;
      const here = pool.filter((e) => e.from <= day && e.to >= day);
      if (here.length === 0) continue;
      for (const [startMin, endMin] of layDay(r, slots)) {
        const enrollment = r.pick(here);
        const kind = r.weighted(ACTIVITIES);
        const [mode, pos] = r.pick(kind.modes);
        const auth = enrollment.auths.length > 0 ? enrollment.auths[Math.min(enrollment.auths.length - 1, Math.floor((day - enrollment.from) / 365))]! : null;
        const profile = DEFAULT_PROFILES[enrollment.program];
        const units = unitsFor(endMin - startMin, profile.roundingRule, profile.unitMinutes);
        if (auth) auth.used += units;
        entries.push({ id: r.uuid(), enrollment, day, start: startMin, end: endMin, activity: kind.activity, mode, pos, auth, units, signer: ctx.signer(day) });
        made++;
      }
    }
    if (isLast && made !== target) throw new Error(`last month has ${made} CLTS entries, not ${target}: too few CLTS enrollments at this scale`);
  }
  // By design, a few of last month's entries are at an inpatient hospital (21), which the profile refuses.
  const lastEntries = entries.filter((e) => monthOf(e.day) === lastMonth);
  for (const e of shuffled(r, lastEntries).slice(0, count(lastEntries.length * SERVICES.refusedPlaceShare))) e.pos = '21';

  // Authorized units: the year's use so far projected to the whole year, with room to spare.
  const authRows: Value[][] = [];
  for (const e of enrollments) {
    for (const a of e.auths) {
      const elapsed = Math.max(30, Math.min(e.to, a.from + 364) - a.from + 1);
      const projected = (a.used * 365) / elapsed;
      const units = Math.max(24, Math.ceil(Math.max(projected * (1.2 + r.next() * 0.3), a.used + 24) / 4) * 4);
      authRows.push([a.id, e.studentId, 'CLTS', a.number, 'T1016', '[]', units, isoOf(a.from), isoOf(a.from + 364), a.diagnosis, '7654321', stamp(a.from - r.int(1, 10), 600), stamp(a.from - r.int(0, 1), 660)]);
    }
  }
  write('prior_authorizations', ['id', 'student_id', 'program', 'number', 'procedure_code', 'modifiers', 'units_authorized', 'start_on', 'end_on', 'diagnosis_code', 'provider_id', 'created_at', 'updated_at'], authRows);

  // Medicaid IDs for every student served, but the two still waiting.
  const served = [...new Set(enrollments.map((e) => e.studentId))];
  const setId = conn.prepare(`UPDATE students SET medicaid_id = ? WHERE id = ? AND medicaid_id IS NULL`);
  const clearId = conn.prepare(`UPDATE students SET medicaid_id = NULL WHERE id = ?`);
  conn.transaction(() => {
    for (const id of served) if (!awaiting.has(id)) setId.run(String(r.int(1_000_000_000, 9_999_999_999)), id);
    for (const id of awaiting) clearId.run(id);
  })();

  const nowMs = Date.now();
  const entryRows: Value[][] = entries.map((e) => {
    const program = e.enrollment.program;
    const kind = e.activity;
    const signedMs = Math.min(nowMs, e.day * DAY_MS + (e.end + r.int(2, 120)) * 60_000);
    const signed = new Date(signedMs).toISOString();
    const created = new Date(Math.max(e.day * DAY_MS + e.end * 60_000, signedMs - r.int(1, 20) * 60_000)).toISOString();
    const studentGoals = goals.get(e.enrollment.studentId);
    const narrative = `${r.pick(['Met with', 'Spoke with', 'Called', 'Coordinated with'])} ${r.skewed(CONTACT_PEOPLE)} ${r.skewed(CONTACT_TOPICS, 1.6)}. ${r.skewed(NOTE_SENTENCES, 1.8)}`;
    return [
      e.id, e.enrollment.studentId, isoOf(e.day), clock(e.start), clock(e.end), e.end - e.start,
      kind === 'home_visit' ? r.int(10, 35) : 0, r.chance(0.3) ? r.int(3, 10) : 0,
      kind, e.mode, kind === 'collateral_contact' || kind === 'team_meeting' ? 'collateral' : r.chance(0.7) ? 'parent' : 'child', e.pos,
      kind === 'home_visit' ? r.pick(['Student and mother', 'Mother', 'Student and guardian', 'Grandmother']) : null,
      program, program === 'CLTS' ? 'clts' : 'ccs', studentGoals && r.chance(0.4) ? r.pick(studentGoals) : null, e.auth?.id ?? null,
      narrative, r.chance(0.2) ? r.pick(FOLLOW_UPS) : null, null, signed, e.signer, created, signed,
    ];
  });
  write(
    'service_entries',
    ['id', 'student_id', 'service_date', 'start_time', 'end_time', 'minutes', 'travel_minutes', 'documentation_minutes', 'activity', 'contact_mode', 'contact_type', 'place_of_service',
      'persons_present', 'program', 'funding_stream', 'goal_id', 'authorization_id', 'narrative', 'follow_up', 'group_id', 'signed_at', 'signed_by', 'created_at', 'updated_at'],
    entryRows,
  );

  // Month close for every month before last: a batch per program, its lines, and each student's disclosure.
  const people = new Map(
    (conn.prepare(`SELECT id, legal_first, legal_last, dob, medicaid_id, mci_id FROM students`).all() as { id: string; legal_first: string; legal_last: string; dob: string | null; medicaid_id: string | null; mci_id: string | null }[]).map((s) => [s.id, s]),
  );
  const batches = new Map<string, Entry[]>();
  for (const e of entries) {
    if (monthOf(e.day) >= lastMonth) continue;
    const key = `${e.enrollment.program}/${monthOf(e.day)}`;
    const batch = batches.get(key);
    if (batch) batch.push(e);
    else batches.set(key, [e]);
  }
  const batchRows: Value[][] = [];
  const lineRows: Value[][] = [];
  const disclosureRows: Value[][] = [];
  const hex = () => r.uuid().replace(/-/g, '');
  for (const [key, lines] of batches) {
    const [program, month] = key.split('/') as [BillingProgram, string];
    const day = Math.min(today - 1, monthStart(nextMonth(month)) + r.int(2, 8));
    const by = ctx.signer(day);
    const at = stamp(day, r.int(540, 960));
    const id = r.uuid();
    const files = [`${program} billing ${month}.csv`, `${program} billing ${month}.xlsx`, `${program} service log ${month}.pdf`].map((name) => ({ name, sha256: `${hex()}${hex()}` }));
    batchRows.push([id, program, month, at, by, JSON.stringify(files), null, null, null]);
    const perStudent = new Map<string, number>();
    for (const e of lines) {
      const s = people.get(e.enrollment.studentId)!;
      const profile = DEFAULT_PROFILES[program];
      const values = {
        participantName: `${s.legal_first} ${s.legal_last}`, dob: s.dob ?? '', medicaidId: s.medicaid_id ?? '', mciId: s.mci_id ?? '', dateOfService: isoOf(e.day),
        startTime: clock(e.start), endTime: clock(e.end), procedureCode: profile.procedureCode, modifiers: '', modifier1: '', modifier2: '', modifier3: '', modifier4: '',
        units: e.units, minutes: e.end - e.start, placeOfService: e.pos, renderingWorker: by, renderingProviderId: '7654321', authorizationNumber: e.auth?.number ?? '',
        diagnosisCode: e.auth?.diagnosis ?? '', program, fundingStream: FUNDING_STREAM_LABELS[profile.fundingStream], activity: ACTIVITY_LABELS[e.activity], contactMode: CONTACT_MODE_LABELS[e.mode],
      };
      lineRows.push([r.uuid(), id, e.id, profile.fundingStream, e.units, JSON.stringify(values), 1]);
      perStudent.set(e.enrollment.studentId, (perStudent.get(e.enrollment.studentId) ?? 0) + 1);
    }
    const exportId = r.uuid();
    for (const [studentId, n] of perStudent) {
      disclosureRows.push([
        r.uuid(), studentId, at.slice(0, 10), `${SERVICES.county} (billing)`, `Billing for ${program} services`, JSON.stringify([programCategory(program)]),
        JSON.stringify([`${program} billing file ${month}: ${n} ${n === 1 ? 'line' : 'lines'} (CSV, XLSX)`, `${program} service log ${month} (PDF)`]),
        null, 'billing_51_30_4_b_2', SERVICES.exceptionReason, by, at, exportId,
      ]);
    }
  }
  write('billing_batches', ['id', 'program', 'month', 'exported_at', 'exported_by', 'files', 'corrects_batch_id', 'voided_at', 'void_reason'], batchRows);
  write('batch_lines', ['id', 'batch_id', 'entry_id', 'funding_stream', 'units', 'line', 'live'], lineRows);
  write('disclosures', ['id', 'student_id', 'disclosed_on', 'recipient', 'purpose', 'categories', 'documents', 'release_id', 'exception_kind', 'exception_reason', 'disclosed_by', 'created_at', 'export_id'], disclosureRows);
}
