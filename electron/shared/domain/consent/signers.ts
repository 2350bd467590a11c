/**
 * Who must sign a release, from the student's age on the signing date and the
 * record categories (DOMAIN.md, "Minors in Wisconsin"). The result is printed
 * as signature lines; problems block printing.
 *
 * Age: whole years on the signing date (date-fns differenceInYears), so a
 * student turning 14 today is 14. A 02/29 birthday is reached on 03/01 in a
 * common year: the later day, so an adult's or teen's authority never starts early.
 */
import { differenceInYears, isBefore } from 'date-fns';
import { parseIsoDate } from './text.ts';
import { TREATMENT_CATEGORIES, type IsoDate, type RecordCategory, type SignerLine } from './types.ts';

export type LegalAuthority = 'parent' | 'legal_guardian' | 'legal_representative' | 'none';

export interface GuardianForSigning {
  name: string;
  legalAuthority: LegalAuthority;
  courtOrderOnFile: boolean;
  /** Denied physical placement: no access to § 51.30 treatment records. */
  noAccess: boolean;
}

export interface SignerInput {
  studentDob: IsoDate | null;
  /** The day it will be signed (usually today, when printing). */
  onDate: IsoDate;
  categories: readonly RecordCategory[];
  guardians: readonly GuardianForSigning[];
  /** Printed under the student's line when given. */
  studentName?: string;
}

export interface SignerResult {
  /** Whole years on onDate; null when it cannot be computed. */
  age: number | null;
  lines: SignerLine[];
  problems: string[];
}

export const ADULT_AGE = 18;
export const MENTAL_HEALTH_CONSENT_AGE = 14;
export const AODA_CONSENT_AGE = 12;

/** Appointed by a court: counts only with the order on file (DOMAIN.md). */
const courtOrdered = (g: GuardianForSigning) =>
  (g.legalAuthority === 'legal_guardian' || g.legalAuthority === 'legal_representative') && g.courtOrderOnFile;

export function requiredSigners(input: SignerInput): SignerResult {
  const dob = parseIsoDate(input.studentDob);
  const on = parseIsoDate(input.onDate);
  if (!dob) return { age: null, lines: [], problems: ['Enter the student’s date of birth: who must sign depends on age.'] };
  if (!on) return { age: null, lines: [], problems: ['The signing date is not a real date.'] };
  if (isBefore(on, dob)) return { age: null, lines: [], problems: ['The date of birth is after the signing date. Check it.'] };

  const age = differenceInYears(on, dob);
  const cats = input.categories;
  const treatment = cats.some((c) => TREATMENT_CATEGORIES.includes(c));
  const studentName = input.studentName?.trim() || undefined;
  const studentLine = (why: string): SignerLine => (studentName ? { role: 'student', name: studentName, why } : { role: 'student', why });
  const lines: SignerLine[] = [];
  const problems: string[] = [];

  if (age >= ADULT_AGE) {
    lines.push(studentLine('The student is 18 or older and signs for themself (FERPA rights pass to the student at 18).'));
    // Adult guardianship: a court-appointed representative with the order on file signs too.
    const reps = input.guardians.filter((g) => courtOrdered(g) && !(treatment && g.noAccess));
    if (reps.length > 0) lines.push(adultLine(reps, 'legal_representative', 'A court-appointed legal representative of the adult student (order on file) signs too.'));
    return { age, lines, problems };
  }

  const teenReasons: string[] = [];
  if (cats.includes('mental_health_treatment') && age >= MENTAL_HEALTH_CONSENT_AGE) {
    teenReasons.push('At 14 or older the student consents to release of their own mental health treatment records; a parent or guardian signs too.');
  }
  if (cats.includes('aoda_treatment') && age >= AODA_CONSENT_AGE) {
    teenReasons.push('At 12 or older the student’s own consent is required for alcohol and drug treatment records.');
  }
  if (teenReasons.length > 0) lines.push(studentLine(teenReasons.join(' ')));

  // Only AODA records and 12+: the minor consents alone; any other category needs an adult.
  const aodaOnly = cats.length > 0 && cats.every((c) => c === 'aoda_treatment');
  if (aodaOnly && age >= AODA_CONSENT_AGE) return { age, lines, problems };

  const barred = (g: GuardianForSigning) => treatment && g.noAccess;
  const courtGuardians = input.guardians.filter((g) => g.legalAuthority === 'legal_guardian' && courtOrdered(g) && !barred(g));
  const reps = input.guardians.filter((g) => g.legalAuthority === 'legal_representative' && courtOrdered(g) && !barred(g));
  const parents = input.guardians.filter((g) => g.legalAuthority === 'parent' && !barred(g));
  const why = 'The student is under 18: a parent or guardian signs.';

  // A court appointment outranks the parents: the court gave that person the say.
  if (courtGuardians.length > 0) lines.push(adultLine(courtGuardians, 'parent_or_guardian', `${why} The court-appointed guardian (order on file) signs.`));
  else if (reps.length > 0) lines.push(adultLine(reps, 'legal_representative', `${why} The court-ordered legal representative (order on file) signs.`));
  else if (parents.length > 0) lines.push(adultLine(parents, 'parent_or_guardian', why));
  else problems.push(...whyNoAdult(input.guardians, treatment));
  return { age, lines, problems };
}

function adultLine(pool: readonly GuardianForSigning[], role: SignerLine['role'], why: string): SignerLine {
  const [only] = pool;
  if (pool.length === 1 && only) return { role, name: only.name, why };
  return { role, why: `${why} Any one of: ${pool.map((g) => g.name).join(', ')}.` };
}

function whyNoAdult(guardians: readonly GuardianForSigning[], treatment: boolean): string[] {
  const out: string[] = [];
  for (const g of guardians) {
    if (treatment && g.noAccess && g.legalAuthority !== 'none') {
      out.push(`${g.name} has no access to treatment records (denied physical placement) and cannot sign for mental health or alcohol and drug records.`);
    } else if ((g.legalAuthority === 'legal_guardian' || g.legalAuthority === 'legal_representative') && !g.courtOrderOnFile) {
      out.push(`${g.name} can sign only once the court order is on file.`);
    }
  }
  out.push('No parent or guardian who may sign is on file. Add one, or put the court order on file.');
  return out;
}
