/** Service time and CLTS/CCS billing: the pure rules (units, time, billability, authorizations, overlaps, filing). */
export * from './types.ts';
export * from './rounding.ts';
export * from './time.ts';
export * from './profiles.ts';
export * from './enrollment.ts';
export * from './authorization.ts';
export * from './billability.ts';
export * from './overlap.ts';
export * from './filing.ts';
export { shownTime } from './format.ts';
