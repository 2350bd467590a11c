import { sql, type Kysely } from 'kysely';

/**
 * The caseload: schools, students, households, guardians and other contacts,
 * program enrollments with their status changes, the team, plan goals, case
 * notes with addenda, saved roster mappings, and the full-text search index.
 * Rules that must hold whatever the code does live here as constraints and
 * triggers: a signed note never changes, an addendum never changes.
 */
const flag = (name: string) => `${name} INTEGER NOT NULL DEFAULT 0 CHECK (${name} IN (0, 1))`;

const statements = [
  `CREATE TABLE districts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL)`,
  `CREATE TABLE schools (
    id TEXT PRIMARY KEY,
    district_id TEXT REFERENCES districts(id),
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL)`,
  `CREATE TABLE households (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL)`,
  `CREATE TABLE students (
    id TEXT PRIMARY KEY,
    legal_first TEXT NOT NULL CHECK (length(legal_first) > 0),
    legal_middle TEXT,
    legal_last TEXT NOT NULL CHECK (length(legal_last) > 0),
    preferred_name TEXT,
    dob TEXT CHECK (dob IS NULL OR dob GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    grade TEXT,
    school_id TEXT REFERENCES schools(id),
    school_student_id TEXT,
    medicaid_id TEXT,
    mci_id TEXT,
    ${flag('iep')},
    ${flag('plan_504')},
    ${flag('foster_care')},
    ${flag('mckinney_vento')},
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    household_id TEXT REFERENCES households(id) ON DELETE SET NULL,
    sort_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`,
  `CREATE INDEX students_sort ON students(sort_key)`,
  `CREATE INDEX students_school_student_id ON students(school_student_id)`,
  `CREATE INDEX students_household ON students(household_id)`,
  `CREATE TABLE contacts (
    id TEXT PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    preferred_language TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`,
  `CREATE TABLE student_contacts (
    student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    relationship TEXT NOT NULL,
    legal_authority TEXT NOT NULL CHECK (legal_authority IN ('parent', 'legal_guardian', 'legal_representative', 'none')),
    ${flag('court_order_on_file')},
    ${flag('no_contact')},
    ${flag('no_access')},
    note TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (student_id, contact_id))`,
  `CREATE INDEX student_contacts_contact ON student_contacts(contact_id)`,
  `CREATE TABLE enrollments (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    program TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('referred', 'pending', 'active', 'closed')),
    referral_date TEXT, application_date TEXT, eligibility_date TEXT, functional_screen_date TEXT,
    assessment_date TEXT, abbreviated_assessment_date TEXT, plan_date TEXT, last_plan_review_date TEXT, end_date TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`,
  `CREATE INDEX enrollments_student ON enrollments(student_id)`,
  `CREATE TABLE enrollment_changes (
    id TEXT PRIMARY KEY,
    enrollment_id TEXT NOT NULL REFERENCES enrollments(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('referred', 'pending', 'active', 'closed')),
    changed_on TEXT NOT NULL,
    entered_in_county_on TEXT,
    note TEXT,
    recorded_at TEXT NOT NULL)`,
  `CREATE INDEX enrollment_changes_enrollment ON enrollment_changes(enrollment_id)`,
  `CREATE TABLE team_members (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    organization TEXT,
    phone TEXT,
    email TEXT,
    created_at TEXT NOT NULL)`,
  `CREATE INDEX team_members_student ON team_members(student_id)`,
  `CREATE TABLE plan_goals (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    goal TEXT NOT NULL,
    owner TEXT,
    due_on TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'dropped')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL)`,
  `CREATE INDEX plan_goals_student ON plan_goals(student_id)`,
  `CREATE TABLE case_notes (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    occurred_on TEXT NOT NULL,
    regime TEXT NOT NULL CHECK (regime IN ('pupil', 'county')),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    signed_at TEXT,
    signed_by TEXT,
    CHECK ((signed_at IS NULL) = (signed_by IS NULL)))`,
  `CREATE INDEX case_notes_student ON case_notes(student_id, occurred_on)`,
  // A signed note is the record: it is never edited or removed, only added to.
  `CREATE TRIGGER case_notes_signed_no_update BEFORE UPDATE ON case_notes WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a signed note cannot be changed; add an addendum'); END`,
  `CREATE TRIGGER case_notes_signed_no_delete BEFORE DELETE ON case_notes WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a signed note cannot be deleted'); END`,
  `CREATE TABLE note_addenda (
    id TEXT PRIMARY KEY,
    note_id TEXT NOT NULL REFERENCES case_notes(id),
    body TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    signed_by TEXT NOT NULL)`,
  `CREATE INDEX note_addenda_note ON note_addenda(note_id)`,
  `CREATE TRIGGER note_addenda_signed_note_only BEFORE INSERT ON note_addenda
    WHEN (SELECT signed_at FROM case_notes WHERE id = NEW.note_id) IS NULL
    BEGIN SELECT RAISE(ABORT, 'an addendum corrects a signed note; edit the draft instead'); END`,
  `CREATE TRIGGER note_addenda_no_update BEFORE UPDATE ON note_addenda
    BEGIN SELECT RAISE(ABORT, 'an addendum cannot be changed'); END`,
  `CREATE TRIGGER note_addenda_no_delete BEFORE DELETE ON note_addenda
    BEGIN SELECT RAISE(ABORT, 'an addendum cannot be deleted'); END`,
  `CREATE TABLE roster_mappings (
    source TEXT PRIMARY KEY,
    mapping TEXT NOT NULL CHECK (json_valid(mapping)),
    updated_at TEXT NOT NULL)`,
  // Search: one FTS5 index (inside the encrypted file) over students, contacts,
  // notes and addenda. search_docs gives each indexed row a stable integer id,
  // so updates and deletes touch one FTS row instead of scanning the index.
  `CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref_id TEXT NOT NULL,
    student_id TEXT,
    UNIQUE (kind, ref_id))`,
  `CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`,
  ...indexTriggers('student', 'students', 'NEW.id', "NEW.legal_first || ' ' || NEW.legal_last || coalesce(' (' || NEW.preferred_name || ')', '')", "coalesce(NEW.school_student_id, '') || ' ' || coalesce(NEW.legal_middle, '')"),
  ...indexTriggers('contact', 'contacts', 'NULL', "NEW.first_name || ' ' || NEW.last_name", "coalesce(NEW.phone, '') || ' ' || coalesce(NEW.email, '')"),
  ...indexTriggers('note', 'case_notes', 'NEW.student_id', "'Case note ' || NEW.occurred_on", 'NEW.body'),
  `CREATE TRIGGER search_addendum_insert AFTER INSERT ON note_addenda BEGIN
    INSERT INTO search_docs (kind, ref_id, student_id) VALUES ('addendum', NEW.id, (SELECT student_id FROM case_notes WHERE id = NEW.note_id));
    INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), 'Addendum ' || substr(NEW.signed_at, 1, 10), NEW.body);
  END`,
];

/** Insert, update and delete triggers that keep one kind of row in the search index. */
function indexTriggers(kind: string, table: string, studentId: string, title: string, body: string): string[] {
  const docId = (row: 'NEW' | 'OLD') => `(SELECT id FROM search_docs WHERE kind = '${kind}' AND ref_id = ${row}.id)`;
  return [
    `CREATE TRIGGER search_${kind}_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO search_docs (kind, ref_id, student_id) VALUES ('${kind}', NEW.id, ${studentId});
      INSERT INTO search_fts (rowid, title, body) VALUES (last_insert_rowid(), ${title}, ${body});
    END`,
    `CREATE TRIGGER search_${kind}_update AFTER UPDATE ON ${table} BEGIN
      DELETE FROM search_fts WHERE rowid = ${docId('OLD')};
      INSERT INTO search_fts (rowid, title, body) VALUES (${docId('OLD')}, ${title}, ${body});
    END`,
    `CREATE TRIGGER search_${kind}_delete AFTER DELETE ON ${table} BEGIN
      DELETE FROM search_fts WHERE rowid = ${docId('OLD')};
      DELETE FROM search_docs WHERE kind = '${kind}' AND ref_id = OLD.id;
    END`,
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
