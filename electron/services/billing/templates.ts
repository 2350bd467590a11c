/** Templates for the common visits: the fields a new entry starts from. */
import type { Vault } from '../../../db/vault.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { change, newId, nowIso } from '../caseload/write.ts';
import { AppError } from '../failures.ts';

export async function listTemplates(vault: Vault): Promise<ChannelOutput<'services:templates'>> {
  const rows = await vault.db.selectFrom('service_templates').selectAll().orderBy('name').execute();
  return { templates: rows.map((r) => ({ id: r.id, name: r.name, fields: JSON.parse(r.fields) as Record<string, unknown> })) };
}

export async function saveTemplate(vault: Vault, input: ChannelInput<'services:saveTemplate'>): Promise<{ id: string }> {
  return change(vault, async (trx) => {
    const name = input.name.trim();
    const existing = await trx.selectFrom('service_templates').select('id').where('name', '=', name).executeTakeFirst();
    const id = existing?.id ?? newId();
    if (existing) await trx.updateTable('service_templates').set({ fields: JSON.stringify(input.fields) }).where('id', '=', id).execute();
    else await trx.insertInto('service_templates').values({ id, name, fields: JSON.stringify(input.fields), created_at: nowIso() }).execute();
    return { result: { id }, audit: { action: 'service_template.saved', subjectType: 'service_template', subjectId: id } };
  });
}

export async function deleteTemplate(vault: Vault, id: string): Promise<Record<string, never>> {
  return change(vault, async (trx) => {
    const gone = await trx.deleteFrom('service_templates').where('id', '=', id).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'That template no longer exists.');
    return { result: {}, audit: { action: 'service_template.deleted', subjectType: 'service_template', subjectId: id } };
  });
}
