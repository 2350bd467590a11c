/**
 * Assessing entries the way the month will be billed: each in date order,
 * with the units its student's earlier entries already used on each prior
 * authorization and, for a rule on the month's total, the minutes already
 * claimed that month.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/database.ts';
import {
  assessEntry,
  countedMinutes,
  dayParts,
  unitsUsed,
  type BillingProfile,
  type EntryAssessment,
  type ServiceEntry,
} from '../../shared/domain/billing/index.ts';
import { loadEntries, loadProfiles, profileOf, studentBillingFacts, type StudentBillingFacts } from './context.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface Assessor {
  profiles: BillingProfile[];
  facts: Map<string, StudentBillingFacts>;
  assess(entry: ServiceEntry): EntryAssessment;
}

const chronological = (a: ServiceEntry, b: ServiceEntry) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

function startMinute(e: ServiceEntry): number {
  return e.time.kind === 'clock' ? Number(e.time.startTime.slice(0, 2)) * 60 + Number(e.time.startTime.slice(3)) : -1;
}

/** Strictly before `e` in the order the month is billed: date, then start time, then id. */
function before(a: ServiceEntry, e: ServiceEntry): boolean {
  return chronological(a, e) < 0 || (a.date === e.date && (startMinute(a) < startMinute(e) || (startMinute(a) === startMinute(e) && a.id < e.id)));
}

/**
 * Builds an assessor for entries of `studentIds`: `history` is every other
 * signed entry of theirs that can use authorization units or month minutes
 * (the entries being assessed are compared against it and each other).
 */
export async function assessorFor(db: Db, studentIds: readonly string[], targets: readonly ServiceEntry[], today: string): Promise<Assessor> {
  const [profiles, facts] = await Promise.all([loadProfiles(db), studentBillingFacts(db, studentIds)]);
  // History that can matter: the month of the earliest target (a month-total rule) and the authorizations
  // still open on or after it (their units used). Older authorizations cannot cover these entries.
  const earliestTarget = targets.map((t) => t.date).sort()[0];
  const earliestMonth = earliestTarget ? `${earliestTarget.slice(0, 7)}-01` : undefined;
  const earliestAuth = earliestTarget
    ? [...facts.values()].flatMap((f) => f.authorizations.filter((a) => a.endDate >= earliestTarget).map((a) => a.startDate)).sort()[0]
    : undefined;
  const from = [earliestAuth, earliestMonth].filter((d): d is string => Boolean(d)).sort()[0];
  const latest = targets.map((t) => t.date).sort().at(-1);
  const history = new Map<string, ServiceEntry[]>();
  const targetIds = new Set(targets.map((t) => t.id));
  const students = [...new Set(studentIds)];
  // Whether history was exported does not change what it used: its batch lines are not read.
  const loaded = from && latest ? await loadEntries(db, { studentIds: students, from, to: latest, withBatches: false }) : [];
  for (const sid of students) history.set(sid, []);
  for (const l of loaded) if (l.row.signed_at !== null && !targetIds.has(l.row.id)) history.get(l.fields.studentId)?.push(l.domain);
  for (const t of targets) history.get(t.studentId)?.push(t);
  // Each student's entries in billing order once, so an entry's predecessors are a prefix, not a scan.
  const order = (a: ServiceEntry, b: ServiceEntry) => (before(a, b) ? -1 : before(b, a) ? 1 : 0);
  const position = new Map<ServiceEntry, number>();
  for (const list of history.values()) {
    list.sort(order);
    list.forEach((e, i) => position.set(e, i));
  }

  return {
    profiles,
    facts,
    assess(entry) {
      const profile = profileOf(entry.program, profiles);
      const f = facts.get(entry.studentId);
      const mine = history.get(entry.studentId) ?? [];
      const at = position.get(entry);
      const earlier = at === undefined ? mine.filter((o) => o.id !== entry.id && before(o, entry)) : mine.slice(0, at);
      const monthMinutesBefore = profile
        ? earlier
            .filter((o) => o.date.slice(0, 7) === entry.date.slice(0, 7) && o.program === profile.program && o.fundingStream === profile.fundingStream)
            .reduce((sum, o) => {
              const parts = dayParts(o);
              return parts.ok ? sum + countedMinutes(parts.value.reduce((m, p) => m + p.minutes, 0), o, profile) : sum;
            }, 0)
        : 0;
      return assessEntry(entry, {
        profile,
        enrollments: f?.enrollments ?? [],
        medicaidId: f?.medicaidId ?? null,
        authorizations: (f?.authorizations ?? []).map((authorization) => ({
          authorization,
          unitsUsed: profile ? unitsUsed(authorization, earlier, profile) : 0,
        })),
        prerequisitesMet: f?.prerequisitesMet ?? {},
        today,
        monthMinutesBefore,
      });
    },
  };
}
