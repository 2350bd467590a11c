/**
 * The error half of the `{ ok, value } | { ok: false, error }` envelope, and
 * the wording of validation errors. Messages name the field in plain words and
 * say what to do; codes are stable for code and tests.
 */
import type { z } from 'zod';

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'NOT_ALLOWED'
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
  organizationAddress: 'Office address',
  workerName: 'Your name',
  planReviewMonths: 'Months between plan reviews',
  releaseExpiringDays: 'Days before a release expires to warn',
  legalFirst: 'Legal first name',
  legalMiddle: 'Legal middle name',
  legalLast: 'Legal last name',
  preferredName: 'Preferred name',
  dob: 'Date of birth',
  schoolId: 'School',
  schoolStudentId: 'School student ID',
  medicaidId: 'Medicaid ID',
  mciId: 'County participant ID (MCI)',
  iep: 'IEP',
  plan504: '504 plan',
  fosterCare: 'Foster care',
  mckinneyVento: 'McKinney-Vento',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  preferredLanguage: 'Preferred language',
  legalAuthority: 'Legal authority',
  courtOrderOnFile: 'Court order on file',
  noContact: 'No contact',
  noAccess: 'No access',
  studentId: 'Student',
  siblingId: 'Sibling',
  contactId: 'Contact',
  changeId: 'Status change',
  noteId: 'Note',
  attachmentId: 'Signed copy',
  id: 'Record',
  statusDate: 'Status date',
  changedOn: 'Date of the change',
  enteredOn: 'Date entered',
  referralDate: 'Referral date',
  applicationDate: 'Application date',
  eligibilityDate: 'Eligibility date',
  functionalScreenDate: 'Functional screen date',
  assessmentDate: 'Assessment date',
  abbreviatedAssessmentDate: 'Abbreviated assessment date',
  planDate: 'Plan date',
  lastPlanReviewDate: 'Last plan review date',
  endDate: 'End date',
  occurredOn: 'Date',
  regime: 'Record type',
  body: 'Note text',
  dueOn: 'Due date',
  districtName: 'District',
  text: 'Search text',
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

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Turns a zod issue into one sentence a person can act on. `input` is what
 * was validated: it tells a missing field from one of the wrong type (zod
 * leaves the value out of issues, which keeps passphrases out of them).
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): ApiError {
  const label = fieldLabel(issue.path);
  const field = issue.path.map(String).join('.') || undefined;
  let message: string;
  switch (issue.code) {
    case 'invalid_type':
      message =
        valueAt(input, issue.path) === undefined
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
      // Echo at most a few short names: the keys come from the caller.
      message = `${label} has fields Liaison does not know: ${issue.keys
        .slice(0, 3)
        .map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k))
        .join(', ')}${issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : ''}.`;
      break;
    case 'invalid_format':
      message =
        issue.format === 'uuid'
          ? `${label} does not point to a record Liaison knows.`
          : `${label} is not in the expected format.`;
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
