/** Which enrollment dates matter for which program, in the field's words. */
export type DateKey =
  | 'referralDate'
  | 'applicationDate'
  | 'eligibilityDate'
  | 'functionalScreenDate'
  | 'assessmentDate'
  | 'abbreviatedAssessmentDate'
  | 'planDate'
  | 'lastPlanReviewDate';

export interface DateSpec {
  key: DateKey;
  label: string;
  hint?: string;
}

const CLTS: DateSpec[] = [
  { key: 'referralDate', label: 'Referral date', hint: 'Eligibility is decided within 45 days of referral.' },
  { key: 'eligibilityDate', label: 'Eligibility date' },
  { key: 'functionalScreenDate', label: 'Functional screen date', hint: 'Rescreened every year.' },
  { key: 'planDate', label: 'Plan (ISP) date' },
  { key: 'lastPlanReviewDate', label: 'Last plan review' },
];

const CCS: DateSpec[] = [
  { key: 'applicationDate', label: 'Application date', hint: 'Assessment summary and service plan are due within 30 days of application.' },
  { key: 'assessmentDate', label: 'Assessment summary date' },
  { key: 'abbreviatedAssessmentDate', label: 'Abbreviated assessment date', hint: 'Valid up to 3 months.' },
  { key: 'planDate', label: 'Service plan date' },
  { key: 'lastPlanReviewDate', label: 'Last plan review' },
];

const OTHER: DateSpec[] = [
  { key: 'referralDate', label: 'Referral date' },
  { key: 'planDate', label: 'Plan date' },
  { key: 'lastPlanReviewDate', label: 'Last plan review' },
];

const ALL: Record<DateKey, string> = {
  referralDate: 'Referral date',
  applicationDate: 'Application date',
  eligibilityDate: 'Eligibility date',
  functionalScreenDate: 'Functional screen date',
  assessmentDate: 'Assessment date',
  abbreviatedAssessmentDate: 'Abbreviated assessment date',
  planDate: 'Plan date',
  lastPlanReviewDate: 'Last plan review',
};

export function isCountyProgram(program: string): boolean {
  const p = program.trim().toUpperCase();
  return p === 'CLTS' || p === 'CCS';
}

/** The dates a new enrollment in this program asks for. */
export function datesFor(program: string): DateSpec[] {
  const p = program.trim().toUpperCase();
  return p === 'CLTS' ? CLTS : p === 'CCS' ? CCS : OTHER;
}

/** The program's dates plus any other date already recorded on this enrollment (so none is hidden). */
export function datesShown(program: string, values: Partial<Record<DateKey, string | null>>): DateSpec[] {
  const specs = datesFor(program);
  const extra = (Object.keys(ALL) as DateKey[]).filter((k) => values[k] && !specs.some((s) => s.key === k)).map((k) => ({ key: k, label: ALL[k] }));
  return [...specs, ...extra];
}
