/** The programs' billing profiles: the shipped defaults until she (or county billing staff) edits them. */
import type { Vault } from '../../../db/vault.ts';
import { columnTemplateProblems, describeRoundingRule, profileProblems, ROUNDING_RULE_NAMES, type BillingProfile } from '../../shared/domain/billing/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import { change, nowIso } from '../caseload/write.ts';
import { AppError } from '../failures.ts';
import { loadProfiles } from './context.ts';

export async function getProfiles(vault: Vault): Promise<ChannelOutput<'billing:profiles'>> {
  const profiles = await loadProfiles(vault.db);
  return {
    profiles: profiles.map((p) => ({ ...p, modifiers: [...p.modifiers], billableActivities: [...p.billableActivities], allowedPlacesOfService: [...p.allowedPlacesOfService], allowedContactModes: [...p.allowedContactModes], prerequisites: [...p.prerequisites], columnTemplate: [...p.columnTemplate] })),
    rules: ROUNDING_RULE_NAMES.map((name) => ({ name, description: describeRoundingRule(name, 15) })),
  };
}

export async function saveProfile(vault: Vault, input: ChannelInput<'billing:saveProfile'>): Promise<ChannelOutput<'billing:profiles'>> {
  const profile = input.profile as BillingProfile;
  const problems = [...profileProblems(profile), ...columnTemplateProblems(profile.columnTemplate)];
  if (problems.length > 0) throw new AppError('INVALID_INPUT', `The profile was not saved: ${problems.join(' ')}`, 'profile');
  await change(vault, async (trx) => {
    const value = JSON.stringify(profile);
    const now = nowIso();
    await trx.insertInto('billing_profiles').values({ program: profile.program, profile: value, updated_at: now }).onConflict((oc) => oc.column('program').doUpdateSet({ profile: value, updated_at: now })).execute();
    return { result: null, audit: { action: 'billing.profile_saved', subjectType: 'billing_profile', subjectId: profile.program } };
  });
  return getProfiles(vault);
}
