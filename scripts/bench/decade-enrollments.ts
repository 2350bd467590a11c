/** The decade's program enrollments: CLTS, CCS and school-only, with realistic dates and their status changes. */
import { isoOf, type Rng, type Value } from './decade-kit.ts';
import type { Student } from './decade.ts';

const PROGRAMS = [
  { program: 'CLTS', weight: 45 },
  { program: 'CCS', weight: 25 },
  { program: 'School-only', weight: 30 },
] as const;
type Program = (typeof PROGRAMS)[number]['program'];
type EnrollmentStatus = 'referred' | 'pending' | 'active' | 'closed';

export interface EnrollmentContext {
  r: Rng;
  students: readonly Student[];
  total: number;
  /** Share of enrollments that belong to students who have left. */
  inactiveShare: number;
  today: number;
  stamp(day: number, minutes?: number): string;
  write(table: string, columns: readonly string[], rows: readonly Value[][]): void;
}

/** Writes the enrollments and their changes; returns the students with a county program (their notes lean county). */
export function generateEnrollments(ctx: EnrollmentContext): { countyStudents: Set<string> } {
  const { r, students, today, stamp, write } = ctx;
  const enrollmentTarget = ctx.total;
  const active = students.filter((s) => s.active);
  const inactive = students.filter((s) => !s.active);
  const openPrograms = new Map<string, Set<Program>>();
  const countyStudents = new Set<string>();
  const enrollments: Value[][] = [];
  const changes: Value[][] = [];
  const clampPast = (day: number) => Math.min(day, today);
  /** The latest of `from + period × k` that is on or before `until` (k ≥ 0). */
  const lastEvery = (from: number, period: number, until: number) => from + Math.max(0, Math.floor((until - from) / period)) * period;
  let attempts = 0;
  for (let n = 0; n < enrollmentTarget; n++) {
    const s = inactive.length > 0 && r.chance(ctx.inactiveShare) ? r.pick(inactive) : r.pick(active.length > 0 ? active : inactive);
    const program = r.weighted(PROGRAMS).program;
    let status: EnrollmentStatus = s.active ? r.weighted([
      { s: 'active' as const, weight: 62 },
      { s: 'pending' as const, weight: 8 },
      { s: 'referred' as const, weight: 8 },
      { s: 'closed' as const, weight: 22 },
    ]).s : 'closed';
    const open = openPrograms.get(s.id) ?? new Set<Program>();
    if (status !== 'closed' && open.has(program)) status = 'closed';
    // A closed enrollment needs time on the caseload to have run its course; otherwise pick again.
    const windowEnd = s.active ? today : s.endDay;
    if (status === 'closed' && windowEnd - s.startDay < 240 && attempts++ < enrollmentTarget * 4) {
      n--;
      continue;
    }
    if (status !== 'closed') open.add(program);
    openPrograms.set(s.id, open);
    if (program !== 'School-only') countyStudents.add(s.id);

    const d: Record<string, number | null> = {
      referral: null, application: null, eligibility: null, screen: null, assessment: null, abbreviated: null, plan: null, review: null, end: null,
    };
    const path: [EnrollmentStatus, number][] = [];
    if (status === 'referred') {
      d.referral = Math.max(s.startDay, today - r.int(1, 50));
      path.push(['referred', d.referral]);
    } else if (status === 'pending') {
      d.referral = Math.max(s.startDay, today - r.int(10, 70));
      d.application = clampPast(d.referral + r.int(2, 14));
      if (program === 'CLTS' && r.chance(0.6)) d.screen = clampPast(d.referral + r.int(5, 30));
      if (program === 'CCS' && r.chance(0.2)) d.abbreviated = clampPast(d.application + r.int(3, 10));
      path.push(['referred', d.referral], ['pending', d.application]);
    } else {
      // Active, or closed: began somewhere in the student's time on the caseload.
      const latestStart = status === 'closed' ? windowEnd - 200 : today - 90;
      d.referral = s.startDay + Math.floor(r.next() * Math.max(1, latestStart - s.startDay));
      const until = status === 'closed' ? Math.min(windowEnd - r.int(0, 30), d.referral + r.int(150, 1_500)) : today;
      d.application = d.referral + r.int(2, 14);
      let activeOn: number;
      if (program === 'CLTS') {
        const screen = d.referral + r.int(10, 40);
        d.eligibility = screen + r.int(1, 20);
        d.plan = d.eligibility + r.int(10, 60);
        // Annual rescreens; a few are late.
        d.screen = lastEvery(screen, 365, until - (r.chance(0.08) ? 400 : r.int(0, 30)));
        activeOn = d.eligibility;
      } else if (program === 'CCS') {
        if (r.chance(0.15)) d.abbreviated = d.application + r.int(3, 10);
        d.assessment = d.application + r.int(10, 30);
        d.plan = d.application + r.int(20, 30);
        activeOn = d.plan;
      } else {
        d.plan = d.referral + r.int(5, 30);
        activeOn = d.plan;
      }
      if (program !== 'School-only' && d.plan !== null) {
        // Reviews every six months; some are overdue.
        const review = lastEvery(d.plan, 182, until - (r.chance(0.08) ? 200 : r.int(0, 20)));
        d.review = review > d.plan ? review : null;
      }
      path.push(['referred', d.referral], ['pending', d.application], ['active', Math.max(activeOn, d.application)]);
      if (status === 'closed') {
        d.end = Math.max(until, Math.max(activeOn, d.application) + 1);
        path.push(['closed', d.end]);
      }
    }
    for (const key of Object.keys(d)) if (d[key] !== null && d[key]! > today) d[key] = today;
    const id = r.uuid();
    const last = Math.max(...path.map(([, day]) => day));
    const iso = (key: string) => (d[key] === null ? null : isoOf(Math.min(d[key]!, today)));
    enrollments.push([
      id, s.id, program, status,
      iso('referral'), iso('application'), iso('eligibility'), iso('screen'), iso('assessment'), iso('abbreviated'), iso('plan'), iso('review'), iso('end'),
      stamp(d.referral!, r.int(480, 1_020)), stamp(Math.min(last, today), r.int(480, 1_020)),
    ]);
    for (const [changeStatus, rawDay] of path) {
      const day = Math.min(rawDay, today);
      const recent = day >= today - 14;
      const entered = (recent && r.chance(0.5)) || r.chance(0.015) ? null : day + r.int(0, 9);
      changes.push([
        r.uuid(), id, changeStatus, isoOf(day),
        entered === null || entered > today ? null : isoOf(entered),
        changeStatus === 'closed' && r.chance(0.4) ? r.pick(['Family moved out of county.', 'Aged out of the program.', 'Family declined further services.', 'Goals met; closed by team agreement.']) : null,
        stamp(Math.min(day + r.int(0, 2), today), r.int(480, 1_020)),
      ]);
    }
  }
  write(
    'enrollments',
    [
      'id', 'student_id', 'program', 'status', 'referral_date', 'application_date', 'eligibility_date', 'functional_screen_date', 'assessment_date',
      'abbreviated_assessment_date', 'plan_date', 'last_plan_review_date', 'end_date', 'created_at', 'updated_at',
    ],
    enrollments,
  );
  write('enrollment_changes', ['id', 'enrollment_id', 'status', 'changed_on', 'entered_in_county_on', 'note', 'recorded_at'], changes);
  return { countyStudents };
}
