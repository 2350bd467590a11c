/**
 * generateDecade: fills an open vault with ten years of a liaison's caseload,
 * deterministically from a seed, written straight through the vault's
 * connection (prepared statements, a few thousand rows per transaction) so a
 * 40,000-note vault is built in seconds rather than through 40,000 API calls.
 *
 * At scale 1: 2,000 students (about 15% inactive) in 4 districts / 12
 * schools, about 30% of them with a sibling on the caseload; 5,000 contacts
 * (guardians shared across siblings); 1,400 CLTS / CCS / School-only
 * enrollments with their status changes (a few not yet entered in the county
 * system); about 3 team members and 2 plan goals per active student; 40,000
 * signed case notes over ten years in both record regimes; 2,000 addenda.
 * `scale` multiplies the student, contact, enrollment, note and addendum counts.
 *
 * Rows obey the schema's CHECKs and triggers: notes are inserted already
 * signed (signed_at and signed_by together), addenda only on signed notes.
 * The search index fills itself through the schema's triggers. No audit
 * entries are written: this is a fixture, not a history of changes.
 * Releases of information and the service log with its billing history are
 * added last (decade-releases.ts, decade-services.ts).
 */
import type { Vault } from '../../db/vault.ts';
import { nameSortKey } from '../../electron/shared/domain/names.ts';
import { generateEnrollments } from './decade-enrollments.ts';
import { generateReleases } from './decade-releases.ts';
import { generateServices } from './decade-services.ts';
import { DAY_MS, dayOf, gradeAt, insertRows, isoOf, localToday, maybeDecomposed, rng, schoolLevel, type Rng, type Value } from './decade-kit.ts';
import {
  ADDENDUM_SENTENCES,
  BACKGROUNDS,
  CONTACT_OPENERS,
  CONTACT_PEOPLE,
  CONTACT_TOPICS,
  DISTRICTS,
  GOALS,
  GUARDIAN_RELATIONSHIPS,
  NAMES,
  NOTE_SENTENCES,
  OTHER_RELATIONSHIPS,
  TEAM_ROLES,
  WORKERS,
  type Background,
} from './vocabulary.ts';

export interface DecadeOptions {
  seed: number;
  /** Multiplies the counts (default 1); 0.1 makes a quick vault. */
  scale?: number;
  /** The last day of the decade, YYYY-MM-DD (default: today, local time). */
  today?: string;
}

export interface DecadeResult {
  /** Rows written per table. */
  counts: Record<string, number>;
  /** Milliseconds spent per table, and in total. */
  timings: Record<string, number>;
  totalMs: number;
  studentIds: string[];
}

/** The scale-1 counts. */
export const DECADE = {
  students: 2_000,
  contacts: 5_000,
  enrollments: 1_400,
  notes: 40_000,
  addenda: 2_000,
  releases: 8_000,
  inactiveShare: 0.15,
  siblingShare: 0.3,
  teamPerActive: 3,
  goalsPerActive: 2,
} as const;

// ---- The people ----------------------------------------------------------------------

export type { Rng };

export interface Student {
  id: string;
  first: string;
  middle: string | null;
  last: string;
  preferred: string | null;
  dob: string;
  grade: string;
  schoolId: string;
  background: Background;
  active: boolean;
  /** First and last day on the caseload (the last is today for active students). */
  startDay: number;
  endDay: number;
  householdId: string | null;
  family: number;
}

interface Family {
  background: Background;
  last: string;
  district: number;
  householdId: string | null;
  students: Student[];
}

/** Some names arrive decomposed (accents as combining marks), as text pasted from some systems does. */
// ---- The decade ----------------------------------------------------------------------

export function generateDecade(vault: Vault, options: DecadeOptions): DecadeResult {
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new Error('scale must be above 0');
  const count = (n: number) => Math.max(1, Math.round(n * scale));
  const r = rng(options.seed);
  const todayIso = options.today ?? localToday();
  const today = dayOf(todayIso);
  const nowMs = Math.min(Date.now(), (today + 1) * DAY_MS - 1);
  const stamp = (day: number, minutes = 0) => new Date(Math.min(nowMs, day * DAY_MS + minutes * 60_000)).toISOString();
  const firstDay = today - 3_652;

  const counts: Record<string, number> = {};
  const timings: Record<string, number> = {};
  const started = performance.now();
  const write = (table: string, columns: readonly string[], rows: readonly Value[][]) => {
    const t0 = performance.now();
    insertRows(vault, table, columns, rows);
    timings[table] = performance.now() - t0;
    counts[table] = rows.length;
  };

  // Districts and schools.
  const districtIds = DISTRICTS.map(() => r.uuid());
  const schoolIds = DISTRICTS.map((d) => d.schools.map(() => r.uuid()));
  const schoolNameOf = new Map<string, string>();
  write('districts', ['id', 'name', 'created_at'], DISTRICTS.map((d, i) => [districtIds[i]!, d.name, stamp(firstDay - 30)]));
  write(
    'schools',
    ['id', 'district_id', 'name', 'created_at'],
    DISTRICTS.flatMap((d, i) =>
      d.schools.map((name, j) => {
        schoolNameOf.set(schoolIds[i]![j]!, name);
        return [schoolIds[i]![j]!, districtIds[i]!, name, stamp(firstDay - 30)];
      }),
    ),
  );

  // Students in families: about 30% share a household with a sibling on the caseload.
  // With single-child families at probability q and sibling groups of 2/3/4 (70/25/5%),
  // the share of students with a sibling is 2.35(1-q) / (q + 2.35(1-q)); q = 0.846 gives 30%.
  const studentTarget = count(DECADE.students);
  const singleChance = 2.35 * (1 - DECADE.siblingShare) / (2.35 * (1 - DECADE.siblingShare) + DECADE.siblingShare);
  const families: Family[] = [];
  const students: Student[] = [];
  const backgroundWeights = BACKGROUNDS.map((b) => ({ b, weight: NAMES[b].weight }));
  while (students.length < studentTarget) {
    const left = studentTarget - students.length;
    const size = Math.min(left, r.chance(singleChance) ? 1 : r.weighted([{ n: 2, weight: 70 }, { n: 3, weight: 25 }, { n: 4, weight: 5 }]).n);
    const background = r.weighted(backgroundWeights).b;
    const names = NAMES[background];
    const family: Family = { background, last: r.pick(names.last), district: r.int(0, DISTRICTS.length - 1), householdId: size > 1 ? r.uuid() : null, students: [] };
    for (let k = 0; k < size; k++) {
      const active = !r.chance(DECADE.inactiveShare);
      // Active: 3 to 20 years old today; inactive students left at 5 to 21, some years ago.
      const ageDays = active ? r.int(3 * 365, 20 * 365 + 364) : r.int(5 * 365, 21 * 365 + 364);
      const dobDay = today - ageDays - (active ? 0 : r.int(0, 6 * 365));
      const earliestStart = Math.max(firstDay, dobDay + 3 * 365);
      let startDay: number;
      let endDay: number;
      if (active) {
        const span = Math.max(0, today - 30 - earliestStart);
        startDay = today - 30 - Math.floor(r.next() * span);
        endDay = today;
      } else {
        const latestEnd = Math.min(today - 30, dobDay + 22 * 365);
        startDay = earliestStart + Math.floor(r.next() * Math.max(0, latestEnd - 180 - earliestStart));
        endDay = Math.min(latestEnd, startDay + r.int(180, 2_000));
        if (endDay <= startDay) endDay = startDay + 1;
      }
      const ageAtEnd = Math.floor((endDay - dobDay) / 365.25);
      const grade = gradeAt(ageAtEnd);
      const student: Student = {
        id: r.uuid(),
        first: maybeDecomposed(r, r.pick(names.first)),
        middle: r.chance(0.35) ? r.pick(names.middle) : null,
        // Blended families: some siblings carry another surname.
        last: maybeDecomposed(r, k > 0 && r.chance(0.2) ? r.pick(names.last) : family.last),
        preferred: r.chance(0.1) ? r.pick(names.preferred) : null,
        dob: isoOf(dobDay),
        grade,
        schoolId: schoolIds[family.district]![schoolLevel(grade)]!,
        background,
        active,
        startDay,
        endDay,
        householdId: family.householdId,
        family: families.length,
      };
      family.students.push(student);
      students.push(student);
    }
    families.push(family);
  }
  write(
    'households',
    ['id', 'created_at'],
    families.filter((f) => f.householdId).map((f) => [f.householdId!, stamp(Math.min(...f.students.map((s) => s.startDay)))]),
  );
  write(
    'students',
    [
      'id', 'legal_first', 'legal_middle', 'legal_last', 'preferred_name', 'dob', 'grade', 'school_id', 'school_student_id', 'medicaid_id', 'mci_id',
      'iep', 'plan_504', 'foster_care', 'mckinney_vento', 'status', 'household_id', 'sort_key', 'created_at', 'updated_at',
    ],
    students.map((s, i) => [
      s.id,
      s.first,
      s.middle,
      s.last,
      s.preferred,
      s.dob,
      s.grade,
      s.schoolId,
      String(100_000 + i * 3 + r.int(0, 2)),
      r.chance(0.6) ? String(r.int(1_000_000_000, 9_999_999_999)) : null,
      r.chance(0.4) ? String(r.int(1_000_000_000, 9_999_999_999)) : null,
      r.chance(0.5) ? 1 : 0,
      r.chance(0.1) ? 1 : 0,
      r.chance(0.04) ? 1 : 0,
      r.chance(0.03) ? 1 : 0,
      s.active ? 'active' : 'inactive',
      s.householdId,
      nameSortKey(s.first, s.last),
      stamp(s.startDay, r.int(480, 1_020)),
      stamp(s.endDay, r.int(480, 1_020)),
    ]),
  );

  // Contacts: one or two guardians per family, linked to every sibling; then
  // grandparents, aunts and emergency contacts up to the target count.
  const contactTarget = count(DECADE.contacts);
  const contacts: Value[][] = [];
  const links: Value[][] = [];
  const linked = new Set<string>();
  const phone = () => (r.chance(0.85) ? `715-555-${String(r.int(0, 9_999)).padStart(4, '0')}` : null);
  const email = (first: string, last: string) =>
    r.chance(0.4) ? `${first}.${last}`.normalize('NFKD').replace(/[^A-Za-z.]/g, '').toLowerCase() + '@example.org' : null;
  const language = (b: Background) => {
    const own = NAMES[b].language;
    return own === 'English' ? 'English' : r.chance(0.75) ? own : 'English';
  };
  const addContact = (background: Background, last: string, startDay: number) => {
    const first = r.pick(NAMES[background].adultFirst);
    const id = r.uuid();
    const at = stamp(startDay, r.int(480, 1_020));
    contacts.push([id, first, last, phone(), email(first, last), language(background), at, at]);
    return { id, at };
  };
  const link = (student: Student, contactId: string, relationship: string, authority: string, at: string, extra: { court?: boolean; noContact?: boolean; noAccess?: boolean; note?: string | null } = {}) => {
    const key = `${student.id}/${contactId}`;
    if (linked.has(key)) return;
    linked.add(key);
    links.push([student.id, contactId, relationship, authority, extra.court ? 1 : 0, extra.noContact ? 1 : 0, extra.noAccess ? 1 : 0, extra.note ?? null, at]);
  };
  for (const family of families) {
    const guardians = r.chance(0.55) ? 2 : 1;
    const used = new Set<string>();
    for (let g = 0; g < guardians && contacts.length < contactTarget; g++) {
      let kind = r.weighted(GUARDIAN_RELATIONSHIPS);
      if (used.has(kind.relationship)) kind = r.weighted(GUARDIAN_RELATIONSHIPS);
      used.add(kind.relationship);
      const start = Math.min(...family.students.map((s) => s.startDay));
      const { id, at } = addContact(family.background, r.chance(0.75) ? family.last : r.pick(NAMES[family.background].last), start);
      const noContact = (kind.relationship === 'Father' || kind.relationship === 'Stepfather') && r.chance(0.05);
      for (const s of family.students) {
        link(s, id, kind.relationship, kind.authority, at, {
          court: kind.authority === 'legal_representative',
          noContact,
          noAccess: !noContact && r.chance(0.02),
          note: noContact ? 'No contact per court order; copy in the file.' : null,
        });
      }
    }
  }
  while (contacts.length < contactTarget) {
    const s = r.pick(students);
    const { id, at } = addContact(s.background, r.chance(0.5) ? s.last : r.pick(NAMES[s.background].last), s.startDay);
    const relationship = r.pick(OTHER_RELATIONSHIPS);
    const family = families[s.family]!;
    for (const member of family.students) if (member === s || r.chance(0.4)) link(member, id, relationship, 'none', at);
  }
  write('contacts', ['id', 'first_name', 'last_name', 'phone', 'email', 'preferred_language', 'created_at', 'updated_at'], contacts);
  write(
    'student_contacts',
    ['student_id', 'contact_id', 'relationship', 'legal_authority', 'court_order_on_file', 'no_contact', 'no_access', 'note', 'created_at'],
    links,
  );

  // Enrollments with realistic dates and their status changes.
  const active = students.filter((st) => st.active);
  const { countyStudents } = generateEnrollments({ r, students, total: count(DECADE.enrollments), inactiveShare: DECADE.inactiveShare, today, stamp, write });

  // The team (about 3) and plan goals (about 2) of each active student.
  const team: Value[][] = [];
  const goals: Value[][] = [];
  for (const s of active) {
    const members = r.int(DECADE.teamPerActive - 1, DECADE.teamPerActive + 1);
    for (let m = 0; m < members; m++) {
      const b = r.pick(BACKGROUNDS);
      const name = `${r.pick(NAMES[b].adultFirst)} ${r.pick(NAMES[b].last)}`;
      const role = r.pick(TEAM_ROLES);
      team.push([
        r.uuid(), s.id, name, role.role, role.organization === 'school' ? schoolNameOf.get(s.schoolId)! : role.organization,
        phone(), r.chance(0.6) ? `${name.split(' ')[0]!.normalize('NFKD').replace(/[^A-Za-z]/g, '').toLowerCase()}@example.org` : null,
        stamp(s.startDay + r.int(0, Math.max(0, today - s.startDay)), r.int(480, 1_020)),
      ]);
    }
    const goalCount = r.int(DECADE.goalsPerActive - 1, DECADE.goalsPerActive + 1);
    for (let g = 0; g < goalCount; g++) {
      const due = today + r.int(-120, 240);
      const created = Math.max(s.startDay, Math.min(today, due - r.int(120, 365)));
      goals.push([
        r.uuid(), s.id, r.pick(GOALS), r.pick(['Parent', 'Guardian', 'Service coordinator', 'Teacher', null]), isoOf(due),
        r.weighted([{ v: 'open', weight: 75 }, { v: 'met', weight: 20 }, { v: 'dropped', weight: 5 }]).v,
        stamp(created, r.int(480, 1_020)), stamp(created, r.int(480, 1_020)),
      ]);
    }
  }
  write('team_members', ['id', 'student_id', 'name', 'role', 'organization', 'phone', 'email', 'created_at'], team);
  write('plan_goals', ['id', 'student_id', 'goal', 'owner', 'due_on', 'status', 'created_at', 'updated_at'], goals);

  // Case notes over ten years, spread by each student's time on the caseload; all signed.
  const noteTarget = count(DECADE.notes);
  const cumulative: number[] = [];
  let total = 0;
  for (const s of students) {
    total += (s.endDay - s.startDay + 30) * (countyStudents.has(s.id) ? 1.3 : 1);
    cumulative.push(total);
  }
  const pickStudent = () => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return students[lo]!;
  };
  const sentenceCounts = [{ n: 1, weight: 15 }, { n: 2, weight: 25 }, { n: 3, weight: 25 }, { n: 4, weight: 17 }, { n: 5, weight: 11 }, { n: 6, weight: 7 }];
  const notes: Value[][] = [];
  const signedNotes: { id: string; signedMs: number; signer: string }[] = [];
  for (let n = 0; n < noteTarget; n++) {
    const s = pickStudent();
    const occurred = s.startDay + r.int(0, Math.max(0, s.endDay - s.startDay));
    const regime = countyStudents.has(s.id) ? (r.chance(0.55) ? 'county' : 'pupil') : r.chance(0.9) ? 'pupil' : 'county';
    const sentences: string[] = [];
    const wanted = r.weighted(sentenceCounts).n;
    if (r.chance(0.7)) sentences.push(`${r.skewed(CONTACT_OPENERS)} ${r.skewed(CONTACT_PEOPLE)} ${r.skewed(CONTACT_TOPICS, 1.6)}.`);
    for (let tries = 0; sentences.length < wanted && tries < 20; tries++) {
      const sentence = r.skewed(NOTE_SENTENCES, 1.8);
      if (sentences.some((x) => x.endsWith(sentence.slice(1)))) continue;
      sentences.push(r.chance(0.1) ? `Checked in with ${s.preferred ?? s.first}; ${sentence.replace(/^./, (c) => c.toLowerCase())}` : sentence);
    }
    const createdMs = Math.min(nowMs, (occurred + r.int(0, 3)) * DAY_MS + r.int(480, 1_080) * 60_000);
    const signedMs = Math.min(nowMs, createdMs + r.int(2, 90) * 60_000);
    const signer = occurred < today - 2_200 ? WORKERS[0]! : occurred < today - 900 ? WORKERS[1]! : WORKERS[2]!;
    const id = r.uuid();
    const signedAt = new Date(signedMs).toISOString();
    notes.push([id, s.id, isoOf(occurred), regime, sentences.join(' '), new Date(createdMs).toISOString(), signedAt, signedAt, signer]);
    signedNotes.push({ id, signedMs, signer });
  }
  write('case_notes', ['id', 'student_id', 'occurred_on', 'regime', 'body', 'created_at', 'updated_at', 'signed_at', 'signed_by'], notes);

  // Addenda on signed notes, dated after the note was signed.
  const addendumTarget = Math.min(count(DECADE.addenda), signedNotes.length);
  const chosen = new Set<number>();
  while (chosen.size < addendumTarget) chosen.add(r.int(0, signedNotes.length - 1));
  const addenda: Value[][] = [...chosen].map((i) => {
    const note = signedNotes[i]!;
    const body = r.chance(0.3) ? `${r.pick(ADDENDUM_SENTENCES)} ${r.pick(NOTE_SENTENCES)}` : r.pick(ADDENDUM_SENTENCES);
    return [r.uuid(), note.id, body, new Date(Math.min(nowMs, note.signedMs + r.int(60, 30 * 24 * 60) * 60_000)).toISOString(), note.signer];
  });
  write('note_addenda', ['id', 'note_id', 'body', 'signed_at', 'signed_by'], addenda);

  generateReleases({ vault, r, students, total: count(DECADE.releases), firstDay, today, isoOf, stamp, write, revokedBy: WORKERS[2]! });
  generateServices({ vault, r, scale, today, firstDay, stamp, write, signer: (day) => (day < today - 2_200 ? WORKERS[0]! : day < today - 900 ? WORKERS[1]! : WORKERS[2]!) });

  return { counts, timings, totalMs: performance.now() - started, studentIds: students.map((s) => s.id) };
}
