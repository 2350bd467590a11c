/** Kysely table types: the shape of every table, as SQLite stores it. */
import type { Generated } from 'kysely';

export interface SchemaMigrationsTable {
  name: string;
  applied_at: string;
}

export interface SettingsTable {
  key: string;
  /** JSON text; validated by the settings schema on the way in and out. */
  value: string;
  updated_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON object of ids and codes, never free text a person wrote. */
  details: string;
  prev_hash: string;
  hash: string;
}

type Flag = 0 | 1;

export interface DistrictsTable { id: string; name: string; created_at: string }
export interface SchoolsTable { id: string; district_id: string | null; name: string; created_at: string }
export interface HouseholdsTable { id: string; created_at: string }

export interface StudentsTable {
  id: string;
  legal_first: string;
  legal_middle: string | null;
  legal_last: string;
  preferred_name: string | null;
  dob: string | null;
  grade: string | null;
  school_id: string | null;
  school_student_id: string | null;
  medicaid_id: string | null;
  mci_id: string | null;
  iep: Flag;
  plan_504: Flag;
  foster_care: Flag;
  mckinney_vento: Flag;
  status: 'active' | 'inactive';
  household_id: string | null;
  /** Folded name (last, first) for a sort that ignores case and accents. */
  sort_key: string;
  created_at: string;
  updated_at: string;
}

export interface ContactsTable {
  id: string;
  first_name: string;
  last_name: string;
  phone: string | null;
  email: string | null;
  preferred_language: string | null;
  created_at: string;
  updated_at: string;
}

export interface StudentContactsTable {
  student_id: string;
  contact_id: string;
  relationship: string;
  legal_authority: 'parent' | 'legal_guardian' | 'legal_representative' | 'none';
  court_order_on_file: Flag;
  no_contact: Flag;
  no_access: Flag;
  note: string | null;
  created_at: string;
}

export type EnrollmentStatus = 'referred' | 'pending' | 'active' | 'closed';

export interface EnrollmentsTable {
  id: string;
  student_id: string;
  program: string;
  status: EnrollmentStatus;
  referral_date: string | null;
  application_date: string | null;
  eligibility_date: string | null;
  functional_screen_date: string | null;
  assessment_date: string | null;
  abbreviated_assessment_date: string | null;
  plan_date: string | null;
  last_plan_review_date: string | null;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnrollmentChangesTable {
  id: string;
  enrollment_id: string;
  status: EnrollmentStatus;
  changed_on: string;
  entered_in_county_on: string | null;
  note: string | null;
  recorded_at: string;
}

export interface TeamMembersTable {
  id: string;
  student_id: string;
  name: string;
  role: string;
  organization: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
}

export interface PlanGoalsTable {
  id: string;
  student_id: string;
  goal: string;
  owner: string | null;
  due_on: string | null;
  status: 'open' | 'met' | 'dropped';
  created_at: string;
  updated_at: string;
}

export interface CaseNotesTable {
  id: string;
  student_id: string;
  occurred_on: string;
  regime: 'pupil' | 'county';
  body: string;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  signed_by: string | null;
}

export interface NoteAddendaTable { id: string; note_id: string; body: string; signed_at: string; signed_by: string }
export interface RosterMappingsTable { source: string; mapping: string; updated_at: string }
export interface SearchDocsTable { id: Generated<number>; kind: string; ref_id: string; student_id: string | null }

export interface ReleasesTable {
  id: string;
  student_id: string;
  form_id: string;
  verification_code: string;
  language: 'en' | 'es';
  discloser: 'district' | 'county' | 'both';
  purpose: string;
  /** JSON array of record categories. */
  categories: string;
  other_description: string | null;
  /** JSON array of regimes. */
  regimes: string;
  /** JSON object: which statements the printed template carries. */
  statements: string;
  expiry_kind: 'date' | 'event' | null;
  expiry_on: string | null;
  expiry_event: string | null;
  expiry_event_on: string | null;
  template_version: string;
  printed_on: string | null;
  signed_on: string | null;
  effective_from: string | null;
  copy_given_on: string | null;
  revoked_on: string | null;
  revocation_method: 'written' | 'oral' | null;
  revocation_received_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReleaseRecipientsTable {
  id: string;
  release_id: string;
  kind: 'party' | 'class';
  name: string;
  contact_id: string | null;
  provider_id: string | null;
  address: string | null;
  position: number;
}

type SignerRoleColumn = 'parent_or_guardian' | 'student' | 'legal_representative';

export interface ReleaseSignersTable { id: string; release_id: string; role: SignerRoleColumn; name: string | null; why: string; position: number }
export interface ReleaseSignaturesTable { id: string; release_id: string; role: SignerRoleColumn; signed_name: string; signature_png: Uint8Array | null; position: number }
export interface ReleaseAttachmentsTable { id: string; release_id: string; file_name: string; mime: 'application/pdf' | 'image/png' | 'image/jpeg'; bytes: Uint8Array; sha256: string; added_at: string }

export interface DisclosuresTable {
  id: string;
  student_id: string;
  disclosed_on: string;
  recipient: string;
  purpose: string;
  categories: string;
  documents: string;
  release_id: string | null;
  exception_kind: string | null;
  exception_reason: string | null;
  disclosed_by: string;
  created_at: string;
  /** The export that carried it, when a file was written. */
  export_id: string | null;
}

export interface ExportJournalTable { id: string; export_id: string; temp_path: string; final_path: string; sha256: string; started_at: string }

export interface MedicaidConsentsTable {
  id: string;
  student_id: string;
  decision: 'given' | 'refused';
  decided_on: string;
  signed_by: string;
  notice_id: string;
  withdrawn_on: string | null;
  withdrawal_received_by: string | null;
  created_at: string;
}

export interface MedicaidNoticesTable { id: string; student_id: string; given_on: string; method: 'mail' | 'in_person' | 'email' | 'backpack'; created_at: string }

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  districts: DistrictsTable;
  schools: SchoolsTable;
  households: HouseholdsTable;
  students: StudentsTable;
  contacts: ContactsTable;
  student_contacts: StudentContactsTable;
  enrollments: EnrollmentsTable;
  enrollment_changes: EnrollmentChangesTable;
  team_members: TeamMembersTable;
  plan_goals: PlanGoalsTable;
  case_notes: CaseNotesTable;
  note_addenda: NoteAddendaTable;
  roster_mappings: RosterMappingsTable;
  search_docs: SearchDocsTable;
  releases: ReleasesTable;
  release_recipients: ReleaseRecipientsTable;
  release_signers: ReleaseSignersTable;
  release_signatures: ReleaseSignaturesTable;
  release_attachments: ReleaseAttachmentsTable;
  disclosures: DisclosuresTable;
  export_journal: ExportJournalTable;
  medicaid_consents: MedicaidConsentsTable;
  medicaid_notices: MedicaidNoticesTable;
  service_entries: ServiceEntriesTable;
  service_corrections: ServiceCorrectionsTable;
  prior_authorizations: PriorAuthorizationsTable;
  billing_profiles: BillingProfilesTable;
  service_templates: ServiceTemplatesTable;
  billing_batches: BillingBatchesTable;
  batch_lines: BatchLinesTable;
  unbilled_entries: UnbilledEntriesTable;
  providers: ProvidersTable;
  checklist_templates: ChecklistTemplatesTable;
  provider_evaluations: ProviderEvaluationsTable;
  referrals: ReferralsTable;
  referral_status_changes: ReferralStatusChangesTable;
}

export interface ProvidersTable {
  id: string;
  kind: 'agency' | 'person';
  name: string;
  services: string;
  age_min: number | null;
  age_max: number | null;
  languages: string;
  payment: string;
  delivery: string;
  location: string;
  contacts: string;
  accepting_referrals: number;
  waitlist_weeks: number | null;
  medicaid_provider_id: string | null;
  notes: string;
  last_verified_on: string | null;
  created_at: string;
  updated_at: string;
}
export interface ChecklistTemplatesTable { id: string; version: number; name: string; source: string; criteria: string; created_at: string }
export interface ProviderEvaluationsTable {
  id: string;
  provider_id: string;
  template_id: string;
  template_version: number;
  ratings: string;
  completed_by: string;
  completed_on: string;
  override_verdict: 'does_not_meet' | 'meets' | 'exceeds' | null;
  override_reason: string | null;
  created_at: string;
}
export interface ReferralsTable {
  id: string;
  student_id: string;
  provider_id: string | null;
  county_intake: 'CLTS' | 'CCS' | null;
  reason: string;
  urgency: 'routine' | 'soon' | 'urgent';
  expected_outcome: string;
  status: 'draft' | 'sent' | 'accepted' | 'waitlisted' | 'declined' | 'completed' | 'closed';
  follow_up_on: string | null;
  outcome_note: string;
  created_at: string;
  updated_at: string;
}
export interface ReferralStatusChangesTable { id: string; referral_id: string; status: string; changed_on: string; recorded_at: string }

export interface UnbilledEntriesTable { entry_id: string; student_id: string; service_date: string }

export interface ServiceEntriesTable {
  id: string;
  student_id: string;
  service_date: string;
  start_time: string | null;
  end_time: string | null;
  minutes: number;
  travel_minutes: number;
  documentation_minutes: number;
  activity: string;
  contact_mode: string;
  contact_type: string;
  place_of_service: string;
  persons_present: string | null;
  program: string;
  funding_stream: string;
  goal_id: string | null;
  authorization_id: string | null;
  narrative: string;
  follow_up: string | null;
  group_id: string | null;
  signed_at: string | null;
  signed_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceCorrectionsTable { id: string; entry_id: string; changes: string; previous: string; reason: string; signed_at: string; signed_by: string }

export interface PriorAuthorizationsTable {
  id: string;
  student_id: string;
  program: string;
  number: string;
  procedure_code: string;
  modifiers: string;
  units_authorized: number;
  start_on: string;
  end_on: string;
  diagnosis_code: string | null;
  provider_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface BillingProfilesTable { program: string; profile: string; updated_at: string }
export interface ServiceTemplatesTable { id: string; name: string; fields: string; created_at: string }

export interface BillingBatchesTable {
  id: string;
  program: string;
  month: string;
  exported_at: string;
  exported_by: string;
  files: string;
  corrects_batch_id: string | null;
  voided_at: string | null;
  void_reason: string | null;
}

export interface BatchLinesTable { id: string; batch_id: string; entry_id: string; funding_stream: string; units: number; line: string; live: number }
