/**
 * The gate for many students at once (a month's billing file): the same rule
 * as `gate`, with each table read once for all of them instead of once per
 * student.
 */
import type { Vault } from '../../../db/vault.ts';
import { checkDisclosure, type GateResult, type RequestedRecipient } from '../../shared/domain/consent/index.ts';
import type { ExceptionKind, RecordCategory } from '../../shared/domain/consent/index.ts';
import { loadReleaseRows, toDomainRelease } from './store.ts';

export interface ManyRequest {
  recipient: RequestedRecipient;
  purpose: string;
  categories: readonly RecordCategory[];
  onDate: string;
  exception: { kind: ExceptionKind; reason: string } | null;
}

/**
 * `answersOnly`: when only allowed-or-not matters (the month's readiness), releases that cannot allow
 * anything on the day are not read; a refusal then gives no per-release reasons.
 */
export async function gateMany(vault: Vault, studentIds: readonly string[], request: ManyRequest, options: { answersOnly?: boolean } = {}): Promise<Map<string, GateResult>> {
  const out = new Map<string, GateResult>();
  const ids = [...new Set(studentIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const [students, releases] = await Promise.all([
      vault.db.selectFrom('students').select(['id', 'legal_first', 'legal_last', 'dob']).where('id', 'in', part).execute(),
      loadReleaseRows(vault.db, { studentIds: part, ...(options.answersOnly ? { usableOn: request.onDate } : {}) }),
    ]);
    const releasesOf = new Map<string, typeof releases>();
    for (const l of releases) releasesOf.set(l.row.student_id, [...(releasesOf.get(l.row.student_id) ?? []), l]);
    for (const s of students) {
      const student = { name: `${s.legal_first} ${s.legal_last}`, dob: s.dob };
      const mine = (releasesOf.get(s.id) ?? []).map((l) => toDomainRelease(l, student));
      out.set(s.id, checkDisclosure({ releases: mine, studentId: s.id, ...request }));
    }
  }
  return out;
}
