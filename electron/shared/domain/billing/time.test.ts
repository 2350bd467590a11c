import { describe, expect, it } from 'vitest';
import { clock, entry, mins } from './fixtures.ts';
import { clockText, dayParts, extraMinutesProblem, nextDay, parseClock, serviceMinutes, splitAtMidnight } from './time.ts';
import type { ServiceTime } from './types.ts';

describe('parseClock', () => {
  it.each([
    ['00:00', 'start', 0],
    ['09:05', 'start', 545],
    ['12:00', 'end', 720],
    ['23:59', 'start', 1439],
    ['24:00', 'end', 1440],
    ['24:00', 'start', null],
    ['24:01', 'end', null],
    ['9:05', 'start', null],
    ['12:60', 'start', null],
    ['25:00', 'end', null],
    [' 09:00', 'start', null],
    ['09:00 AM', 'start', null],
    ['', 'end', null],
  ] as const)('"%s" as %s → %s', (text, as, minute) => {
    expect(parseClock(text, as)).toBe(minute);
  });

  it('clockText writes it back', () => {
    expect([0, 545, 1439, 1440].map(clockText)).toEqual(['00:00', '09:05', '23:59', '24:00']);
  });
});

describe('serviceMinutes', () => {
  const ok: [string, ServiceTime, number][] = [
    ['half an hour', clock('10:00', '10:30'), 30],
    ['one minute', clock('10:00', '10:01'), 1],
    ['to the end of the day', clock('22:00', '24:00'), 120],
    ['the whole day', clock('00:00', '24:00'), 1440],
    ['past midnight, marked', clock('22:00', '01:30', true), 210],
    ['one minute before midnight to midnight, marked', clock('23:59', '00:00', true), 1],
    ['the longest next-day service', clock('10:00', '09:59', true), 1439],
    ['minutes only', mins(45), 45],
    ['a whole day of minutes', mins(1440), 1440],
  ];
  it.each(ok)('%s', (_name, time, minutes) => {
    expect(serviceMinutes(time)).toEqual({ ok: true, value: minutes });
  });

  const refused: [string, ServiceTime, string, RegExp][] = [
    ['end equal to start', clock('10:00', '10:00'), 'end_not_after_start', /starts and ends at 10:00 AM/],
    ['end before start, not marked', clock('22:00', '01:30'), 'end_not_after_start', /1:30 AM is before the start time 10:00 PM\. If the service ran past midnight, mark it as ending the next day\./],
    ['end a minute before start', clock('10:00', '09:59'), 'end_not_after_start', /before the start time/],
    ['marked next day, end equal to start', clock('22:00', '22:00', true), 'too_long', /24 hours or more/],
    ['marked next day, end after start', clock('22:00', '23:00', true), 'too_long', /24 hours or more/],
    ['marked next day, end 24:00', clock('22:00', '24:00', true), 'too_long', /24 hours or more/],
    ['unreadable start', clock('9:00', '10:00'), 'bad_time', /start time "9:00"/],
    ['unreadable end', clock('09:00', 'ten'), 'bad_time', /end time "ten"/],
    ['start 24:00', clock('24:00', '24:00'), 'bad_time', /start time "24:00"/],
    ['zero minutes', mins(0), 'bad_minutes', /at least 1/],
    ['negative minutes', mins(-5), 'bad_minutes', /at least 1/],
    ['part of a minute', mins(7.5), 'bad_minutes', /whole number/],
    ['more than a day', mins(1441), 'too_long', /more than a day/],
  ];
  it.each(refused)('%s is refused with a sentence', (_name, time, code, message) => {
    const got = serviceMinutes(time);
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.problem.code).toBe(code);
      expect(got.problem.message).toMatch(message);
    }
  });
});

describe('dayParts: each minute on its own day', () => {
  it.each([
    ['a one-day service', '2026-11-03', clock('10:00', '10:30'), [{ date: '2026-11-03', minutes: 30, startMinute: 600, endMinute: 630 }]],
    ['minutes only', '2026-11-03', mins(20), [{ date: '2026-11-03', minutes: 20, startMinute: null, endMinute: null }]],
    ['over New Year', '2026-12-31', clock('22:00', '01:30', true), [
      { date: '2026-12-31', minutes: 120, startMinute: 1320, endMinute: 1440 },
      { date: '2027-01-01', minutes: 90, startMinute: 0, endMinute: 90 },
    ]],
    ['Feb 28 into March', '2027-02-28', clock('23:30', '00:15', true), [
      { date: '2027-02-28', minutes: 30, startMinute: 1410, endMinute: 1440 },
      { date: '2027-03-01', minutes: 15, startMinute: 0, endMinute: 15 },
    ]],
    ['Feb 28 into Feb 29 of a leap year', '2028-02-28', clock('23:30', '00:15', true), [
      { date: '2028-02-28', minutes: 30, startMinute: 1410, endMinute: 1440 },
      { date: '2028-02-29', minutes: 15, startMinute: 0, endMinute: 15 },
    ]],
    ['ending exactly at midnight stays on one day', '2026-11-03', clock('23:00', '00:00', true), [
      { date: '2026-11-03', minutes: 60, startMinute: 1380, endMinute: 1440 },
    ]],
    ['the night the clocks go back: clock minutes as written', '2026-11-01', clock('01:00', '02:30'), [
      { date: '2026-11-01', minutes: 90, startMinute: 60, endMinute: 150 },
    ]],
  ] as const)('%s', (_name, date, time, parts) => {
    expect(dayParts({ date, time })).toEqual({ ok: true, value: parts });
  });

  it('refuses a date that is not real', () => {
    const got = dayParts({ date: '2026-02-30', time: clock('10:00', '10:30') });
    expect(got).toEqual({ ok: false, problem: { code: 'bad_date', message: 'The date of service "2026-02-30" is not a real date.' } });
  });

  it('nextDay', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2026-03-08')).toBe('2026-03-09');
    expect(nextDay('2026-13-01')).toBeNull();
  });
});

describe('splitAtMidnight', () => {
  const late = entry({ id: 'e7', date: '2026-11-03', time: clock('22:00', '01:30', true), travelMinutes: 25, documentationMinutes: 10 });

  it('splits into one entry per day, each on its own date', () => {
    const got = splitAtMidnight(late, 'split');
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const [first, second] = got.value;
    expect(got.value).toHaveLength(2);
    expect(first).toEqual({ ...late, time: clock('22:00', '24:00') });
    expect(second).toEqual({ ...late, id: 'e7:next-day', date: '2026-11-04', time: clock('00:00', '01:30'), travelMinutes: 0, documentationMinutes: 0 });
  });

  it('refuses with both days named when the profile does not split', () => {
    expect(splitAtMidnight(late, 'refuse')).toEqual({
      ok: false,
      problem: {
        code: 'spans_midnight',
        message: 'This service ran from 10:00 PM on 11/03/2026 to 1:30 AM on 11/04/2026. An entry cannot run past midnight: enter it as two entries, one for each day.',
      },
    });
  });

  it('leaves a one-day entry as it is, under either setting', () => {
    const e = entry();
    expect(splitAtMidnight(e, 'split')).toEqual({ ok: true, value: [e] });
    expect(splitAtMidnight(e, 'refuse')).toEqual({ ok: true, value: [e] });
    const m = entry({ time: mins(40) });
    expect(splitAtMidnight(m, 'refuse')).toEqual({ ok: true, value: [m] });
  });

  it('an end at midnight is one entry ending 24:00, even when splitting is refused', () => {
    const e = entry({ time: clock('23:00', '00:00', true) });
    for (const setting of ['split', 'refuse'] as const) expect(splitAtMidnight(e, setting)).toEqual({ ok: true, value: [{ ...e, time: clock('23:00', '24:00') }] });
  });

  it('passes on a time problem instead of guessing', () => {
    const got = splitAtMidnight(entry({ time: clock('22:00', '01:30') }), 'split');
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.problem.code).toBe('end_not_after_start');
  });
});

describe('extraMinutesProblem', () => {
  it.each([
    [0, 0, null],
    [45, 1440, null],
    [-1, 0, 'Travel minutes must be a whole number from 0 to 1440.'],
    [0, 2.5, 'Documentation minutes must be a whole number from 0 to 1440.'],
    [1441, 0, 'Travel minutes must be a whole number from 0 to 1440.'],
  ])('travel %s, documentation %s', (travelMinutes, documentationMinutes, message) => {
    expect(extraMinutesProblem({ travelMinutes, documentationMinutes })?.message ?? null).toBe(message);
  });
});
