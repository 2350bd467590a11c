/**
 * The open vault, if any, and everything that opens, locks or re-keys it.
 * Failed unlocks cannot be written while the vault is locked (a wrong
 * passphrase must change nothing on disk), so they are held in memory and
 * written to the audit log at the next successful unlock.
 */
import { appendAudit, type AuditEntry } from '../../db/audit.ts';
import { readKeyFile, unwrapDataKey } from '../../db/keys.ts';
import { createVault, openVault, openVaultWithRecoveryKey, vaultState, type Vault } from '../../db/vault.ts';
import { VaultError } from '../../db/errors.ts';
import type { LockReason, Ports } from './ports.ts';
import { AppError } from './failures.ts';
import { recoverExports } from './exports/atomic-export.ts';

const MAX_HELD_FAILURES = 100;

export class VaultSession {
  private vault: Vault | null = null;
  private heldFailures: { at: string; via: 'passphrase' | 'recovery-key' }[] = [];
  private droppedFailures = 0;
  private readonly dir: string;
  private readonly ports: Ports;

  constructor(dir: string, ports: Ports) {
    this.dir = dir;
    this.ports = ports;
  }

  get location(): string {
    return this.dir;
  }

  get isUnlocked(): boolean {
    return this.vault !== null;
  }

  /** The open vault; callers have already checked the channel may run. */
  get current(): Vault {
    if (!this.vault) throw new AppError('LOCKED', 'The vault is locked. Unlock it to continue.');
    return this.vault;
  }

  state(): 'none' | 'locked' | 'unlocked' | 'needs-recovery' {
    return this.vault ? 'unlocked' : vaultState(this.dir);
  }

  async create(passphrase: string): Promise<string> {
    this.refuseIfUnlocked();
    const { recoveryKey, vault } = await createVault({ dir: this.dir, passphrase });
    await this.audit(vault, { action: 'vault.create' });
    this.vault = vault;
    return recoveryKey;
  }

  async unlock(passphrase: string): Promise<void> {
    this.refuseIfUnlocked();
    const vault = await this.remembering('passphrase', () => openVault({ dir: this.dir, passphrase }));
    await this.admit(vault, 'passphrase');
  }

  /** Opens with the recovery key and sets a new passphrase: the only other way in. */
  async recover(recoveryKey: string, newPassphrase: string): Promise<void> {
    this.refuseIfUnlocked();
    const vault = await this.remembering('recovery-key', () => openVaultWithRecoveryKey({ dir: this.dir, recoveryKey }));
    try {
      await vault.setPassphrase(newPassphrase);
    } catch (e) {
      await vault.close();
      throw e;
    }
    await this.admit(vault, 'recovery-key');
    await this.audit(vault, { action: 'vault.passphrase_reset' });
  }

  async changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<void> {
    const vault = this.current;
    try {
      const check = await unwrapDataKey(await readKeyFile(this.dir), currentPassphrase);
      check.fill(0);
    } catch (e) {
      if (e instanceof VaultError && e.code === 'WRONG_PASSPHRASE') {
        await this.audit(vault, { action: 'vault.passphrase_change_refused' });
        throw new AppError('WRONG_PASSPHRASE', 'The current passphrase is not right, so nothing was changed.', 'currentPassphrase');
      }
      throw e;
    }
    await vault.setPassphrase(newPassphrase);
    await this.audit(vault, { action: 'vault.passphrase_changed' });
  }

  async lock(reason: LockReason): Promise<void> {
    const vault = this.vault;
    if (!vault) return;
    this.vault = null;
    try {
      await this.audit(vault, { action: 'vault.lock', details: { reason } });
    } finally {
      await vault.close();
      this.ports.onLocked(reason);
    }
  }

  private refuseIfUnlocked(): void {
    if (this.vault) throw new AppError('INVALID_INPUT', 'The vault is already open.');
  }

  private async remembering(via: 'passphrase' | 'recovery-key', open: () => Promise<Vault>): Promise<Vault> {
    try {
      return await open();
    } catch (e) {
      if (e instanceof VaultError && e.code === 'WRONG_PASSPHRASE') {
        if (this.heldFailures.length < MAX_HELD_FAILURES) this.heldFailures.push({ at: new Date().toISOString(), via });
        else this.droppedFailures += 1;
      }
      throw e;
    }
  }

  private async admit(vault: Vault, via: 'passphrase' | 'recovery-key'): Promise<void> {
    try {
      await vault.db.transaction().execute(async (trx) => {
        for (const failure of this.heldFailures) {
          await appendAudit(trx, vault.auditKey, { action: 'vault.unlock_failed', at: failure.at, details: { via: failure.via } });
        }
        if (this.droppedFailures > 0) {
          await appendAudit(trx, vault.auditKey, { action: 'vault.unlock_failed', details: { via, more: this.droppedFailures } });
        }
        await appendAudit(trx, vault.auditKey, { action: 'vault.unlock', details: { via } });
      });
      // An export a crash interrupted is finished here: its file is removed, as it was never recorded.
      await recoverExports(vault);
    } catch (e) {
      await vault.close();
      throw e;
    }
    this.heldFailures = [];
    this.droppedFailures = 0;
    this.vault = vault;
  }

  private audit(vault: Vault, entry: AuditEntry): Promise<number> {
    return appendAudit(vault.db, vault.auditKey, entry);
  }
}
