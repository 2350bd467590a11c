import { sql, type Kysely } from 'kysely';

/**
 * Releases of information (consents), their recipients and signers, the
 * scanned signed copy (kept inside the encrypted file), and the record of
 * disclosures. What the law relies on is enforced here: a signed release's
 * terms never change (only revocation, the copy-given date and an expiry
 * event may be recorded later), and the record of disclosures is append-only.
 */
const statements = [
  `CREATE TABLE releases (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id),
    form_id TEXT NOT NULL UNIQUE,
    verification_code TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en', 'es')),
    discloser TEXT NOT NULL CHECK (discloser IN ('district', 'county', 'both')),
    purpose TEXT NOT NULL,
    categories TEXT NOT NULL CHECK (json_valid(categories)),
    other_description TEXT,
    regimes TEXT NOT NULL CHECK (json_valid(regimes)),
    statements TEXT NOT NULL CHECK (json_valid(statements)),
    -- NULL: no end (allowed for FERPA alone; the validator decides).
    expiry_kind TEXT CHECK (expiry_kind IS NULL OR expiry_kind IN ('date', 'event')),
    expiry_on TEXT,
    expiry_event TEXT,
    expiry_event_on TEXT,
    template_version TEXT NOT NULL,
    printed_on TEXT,
    signed_on TEXT,
    effective_from TEXT,
    copy_given_on TEXT,
    revoked_on TEXT,
    revocation_method TEXT CHECK (revocation_method IS NULL OR revocation_method IN ('written', 'oral')),
    revocation_received_by TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((expiry_kind IS 'date') = (expiry_on IS NOT NULL)),
    CHECK ((expiry_kind IS 'event') = (expiry_event IS NOT NULL)),
    CHECK ((revoked_on IS NULL) = (revocation_method IS NULL)))`,
  `CREATE INDEX releases_student ON releases(student_id)`,
  // The due-soon panel asks, on every load, which signed releases end soon.
  `CREATE INDEX releases_open_by_end ON releases(expiry_on) WHERE signed_on IS NOT NULL AND revoked_on IS NULL`,
  `CREATE TRIGGER releases_signed_terms_fixed BEFORE UPDATE ON releases
    WHEN OLD.signed_on IS NOT NULL AND (
      NEW.student_id IS NOT OLD.student_id OR NEW.purpose IS NOT OLD.purpose OR NEW.categories IS NOT OLD.categories
      OR NEW.other_description IS NOT OLD.other_description OR NEW.statements IS NOT OLD.statements OR NEW.regimes IS NOT OLD.regimes OR NEW.discloser IS NOT OLD.discloser OR NEW.expiry_kind IS NOT OLD.expiry_kind
      OR NEW.expiry_on IS NOT OLD.expiry_on OR NEW.expiry_event IS NOT OLD.expiry_event OR NEW.language IS NOT OLD.language
      OR NEW.signed_on IS NOT OLD.signed_on OR NEW.form_id IS NOT OLD.form_id
      OR (OLD.revoked_on IS NOT NULL AND (NEW.revoked_on IS NOT OLD.revoked_on
        OR NEW.revocation_method IS NOT OLD.revocation_method OR NEW.revocation_received_by IS NOT OLD.revocation_received_by)))
    BEGIN SELECT RAISE(ABORT, 'a signed release cannot be changed; revoke it and make a new one'); END`,
  `CREATE TRIGGER releases_signed_no_delete BEFORE DELETE ON releases WHEN OLD.signed_on IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a signed release cannot be deleted'); END`,
  `CREATE TABLE release_recipients (
    id TEXT PRIMARY KEY,
    release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('party', 'class')),
    name TEXT NOT NULL,
    contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
    -- Community providers arrive with a later migration; the id is kept as given.
    provider_id TEXT,
    address TEXT,
    position INTEGER NOT NULL)`,
  `CREATE INDEX release_recipients_release ON release_recipients(release_id)`,
  // The signature lines printed on the form (who must sign and why), fixed when printed.
  `CREATE TABLE release_signers (
    id TEXT PRIMARY KEY,
    release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('parent_or_guardian', 'student', 'legal_representative')),
    name TEXT,
    why TEXT NOT NULL,
    position INTEGER NOT NULL)`,
  `CREATE INDEX release_signers_release ON release_signers(release_id)`,
  // Who actually signed, recorded from the signed paper (or signed on screen).
  `CREATE TABLE release_signatures (
    id TEXT PRIMARY KEY,
    release_id TEXT NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('parent_or_guardian', 'student', 'legal_representative')),
    signed_name TEXT NOT NULL,
    signature_png BLOB,
    position INTEGER NOT NULL)`,
  `CREATE INDEX release_signatures_release ON release_signatures(release_id)`,
  ...['release_recipients', 'release_signers', 'release_signatures'].flatMap((table) => [
    `CREATE TRIGGER ${table}_signed_insert BEFORE INSERT ON ${table}
      WHEN (SELECT signed_on FROM releases WHERE id = NEW.release_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a signed release cannot be changed; revoke it and make a new one'); END`,
    `CREATE TRIGGER ${table}_signed_update BEFORE UPDATE ON ${table}
      WHEN (SELECT signed_on FROM releases WHERE id = OLD.release_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a signed release cannot be changed; revoke it and make a new one'); END`,
    `CREATE TRIGGER ${table}_signed_delete BEFORE DELETE ON ${table}
      WHEN (SELECT signed_on FROM releases WHERE id = OLD.release_id) IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a signed release cannot be changed; revoke it and make a new one'); END`,
  ]),
  `CREATE TABLE release_attachments (
    id TEXT PRIMARY KEY,
    release_id TEXT NOT NULL REFERENCES releases(id),
    file_name TEXT NOT NULL,
    mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
    bytes BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    added_at TEXT NOT NULL)`,
  `CREATE INDEX release_attachments_release ON release_attachments(release_id)`,
  `CREATE TRIGGER release_attachments_no_update BEFORE UPDATE ON release_attachments
    BEGIN SELECT RAISE(ABORT, 'a signed copy on file cannot be changed'); END`,
  `CREATE TABLE disclosures (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id),
    disclosed_on TEXT NOT NULL,
    recipient TEXT NOT NULL,
    purpose TEXT NOT NULL,
    categories TEXT NOT NULL CHECK (json_valid(categories)),
    documents TEXT NOT NULL CHECK (json_valid(documents)),
    release_id TEXT REFERENCES releases(id),
    exception_kind TEXT,
    exception_reason TEXT,
    disclosed_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK ((release_id IS NULL) <> (exception_kind IS NULL)),
    CHECK (exception_kind IS NULL OR length(trim(exception_reason)) >= 10))`,
  `CREATE INDEX disclosures_student ON disclosures(student_id, disclosed_on)`,
  // The record of disclosures (FERPA 99.32, HIPAA accounting) is kept as written.
  `CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
    BEGIN SELECT RAISE(ABORT, 'the record of disclosures cannot be changed'); END`,
  `CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
    BEGIN SELECT RAISE(ABORT, 'the record of disclosures cannot be changed'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
