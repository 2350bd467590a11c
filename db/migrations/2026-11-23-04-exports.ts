/**
 * Exports that disclose a student's information, and the Medicaid billing
 * consent (DPI model form M-5).
 *
 * `export_journal` makes "the file and its disclosure record, or neither" hold
 * across a crash: a row is written before the file is, and removed in the
 * same transaction that writes the disclosure. A row still present at the next
 * unlock means the export never committed, so its file is removed.
 *
 * M-5: a one-time parental consent (given or refused, withdrawn later) and the
 * annual written notice, one row per notice given.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE export_journal (
    id TEXT PRIMARY KEY,
    export_id TEXT NOT NULL,
    temp_path TEXT NOT NULL,
    final_path TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    started_at TEXT NOT NULL)`,
  `ALTER TABLE disclosures ADD COLUMN export_id TEXT`,
  `CREATE INDEX disclosures_export ON disclosures(export_id) WHERE export_id IS NOT NULL`,
  `CREATE TABLE medicaid_consents (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id),
    decision TEXT NOT NULL CHECK (decision IN ('given', 'refused')),
    decided_on TEXT NOT NULL,
    signed_by TEXT NOT NULL CHECK (length(trim(signed_by)) > 0),
    notice_id TEXT NOT NULL REFERENCES medicaid_notices(id),
    withdrawn_on TEXT,
    withdrawal_received_by TEXT,
    created_at TEXT NOT NULL,
    CHECK ((withdrawn_on IS NULL) = (withdrawal_received_by IS NULL)),
    CHECK (withdrawn_on IS NULL OR (decision = 'given' AND withdrawn_on >= decided_on)))`,
  `CREATE INDEX medicaid_consents_student ON medicaid_consents(student_id, decided_on)`,
  // A recorded decision is the parent's word: only a withdrawal may be added to it.
  `CREATE TRIGGER medicaid_consents_kept BEFORE UPDATE ON medicaid_consents
    WHEN NEW.decision IS NOT OLD.decision OR NEW.decided_on IS NOT OLD.decided_on OR NEW.signed_by IS NOT OLD.signed_by
      OR NEW.notice_id IS NOT OLD.notice_id OR NEW.student_id IS NOT OLD.student_id OR OLD.withdrawn_on IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a recorded Medicaid consent cannot be changed; record a withdrawal instead'); END`,
  `CREATE TRIGGER medicaid_consents_no_delete BEFORE DELETE ON medicaid_consents
    BEGIN SELECT RAISE(ABORT, 'a recorded Medicaid consent cannot be deleted'); END`,
  `CREATE TABLE medicaid_notices (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id),
    given_on TEXT NOT NULL,
    method TEXT NOT NULL CHECK (method IN ('mail', 'in_person', 'email', 'backpack')),
    created_at TEXT NOT NULL,
    UNIQUE (student_id, given_on))`,
  `CREATE TRIGGER medicaid_notices_no_update BEFORE UPDATE ON medicaid_notices
    BEGIN SELECT RAISE(ABORT, 'a recorded notice cannot be changed'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
