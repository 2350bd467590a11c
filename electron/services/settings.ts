/** Settings live inside the vault, one JSON value per key, checked against the schema both ways. */
import { appendAudit } from '../../db/audit.ts';
import type { Vault } from '../../db/vault.ts';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../shared/schemas/settings.ts';

export async function readSettings(vault: Vault): Promise<Settings> {
  const rows = await vault.db.selectFrom('settings').select(['key', 'value']).execute();
  const stored: Record<string, unknown> = {};
  for (const row of rows) stored[row.key] = JSON.parse(row.value);
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  // A value a later version wrote differently falls back to its default instead of breaking the app.
  const parsed = settingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const safe: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (settingsSchema.shape[key].safeParse(merged[key]).success) safe[key] = merged[key];
  }
  return settingsSchema.parse(safe);
}

export async function writeSettings(vault: Vault, patch: Partial<Settings>): Promise<Settings> {
  const now = new Date().toISOString();
  const keys = Object.keys(patch) as (keyof Settings)[];
  await vault.db.transaction().execute(async (trx) => {
    for (const key of keys) {
      const value = JSON.stringify(patch[key]);
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    // Which settings changed, not their values: names and letterheads stay out of the log.
    await appendAudit(trx, vault.auditKey, { action: 'settings.set', details: { keys } });
  });
  return readSettings(vault);
}
