/**
 * Community providers, their vetting evaluations, and referrals.
 *
 * An evaluation is kept as completed (a new one is added when a provider is
 * re-vetted), with the template version it was made on, so an old verdict can
 * always be read against the criteria it answered. A referral's status changes
 * are appended, never rewritten: how fast a provider answers and how often it
 * accepts are read from them.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE providers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('agency', 'person')),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    services TEXT NOT NULL CHECK (json_valid(services)),
    age_min INTEGER,
    age_max INTEGER,
    languages TEXT NOT NULL CHECK (json_valid(languages)),
    payment TEXT NOT NULL CHECK (json_valid(payment)),
    delivery TEXT NOT NULL CHECK (json_valid(delivery)),
    location TEXT NOT NULL DEFAULT '',
    contacts TEXT NOT NULL CHECK (json_valid(contacts)),
    accepting_referrals INTEGER NOT NULL CHECK (accepting_referrals IN (0, 1)),
    waitlist_weeks INTEGER CHECK (waitlist_weeks IS NULL OR waitlist_weeks >= 0),
    medicaid_provider_id TEXT,
    notes TEXT NOT NULL DEFAULT '',
    last_verified_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((age_min IS NULL) = (age_max IS NULL)),
    CHECK (age_min IS NULL OR (age_min >= 0 AND age_max >= age_min)))`,
  `CREATE INDEX providers_name ON providers(name COLLATE NOCASE)`,

  `CREATE TABLE checklist_templates (
    id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    criteria TEXT NOT NULL CHECK (json_valid(criteria)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (id, version))`,
  `CREATE TRIGGER checklist_templates_kept BEFORE UPDATE ON checklist_templates
    BEGIN SELECT RAISE(ABORT, 'a checklist version is kept as written; save a new version'); END`,

  `CREATE TABLE provider_evaluations (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers(id),
    template_id TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    ratings TEXT NOT NULL CHECK (json_valid(ratings)),
    completed_by TEXT NOT NULL CHECK (length(trim(completed_by)) > 0),
    completed_on TEXT NOT NULL,
    override_verdict TEXT CHECK (override_verdict IS NULL OR override_verdict IN ('does_not_meet', 'meets', 'exceeds')),
    override_reason TEXT,
    created_at TEXT NOT NULL,
    FOREIGN KEY (template_id, template_version) REFERENCES checklist_templates(id, version),
    CHECK ((override_verdict IS NULL) = (override_reason IS NULL)))`,
  `CREATE INDEX provider_evaluations_provider ON provider_evaluations(provider_id, completed_on)`,
  `CREATE TRIGGER provider_evaluations_kept BEFORE UPDATE ON provider_evaluations
    BEGIN SELECT RAISE(ABORT, 'a completed evaluation is kept as written; add a new one'); END`,

  `CREATE TABLE referrals (
    id TEXT PRIMARY KEY,
    student_id TEXT NOT NULL REFERENCES students(id),
    provider_id TEXT REFERENCES providers(id),
    county_intake TEXT CHECK (county_intake IS NULL OR county_intake IN ('CLTS', 'CCS')),
    reason TEXT NOT NULL,
    urgency TEXT NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
    expected_outcome TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'waitlisted', 'declined', 'completed', 'closed')),
    follow_up_on TEXT,
    outcome_note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((provider_id IS NULL) <> (county_intake IS NULL)))`,
  `CREATE INDEX referrals_student ON referrals(student_id)`,
  `CREATE INDEX referrals_provider ON referrals(provider_id) WHERE provider_id IS NOT NULL`,
  `CREATE TABLE referral_status_changes (
    id TEXT PRIMARY KEY,
    referral_id TEXT NOT NULL REFERENCES referrals(id),
    status TEXT NOT NULL,
    changed_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL)`,
  `CREATE INDEX referral_status_changes_referral ON referral_status_changes(referral_id, changed_on)`,
  `CREATE TRIGGER referral_status_changes_kept BEFORE UPDATE ON referral_status_changes
    BEGIN SELECT RAISE(ABORT, 'a referral''s history cannot be changed'); END`,
  `CREATE TRIGGER referral_status_changes_no_delete BEFORE DELETE ON referral_status_changes
    BEGIN SELECT RAISE(ABORT, 'a referral''s history cannot be changed'); END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
