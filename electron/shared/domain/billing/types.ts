/**
 * Service entries and CLTS/CCS billing: the shapes shared by the rounding,
 * time, billability, authorization and overlap rules. Pure data, no behaviour.
 */
import type { IsoDate } from '../deadlines.ts';

export type { IsoDate };

/** The programs the worker bills directly (DOMAIN.md: she is CCS service facilitator and CLTS case manager). */
export type BillingProgram = 'CLTS' | 'CCS';

export const BILLING_PROGRAMS: readonly BillingProgram[] = ['CLTS', 'CCS'];

/**
 * Who is claimed for a minute. DOMAIN.md: the worker can appear in a county
 * time study, the district's school-based Medicaid staff pool and direct
 * CLTS/CCS billing at once, and the same minutes must never go to two of them.
 * 'none' is time kept on the record but claimed nowhere (district time).
 */
export type FundingStream = 'clts' | 'ccs' | 'school_medicaid' | 'county_time_study' | 'none';

export const FUNDING_STREAMS: readonly FundingStream[] = ['clts', 'ccs', 'school_medicaid', 'county_time_study', 'none'];

/** As they read in a sentence ("claimed to CLTS and to school-based Medicaid"). */
export const FUNDING_STREAM_LABELS: Readonly<Record<FundingStream, string>> = {
  clts: 'CLTS',
  ccs: 'CCS',
  school_medicaid: 'school-based Medicaid',
  county_time_study: 'the county time study',
  none: 'no funding stream',
};

export type Activity =
  | 'crisis_intervention'
  | 'assessment'
  | 'care_planning'
  | 'coordination'
  | 'home_visit'
  | 'team_meeting'
  | 'collateral_contact'
  | 'documentation'
  | 'travel';

export const ACTIVITIES: readonly Activity[] = [
  'crisis_intervention',
  'assessment',
  'care_planning',
  'coordination',
  'home_visit',
  'team_meeting',
  'collateral_contact',
  'documentation',
  'travel',
];

/** Lower case, for sentences ("Travel is not billable under CLTS"). */
export const ACTIVITY_LABELS: Readonly<Record<Activity, string>> = {
  crisis_intervention: 'crisis intervention',
  assessment: 'assessment',
  care_planning: 'care planning',
  coordination: 'coordination',
  home_visit: 'home visit',
  team_meeting: 'team meeting',
  collateral_contact: 'collateral contact',
  documentation: 'documentation',
  travel: 'travel',
};

/** DOMAIN.md, "A service entry": in person, video, audio-only, phone. */
export type ContactMode = 'in_person' | 'video' | 'audio_only' | 'phone';

export const CONTACT_MODES: readonly ContactMode[] = ['in_person', 'video', 'audio_only', 'phone'];

export const CONTACT_MODE_LABELS: Readonly<Record<ContactMode, string>> = {
  in_person: 'in person',
  video: 'video',
  audio_only: 'audio-only',
  phone: 'phone',
};

/** DOMAIN.md, "A service entry": child, parent, collateral. */
export type ContactType = 'child' | 'parent' | 'collateral';

/** A two-digit CMS place-of-service code, kept as text so "03" keeps its zero. */
export type PlaceOfService = string;

export const POS_CODE = /^\d{2}$/;

/** The CMS names of the codes a school-county worker meets; any other two-digit code is still accepted. */
export const PLACE_OF_SERVICE_LABELS: Readonly<Record<string, string>> = {
  '02': 'Telehealth provided other than in patient’s home',
  '03': 'School',
  '04': 'Homeless shelter',
  '10': 'Telehealth provided in patient’s home',
  '11': 'Office',
  '12': 'Home',
  '14': 'Group home',
  '15': 'Mobile unit',
  '16': 'Temporary lodging',
  '21': 'Inpatient hospital',
  '22': 'On campus-outpatient hospital',
  '23': 'Emergency room – hospital',
  '27': 'Outreach site/street',
  '51': 'Inpatient psychiatric facility',
  '53': 'Community mental health center',
  '99': 'Other place of service',
};

/**
 * When the service happened. Clock times are 'HH:MM' (24-hour); '24:00' is
 * accepted as an end time only (the midnight that ends the day). A service
 * that ran past midnight says so with endsNextDay: an end time before the
 * start is otherwise a typing mistake, never a guess about the next day.
 */
export type ServiceTime =
  | { kind: 'clock'; startTime: string; endTime: string; endsNextDay: boolean }
  | { kind: 'minutes'; minutes: number };

/** The fields of a service entry that the billing rules read (DOMAIN.md, "A service entry"). */
export interface ServiceEntry {
  id: string;
  studentId: string;
  /** Date of service; for a clock entry, the day it started. */
  date: IsoDate;
  time: ServiceTime;
  activity: Activity;
  contactMode: ContactMode;
  contactType: ContactType;
  placeOfService: PlaceOfService;
  /** 'CLTS', 'CCS' or another configured program; only programs with a billing profile can bill. */
  program: string;
  fundingStream: FundingStream;
  /** Kept apart from the service minutes: CCS is cost-reconciled and counties want them by category. */
  travelMinutes: number;
  documentationMinutes: number;
  /** The prior authorization the worker linked, if any. */
  authorizationId: string | null;
  /** The day this entry went out in a monthly export; null while it still has to go. */
  exportedOn: IsoDate | null;
}

/** The named rounding rules (rounding.ts describes each); one is chosen per profile. */
export type RoundingRuleName =
  | 'eight_minute_each_entry'
  | 'eight_minute_month_total'
  | 'first_unit_any_minute'
  | 'whole_units_only'
  | 'any_minute_rounds_up'
  | 'partial_units_80_percent';

/** The values a county's export can carry, one per column. */
export type ExportField =
  | 'participantName'
  | 'dob'
  | 'medicaidId'
  | 'mciId'
  | 'dateOfService'
  | 'startTime'
  | 'endTime'
  | 'procedureCode'
  | 'modifiers'
  | 'modifier1'
  | 'modifier2'
  | 'modifier3'
  | 'modifier4'
  | 'units'
  | 'minutes'
  | 'placeOfService'
  | 'renderingWorker'
  | 'renderingProviderId'
  | 'authorizationNumber'
  | 'diagnosisCode'
  | 'program'
  | 'fundingStream'
  | 'activity'
  | 'contactMode';

export const EXPORT_FIELDS: readonly ExportField[] = [
  'participantName', 'dob', 'medicaidId', 'mciId', 'dateOfService', 'startTime', 'endTime', 'procedureCode',
  'modifiers', 'modifier1', 'modifier2', 'modifier3', 'modifier4', 'units', 'minutes', 'placeOfService',
  'renderingWorker', 'renderingProviderId', 'authorizationNumber', 'diagnosisCode', 'program', 'fundingStream',
  'activity', 'contactMode',
];

/** One column of the county's monthly export: its header text and the value under it. */
export interface ExportColumn {
  header: string;
  field: ExportField;
}

/** The export layout is county-defined (DOMAIN.md, CLTS): an ordered list of columns. */
export type ColumnTemplate = readonly ExportColumn[];

/** Something that must be on the record, dated, before any time is billed (DOMAIN.md, CCS). */
export interface Prerequisite {
  key: string;
  label: string;
}

/** Everything billing-specific about one program: shipped as defaults, edited in Settings. */
export interface BillingProfile {
  program: BillingProgram;
  /** The stream this profile bills; entries claimed elsewhere are not billed through it. */
  fundingStream: FundingStream;
  procedureCode: string;
  /** Modifiers every line carries. */
  modifiers: readonly string[];
  /** A modifier added for a contact mode (for instance a telehealth modifier). */
  contactModeModifiers: Readonly<Partial<Record<ContactMode, string>>>;
  unitMinutes: number;
  roundingRule: RoundingRuleName;
  billableActivities: readonly Activity[];
  /** Whether travel and documentation minutes are added to the billed minutes. */
  billTravelMinutes: boolean;
  billDocumentationMinutes: boolean;
  allowedPlacesOfService: readonly PlaceOfService[];
  allowedContactModes: readonly ContactMode[];
  /** Time billable before enrollment begins (0 days = none), and the modifier it carries. */
  preEnrollment: { days: number; modifier: string | null };
  requiresPriorAuthorization: boolean;
  /** Warn when an entry leaves fewer than this many units on its authorization. */
  authorizationWarningUnits: number;
  prerequisites: readonly Prerequisite[];
  requiresMedicaidId: boolean;
  /** Days after the date of service that a claim can still be filed. */
  timelyFilingDays: number;
  /** A service that ran past midnight: split into one entry per day, or refused. */
  midnight: 'split' | 'refuse';
  columnTemplate: ColumnTemplate;
  /** When county billing staff last confirmed these values; null for the shipped defaults. */
  reviewedOn: IsoDate | null;
}

/** A prior authorization (PA) on file for a student. Dates are inclusive. */
export interface PriorAuthorization {
  id: string;
  number: string;
  studentId: string;
  program: BillingProgram;
  procedureCode: string;
  /** When listed, a line must carry exactly these modifiers (in any order) to use this PA. */
  modifiers: readonly string[];
  unitsAuthorized: number;
  startDate: IsoDate;
  endDate: IsoDate;
  diagnosisCode: string;
  providerId: string;
}

/**
 * A program enrollment as billing sees it. enrolledOn is the day it became
 * active (never backdated, DOMAIN.md); endedOn is its last day, or null.
 */
export interface BillingEnrollment {
  program: string;
  status: 'referred' | 'pending' | 'active' | 'closed';
  enrolledOn: IsoDate | null;
  endedOn: IsoDate | null;
}
