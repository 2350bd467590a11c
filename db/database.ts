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
}
