/** How a person's name is shown and sorted. */

/** "Preferred Last" when a preferred name is set, else "First Last". */
export function displayName(first: string, last: string, preferred?: string | null): string {
  return `${preferred?.trim() || first} ${last}`;
}

/**
 * Sort key "last first", case- and accent-folded, so "Ñúñez" files with
 * "Nunez" and "de la Cruz" with "De La Cruz". Scripts without case or
 * accents (Arabic, Hebrew, Hmong in Lao script) keep their own order.
 */
export function nameSortKey(first: string, last: string): string {
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLocaleLowerCase('en-US')
      .replace(/\s+/g, ' ')
      .trim();
  return `${fold(last)} ${fold(first)}`;
}

/** Whole years between a date of birth and a day, both YYYY-MM-DD. */
export function ageOn(dob: string, on: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
