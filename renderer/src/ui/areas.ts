/** The areas in the left navigation, in the order a worker uses them. */
export type AreaId = 'home' | 'caseload' | 'services' | 'billing' | 'consents' | 'providers' | 'referrals' | 'reports' | 'settings';

export interface Area {
  id: AreaId;
  label: string;
  /** What the area is for, in her words; shown on areas that are not built yet. */
  purpose: string;
}

export const AREAS: readonly Area[] = [
  { id: 'home', label: 'Home', purpose: 'What needs you now: deadlines, drafts to sign, releases expiring, referrals waiting.' },
  { id: 'caseload', label: 'Caseload', purpose: 'Your students, their households and guardians, program enrollments, team, plan and case notes.' },
  { id: 'services', label: 'Service log', purpose: 'Every minute of CLTS and CCS work, documented once: the case note and the billing record together.' },
  { id: 'billing', label: 'Billing', purpose: 'Month close: check every service entry, then export the county billing file and the signed service log.' },
  { id: 'consents', label: 'Consents', purpose: 'Releases of information: printed for signature, recorded when signed, and checked before anything is shared.' },
  { id: 'providers', label: 'Providers', purpose: 'Community mental-health providers and the checklists you use to vet them.' },
  { id: 'referrals', label: 'Referrals', purpose: 'Referrals to county intake and community providers, with their packets and follow-up dates.' },
  { id: 'reports', label: 'Reports', purpose: 'Your time by program and activity, disclosures, and the needs picture for your district.' },
  { id: 'settings', label: 'Settings', purpose: 'Auto-lock, passphrase, letterhead and your name on documents.' },
];
