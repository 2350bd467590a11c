/**
 * The billing profile form's values and how they become the contract's
 * profile: modifiers as four boxes (as on a claim line), optional codes as
 * empty text rather than null, and errors worded for these fields.
 */
import { set, type FieldErrors, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { describeIssue, fieldLabel } from '../../../../electron/shared/errors.ts';
import { ROUNDING_RULES, describeRoundingRule } from '../../../../electron/shared/domain/billing/rounding.ts';
import {
  ACTIVITIES,
  CONTACT_MODES,
  PLACE_OF_SERVICE_LABELS,
  type ContactMode,
  type ExportField,
  type RoundingRuleName,
} from '../../../../electron/shared/domain/billing/types.ts';
import { billingProfile } from '../../../../electron/shared/schemas/billing.ts';

export type Profile = z.output<typeof billingProfile>;
export type Program = Profile['program'];
export interface RuleChoice {
  name: string;
  description: string;
}

/** A claim line has four modifier positions; the form shows all four and drops the empty ones. */
export const MODIFIER_SLOTS = 4;

export type ProfileValues = Omit<Profile, 'modifiers' | 'contactModeModifiers' | 'preEnrollment'> & {
  modifiers: string[];
  contactModeModifiers: Record<ContactMode, string>;
  preEnrollment: { days: number; modifier: string };
};

export function toValues(p: Profile): ProfileValues {
  return {
    ...p,
    modifiers: Array.from({ length: MODIFIER_SLOTS }, (_, i) => p.modifiers[i] ?? ''),
    contactModeModifiers: Object.fromEntries(CONTACT_MODES.map((m) => [m, p.contactModeModifiers[m] ?? ''])) as Record<ContactMode, string>,
    preEnrollment: { days: p.preEnrollment.days, modifier: p.preEnrollment.modifier ?? '' },
  };
}

const code = (s: string) => s.trim().toUpperCase();

export function toProfile(v: ProfileValues): Profile {
  const contactModeModifiers: Partial<Record<ContactMode, string>> = {};
  for (const m of CONTACT_MODES) if (code(v.contactModeModifiers[m]) !== '') contactModeModifiers[m] = code(v.contactModeModifiers[m]);
  const preModifier = code(v.preEnrollment.modifier);
  return {
    ...v,
    procedureCode: code(v.procedureCode),
    modifiers: v.modifiers.map(code).filter((m) => m !== ''),
    contactModeModifiers,
    preEnrollment: { days: v.preEnrollment.days, modifier: preModifier === '' ? null : preModifier },
    columnTemplate: v.columnTemplate.map((c) => ({ header: c.header.trim(), field: c.field })),
  };
}

/** Which box holds the n-th filled modifier, so an error lands on the box she typed in. */
function modifierBox(values: ProfileValues, n: number): number {
  const filled = values.modifiers.flatMap((m, i) => (code(m) === '' ? [] : [i]));
  return filled[n] ?? n;
}

/** The generic labels read like the data ("Unit minutes"); these match the form's own labels. */
const OWN_LABELS: Record<string, string> = {
  unitMinutes: 'Unit length',
  'preEnrollment.days': 'Days before enrollment',
  'preEnrollment.modifier': 'The pre-enrollment modifier',
  authorizationWarningUnits: 'The warning level',
  timelyFilingDays: 'Timely filing',
  modifiers: 'This modifier',
  contactModeModifiers: 'This modifier',
  'columnTemplate.header': 'The column header',
  reviewedOn: 'The review date',
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function sentence(issue: z.core.$ZodIssue, input: Profile): string {
  const key = issue.path.filter((p) => typeof p === 'string').join('.');
  const own = OWN_LABELS[key] ?? OWN_LABELS[String(issue.path[0])];
  if (key === 'columnTemplate' && issue.code === 'too_small') return 'The export needs at least one column.';
  if (key === 'columnTemplate' && issue.code === 'too_big') return `The export can have at most ${String(issue.maximum)} columns.`;
  if (own === undefined) return describeIssue(issue, input).message;
  // An emptied number box holds NaN: say it is missing, not that it is the wrong type.
  if (Number.isNaN(valueAt(input, issue.path))) return `${own} is required.`;
  if (issue.code === 'invalid_format' && /modifier/i.test(key)) return `${own} should be 2 letters or digits, like CG.`;
  const plain = describeIssue(issue, input).message;
  const generic = fieldLabel(issue.path);
  return plain.startsWith(generic) ? own + plain.slice(generic.length) : plain;
}

/**
 * The contract's billingProfile schema over the converted values, with the
 * errors nested the way react-hook-form reads them (so fixing a field clears
 * its error at once).
 */
export const profileResolver: Resolver<ProfileValues> = async (values) => {
  const profile = toProfile(values);
  const result = await billingProfile.safeParseAsync(profile);
  if (result.success) return { values, errors: {} };
  const errors: FieldErrors<ProfileValues> = {};
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    if (path[0] === 'modifiers' && path.length === 2) path[1] = String(modifierBox(values, Number(path[1])));
    const name = path.join('.');
    if (seen.has(name)) continue;
    seen.add(name);
    set(errors, name, { type: issue.code, message: sentence(issue, profile) });
  }
  return { values: {}, errors };
};

/** The shared labels are lower case for sentences; a field shows them capitalised. */
export const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "03 — School"; a code the list does not name still shows its number. */
export function placeLabel(pos: string): string {
  const name = PLACE_OF_SERVICE_LABELS[pos];
  return `${pos} — ${name ?? `place of service ${pos}`}`;
}

/** Lists keep one order however they were ticked, so ticking and unticking leaves the form unchanged. */
export function inOrder<T extends string>(picked: readonly string[], order: readonly T[]): T[] {
  return order.filter((x) => picked.includes(x));
}
export const byActivityOrder = (picked: readonly string[]) => inOrder(picked, ACTIVITIES);
export const byModeOrder = (picked: readonly string[]) => inOrder(picked, CONTACT_MODES);

export function ruleLabel(name: string): string {
  return name in ROUNDING_RULES ? ROUNDING_RULES[name as RoundingRuleName].label : name;
}

/** The rule's sentence with this profile's unit length in it; the service's wording when the unit is not usable yet. */
export function ruleDescription(rule: RuleChoice, unitMinutes: number): string {
  const usable = Number.isSafeInteger(unitMinutes) && unitMinutes > 0;
  return usable && rule.name in ROUNDING_RULES ? describeRoundingRule(rule.name as RoundingRuleName, unitMinutes) : rule.description;
}

/** What each value of the county's export is, as billing staff would name it. */
export const EXPORT_FIELD_LABELS: Readonly<Record<ExportField, string>> = {
  participantName: 'Child’s name',
  dob: 'Date of birth',
  medicaidId: 'Medicaid ID',
  mciId: 'MCI #',
  dateOfService: 'Date of service',
  startTime: 'Start time',
  endTime: 'End time',
  procedureCode: 'Procedure code',
  modifiers: 'All modifiers',
  modifier1: 'Modifier 1',
  modifier2: 'Modifier 2',
  modifier3: 'Modifier 3',
  modifier4: 'Modifier 4',
  units: 'Units',
  minutes: 'Minutes',
  placeOfService: 'Place of service code',
  renderingWorker: 'Your name',
  renderingProviderId: 'Your provider ID',
  authorizationNumber: 'PA number',
  diagnosisCode: 'Diagnosis code',
  program: 'Program',
  fundingStream: 'Funding stream',
  activity: 'Activity',
  contactMode: 'Contact mode',
};
