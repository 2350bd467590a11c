/**
 * Program billing profiles: everything billing-specific, shipped as editable
 * defaults. DOMAIN.md marks most billing figures as unconfirmed in primary
 * text; each such value below says "assumed: a setting" and why. The shipped
 * profiles have reviewedOn = null, so the app can say they are still defaults
 * until county billing staff confirm them.
 */
import { ROUNDING_RULES } from './rounding.ts';
import {
  ACTIVITIES,
  CONTACT_MODES,
  EXPORT_FIELDS,
  POS_CODE,
  type Activity,
  type BillingProfile,
  type BillingProgram,
  type ColumnTemplate,
  type ServiceEntry,
} from './types.ts';

/**
 * Modelled on Dane County's example (DOMAIN.md, CLTS): child name, DOB, dates
 * of service, HCPCS code, modifier, units, participant ID "MCI #". The layout
 * is county-defined, so this is only the starting point.
 */
export const DEFAULT_COLUMN_TEMPLATE: ColumnTemplate = [
  { header: 'Child Name', field: 'participantName' },
  { header: 'DOB', field: 'dob' },
  { header: 'Date of Service', field: 'dateOfService' },
  { header: 'HCPCS Code', field: 'procedureCode' },
  { header: 'Modifier', field: 'modifiers' },
  { header: 'Units', field: 'units' },
  { header: 'MCI #', field: 'mciId' },
];

/** Everything but travel and documentation time, which are kept as non-billable categories. */
const SERVICE_ACTIVITIES: readonly Activity[] = ACTIVITIES.filter((a) => a !== 'travel' && a !== 'documentation');

// assumed: a setting. The per-code place-of-service list comes from the CLTS
// crosswalk P-02283, which was not read; this list holds the places a
// school-county worker serves (telehealth, school, shelter, home, office,
// community, other) so that nothing is refused on a guess. County billing staff
// narrow it: a claim with a disallowed POS is denied (DOMAIN.md).
const COMMUNITY_PLACES = ['02', '03', '04', '10', '11', '12', '14', '15', '16', '27', '53', '99'] as const;

export const DEFAULT_CLTS_PROFILE: BillingProfile = {
  program: 'CLTS',
  fundingStream: 'clts',
  // assumed: a setting. T1016 ("case management, each 15 minutes") is plausible but unconfirmed (DOMAIN.md).
  procedureCode: 'T1016',
  // assumed: a setting. No modifier on every line is named in DOMAIN.md; P-02283 sets them per code.
  modifiers: [],
  // assumed: a setting. No telehealth modifier is named in DOMAIN.md.
  contactModeModifiers: {},
  // Confirmed: CLTS case management is billed in 15-minute units (DOMAIN.md; rate form F-00539).
  unitMinutes: 15,
  // assumed: a setting. Rounding is per program and county (DOMAIN.md); the 8-minute rule is the common one.
  roundingRule: 'eight_minute_each_entry',
  // assumed: a setting. Which activities are case management is not listed in DOMAIN.md; travel and
  // documentation are kept as separate non-billable minutes, as CCS counties want them (DOMAIN.md, CCS).
  billableActivities: SERVICE_ACTIVITIES,
  // assumed: a setting, for the same reason: travel and documentation stay out of the billed minutes.
  billTravelMinutes: false,
  billDocumentationMinutes: false,
  allowedPlacesOfService: COMMUNITY_PLACES,
  // assumed: a setting. DOMAIN.md names the contact modes but no mode that cannot be billed.
  allowedContactModes: CONTACT_MODES,
  // Confirmed: coordination up to 90 days before enrollment is billable (DOMAIN.md). The CG modifier
  // (added May 1, 2025 for CWA-rendered or pre-enrollment services) is the one DOMAIN.md names from
  // P-02283; kept editable because the crosswalk changes.
  preEnrollment: { days: 90, modifier: 'CG' },
  // Confirmed: since about May 5, 2025 a prior authorization must exist before service (DOMAIN.md).
  requiresPriorAuthorization: true,
  // assumed: a setting. No warning level is given anywhere; 8 units is two hours of case management.
  authorizationWarningUnits: 8,
  // CLTS eligibility and the functional screen are what make the enrollment active; nothing more is listed.
  prerequisites: [],
  // Confirmed: claims need a Medicaid ID (DOMAIN.md: "a Medicaid ID or NPI"; the NPI is the provider's).
  requiresMedicaidId: true,
  // A setting with this default in DOMAIN.md: timely filing 365 days from the date of service.
  timelyFilingDays: 365,
  // assumed: a setting. Splitting keeps each part on its real date; a county may prefer to refuse.
  midnight: 'split',
  columnTemplate: DEFAULT_COLUMN_TEMPLATE,
  reviewedOn: null,
};

export const DEFAULT_CCS_PROFILE: BillingProfile = {
  program: 'CCS',
  fundingStream: 'ccs',
  // assumed: a setting. H2017 ("psychosocial rehabilitative services, per 15 minutes") is plausible, unconfirmed (DOMAIN.md).
  procedureCode: 'H2017',
  // assumed: a setting. No CCS modifier is named in DOMAIN.md.
  modifiers: [],
  // assumed: a setting. No telehealth modifier is named in DOMAIN.md.
  contactModeModifiers: {},
  // assumed: a setting. Follows the per-15-minutes wording of the unconfirmed H2017.
  unitMinutes: 15,
  // assumed: a setting. Rounding is per program and county (DOMAIN.md).
  roundingRule: 'eight_minute_each_entry',
  // Travel and documentation are non-billable categories for CCS (DOMAIN.md: counties want
  // non-billable minutes by category); the list of billable activities is otherwise assumed: a setting.
  billableActivities: SERVICE_ACTIVITIES,
  billTravelMinutes: false,
  billDocumentationMinutes: false,
  allowedPlacesOfService: COMMUNITY_PLACES,
  // assumed: a setting. DOMAIN.md names the contact modes but no mode that cannot be billed.
  allowedContactModes: CONTACT_MODES,
  // No time before admission: DHS 36 requires the items below before any time is billed (DOMAIN.md).
  preEnrollment: { days: 0, modifier: null },
  // assumed: a setting. DOMAIN.md names a ForwardHealth prior authorization for CLTS only; CCS instead needs
  // an authorization of services signed by a mental health professional (a prerequisite below).
  requiresPriorAuthorization: false,
  // assumed: a setting, as for CLTS.
  authorizationWarningUnits: 8,
  // Confirmed: before any time is billed (DOMAIN.md, CCS).
  prerequisites: [
    { key: 'functional_screen', label: 'functional screen' },
    { key: 'application_admission', label: 'application and admission agreement signed' },
    { key: 'prescription_diagnosis', label: 'prescription or diagnosis' },
    { key: 'mhp_authorization', label: 'authorization of services signed by a mental health professional' },
  ],
  // assumed: a setting. CCS claims go through ForwardHealth too, which needs the member's Medicaid ID.
  requiresMedicaidId: true,
  // assumed: a setting. DOMAIN.md gives 365 days for CLTS only; the same default is used for CCS.
  timelyFilingDays: 365,
  // assumed: a setting, as for CLTS.
  midnight: 'split',
  columnTemplate: DEFAULT_COLUMN_TEMPLATE,
  reviewedOn: null,
};

export const DEFAULT_PROFILES: Readonly<Record<BillingProgram, BillingProfile>> = {
  CLTS: DEFAULT_CLTS_PROFILE,
  CCS: DEFAULT_CCS_PROFILE,
};

/** The profile that prices an entry of this program, or null when the program is not billed directly. */
export function profileFor(program: string, profiles: readonly BillingProfile[]): BillingProfile | null {
  return profiles.find((p) => p.program === program) ?? null;
}

/** The minutes a profile bills for an entry: the service, plus travel and documentation if it says so. */
export function countedMinutes(service: number, entry: Pick<ServiceEntry, 'travelMinutes' | 'documentationMinutes'>, profile: BillingProfile): number {
  return service + (profile.billTravelMinutes ? entry.travelMinutes : 0) + (profile.billDocumentationMinutes ? entry.documentationMinutes : 0);
}

/** Procedure codes and modifiers compare without case or surrounding spaces. */
export const normalCode = (code: string): string => code.trim().toUpperCase();

const PROCEDURE_CODE = /^[A-Z0-9]{5}$/;
const MODIFIER = /^[A-Z0-9]{2}$/;
const isCount = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;

/** Problems with a column template, as sentences; empty when it can be used. */
export function columnTemplateProblems(template: ColumnTemplate): string[] {
  const out: string[] = [];
  if (template.length === 0) out.push('The export needs at least one column.');
  const seen = new Set<string>();
  template.forEach((col, i) => {
    const header = col.header.trim();
    if (header === '') out.push(`Column ${i + 1} has no header.`);
    else if (seen.has(header.toLowerCase())) out.push(`The header "${header}" is used twice.`);
    seen.add(header.toLowerCase());
    if (!EXPORT_FIELDS.includes(col.field)) out.push(`Column ${i + 1} asks for "${String(col.field)}", which is not something the export can fill.`);
  });
  return out;
}

/** Problems with an edited profile, as sentences; empty when it can be used. */
export function profileProblems(p: BillingProfile): string[] {
  const out: string[] = [];
  if (!PROCEDURE_CODE.test(normalCode(p.procedureCode))) out.push(`The procedure code "${p.procedureCode}" should be 5 letters or digits, like T1016.`);
  const modifiers = [...p.modifiers, ...Object.values(p.contactModeModifiers), ...(p.preEnrollment.modifier === null ? [] : [p.preEnrollment.modifier])];
  for (const m of modifiers) if (m !== undefined && !MODIFIER.test(normalCode(m))) out.push(`The modifier "${m}" should be 2 letters or digits, like CG.`);
  if (!isCount(p.unitMinutes, 1) || p.unitMinutes > 1440) out.push('A unit must be a whole number of minutes, from 1 to 1440.');
  if (!(p.roundingRule in ROUNDING_RULES)) out.push(`"${p.roundingRule}" is not one of the rounding rules.`);
  if (p.billableActivities.length === 0) out.push('No activity is billable under this profile.');
  for (const pos of p.allowedPlacesOfService) if (!POS_CODE.test(pos)) out.push(`The place of service "${pos}" should be a two-digit code, like 03.`);
  if (p.allowedPlacesOfService.length === 0) out.push('No place of service is allowed under this profile.');
  if (p.allowedContactModes.length === 0) out.push('No contact mode is allowed under this profile.');
  if (!isCount(p.preEnrollment.days, 0)) out.push('The pre-enrollment window must be a whole number of days, 0 or more.');
  if (!isCount(p.authorizationWarningUnits, 0)) out.push('The authorization warning must be a whole number of units, 0 or more.');
  if (!isCount(p.timelyFilingDays, 1)) out.push('Timely filing must be a whole number of days, at least 1.');
  const keys = p.prerequisites.map((r) => r.key);
  if (new Set(keys).size !== keys.length) out.push('Two prerequisites share a key.');
  out.push(...columnTemplateProblems(p.columnTemplate));
  return out;
}
