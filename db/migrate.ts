/**
 * Runs migrations at unlock. Kysely's SQLite adapter does not wrap DDL in a
 * transaction and takes no lock, so each migration runs here inside its own
 * transaction together with the row that records it: a crash leaves a
 * migration either fully applied and recorded, or not at all.
 */
import { sql, type Kysely } from 'kysely';
import type { Connection } from './connection.ts';
import type { Database } from './database.ts';
import { VaultError } from './errors.ts';
import { migrations as known, type Migration } from './migrations/index.ts';

export async function migrateToLatest(
  db: Kysely<Database>,
  list: ReadonlyArray<readonly [string, Migration]> = known,
): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  )`.execute(db);
  const applied = (await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name);
  assertAllKnown(applied, list);
  const done = new Set(applied);
  const ran: string[] = [];
  for (const [name, migration] of list) {
    if (done.has(name)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      await trx.insertInto('schema_migrations').values({ name, applied_at: new Date().toISOString() }).execute();
    });
    ran.push(name);
  }
  return ran;
}

function assertAllKnown(applied: readonly string[], list: ReadonlyArray<readonly [string, Migration]>): void {
  const knownNames = new Set(list.map(([name]) => name));
  const unknown = applied.filter((name) => !knownNames.has(name));
  if (unknown.length > 0) {
    throw new VaultError(
      'VAULT_TOO_NEW',
      `This vault was last opened by a newer version of Liaison (it has changes this version does not know: ${unknown.join(', ')}). Install the newer version to open it; nothing was changed.`,
    );
  }
}

/** The same check on a read-only connection, before anything could be written. */
export function refuseUnknownMigrations(conn: Connection, list: ReadonlyArray<readonly [string, Migration]> = known): void {
  const table = conn.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!table) return;
  const applied = (conn.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name);
  assertAllKnown(applied, list);
}
