/**
 * The printable record of disclosures for one student (FERPA 34 CFR 99.32,
 * HIPAA accounting of disclosures). Printing it is not itself a disclosure:
 * it is the record kept with the student's file and shown to the parent or
 * eligible student on request.
 */
import { disclosureRecord } from '../../documents/disclosure-record.ts';
import { RECORD_CATEGORY_NAMES, type RecordCategory } from '../../shared/domain/consent/index.ts';
import type { Vault } from '../../../db/vault.ts';
import { appendAudit } from '../../../db/audit.ts';
import { today } from '../caseload/write.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { listDisclosures } from '../releases/releases.ts';
import { readSettings } from '../settings.ts';

const categoryName = (c: string) => RECORD_CATEGORY_NAMES[c as RecordCategory] ?? c;

export async function printDisclosureRecord(vault: Vault, ports: Ports, studentId: string): Promise<{ saved: boolean; fileName: string | null }> {
  const s = await vault.db.selectFrom('students').select(['legal_first', 'legal_last', 'dob', 'school_student_id']).where('id', '=', studentId).executeTakeFirst();
  if (!s) throw new AppError('NOT_FOUND', 'That student is not in your caseload (it may have been removed).');
  const settings = await readSettings(vault);
  const { disclosures } = await listDisclosures(vault, studentId);
  const onDate = today();
  const bytes = await disclosureRecord({
    organization: settings.organizationName.trim() || 'Record of disclosures',
    student: { name: `${s.legal_first} ${s.legal_last}`, dob: s.dob, schoolStudentId: s.school_student_id },
    preparedBy: settings.workerName,
    preparedOn: onDate,
    // Oldest first, as a ledger reads.
    disclosures: [...disclosures].reverse().map((d) => ({ ...d, categories: d.categories.map(categoryName) })),
  });
  // No student name in the file name: file lists and recent-file menus show names.
  const saved = await ports.saveDocument({ suggestedName: `Record of disclosures ${onDate}.pdf`, bytes, kind: 'pdf', openAfterSave: true });
  if (saved) await appendAudit(vault.db, vault.auditKey, { action: 'disclosure.record_printed', subjectType: 'student', subjectId: studentId, details: { entries: disclosures.length } });
  return { saved: saved !== null, fileName: saved?.fileName ?? null };
}
