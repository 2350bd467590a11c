/** Form schemas for the vault screens, built from the contract's own field schemas. */
import { z } from 'zod';
import { newPassphrase, passphraseAttempt, recoveryKey } from '../../../../electron/shared/schemas/vault.ts';
import { passphraseStrength } from '../../lib/strength.ts';

function checkNewPassphrase(v: { newPassphrase: string; confirm: string }, ctx: z.RefinementCtx) {
  if (v.newPassphrase.length >= 8 && !passphraseStrength(v.newPassphrase).acceptable) {
    ctx.addIssue({
      code: 'custom',
      path: ['newPassphrase'],
      message: 'This passphrase is too easy to guess. Add another unrelated word or two.',
    });
  }
  if (v.confirm !== v.newPassphrase) {
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two passphrases do not match.' });
  }
}

export const createForm = z.object({ newPassphrase, confirm: z.string() }).superRefine(checkNewPassphrase);
export type CreateValues = z.infer<typeof createForm>;

export const unlockForm = z.object({ passphrase: passphraseAttempt });
export type UnlockValues = z.infer<typeof unlockForm>;

export const recoverForm = z.object({ recoveryKey, newPassphrase, confirm: z.string() }).superRefine(checkNewPassphrase);
export type RecoverValues = z.infer<typeof recoverForm>;

export const changeForm = z
  .object({ currentPassphrase: passphraseAttempt, newPassphrase, confirm: z.string() })
  .superRefine(checkNewPassphrase);
export type ChangeValues = z.infer<typeof changeForm>;
