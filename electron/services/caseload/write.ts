/**
 * Every change to the caseload goes through `change`: one transaction that
 * holds the change and its audit entry (ids only), so both commit or neither.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { appendAudit, type AuditDetails } from '../../../db/audit.ts';
import type { Database } from '../../../db/database.ts';
import type { Vault } from '../../../db/vault.ts';

export type Trx = Transaction<Database>;

export interface AuditOf {
  action: string;
  subjectType: string;
  subjectId: string;
  details?: AuditDetails;
}

export async function change<T>(vault: Vault, work: (trx: Trx) => Promise<{ result: T; audit: AuditOf }>): Promise<T> {
  return vault.db.transaction().execute(async (trx) => {
    const { result, audit } = await work(trx);
    await appendAudit(trx, vault.auditKey, audit);
    return result;
  });
}

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();

/** Local calendar date as YYYY-MM-DD: "today" for the person at the desk, not UTC. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Empty text means "none". */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed.length === 0 ? null : trimmed;
}

export const bit = (b: boolean): 0 | 1 => (b ? 1 : 0);
