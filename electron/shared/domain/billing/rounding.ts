/**
 * Minutes to billing units. DOMAIN.md: CLTS case management is billed in
 * 15-minute units, but how leftover minutes round is a per-program, per-county
 * setting (states differ: 8 minutes = 1 unit; Arizona bills the first unit at
 * 1 minute; Maine bills partial units and rounds up at 80%). So the rules are
 * named data, and each billing profile picks one.
 *
 * Arithmetic is in whole minutes and tenths of a unit (integers), so partial
 * units never collect floating-point dust when added up.
 */
import type { RoundingRuleName } from './types.ts';

export interface RoundingRule {
  name: RoundingRuleName;
  /** Short name for a picker. */
  label: string;
  /**
   * 'entry': each entry is rounded on its own. 'month_total': a month's
   * minutes for one participant and code are added first, then rounded once.
   */
  basis: 'entry' | 'month_total';
}

export const ROUNDING_RULES: Readonly<Record<RoundingRuleName, RoundingRule>> = {
  eight_minute_each_entry: { name: 'eight_minute_each_entry', label: '8-minute rule, each entry', basis: 'entry' },
  eight_minute_month_total: { name: 'eight_minute_month_total', label: '8-minute rule on the month’s total', basis: 'month_total' },
  first_unit_any_minute: { name: 'first_unit_any_minute', label: 'First unit from 1 minute', basis: 'entry' },
  whole_units_only: { name: 'whole_units_only', label: 'Whole units only', basis: 'entry' },
  any_minute_rounds_up: { name: 'any_minute_rounds_up', label: 'Any part of a unit rounds up', basis: 'entry' },
  partial_units_80_percent: { name: 'partial_units_80_percent', label: 'Partial units, 80% rounds up', basis: 'entry' },
};

export const ROUNDING_RULE_NAMES = Object.keys(ROUNDING_RULES) as RoundingRuleName[];

/** At least half a unit, in whole minutes: 8 of 15 (the "8-minute rule"). */
export const halfUnitMinutes = (unitMinutes: number): number => Math.ceil(unitMinutes / 2);

/** 80% of a unit, in whole minutes: 12 of 15. */
export const eightyPercentMinutes = (unitMinutes: number): number => Math.ceil((unitMinutes * 8) / 10);

/** One sentence a billing clerk would recognise, with this profile's numbers in it. */
export function describeRoundingRule(name: RoundingRuleName, unitMinutes: number): string {
  const u = unitMinutes;
  const half = halfUnitMinutes(u);
  const fullUnits = `one unit for every full ${u} minutes, plus one more when ${half} or more minutes are left over`;
  switch (name) {
    case 'eight_minute_each_entry':
      return `Each entry on its own: ${fullUnits}.`;
    case 'eight_minute_month_total':
      return `The month’s minutes for a participant and code are added up first; then ${fullUnits}.`;
    case 'first_unit_any_minute':
      return `Each entry on its own: the first unit from the first minute; past the first ${u} minutes, ${fullUnits}.`;
    case 'whole_units_only':
      return `Each entry on its own: only full ${u}-minute units are billed; leftover minutes are not.`;
    case 'any_minute_rounds_up':
      return `Each entry on its own: any started ${u}-minute unit counts as a whole unit.`;
    case 'partial_units_80_percent':
      return `Each entry on its own: part of a ${u}-minute unit is billed in tenths (rounded down); ${eightyPercentMinutes(u)} or more leftover minutes (80% of a unit) round up to a whole unit.`;
  }
}

function check(minutes: number, unitMinutes: number): void {
  if (!Number.isSafeInteger(unitMinutes) || unitMinutes <= 0) throw new RangeError(`A unit must be a whole number of minutes above 0, not ${unitMinutes}.`);
  if (!Number.isSafeInteger(minutes) || minutes < 0) throw new RangeError(`Minutes must be a whole number, 0 or more, not ${minutes}.`);
}

/** Units ×10 for `minutes` taken on their own (no basis logic here). */
function tenths(minutes: number, name: RoundingRuleName, u: number): number {
  const whole = Math.floor(minutes / u);
  const rest = minutes % u;
  switch (name) {
    case 'eight_minute_each_entry':
    case 'eight_minute_month_total':
      return (whole + (rest >= halfUnitMinutes(u) ? 1 : 0)) * 10;
    case 'first_unit_any_minute':
      if (minutes === 0) return 0;
      return minutes <= u ? 10 : 10 + tenths(minutes - u, 'eight_minute_each_entry', u);
    case 'whole_units_only':
      return whole * 10;
    case 'any_minute_rounds_up':
      return (whole + (rest > 0 ? 1 : 0)) * 10;
    case 'partial_units_80_percent':
      return rest >= eightyPercentMinutes(u) ? (whole + 1) * 10 : whole * 10 + Math.floor((rest * 10) / u);
  }
}

/**
 * Units for one entry's minutes under a rule. For a rule that works on the
 * month's total this is what those minutes would give on their own: use
 * unitsAdded or unitsForTotal for the month.
 */
export function unitsFor(minutes: number, rule: RoundingRuleName, unitMinutes: number): number {
  check(minutes, unitMinutes);
  return tenths(minutes, rule, unitMinutes) / 10;
}

/**
 * Units for a month of one participant's entries under one code: each entry
 * rounded and added up, or (for a month-total rule) the minutes added up and
 * rounded once.
 */
export function unitsForTotal(minutes: readonly number[], rule: RoundingRuleName, unitMinutes: number): number {
  for (const m of minutes) check(m, unitMinutes);
  if (ROUNDING_RULES[rule].basis === 'month_total') {
    const sum = minutes.reduce((a, b) => a + b, 0);
    check(sum, unitMinutes);
    return tenths(sum, rule, unitMinutes) / 10;
  }
  return minutes.reduce((acc, m) => acc + tenths(m, rule, unitMinutes), 0) / 10;
}

/**
 * What an entry adds to the month's units, given the minutes already counted
 * that month. For per-entry rules this is unitsFor; for a month-total rule the
 * additions of a month's entries add up to the month's units in any order.
 */
export function unitsAdded(minutesBefore: number, minutes: number, rule: RoundingRuleName, unitMinutes: number): number {
  check(minutesBefore, unitMinutes);
  check(minutes, unitMinutes);
  if (ROUNDING_RULES[rule].basis === 'entry') return tenths(minutes, rule, unitMinutes) / 10;
  return (tenths(minutesBefore + minutes, rule, unitMinutes) - tenths(minutesBefore, rule, unitMinutes)) / 10;
}

/** Adds or subtracts unit counts that may carry tenths, without floating-point dust. */
export function sumUnits(...values: readonly number[]): number {
  return Math.round(values.reduce((acc, v) => acc + Math.round(v * 10), 0)) / 10;
}
