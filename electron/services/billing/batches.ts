/**
 * Export batches: listed with their files and totals; voided with a reason
 * (the lines are kept as exported and their entries become exportable
 * again); a corrected batch shows what changed from the one it replaces.
 */
import type { Vault } from '../../../db/vault.ts';
import { sumUnits } from '../../shared/domain/billing/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { change, nowIso } from '../caseload/write.ts';
import { AppError } from '../failures.ts';

type Batches = ChannelOutput<'billing:batches'>;
type LineValues = Record<string, string | number>;

export async function listBatches(vault: Vault, input: ChannelInput<'billing:batches'>): Promise<Batches> {
  const batches = await vault.db.selectFrom('billing_batches').selectAll().where('program', '=', input.program).where('month', '=', input.month).orderBy('exported_at', 'desc').execute();
  if (batches.length === 0) return { batches: [] };
  const lines = await vault.db.selectFrom('batch_lines').select(['batch_id', 'entry_id', 'units', 'line']).where('batch_id', 'in', batches.map((b) => b.id)).execute();
  const linesOf = (batchId: string) => lines.filter((l) => l.batch_id === batchId);
  return {
    batches: batches.map((b) => {
      const mine = linesOf(b.id);
      return {
        id: b.id,
        program: b.program,
        month: b.month,
        exportedAt: b.exported_at,
        exportedBy: b.exported_by,
        files: JSON.parse(b.files) as { name: string; sha256: string }[],
        lines: mine.length,
        units: mine.reduce((sum, l) => sumUnits(sum, l.units), 0),
        voidedAt: b.voided_at,
        voidReason: b.void_reason,
        correctsBatchId: b.corrects_batch_id,
        changes: b.corrects_batch_id ? diff(linesOf(b.corrects_batch_id), mine) : [],
      };
    }),
  };
}

/** Line by line, by entry: what a corrected batch added, dropped, or billed differently. */
function diff(before: readonly { entry_id: string; line: string }[], after: readonly { entry_id: string; line: string }[]): Batches['batches'][number]['changes'] {
  const parse = (l: { line: string }) => JSON.parse(l.line) as LineValues;
  const old = new Map(before.map((l) => [l.entry_id, parse(l)]));
  const now = new Map(after.map((l) => [l.entry_id, parse(l)]));
  const describe = (entryId: string, v: LineValues, change: 'added' | 'removed' | 'changed', fields: string[]) => ({
    entryId,
    studentName: String(v.participantName ?? ''),
    date: String(v.dateOfService ?? ''),
    change,
    fields,
  });
  const out: Batches['batches'][number]['changes'] = [];
  for (const [entryId, v] of now) {
    const was = old.get(entryId);
    if (!was) out.push(describe(entryId, v, 'added', []));
    else {
      const fields = Object.keys(v).filter((k) => String(v[k]) !== String(was[k]));
      if (fields.length > 0) out.push(describe(entryId, v, 'changed', fields));
    }
  }
  for (const [entryId, v] of old) if (!now.has(entryId)) out.push(describe(entryId, v, 'removed', []));
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.studentName.localeCompare(b.studentName));
}

export async function voidBatch(vault: Vault, input: ChannelInput<'billing:void'>): Promise<Record<string, never>> {
  return change(vault, async (trx) => {
    const batch = await trx.selectFrom('billing_batches').select(['voided_at']).where('id', '=', input.batchId).executeTakeFirst();
    if (!batch) throw new AppError('NOT_FOUND', 'That batch no longer exists.');
    if (batch.voided_at) throw new AppError('NOT_ALLOWED', 'This batch is already voided.');
    await trx.updateTable('billing_batches').set({ voided_at: nowIso(), void_reason: input.reason.trim() }).where('id', '=', input.batchId).execute();
    await trx.updateTable('batch_lines').set({ live: 0 }).where('batch_id', '=', input.batchId).execute();
    return { result: {}, audit: { action: 'billing.batch_voided', subjectType: 'billing_batch', subjectId: input.batchId } };
  });
}
