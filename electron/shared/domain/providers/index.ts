/** Community providers, vetting checklists and referrals: the pure rules (scoring, comparison, staleness, referral status). */
export * from './types.ts';
export * from './checklist.ts';
export * from './compare.ts';
export * from './staleness.ts';
export * from './referrals.ts';
