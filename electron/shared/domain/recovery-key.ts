/**
 * The recovery key is the vault's data key itself, shown as 64 hex digits in
 * 8 groups of 8 so it can be read aloud, written down and typed back. Input
 * is forgiving: any case, and dashes, spaces or line breaks anywhere.
 */
export const RECOVERY_KEY_HEX_LENGTH = 64;

const HEX = /^[0-9a-f]+$/;

/** Groups 64 lower-case hex digits as `XXXXXXXX-XXXXXXXX-…` (upper case, easier to read). */
export function formatRecoveryKey(hex: string): string {
  const clean = hex.toLowerCase();
  if (clean.length !== RECOVERY_KEY_HEX_LENGTH || !HEX.test(clean)) {
    throw new Error('A recovery key is 64 hexadecimal digits.');
  }
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += 8) groups.push(clean.slice(i, i + 8).toUpperCase());
  return groups.join('-');
}

export type ParsedRecoveryKey =
  | { ok: true; hex: string }
  | { ok: false; problem: string };

/** Accepts what a person types; returns the 64 lower-case hex digits or what is wrong. */
export function parseRecoveryKey(input: string): ParsedRecoveryKey {
  const compact = input.replace(/[\s\-‐-―]/g, '').toLowerCase();
  if (compact.length === 0) return { ok: false, problem: 'Type the recovery key from your recovery sheet.' };
  const bad = compact.replace(/[0-9a-f]/g, '');
  if (bad.length > 0) {
    return {
      ok: false,
      problem: `A recovery key has only the digits 0–9 and letters A–F; "${[...bad][0]}" is not one of them.`,
    };
  }
  if (compact.length !== RECOVERY_KEY_HEX_LENGTH) {
    return {
      ok: false,
      problem: `A recovery key has 64 digits and letters; this one has ${compact.length}.`,
    };
  }
  return { ok: true, hex: compact };
}
