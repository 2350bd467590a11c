import { describe, expect, it } from 'vitest';
import { parseRosterDate } from './dates.ts';

describe('parseRosterDate', () => {
  it.each([
    ['3/4/2010', '2010-03-04'],
    ['03/04/2010', '2010-03-04'],
    ['3-4-2010', '2010-03-04'],
    ['03.04.2010', '2010-03-04'],
    [' 12/31/2011 ', '2011-12-31'],
    ['2010-03-04', '2010-03-04'],
    ['20100304', '2010-03-04'],
    ['2/29/2024', '2024-02-29'],
    ['1/1/1900', '1900-01-01'],
    ['3/4/2010 12:00:00 AM', '2010-03-04'],
    ['2010-03-04T00:00:00', '2010-03-04'],
    ['2010-03-04 00:00:00.000', '2010-03-04'],
  ])('%s → %s', (raw, iso) => {
    expect(parseRosterDate(raw)).toEqual({ ok: true, date: iso });
  });

  it.each([
    ['13/45/2020', '“13/45/2020” is not a date; use MM/DD/YYYY.'],
    ['2/30/2024', '“2/30/2024” is not a date; use MM/DD/YYYY.'],
    ['2/29/2023', '“2/29/2023” is not a date; use MM/DD/YYYY.'],
    ['2024-02-30', '“2024-02-30” is not a date; use MM/DD/YYYY.'],
    ['20241301', '“20241301” is not a date; use MM/DD/YYYY.'],
    ['3/4/10', '“3/4/10” has a two-digit year; use MM/DD/YYYY with all four digits of the year.'],
    ['03-04-10', '“03-04-10” has a two-digit year; use MM/DD/YYYY with all four digits of the year.'],
    ['12/31/1899', '“12/31/1899” is before 1900; check the year.'],
    ['3/4-2010', '“3/4-2010” is not a date; use MM/DD/YYYY.'],
    ['March 4, 2010', '“March 4, 2010” is not a date; use MM/DD/YYYY.'],
    ['40241', '“40241” is not a date; use MM/DD/YYYY.'],
    ['', 'No date given; use MM/DD/YYYY.'],
    ['   ', 'No date given; use MM/DD/YYYY.'],
  ])('%s is refused', (raw, message) => {
    expect(parseRosterDate(raw)).toEqual({ ok: false, message });
  });

  it('keeps a long bad value short in the message', () => {
    const result = parseRosterDate('x'.repeat(500));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeLessThan(100);
  });
});
