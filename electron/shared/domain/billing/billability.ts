/**
 * Is this service entry billable, and as what? The live answer on the entry
 * form: minutes, units, procedure code and modifiers, and every reason it
 * cannot be billed, each a plain sentence with a stable code. Every figure
 * comes from the program's billing profile (profiles.ts); nothing billing-
 * specific is decided here.
 */
import { checkAuthorization, type AuthorizationOnFile, type AuthorizationProblemCode } from './authorization.ts';
import { enrollmentCoverage } from './enrollment.ts';
import { isPastTimelyFiling, timelyFilingDeadline } from './filing.ts';
import { plural, shownDate } from './format.ts';
import { countedMinutes, normalCode } from './profiles.ts';
import { describeRoundingRule, ROUNDING_RULES, unitsAdded } from './rounding.ts';
import { dayParts, extraMinutesProblem, type TimeProblemCode } from './time.ts';
import {
  ACTIVITY_LABELS,
  CONTACT_MODE_LABELS,
  FUNDING_STREAM_LABELS,
  PLACE_OF_SERVICE_LABELS,
  POS_CODE,
  type BillingEnrollment,
  type BillingProfile,
  type IsoDate,
  type ServiceEntry,
} from './types.ts';

/** A claim line carries at most four modifiers (the 837P and CMS-1500 have four places). */
export const MAX_MODIFIERS = 4;

export type ReasonCode =
  | TimeProblemCode
  | 'no_profile'
  | 'wrong_program'
  | 'not_claimed'
  | 'other_stream'
  | 'activity_not_billable'
  | 'place_not_allowed'
  | 'contact_mode_not_allowed'
  | 'not_enrolled'
  | 'awaiting_enrollment'
  | 'pre_enrollment'
  | 'prerequisite_missing'
  | AuthorizationProblemCode
  | 'authorization_low'
  | 'no_medicaid_id'
  | 'timely_filing_passed'
  | 'no_units'
  | 'month_total'
  | 'too_many_modifiers'
  | 'profile_unreviewed';

/** 'blocks' makes the entry not billable; a warning or a note is shown beside it. */
export type ReasonSeverity = 'blocks' | 'warning' | 'info';

export interface Reason {
  code: ReasonCode;
  severity: ReasonSeverity;
  message: string;
}

/** What the rules need to know besides the entry; the caller reads it from the record. */
export interface BillingContext {
  /** The profile of the entry's program; null when the program is not billed directly. */
  profile: BillingProfile | null;
  /** The student's enrollments (any program; the profile's are used). */
  enrollments: readonly BillingEnrollment[];
  medicaidId: string | null;
  /** The student's authorizations with the units their other entries used (authorization.ts, unitsUsed). */
  authorizations: readonly AuthorizationOnFile[];
  /** The date each of the profile's prerequisites was recorded, by key; missing or null = not on file. */
  prerequisitesMet: Readonly<Record<string, IsoDate | null>>;
  today: IsoDate;
  /**
   * For a rule on the month's total: minutes already claimed that month for
   * this student and program, not counting this entry. The entry's units are
   * then what it adds to the month. Ignored by per-entry rules.
   */
  monthMinutesBefore?: number;
}

export interface EntryAssessment {
  billable: boolean;
  /** The minutes the profile bills: service, plus travel and documentation if it says so. */
  minutes: number;
  units: number;
  procedureCode: string | null;
  modifiers: string[];
  /** The authorization the line is billed under (linked, or the one the rules picked). */
  authorizationId: string | null;
  reasons: Reason[];
}

export function assessEntry(entry: ServiceEntry, ctx: BillingContext): EntryAssessment {
  const reasons: Reason[] = [];
  const add = (code: ReasonCode, message: string, severity: ReasonSeverity = 'blocks') => reasons.push({ code, severity, message });
  const done = (over: Partial<EntryAssessment> = {}): EntryAssessment => ({
    minutes: 0,
    units: 0,
    procedureCode: null,
    modifiers: [],
    authorizationId: null,
    ...over,
    billable: !reasons.some((r) => r.severity === 'blocks'),
    reasons,
  });

  const parts = dayParts(entry);
  if (!parts.ok) {
    add(parts.problem.code, parts.problem.message);
    return done();
  }
  const extra = extraMinutesProblem(entry);
  if (extra) {
    add(extra.code, extra.message);
    return done();
  }
  const profile = ctx.profile;
  if (parts.value.length > 1) {
    add(
      'spans_midnight',
      profile?.midnight === 'refuse'
        ? 'This service ran past midnight. Enter it as two entries, one for each day.'
        : 'This service ran past midnight. It is saved as two entries, one for each day, and each is billed on its own date.',
    );
    return done();
  }
  if (!profile) {
    add('no_profile', `${entry.program} time is not billed directly: there is no billing profile for it.`);
    return done();
  }
  if (entry.program !== profile.program) {
    add('wrong_program', `This is ${entry.program} time; the ${profile.program} billing profile cannot price it.`);
    return done();
  }
  if (entry.fundingStream === 'none') {
    add('not_claimed', 'This time is not claimed to any funding stream, so it is not billed.');
    return done();
  }
  if (entry.fundingStream !== profile.fundingStream) {
    add('other_stream', `This time is claimed to ${FUNDING_STREAM_LABELS[entry.fundingStream]}, so it is not billed as ${profile.program}.`);
    return done();
  }

  const part = parts.value[0] as (typeof parts.value)[number];
  const minutes = countedMinutes(part.minutes, entry, profile);
  const rule = ROUNDING_RULES[profile.roundingRule];
  const units = unitsAdded(ctx.monthMinutesBefore ?? 0, minutes, profile.roundingRule, profile.unitMinutes);
  const procedureCode = normalCode(profile.procedureCode);
  const modifiers = profile.modifiers.map(normalCode);
  const withModifier = (m: string | null | undefined) => {
    if (m && !modifiers.includes(normalCode(m))) modifiers.push(normalCode(m));
  };
  withModifier(profile.contactModeModifiers[entry.contactMode]);

  if (!profile.billableActivities.includes(entry.activity)) {
    const activity = ACTIVITY_LABELS[entry.activity];
    add('activity_not_billable', `${activity[0]?.toUpperCase()}${activity.slice(1)} is not billable under ${profile.program}; the minutes are kept on the record.`);
  }
  const pos = entry.placeOfService.trim();
  if (!POS_CODE.test(pos)) add('place_not_allowed', `Place of service "${entry.placeOfService}" is not a two-digit code.`);
  else if (!profile.allowedPlacesOfService.includes(pos)) {
    const label = PLACE_OF_SERVICE_LABELS[pos];
    add('place_not_allowed', `Place of service ${pos}${label ? ` (${label.toLowerCase()})` : ''} is not allowed for ${procedureCode}.`);
  }
  if (!profile.allowedContactModes.includes(entry.contactMode)) {
    const mode = CONTACT_MODE_LABELS[entry.contactMode];
    add('contact_mode_not_allowed', `${/^[aeiou]/.test(mode) ? 'An' : 'A'} ${mode} contact is not billable under ${profile.program}.`);
  }

  const coverage = enrollmentCoverage(entry.date, ctx.enrollments, profile);
  if (coverage.kind === 'none') add(coverage.code, coverage.message);
  else if (coverage.kind === 'pre_enrollment') {
    withModifier(profile.preEnrollment.modifier);
    const mod = profile.preEnrollment.modifier ? `, billed with modifier ${normalCode(profile.preEnrollment.modifier)}` : '';
    add('pre_enrollment', `Pre-enrollment time: ${plural(coverage.daysBefore, 'day')} before enrollment began on ${shownDate(coverage.enrolledOn)}${mod}.`, 'info');
  }

  for (const req of profile.prerequisites) {
    const on = ctx.prerequisitesMet[req.key] ?? null;
    if (on === null) add('prerequisite_missing', `${profile.program} time cannot be billed before the ${req.label} is on file; it is not recorded.`);
    else if (on > entry.date) add('prerequisite_missing', `${profile.program} time cannot be billed before the ${req.label} is on file; it is recorded on ${shownDate(on)}, after this service.`);
  }
  if (modifiers.length > MAX_MODIFIERS) add('too_many_modifiers', `This line would carry ${modifiers.length} modifiers (${modifiers.join(' ')}); a claim line holds ${MAX_MODIFIERS}.`);

  let authorizationId: string | null = null;
  if (profile.requiresPriorAuthorization || entry.authorizationId !== null) {
    const check = checkAuthorization(
      { studentId: entry.studentId, program: profile.program, date: entry.date, procedureCode, modifiers, units, linkedId: entry.authorizationId },
      ctx.authorizations,
      profile.authorizationWarningUnits,
    );
    if (check.ok) {
      authorizationId = check.authorization.id;
      if (check.warning) add('authorization_low', check.warning, 'warning');
    } else add(check.code, check.message);
  }

  if (profile.requiresMedicaidId && !ctx.medicaidId?.trim()) add('no_medicaid_id', 'The student’s Medicaid ID is missing. Add it to the record before billing.');

  const deadline = timelyFilingDeadline(entry.date, profile);
  const exportedInTime = entry.exportedOn !== null && deadline !== null && entry.exportedOn <= deadline;
  if (!exportedInTime && isPastTimelyFiling(entry.date, ctx.today, profile)) {
    add('timely_filing_passed', `Past timely filing: a claim for ${shownDate(entry.date)} had to be filed by ${deadline ? shownDate(deadline) : 'its deadline'} (${plural(profile.timelyFilingDays, 'day')} from the date of service).`);
  }

  if (rule.basis === 'month_total') {
    add('month_total', `Units are counted on the month’s total minutes: this entry adds ${plural(minutes, 'minute')} and ${plural(units, 'unit')}.`, 'info');
  } else if (units === 0) {
    add('no_units', `${minutes === 1 ? '1 minute does' : `${minutes} minutes do`} not make a unit. ${describeRoundingRule(profile.roundingRule, profile.unitMinutes)}`);
  }
  // A note, not a warning: it is true of every entry until the profile is confirmed, and the Billing
  // screen carries it as one banner; a warning on every line would teach her to ignore warnings.
  if (profile.reviewedOn === null) {
    add('profile_unreviewed', `The ${profile.program} billing profile still has the shipped defaults (code, rounding, places of service); county billing staff have not confirmed them yet.`, 'info');
  }
  return done({ minutes, units, procedureCode, modifiers, authorizationId });
}

/** Just the sentences that stop billing, for a one-line summary. */
export function blockingReasons(assessment: EntryAssessment): string[] {
  return assessment.reasons.filter((r) => r.severity === 'blocks').map((r) => r.message);
}
