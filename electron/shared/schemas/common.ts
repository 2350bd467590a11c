/** Building blocks shared by every area's schemas. */
import { z } from 'zod';

// Control characters other than tab and line breaks never belong in a record:
// NUL truncates text in some tools and bidi overrides disguise file names.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text a person typed: well-formed Unicode, no control characters, capped length. */
export function plainText(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => s.isWellFormed(), { message: 'contains a broken character; retype it.' })
    .refine((s) => !CONTROL.test(s), { message: 'contains an invisible control character; remove it.' });
}

export const empty = z.strictObject({});

/** A record id (UUID) as Liaison makes them. */
export const id = z.string().uuid();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as YYYY-MM-DD that exists (no 02/30). */
export const isoDate = z.string().refine(
  (s) => {
    const m = ISO_DATE.exec(s);
    if (!m) return false;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return y >= 1900 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  },
  { message: 'must be a real date (MM/DD/YYYY).' },
);

/** Text that must be there. */
export function requiredText(max: number) {
  return plainText(max).refine((s) => s.trim().length > 0, { message: 'is required.' });
}

/** Text that may be left empty; empty means "none" and is stored as null. */
export function optionalText(max: number) {
  return plainText(max).nullable();
}

/** Long free text a person wrote (a note): capped so a huge paste gets a clear answer. */
export const NOTE_MAX = 20_000;
