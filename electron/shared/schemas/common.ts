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
