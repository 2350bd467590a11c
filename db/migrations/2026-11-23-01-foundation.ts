import { sql, type Kysely } from 'kysely';

/** Settings and the append-only audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull().check(sql`json_valid(value)`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull().check(sql`json_valid(details)`))
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // The audit log is append-only at the data layer, not only in the services.
  await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
  // INSERT OR REPLACE deletes the old row without firing DELETE triggers:
  // an entry may only ever be added after the newest one.
  await sql`CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
    WHEN NEW.seq <= (SELECT coalesce(max(seq), 0) FROM audit_log)
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`.execute(db);
}
