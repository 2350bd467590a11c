/** Dates, clock times and amounts as the billing sentences show them. */
import { parseIsoDate } from '../deadlines.ts';
import type { IsoDate } from './types.ts';

/** MM/DD/YYYY as she reads it; the raw text when it is not a real date. */
export function shownDate(value: IsoDate): string {
  if (parseIsoDate(value) === null) return `"${value}"`;
  return `${value.slice(5, 7)}/${value.slice(8, 10)}/${value.slice(0, 4)}`;
}

/** A minute of the day (0–1440) as "9:05 AM"; both ends of the day read "midnight". */
export function shownTime(minuteOfDay: number): string {
  if (minuteOfDay === 0 || minuteOfDay === 1440) return 'midnight';
  if (minuteOfDay === 720) return 'noon';
  const h = Math.floor(minuteOfDay / 60);
  const m = String(minuteOfDay % 60).padStart(2, '0');
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${m} ${h < 12 ? 'AM' : 'PM'}`;
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
