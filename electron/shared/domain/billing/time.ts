/**
 * Service time: minutes from start and end times, and the days a service
 * falls on. A date of service is what a claim line is billed on, so an entry
 * is never silently moved to another day: an end before the start is refused
 * (a typing mistake) unless the worker marked that the service ended the next
 * day, and such a service becomes one part per day (or is refused, when the
 * profile says so).
 *
 * Minutes are the difference of the clock times as written on the record; on
 * the two nights a year the clocks change, the record's clock times are what
 * a reviewer reads, so they are not adjusted.
 */
import { addDays } from 'date-fns';
import { parseIsoDate } from '../deadlines.ts';
import { plural, shownDate, shownTime } from './format.ts';
import type { IsoDate, ServiceEntry, ServiceTime } from './types.ts';

export const MINUTES_PER_DAY = 1440;

export type TimeProblemCode = 'bad_date' | 'bad_time' | 'bad_minutes' | 'end_not_after_start' | 'too_long' | 'spans_midnight';

export interface TimeProblem {
  code: TimeProblemCode;
  message: string;
}

export type TimeResult<T> = { ok: true; value: T } | { ok: false; problem: TimeProblem };

/** The part of a service that falls on one day. Clock minutes are minutes of that day (0–1440). */
export interface DayPart {
  date: IsoDate;
  minutes: number;
  startMinute: number | null;
  endMinute: number | null;
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const fail = <T>(code: TimeProblemCode, message: string): TimeResult<T> => ({ ok: false, problem: { code, message } });

/** 'HH:MM' to a minute of the day; '24:00' only as an end time. Null when it is not a clock time. */
export function parseClock(text: string, as: 'start' | 'end'): number | null {
  if (as === 'end' && text === '24:00') return MINUTES_PER_DAY;
  const m = CLOCK.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** A minute of the day back to 'HH:MM' (1440 → '24:00'). */
export function clockText(minuteOfDay: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}

/** The day after an ISO date, as an ISO date (date-fns does the calendar). */
export function nextDay(date: IsoDate): IsoDate | null {
  const d = parseIsoDate(date);
  if (!d) return null;
  const n = addDays(d, 1);
  return `${n.getFullYear()}-${String(n.getMonth() + 1).padStart(2, '0')}-${String(n.getDate()).padStart(2, '0')}`;
}

/** Minutes of service (travel and documentation are kept apart and not counted here). */
export function serviceMinutes(time: ServiceTime): TimeResult<number> {
  if (time.kind === 'minutes') {
    const m = time.minutes;
    if (!Number.isSafeInteger(m) || m < 1) return fail('bad_minutes', 'Enter how many minutes the service took, as a whole number of at least 1.');
    if (m > MINUTES_PER_DAY) return fail('too_long', `${plural(m, 'minute')} is more than a day. Enter each day's service as its own entry.`);
    return { ok: true, value: m };
  }
  const start = parseClock(time.startTime, 'start');
  const end = parseClock(time.endTime, 'end');
  if (start === null) return fail('bad_time', `The start time "${time.startTime}" is not a time of day (HH:MM).`);
  if (end === null) return fail('bad_time', `The end time "${time.endTime}" is not a time of day (HH:MM).`);
  if (!time.endsNextDay) {
    if (end === start) return fail('end_not_after_start', `The service starts and ends at ${shownTime(start)}. Enter the time it ended.`);
    if (end < start) {
      return fail(
        'end_not_after_start',
        `The end time ${shownTime(end)} is before the start time ${shownTime(start)}. If the service ran past midnight, mark it as ending the next day.`,
      );
    }
    return { ok: true, value: end - start };
  }
  // Ending the next day: 24:00 there would be a second midnight, and an end at
  // or after the start time makes the service a day or longer.
  if (end === MINUTES_PER_DAY || end >= start) {
    return fail('too_long', `A service from ${shownTime(start)} to ${shownTime(end)} the next day runs 24 hours or more. Check the times.`);
  }
  return { ok: true, value: MINUTES_PER_DAY - start + end };
}

/** The day or days a service falls on: one part, or two when it ran past midnight. */
export function dayParts(entry: Pick<ServiceEntry, 'date' | 'time'>): TimeResult<DayPart[]> {
  // A month's assessment reads each entry's parts many times (units used, month totals, overlaps): computed once
  // per entry object and time object, which entries never change after they are built.
  const cached = PARTS.get(entry.time);
  if (cached && cached.date === entry.date) return cached.result;
  const result = computeDayParts(entry);
  PARTS.set(entry.time, { date: entry.date, result });
  return result;
}

const PARTS = new WeakMap<object, { date: IsoDate; result: TimeResult<DayPart[]> }>();

function computeDayParts(entry: Pick<ServiceEntry, 'date' | 'time'>): TimeResult<DayPart[]> {
  if (parseIsoDate(entry.date) === null) return fail('bad_date', `The date of service "${entry.date}" is not a real date.`);
  const total = serviceMinutes(entry.time);
  if (!total.ok) return total;
  const t = entry.time;
  if (t.kind === 'minutes') return { ok: true, value: [{ date: entry.date, minutes: total.value, startMinute: null, endMinute: null }] };
  const start = parseClock(t.startTime, 'start') as number;
  const end = parseClock(t.endTime, 'end') as number;
  if (!t.endsNextDay) return { ok: true, value: [{ date: entry.date, minutes: total.value, startMinute: start, endMinute: end }] };
  const first: DayPart = { date: entry.date, minutes: MINUTES_PER_DAY - start, startMinute: start, endMinute: MINUTES_PER_DAY };
  // An end at 00:00 the next day is the midnight that ends the first day: nothing falls on the second.
  if (end === 0) return { ok: true, value: [first] };
  const next = nextDay(entry.date);
  if (next === null) return fail('bad_date', `The day after ${shownDate(entry.date)} cannot be worked out.`);
  return { ok: true, value: [first, { date: next, minutes: end, startMinute: 0, endMinute: end }] };
}

/**
 * An entry as the entries it is saved as: itself, or one per day when it ran
 * past midnight and the profile splits (refused when it does not). Travel and
 * documentation minutes stay with the first day, so they are counted once. The
 * second part's id is the original with ':next-day' added; the store gives it
 * its own id when saving.
 */
export function splitAtMidnight(entry: ServiceEntry, midnight: 'split' | 'refuse'): TimeResult<ServiceEntry[]> {
  const parts = dayParts(entry);
  if (!parts.ok) return parts;
  const [first, second] = parts.value;
  if (!first) return fail('bad_time', 'The service time could not be read.');
  if (entry.time.kind === 'minutes' || !entry.time.endsNextDay) return { ok: true, value: [entry] };
  const firstEntry: ServiceEntry = {
    ...entry,
    time: { kind: 'clock', startTime: entry.time.startTime, endTime: clockText(first.endMinute ?? MINUTES_PER_DAY), endsNextDay: false },
  };
  if (!second) return { ok: true, value: [firstEntry] };
  if (midnight === 'refuse') {
    return fail(
      'spans_midnight',
      `This service ran from ${shownTime(first.startMinute ?? 0)} on ${shownDate(first.date)} to ${shownTime(second.minutes)} on ${shownDate(second.date)}. ` +
        'An entry cannot run past midnight: enter it as two entries, one for each day.',
    );
  }
  const secondEntry: ServiceEntry = {
    ...entry,
    id: `${entry.id}:next-day`,
    date: second.date,
    time: { kind: 'clock', startTime: '00:00', endTime: clockText(second.minutes), endsNextDay: false },
    travelMinutes: 0,
    documentationMinutes: 0,
  };
  return { ok: true, value: [firstEntry, secondEntry] };
}

/** Travel and documentation minutes: whole numbers from 0 to a day. Null when they are fine. */
export function extraMinutesProblem(entry: Pick<ServiceEntry, 'travelMinutes' | 'documentationMinutes'>): TimeProblem | null {
  for (const [what, m] of [['Travel', entry.travelMinutes], ['Documentation', entry.documentationMinutes]] as const) {
    if (!Number.isSafeInteger(m) || m < 0 || m > MINUTES_PER_DAY) {
      return { code: 'bad_minutes', message: `${what} minutes must be a whole number from 0 to ${MINUTES_PER_DAY}.` };
    }
  }
  return null;
}
