/** Dates and counts as the provider and referral sentences show them. */
import { parseIsoDate } from '../deadlines.ts';
import type { IsoDate } from './types.ts';

/** MM/DD/YYYY as she reads it; the raw text, quoted, when it is not a real date. */
export function shownDate(value: IsoDate): string {
  if (parseIsoDate(value) === null) return `"${value}"`;
  return `${value.slice(5, 7)}/${value.slice(8, 10)}/${value.slice(0, 4)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

export const toIso = (d: Date): IsoDate => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

/** "is" or "are" for a count, so problem sentences read naturally. */
export const isAre = (n: number): string => (n === 1 ? 'is' : 'are');

/** True when there is something besides whitespace. */
export function filled(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Names in the order a person expects ("Ávila" with "Avila", "b" with "B"). */
export const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Plain code-unit order, for ids and ISO dates: the same on every machine. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
