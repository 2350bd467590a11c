/**
 * The audit log: who did what, when, to which record — ids and codes only,
 * never the text of a note. Each entry carries an HMAC over its content and
 * the previous entry's hash, keyed by a sub-key of the data key, so an edited,
 * deleted or reordered entry breaks the chain where it happened. Triggers make
 * the table append-only; the chain catches whoever drops the triggers.
 */
import { createHmac } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditDetails = Record<string, string | number | boolean | null | ReadonlyArray<string | number>>;

export interface AuditEntry {
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  details?: AuditDetails;
  at?: string;
}

type Db = Kysely<Database> | Transaction<Database>;

function entryHash(
  key: Buffer,
  row: { seq: number; at: string; action: string; subject_type: string | null; subject_id: string | null; details: string; prev_hash: string },
): string {
  const canonical = JSON.stringify([row.seq, row.at, row.action, row.subject_type, row.subject_id, row.details, row.prev_hash]);
  return createHmac('sha256', key).update(canonical).digest('hex');
}

/**
 * Appends one entry. Call it inside the same transaction as the change it
 * records, so the change and its audit entry commit together or not at all.
 */
export async function appendAudit(db: Db, key: Buffer, entry: AuditEntry): Promise<number> {
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: entry.at ?? new Date().toISOString(),
    action: entry.action,
    subject_type: entry.subjectType ?? null,
    subject_id: entry.subjectId ?? null,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  await db.insertInto('audit_log').values({ ...row, hash: entryHash(key, row) }).execute();
  return row.seq;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBadSeq: number; problem: 'edited' | 'missing-before' | 'out-of-order' };

/** Walks the chain in order and reports the first entry that does not fit. */
export async function verifyAuditChain(db: Db, key: Buffer): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return { ok: false, entries: rows.length, firstBadSeq: row.seq, problem: row.seq > expectedSeq ? 'missing-before' : 'out-of-order' };
    }
    if (row.prev_hash !== prevHash) {
      return { ok: false, entries: rows.length, firstBadSeq: row.seq, problem: 'out-of-order' };
    }
    if (entryHash(key, row) !== row.hash) {
      return { ok: false, entries: rows.length, firstBadSeq: row.seq, problem: 'edited' };
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: rows.length };
}
