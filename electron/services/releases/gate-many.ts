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

export async function gateMany(vault: Vault, studentIds: readonly string[], request: ManyRequest): Promise<Map<string, GateResult>> {
  const out = new Map<string, GateResult>();
  const ids = [...new Set(studentIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const [students, releases] = await Promise.all([
      vault.db.selectFrom('students').select(['id', 'legal_first', 'legal_last', 'dob']).where('id', 'in', part).execute(),
      loadReleaseRows(vault.db, { studentIds: part }),
    ]);
    for (const s of students) {
      const student = { name: `${s.legal_first} ${s.legal_last}`, dob: s.dob };
      const mine = releases.filter((l) => l.row.student_id === s.id).map((l) => toDomainRelease(l, student));
      out.set(s.id, checkDisclosure({ releases: mine, studentId: s.id, ...request }));
    }
  }
  return out;
}
