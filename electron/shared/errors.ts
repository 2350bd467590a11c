/**
 * The error half of the `{ ok, value } | { ok: false, error }` envelope, and
 * the wording of validation errors. Messages name the field in plain words and
 * say what to do; codes are stable for code and tests.
 */
import type { z } from 'zod';

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'LOCKED'
  | 'UNKNOWN_CHANNEL'
  | 'WRONG_PASSPHRASE'
  | 'NO_VAULT'
  | 'VAULT_EXISTS'
  | 'VAULT_DAMAGED'
  | 'KEY_FILE_MISSING'
  | 'VAULT_TOO_NEW'
  | 'WEAK_KDF'
  | 'DISK_WRITE_FAILED'
  | 'CANCELLED'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, when there is one (dotted path). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Labels for fields whose key does not read well on its own. */
const FIELD_LABELS: Record<string, string> = {
  passphrase: 'Passphrase',
  currentPassphrase: 'Current passphrase',
  newPassphrase: 'New passphrase',
  recoveryKey: 'Recovery key',
  autoLockMinutes: 'Minutes before locking',
  organizationName: 'Organization name',
  workerName: 'Your name',
};

export function fieldLabel(path: ReadonlyArray<PropertyKey>): string {
  const last = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  if (last === undefined) return 'The request';
  if (FIELD_LABELS[last]) return FIELD_LABELS[last];
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  object: 'a set of fields',
  array: 'a list',
  date: 'a date',
};

/** Turns the first zod issue into one sentence a person can act on. */
export function describeIssue(issue: z.core.$ZodIssue): ApiError {
  const label = fieldLabel(issue.path);
  const field = issue.path.map(String).join('.') || undefined;
  let message: string;
  switch (issue.code) {
    case 'invalid_type':
      message =
        issue.input === undefined
          ? `${label} is required.`
          : `${label} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}.`;
      break;
    case 'too_small':
      message =
        issue.origin === 'string'
          ? Number(issue.minimum) <= 1
            ? `${label} is required.`
            : `${label} must be at least ${issue.minimum} characters.`
          : issue.origin === 'number'
            ? `${label} must be at least ${issue.minimum}.`
            : `${label} needs at least ${issue.minimum} items.`;
      break;
    case 'too_big':
      message =
        issue.origin === 'string'
          ? `${label} is too long (at most ${issue.maximum} characters).`
          : issue.origin === 'number'
            ? `${label} must be at most ${issue.maximum}.`
            : `${label} has too many items (at most ${issue.maximum}).`;
      break;
    case 'unrecognized_keys':
      message = `${label} has fields Liaison does not know: ${issue.keys.join(', ')}.`;
      break;
    case 'invalid_value':
      message = `${label} must be one of: ${issue.values.map(String).join(', ')}.`;
      break;
    default:
      // Custom refinements carry their own words: a full sentence stands alone,
      // a fragment ("is too easy to guess.") follows the field's name.
      message = /^[A-Z]/.test(issue.message) ? issue.message : `${label} ${issue.message}`;
  }
  return field === undefined ? { code: 'INVALID_INPUT', message } : { code: 'INVALID_INPUT', message, field };
}
