/** Releases of information: the pure rules (validator, signers, status, gate). */
export * from './types.ts';
export * from './elements.ts';
export * from './signers.ts';
export * from './status.ts';
export * from './summary.ts';
export * from './exceptions.ts';
export * from './gate.ts';
export * from './notices.ts';
export { normalizeText, shownDate } from './text.ts';
