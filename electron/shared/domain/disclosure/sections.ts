/**
 * Which record category each part of a shared student summary belongs to, so
 * a summary holds only what the release (or legal exception) covers.
 *
 * - Identification (name, date of birth, school, grade) identifies the
 *   student in every disclosure and is always printed.
 * - IEP / 504 status is the IEP/504 category.
 * - Signed pupil notes (the school social worker's conversation notes) are
 *   behavioral records.
 * - County program enrollments, plan goals and county notes are county
 *   records of services: for CCS (a mental health and substance use program)
 *   mental health treatment records; for CLTS (children with disabilities)
 *   medical and health records. A program Liaison does not know is treated as
 *   mental health treatment, the stricter reading under Wis. Stat. § 51.30.
 *   Plan goals are the county service plan's and go with mental health
 *   treatment records for the same reason.
 * Draft notes never leave the vault.
 */
import type { RecordCategory } from '../consent/types.ts';

export type SummarySection = 'plans' | 'programs' | 'goals' | 'pupil_notes' | 'county_notes';

/** Categories a student summary can hold something for. */
export const SUMMARY_CATEGORIES: readonly RecordCategory[] = ['behavioral', 'mental_health_treatment', 'medical', 'iep_504'];

export function programCategory(program: string): RecordCategory {
  const p = program.trim().toUpperCase();
  if (p === 'CLTS' || p.startsWith('CLTS ') || p.includes('LONG-TERM SUPPORT')) return 'medical';
  return 'mental_health_treatment';
}

const SECTION_CATEGORY: Readonly<Record<Exclude<SummarySection, 'programs'>, RecordCategory>> = {
  plans: 'iep_504',
  goals: 'mental_health_treatment',
  pupil_notes: 'behavioral',
  county_notes: 'mental_health_treatment',
};

export function sectionCategory(section: Exclude<SummarySection, 'programs'>): RecordCategory {
  return SECTION_CATEGORY[section];
}

/** Whether a part of the record may be printed for a disclosure covering `categories`. */
export function covers(categories: readonly RecordCategory[], category: RecordCategory): boolean {
  return categories.includes(category);
}
