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

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
