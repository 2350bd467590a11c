/**
 * The consent glance (electron/shared/domain/consent/summary.ts) read from
 * the vault: each release's status is worked out in SQL, in the same order
 * and with the same date rules as releaseStatus() in status.ts, so the whole
 * caseload costs one scan of `releases` rather than one query per student.
 * tests/consent-glance.test.ts holds the SQL to the domain rules over odd
 * stored data on many days.
 */
import { addDays } from 'date-fns';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { parseIsoDate } from '../../shared/domain/deadlines.ts';
import { isoDate } from '../../shared/domain/dates.ts';
import { NO_RELEASE, summarizeConsent, type ConsentSummary, type ReleaseGlance, type ReleaseStatus } from '../../shared/domain/consent/index.ts';

type Db = Kysely<Database>;

export interface GlanceDay {
  /** YYYY-MM-DD, the local calendar day. */
  today: string;
  /** Setting `releaseExpiringDays`. */
  expiringDays: number;
}

/** A release's glance and its student: the columns are named as ReleaseGlance names them, so a row is used as it comes. */
interface Row extends ReleaseGlance {
  studentId: string;
}

/** A stored date the rules can read; like parseIsoDate, SQLite's date() rolls 02/30 over, so a rolled date is not equal to itself. */
const real = (column: string) => sql.raw(`date(${column}) IS ${column}`);

/**
 * releaseStatus() as one CASE over `releases r`. Every branch is written so a
 * NULL never decides it (IS / IS NOT NULL guards), and an unreadable date
 * counts against the release, as status.ts fails closed.
 *
 * "Fully signed" is read from signed_on alone. status.ts also checks that
 * every signature line has a named signature; in the vault that holds by
 * construction: signed_on is written only by recordSignature, in the one
 * transaction that stores a named signature for every line after checking
 * them, and the schema's triggers refuse any change to lines or signatures
 * once it is set. Looking the lines up again for every release in force
 * would nearly double what the glance costs the caseload list.
 */
function statusCase(day: GlanceDay): RawBuilder<ReleaseStatus> {
  const from = parseIsoDate(day.today);
  if (!from) throw new RangeError(`consent glance: today must be a real YYYY-MM-DD date, got ${day.today}`);
  // The end date's distance is counted in calendar days, end day included, as differenceInCalendarDays does.
  const soon = isoDate(addDays(from, day.expiringDays));
  const { today } = day;
  return sql<ReleaseStatus>`CASE
    WHEN r.revoked_on IS NOT NULL AND (r.revoked_on <= ${today} OR NOT ${real('r.revoked_on')}) THEN 'revoked'
    WHEN r.expiry_kind IS 'date' AND (r.expiry_on < ${today} OR NOT ${real('r.expiry_on')}) THEN 'expired'
    WHEN r.expiry_kind IS 'event' AND r.expiry_event_on IS NOT NULL AND (r.expiry_event_on <= ${today} OR NOT ${real('r.expiry_event_on')}) THEN 'expired'
    WHEN r.signed_on IS NULL OR NOT ${real('r.signed_on')} THEN CASE WHEN r.printed_on IS NULL THEN 'draft' ELSE 'awaiting_signature' END
    WHEN r.signed_on > ${today} OR (r.effective_from IS NOT NULL AND (r.effective_from > ${today} OR NOT ${real('r.effective_from')})) THEN 'not_yet_effective'
    WHEN r.expiry_kind IS 'date' AND r.expiry_on <= ${soon} THEN 'expiring'
    ELSE 'active' END`;
}

/** Row's columns; expiry_on is only ever set for an end date (a CHECK in the schema), and max() of a NULL is NULL, as an unsigned release has no start. */
function glanceColumns(day: GlanceDay): RawBuilder<unknown> {
  return sql`r.student_id AS "studentId", ${statusCase(day)} AS status, r.expiry_on AS "endsOn",
    max(r.signed_on, coalesce(r.effective_from, r.signed_on)) AS "startsOn"`;
}

/** Every release of one student, as the record header shows them. */
export async function consentOfStudent(db: Db, studentId: string, day: GlanceDay): Promise<ConsentSummary> {
  const rows = await sql<Row>`SELECT ${glanceColumns(day)} FROM releases r WHERE r.student_id = ${studentId}`.execute(db);
  return summarizeConsent(rows.rows);
}

/** What a student whose releases the caseload scan all left out has: expired releases only. */
const ALL_EXPIRED_RELEASE: ReleaseGlance = { status: 'expired', endsOn: null, startsOn: null };
const ALL_EXPIRED: Readonly<ConsentSummary> = summarizeConsent([ALL_EXPIRED_RELEASE]);

/**
 * The glance for every student, from two passes over `releases` whatever the
 * size of the caseload.
 *
 * Most releases in a long-kept vault ended long ago, and sorting, grouping or
 * even handing back thousands of rows costs more than the caseload list can
 * spare, so the scan returns only the releases that can set a level:
 * - every release not past its end date, or with no end date (an end at an
 *   event, or none). The test is a text comparison: an end date that is not
 *   a real date is still returned, and the CASE calls it expired;
 * - every revoked release (rule 4 of summary.ts).
 * A release left out is expired and only needs counting: the count per
 * student comes from the index on student_id alone, and a student with more
 * releases than the scan returned has at least one expired release.
 */
export async function consentAcrossCaseload(db: Db, day: GlanceDay): Promise<(studentId: string) => ConsentSummary> {
  const [rows, counts] = await Promise.all([
    sql<Row>`SELECT ${glanceColumns(day)} FROM releases r
      WHERE r.revoked_on IS NOT NULL OR r.expiry_kind IS NOT 'date' OR r.expiry_on >= ${day.today}`.execute(db),
    db.selectFrom('releases').select(['student_id', sql<number>`count(*)`.as('n')]).groupBy('student_id').execute(),
  ]);
  const kept = new Map<string, ReleaseGlance[]>();
  for (const r of rows.rows) {
    const list = kept.get(r.studentId);
    if (list) list.push(r);
    else kept.set(r.studentId, [r]);
  }
  const out = new Map<string, Readonly<ConsentSummary>>();
  for (const { student_id: studentId, n } of counts) {
    const list = kept.get(studentId);
    if (!list) out.set(studentId, ALL_EXPIRED);
    else {
      if (Number(n) > list.length) list.push(ALL_EXPIRED_RELEASE);
      out.set(studentId, summarizeConsent(list));
    }
  }
  return (studentId) => out.get(studentId) ?? NO_RELEASE;
}
