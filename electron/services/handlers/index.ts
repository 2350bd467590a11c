/** Every channel's handler, by area. */
import type { Settings } from '../../shared/schemas/settings.ts';
import type { Ports } from '../ports.ts';
import type { VaultSession } from '../vault-session.ts';
import { billingHandlers } from './billing.ts';
import { caseloadHandlers } from './caseload.ts';
import { disclosureHandlers } from './disclosures.ts';
import { medicaidHandlers } from './medicaid.ts';
import { providerHandlers } from './providers.ts';
import { serviceHandlers } from './services.ts';
import { releaseHandlers } from './releases.ts';
import type { Handlers } from './types.ts';
import { vaultHandlers } from './vault.ts';

export function createHandlers(session: VaultSession, hooks: { onSettings(s: Settings): void; ports: Ports }): Handlers {
  return { ...vaultHandlers(session, hooks), ...caseloadHandlers(session), ...releaseHandlers(session, hooks.ports), ...disclosureHandlers(session, hooks.ports), ...medicaidHandlers(session, hooks.ports), ...serviceHandlers(session), ...billingHandlers(session, hooks.ports), ...providerHandlers(session, hooks.ports) };
}
