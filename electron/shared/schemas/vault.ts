import { z } from 'zod';
import { parseRecoveryKey } from '../domain/recovery-key.ts';

/** A passphrase being checked: any text up to the cap (so a 10 kB paste gets a clear answer, not a KDF run). */
export const passphraseAttempt = z.string().min(1).max(1024);

/** A new passphrase: long enough to resist guessing; the form adds a strength meter on top. */
export const newPassphrase = z
  .string()
  .min(8)
  .max(1024)
  .refine((s) => s.isWellFormed(), { message: 'contains a broken character; retype it.' })
  .refine((s) => s.trim().length === s.length, {
    message: 'starts or ends with a space, which is easy to forget. Remove it.',
  });

export const recoveryKey = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const parsed = parseRecoveryKey(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
  });

export const vaultStatus = z.object({
  state: z.enum(['none', 'locked', 'unlocked', 'needs-recovery']),
  /** The folder that holds the vault, shown in Settings so she knows what to back up. */
  location: z.string(),
});

export const createVaultInput = z.strictObject({ passphrase: newPassphrase });
export const createVaultOutput = z.object({ recoveryKey: z.string() });
export const unlockInput = z.strictObject({ passphrase: passphraseAttempt });
export const changePassphraseInput = z.strictObject({
  currentPassphrase: passphraseAttempt,
  newPassphrase,
});
export const recoverInput = z.strictObject({ recoveryKey, newPassphrase });
export const recoverySheetInput = z.strictObject({ recoveryKey });
export const savedDocument = z.object({
  saved: z.boolean(),
  /** The file name chosen (never the full path, which can hold a user name). */
  fileName: z.string().nullable(),
});
