import { describe, expect, it } from 'vitest';
import {
  describeRoundingRule,
  ROUNDING_RULE_NAMES,
  ROUNDING_RULES,
  sumUnits,
  unitsAdded,
  unitsFor,
  unitsForTotal,
} from './rounding.ts';
import type { RoundingRuleName } from './types.ts';

const MINUTES = [0, 1, 7, 8, 11, 12, 14, 15, 16, 22, 23, 26, 27, 29, 30, 37, 38, 60] as const;

/** Units for a 15-minute unit, one column per entry of MINUTES. */
const EXPECTED: Record<RoundingRuleName, readonly number[]> = {
  //                          0  1  7    8    11   12 14 15 16 22   23   26   27 29 30 37   38   60
  eight_minute_each_entry:  [0, 0, 0,   1,   1,   1, 1, 1, 1, 1,   2,   2,   2, 2, 2, 2,   3,   4],
  eight_minute_month_total: [0, 0, 0,   1,   1,   1, 1, 1, 1, 1,   2,   2,   2, 2, 2, 2,   3,   4],
  first_unit_any_minute:    [0, 1, 1,   1,   1,   1, 1, 1, 1, 1,   2,   2,   2, 2, 2, 2,   3,   4],
  whole_units_only:         [0, 0, 0,   0,   0,   0, 0, 1, 1, 1,   1,   1,   1, 1, 2, 2,   2,   4],
  any_minute_rounds_up:     [0, 1, 1,   1,   1,   1, 1, 1, 2, 2,   2,   2,   2, 2, 2, 3,   3,   4],
  partial_units_80_percent: [0, 0, 0.4, 0.5, 0.7, 1, 1, 1, 1, 1.4, 1.5, 1.7, 2, 2, 2, 2.4, 2.5, 4],
};

const rows = ROUNDING_RULE_NAMES.flatMap((rule) => MINUTES.map((minutes, i) => ({ rule, minutes, units: EXPECTED[rule][i] as number })));

describe('unitsFor, 15-minute unit: every rule at every boundary', () => {
  it('covers every rule', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROUNDING_RULE_NAMES].sort());
    for (const rule of ROUNDING_RULE_NAMES) expect(EXPECTED[rule]).toHaveLength(MINUTES.length);
  });

  it.each(rows)('$rule: $minutes minutes → $units units', ({ rule, minutes, units }) => {
    expect(unitsFor(minutes, rule, 15)).toBe(units);
  });
});

describe('unitsFor: the 7/8/22/23 boundaries, spelled out', () => {
  it.each([
    ['eight_minute_each_entry', [0, 1, 1, 2]],
    ['eight_minute_month_total', [0, 1, 1, 2]],
    ['first_unit_any_minute', [1, 1, 1, 2]],
    ['whole_units_only', [0, 0, 1, 1]],
    ['any_minute_rounds_up', [1, 1, 2, 2]],
    ['partial_units_80_percent', [0.4, 0.5, 1.4, 1.5]],
  ] as const)('%s at 7, 8, 22, 23 minutes → %j', (rule, units) => {
    expect([7, 8, 22, 23].map((m) => unitsFor(m, rule, 15))).toEqual(units);
  });
});

describe('unitsFor: other unit lengths take their own half and 80%', () => {
  it.each([
    { rule: 'eight_minute_each_entry', unit: 30, minutes: 14, units: 0 },
    { rule: 'eight_minute_each_entry', unit: 30, minutes: 15, units: 1 },
    { rule: 'eight_minute_each_entry', unit: 60, minutes: 29, units: 0 },
    { rule: 'eight_minute_each_entry', unit: 60, minutes: 30, units: 1 },
    { rule: 'eight_minute_each_entry', unit: 60, minutes: 89, units: 1 },
    { rule: 'eight_minute_each_entry', unit: 60, minutes: 90, units: 2 },
    { rule: 'first_unit_any_minute', unit: 60, minutes: 1, units: 1 },
    { rule: 'first_unit_any_minute', unit: 60, minutes: 89, units: 1 },
    { rule: 'first_unit_any_minute', unit: 60, minutes: 90, units: 2 },
    { rule: 'partial_units_80_percent', unit: 60, minutes: 47, units: 0.7 },
    { rule: 'partial_units_80_percent', unit: 60, minutes: 48, units: 1 },
    { rule: 'any_minute_rounds_up', unit: 1, minutes: 37, units: 37 },
  ] as const)('$rule, $unit-minute unit: $minutes → $units', ({ rule, unit, minutes, units }) => {
    expect(unitsFor(minutes, rule, unit)).toBe(units);
  });
});

describe('unitsForTotal and unitsAdded', () => {
  it.each([
    { rule: 'eight_minute_each_entry', minutes: [7, 7], units: 0 },
    { rule: 'eight_minute_month_total', minutes: [7, 7], units: 1 },
    { rule: 'eight_minute_each_entry', minutes: [8, 8, 8], units: 3 },
    { rule: 'eight_minute_month_total', minutes: [8, 8, 8], units: 2 },
    { rule: 'eight_minute_each_entry', minutes: [22, 23], units: 3 },
    { rule: 'eight_minute_month_total', minutes: [22, 23], units: 3 },
    { rule: 'partial_units_80_percent', minutes: [7, 8], units: 0.9 },
    { rule: 'partial_units_80_percent', minutes: Array<number>(10).fill(2), units: 1 },
    { rule: 'whole_units_only', minutes: [], units: 0 },
    { rule: 'eight_minute_month_total', minutes: [], units: 0 },
  ] as const)('$rule over $minutes → $units', ({ rule, minutes, units }) => {
    expect(unitsForTotal(minutes, rule, 15)).toBe(units);
  });

  it('adds tenths without floating-point dust', () => {
    // Ten 0.1-unit entries make exactly 1 unit, not 0.9999999999999999.
    expect(unitsForTotal(Array<number>(10).fill(2), 'partial_units_80_percent', 15)).toBe(1);
    expect(sumUnits(0.1, 0.2)).toBe(0.3);
    expect(sumUnits(100, -99.7)).toBe(0.3);
  });

  it.each([
    { rule: 'eight_minute_month_total', before: 0, minutes: 7, units: 0 },
    { rule: 'eight_minute_month_total', before: 7, minutes: 1, units: 1 },
    { rule: 'eight_minute_month_total', before: 8, minutes: 14, units: 0 },
    { rule: 'eight_minute_month_total', before: 8, minutes: 15, units: 1 },
    { rule: 'eight_minute_each_entry', before: 7, minutes: 1, units: 0 },
    { rule: 'eight_minute_each_entry', before: 500, minutes: 23, units: 2 },
  ] as const)('$rule: $minutes minutes after $before → adds $units', ({ rule, before, minutes, units }) => {
    expect(unitsAdded(before, minutes, rule, 15)).toBe(units);
  });
});

describe('rules as data', () => {
  it('each rule has a label, a basis and a sentence with the profile’s numbers', () => {
    for (const name of ROUNDING_RULE_NAMES) {
      expect(ROUNDING_RULES[name].name).toBe(name);
      expect(ROUNDING_RULES[name].label.length).toBeGreaterThan(5);
      expect(describeRoundingRule(name, 15)).toMatch(/15/);
    }
    expect(ROUNDING_RULES.eight_minute_month_total.basis).toBe('month_total');
    expect(ROUNDING_RULE_NAMES.filter((n) => ROUNDING_RULES[n].basis === 'month_total')).toEqual(['eight_minute_month_total']);
  });

  it.each([
    ['eight_minute_each_entry', 15, 'Each entry on its own: one unit for every full 15 minutes, plus one more when 8 or more minutes are left over.'],
    ['eight_minute_month_total', 15, 'The month’s minutes for a participant and code are added up first; then one unit for every full 15 minutes, plus one more when 8 or more minutes are left over.'],
    ['first_unit_any_minute', 15, 'Each entry on its own: the first unit from the first minute; past the first 15 minutes, one unit for every full 15 minutes, plus one more when 8 or more minutes are left over.'],
    ['whole_units_only', 15, 'Each entry on its own: only full 15-minute units are billed; leftover minutes are not.'],
    ['any_minute_rounds_up', 15, 'Each entry on its own: any started 15-minute unit counts as a whole unit.'],
    ['partial_units_80_percent', 15, 'Each entry on its own: part of a 15-minute unit is billed in tenths (rounded down); 12 or more leftover minutes (80% of a unit) round up to a whole unit.'],
    ['eight_minute_each_entry', 60, 'Each entry on its own: one unit for every full 60 minutes, plus one more when 30 or more minutes are left over.'],
  ] as const)('%s with a %i-minute unit', (name, unit, sentence) => {
    expect(describeRoundingRule(name, unit)).toBe(sentence);
  });
});

describe('refuses what is not a count of minutes', () => {
  it.each([
    [-1, 15],
    [7.5, 15],
    [Number.NaN, 15],
    [Number.POSITIVE_INFINITY, 15],
    [10, 0],
    [10, -15],
    [10, 7.5],
  ])('unitsFor(%s, rule, %s) throws', (minutes, unit) => {
    expect(() => unitsFor(minutes, 'eight_minute_each_entry', unit)).toThrow(RangeError);
  });

  it('unitsForTotal and unitsAdded check every value', () => {
    expect(() => unitsForTotal([8, -1], 'eight_minute_month_total', 15)).toThrow(RangeError);
    expect(() => unitsAdded(-5, 8, 'eight_minute_month_total', 15)).toThrow(RangeError);
  });
});
