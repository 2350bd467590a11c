/**
 * The service log and the monthly billing export.
 *
 * A signed service entry is at once the case note and the billing record: the
 * database refuses to change or delete it. A mistake is corrected by a signed
 * correction that names the fields it changes and why; the entry as billed is
 * the entry with its corrections applied in order.
 *
 * An export is a batch of lines, each a snapshot of what was billed. An entry
 * can be on one live batch only (a unique index over live lines), so the same
 * minutes are never exported twice by accident; voiding a batch releases its
 * entries for a corrected batch, and keeps the voided lines as they were.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE service_entries (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id),
    service_date TEXT NOT NULL CHECK (service_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    start_time TEXT CHECK (start_time IS NULL OR start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time TEXT CHECK (end_time IS NULL OR end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    travel_minutes INTEGER NOT NULL DEFAULT 0 CHECK (travel_minutes BETWEEN 0 AND 1440),
    documentation_minutes INTEGER NOT NULL DEFAULT 0 CHECK (documentation_minutes BETWEEN 0 AND 1440),
    activity TEXT NOT NULL,
    contact_mode TEXT NOT NULL,
    contact_type TEXT NOT NULL,
    place_of_service TEXT NOT NULL CHECK (place_of_service GLOB '[0-9][0-9]'),
    persons_present TEXT,
    program TEXT NOT NULL,
    funding_stream TEXT NOT NULL,
    goal_id TEXT REFERENCES plan_goals(id),
    authorization_id TEXT REFERENCES prior_authorizations(id),
    narrative TEXT NOT NULL,
    follow_up TEXT,
    group_id TEXT,
    signed_at TEXT,
    signed_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((start_time IS NULL) = (end_time IS NULL)),
    CHECK (start_time IS NULL OR end_time > start_time),
    CHECK ((signed_at IS NULL) = (signed_by IS NULL)))`,
  `CREATE INDEX service_entries_student ON service_entries(student_id, service_date)`,
  `CREATE INDEX service_entries_date ON service_entries(service_date)`,
  `CREATE INDEX service_entries_group ON service_entries(group_id) WHERE group_id IS NOT NULL`,
  `CREATE TRIGGER service_entries_signed_no_update BEFORE UPDATE ON service_entries WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a signed service entry cannot be changed; add a correction'); END`,
  `CREATE TRIGGER service_entries_signed_no_delete BEFORE DELETE ON service_entries WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a signed service entry cannot be deleted'); END`,

  `CREATE TABLE service_corrections (
    id TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL REFERENCES service_entries(id),
    changes TEXT NOT NULL CHECK (json_valid(changes)),
    previous TEXT NOT NULL CHECK (json_valid(previous)),
    reason TEXT NOT NULL CHECK (length(trim(reason)) >= 5),
    signed_at TEXT NOT NULL,
    signed_by TEXT NOT NULL)`,
  `CREATE INDEX service_corrections_entry ON service_corrections(entry_id, signed_at)`,
  `CREATE TRIGGER service_corrections_signed_entry_only BEFORE INSERT ON service_corrections
    WHEN (SELECT signed_at FROM service_entries WHERE id = NEW.entry_id) IS NULL
    BEGIN SELECT RAISE(ABORT, 'a correction is for a signed entry; edit the draft instead'); END`,
  `CREATE TRIGGER service_corrections_no_update BEFORE UPDATE ON service_corrections
    BEGIN SELECT RAISE(ABORT, 'a correction cannot be changed; add another'); END`,
  `CREATE TRIGGER service_corrections_no_delete BEFORE DELETE ON service_corrections
    BEGIN SELECT RAISE(ABORT, 'a correction cannot be deleted'); END`,

  `CREATE TABLE prior_authorizations (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id),
    program TEXT NOT NULL,
    number TEXT NOT NULL CHECK (length(trim(number)) > 0),
    procedure_code TEXT NOT NULL,
    modifiers TEXT NOT NULL CHECK (json_valid(modifiers)),
    units_authorized REAL NOT NULL CHECK (units_authorized > 0),
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL,
    diagnosis_code TEXT,
    provider_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (end_on >= start_on))`,
  `CREATE INDEX prior_authorizations_student ON prior_authorizations(student_id, program)`,

  `CREATE TABLE billing_profiles (
    program TEXT PRIMARY KEY,
    profile TEXT NOT NULL CHECK (json_valid(profile)),
    updated_at TEXT NOT NULL)`,

  `CREATE TABLE service_templates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    fields TEXT NOT NULL CHECK (json_valid(fields)),
    created_at TEXT NOT NULL)`,

  `CREATE TABLE billing_batches (
    id TEXT PRIMARY KEY,
    program TEXT NOT NULL,
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    exported_at TEXT NOT NULL,
    exported_by TEXT NOT NULL,
    files TEXT NOT NULL CHECK (json_valid(files)),
    corrects_batch_id TEXT REFERENCES billing_batches(id),
    voided_at TEXT,
    void_reason TEXT,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)))`,
  `CREATE INDEX billing_batches_month ON billing_batches(program, month)`,
  // A batch is kept as exported; the only change is voiding it, once.
  `CREATE TRIGGER billing_batches_kept BEFORE UPDATE ON billing_batches
    WHEN OLD.voided_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.program IS NOT OLD.program OR NEW.month IS NOT OLD.month
      OR NEW.exported_at IS NOT OLD.exported_at OR NEW.files IS NOT OLD.files OR NEW.corrects_batch_id IS NOT OLD.corrects_batch_id
    BEGIN SELECT RAISE(ABORT, 'an exported batch cannot be changed; void it and export a corrected batch'); END`,
  `CREATE TRIGGER billing_batches_no_delete BEFORE DELETE ON billing_batches
    BEGIN SELECT RAISE(ABORT, 'an exported batch cannot be deleted'); END`,

  `CREATE TABLE batch_lines (
    id TEXT PRIMARY KEY,
    batch_id TEXT NOT NULL REFERENCES billing_batches(id),
    entry_id TEXT NOT NULL REFERENCES service_entries(id),
    funding_stream TEXT NOT NULL,
    units REAL NOT NULL,
    line TEXT NOT NULL CHECK (json_valid(line)),
    live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)))`,
  `CREATE INDEX batch_lines_batch ON batch_lines(batch_id)`,
  // The same entry is on one live batch at most: never billed twice, whatever the caller.
  `CREATE UNIQUE INDEX batch_lines_once ON batch_lines(entry_id) WHERE live = 1`,
  `CREATE TRIGGER batch_lines_only_released BEFORE UPDATE ON batch_lines
    WHEN NOT (OLD.live = 1 AND NEW.live = 0 AND NEW.id IS OLD.id AND NEW.batch_id IS OLD.batch_id AND NEW.entry_id IS OLD.entry_id
      AND NEW.units IS OLD.units AND NEW.line IS OLD.line AND NEW.funding_stream IS OLD.funding_stream
      AND (SELECT voided_at FROM billing_batches WHERE id = OLD.batch_id) IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'an exported line cannot be changed; void its batch'); END`,
  `CREATE TRIGGER batch_lines_no_delete BEFORE DELETE ON batch_lines
    BEGIN SELECT RAISE(ABORT, 'an exported line cannot be deleted'); END`,
  // A line joins a live batch only.
  `CREATE TRIGGER batch_lines_live_batch BEFORE INSERT ON batch_lines
    WHEN (SELECT voided_at FROM billing_batches WHERE id = NEW.batch_id) IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a voided batch takes no new lines'); END`,

  // Signed entries on no live batch, kept by triggers so the due-soon panel's timely-filing check reads
  // a short list instead of probing every entry of ten years against the batches.
  `CREATE TABLE unbilled_entries (
    entry_id TEXT PRIMARY KEY REFERENCES service_entries(id),
    student_id TEXT NOT NULL,
    service_date TEXT NOT NULL)`,
  `CREATE INDEX unbilled_entries_date ON unbilled_entries(service_date)`,
  `CREATE TRIGGER unbilled_on_insert AFTER INSERT ON service_entries WHEN NEW.signed_at IS NOT NULL
    BEGIN INSERT INTO unbilled_entries (entry_id, student_id, service_date) VALUES (NEW.id, NEW.student_id, NEW.service_date); END`,
  `CREATE TRIGGER unbilled_on_sign AFTER UPDATE OF signed_at ON service_entries WHEN OLD.signed_at IS NULL AND NEW.signed_at IS NOT NULL
    BEGIN INSERT INTO unbilled_entries (entry_id, student_id, service_date) VALUES (NEW.id, NEW.student_id, NEW.service_date); END`,
  `CREATE TRIGGER unbilled_corrected_date AFTER INSERT ON service_corrections WHEN json_extract(NEW.changes, '$.date') IS NOT NULL
    BEGIN UPDATE unbilled_entries SET service_date = json_extract(NEW.changes, '$.date') WHERE entry_id = NEW.entry_id; END`,
  `CREATE TRIGGER unbilled_on_export AFTER INSERT ON batch_lines WHEN NEW.live = 1
    BEGIN DELETE FROM unbilled_entries WHERE entry_id = NEW.entry_id; END`,
  `CREATE TRIGGER unbilled_on_void AFTER UPDATE OF live ON batch_lines WHEN OLD.live = 1 AND NEW.live = 0
    BEGIN
      INSERT OR IGNORE INTO unbilled_entries (entry_id, student_id, service_date)
        SELECT e.id, e.student_id, coalesce((SELECT json_extract(c.changes, '$.date') FROM service_corrections c
            WHERE c.entry_id = e.id AND json_extract(c.changes, '$.date') IS NOT NULL ORDER BY c.signed_at DESC LIMIT 1), e.service_date)
        FROM service_entries e WHERE e.id = NEW.entry_id;
    END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
