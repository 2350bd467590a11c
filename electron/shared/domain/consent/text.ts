/** Small text and date helpers shared by the consent rules. */
import { parseIsoDate } from '../deadlines.ts';
import type { IsoDate } from './types.ts';

export { parseIsoDate };

/**
 * For comparing what a person typed: NFC, whitespace collapsed, trimmed,
 * lower-cased (locale-free: the same on every machine), a trailing period dropped. Accents are kept ("Peña" ≠ "Pena"):
 * two names that differ by an accent may be two people.
 */
export function normalizeText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/\.$/u, '')
    .trim()
    .toLowerCase();
}

/** True when there is something besides whitespace. */
export function filled(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** MM/DD/YYYY as she reads it; the raw text if it is not a real date. */
export function shownDate(value: IsoDate | null | undefined): string {
  // Rearranged by hand once validated: date-fns format costs ~2 µs a call, and
  // refusal sentences name many dates.
  if (!value || parseIsoDate(value) === null) return String(value ?? 'no date');
  return `${value.slice(5, 7)}/${value.slice(8, 10)}/${value.slice(0, 4)}`;
}
