/**
 * Dates as school information systems export them: US month/day/year from
 * Skyward and PowerSchool, ISO from Infinite Campus, compact YYYYMMDD from
 * state reporting extracts. Day/month order is never guessed: US order only.
 */
import { format, isValid, parse } from 'date-fns';
import type { IsoDate } from '../deadlines.ts';

export type ParsedRosterDate = { ok: true; date: IsoDate } | { ok: false; message: string };

const EARLIEST_YEAR = 1900;
// Excel and some exports append a midnight time: "3/4/2010 12:00:00 AM", "2010-03-04T00:00:00".
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const US = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}$`);
const US_SHORT_YEAR = /^\d{1,2}([/.-])\d{1,2}\1\d{2}$/;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const REFERENCE = new Date(2000, 0, 1);

const SHOWN_MAX = 40;
const quoted = (raw: string) => `“${raw.length > SHOWN_MAX ? `${raw.slice(0, SHOWN_MAX)}…` : raw}”`;
const notADate = (raw: string): ParsedRosterDate => ({ ok: false, message: `${quoted(raw)} is not a date; use MM/DD/YYYY.` });

function fromParts(raw: string, year: string, month: string, day: string): ParsedRosterDate {
  if (Number(year) < EARLIEST_YEAR) {
    return { ok: false, message: `${quoted(raw)} is before ${EARLIEST_YEAR}; check the year.` };
  }
  const date = parse(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, 'yyyy-MM-dd', REFERENCE);
  if (!isValid(date)) return notADate(raw);
  return { ok: true, date: format(date, 'yyyy-MM-dd') };
}

export function parseRosterDate(raw: string): ParsedRosterDate {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return { ok: false, message: 'No date given; use MM/DD/YYYY.' };
  let m = US.exec(text);
  if (m) return fromParts(text, m[4]!, m[1]!, m[3]!);
  m = ISO.exec(text) ?? COMPACT.exec(text);
  if (m) return fromParts(text, m[1]!, m[2]!, m[3]!);
  if (US_SHORT_YEAR.test(text)) {
    return { ok: false, message: `${quoted(text)} has a two-digit year; use MM/DD/YYYY with all four digits of the year.` };
  }
  return notADate(text);
}
