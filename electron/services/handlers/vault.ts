/** The vault and settings channels. */
import { formatRecoveryKey, parseRecoveryKey } from '../../shared/domain/recovery-key.ts';
import { isoDate } from '../../shared/domain/dates.ts';
import type { Settings } from '../../shared/schemas/settings.ts';
import { appendAudit } from '../../../db/audit.ts';
import { recoverySheet } from '../../documents/recovery-sheet.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { readSettings, writeSettings } from '../settings.ts';
import type { VaultSession } from '../vault-session.ts';
import type { HandlersFor } from './types.ts';

type VaultChannel = 'vault:status' | 'vault:create' | 'vault:unlock' | 'vault:recover' | 'vault:lock' | 'vault:changePassphrase' | 'vault:printRecoverySheet' | 'settings:get' | 'settings:set';

export function vaultHandlers(session: VaultSession, hooks: { onSettings(s: Settings): void; ports: Ports }): HandlersFor<VaultChannel> {
  const settingsLoaded = async () => hooks.onSettings(await readSettings(session.current));
  return {
    'vault:status': async () => ({ state: session.state(), location: session.location }),
    'vault:create': async ({ passphrase }) => {
      const recoveryKey = await session.create(passphrase);
      await settingsLoaded();
      return { recoveryKey };
    },
    'vault:unlock': async ({ passphrase }) => {
      await session.unlock(passphrase);
      await settingsLoaded();
      return {};
    },
    'vault:recover': async ({ recoveryKey, newPassphrase }) => {
      await session.recover(recoveryKey, newPassphrase);
      await settingsLoaded();
      return {};
    },
    'vault:lock': async () => {
      await session.lock('user');
      return {};
    },
    'vault:changePassphrase': async ({ currentPassphrase, newPassphrase }) => {
      await session.changePassphrase(currentPassphrase, newPassphrase);
      return {};
    },
    'vault:printRecoverySheet': async ({ recoveryKey }) => {
      const vault = session.current;
      // Only this vault's own key is printed: the sheet is made from what she
      // was just shown, and the key itself is never stored to be shown again.
      if (!vault.matchesRecoveryKey(recoveryKey)) {
        throw new AppError('WRONG_PASSPHRASE', 'That is not this vault’s recovery key.', 'recoveryKey');
      }
      const parsed = parseRecoveryKey(recoveryKey);
      if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.problem, 'recoveryKey');
      const settings = await readSettings(vault);
      const now = new Date();
      const bytes = await recoverySheet({
        recoveryKey: formatRecoveryKey(parsed.hex),
        createdOn: now,
        organization: settings.organizationName,
        vaultLocation: session.location,
      });
      const saved = await hooks.ports.saveDocument({
        suggestedName: `Liaison recovery sheet ${isoDate(now)}.pdf`,
        bytes,
        kind: 'pdf',
        openAfterSave: true,
      });
      if (saved) await appendAudit(vault.db, vault.auditKey, { action: 'document.recovery_sheet_saved' });
      return { saved: saved !== null, fileName: saved?.fileName ?? null };
    },
    'settings:get': async () => readSettings(session.current),
    'settings:set': async (patch) => {
      const settings = await writeSettings(session.current, patch);
      hooks.onSettings(settings);
      return settings;
    },
  };
}
