/**
 * Properties of the billing rules over generated minutes, times and entries.
 * Replay a failure with FC_SEED=<seed printed below> (fast-check also prints the path).
 */
import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { clockText, dayParts, MINUTES_PER_DAY, nextDay, serviceMinutes, splitAtMidnight } from './time.ts';
import { entry } from './fixtures.ts';
import { findOverlaps, overlapsWith } from './overlap.ts';
import { ROUNDING_RULE_NAMES, unitsAdded, unitsFor, unitsForTotal } from './rounding.ts';
import type { FundingStream, ServiceEntry, ServiceTime } from './types.ts';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;

beforeAll(() => {
  console.info(`billing property tests: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);
});

const ruleArb = fc.constantFrom(...ROUNDING_RULE_NAMES);
const unitArb = fc.oneof(fc.constant(15), fc.integer({ min: 1, max: 120 }));
const minutesArb = fc.integer({ min: 0, max: 3000 });

describe('rounding properties', () => {
  it('units never go down as minutes go up, for every rule and unit length', () => {
    fc.assert(
      fc.property(ruleArb, unitArb, minutesArb, minutesArb, (rule, unit, x, y) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(unitsFor(lo, rule, unit)).toBeLessThanOrEqual(unitsFor(hi, rule, unit));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('every rule lands between the full units and the started units', () => {
    fc.assert(
      fc.property(ruleArb, unitArb, minutesArb, (rule, unit, m) => {
        const units = unitsFor(m, rule, unit);
        expect(units).toBeGreaterThanOrEqual(Math.floor(m / unit));
        expect(units).toBeLessThanOrEqual(Math.ceil(m / unit));
        expect(Math.round(units * 10)).toBe(units * 10); // whole tenths at most
      }),
      { seed: SEED + 1, numRuns: 2000 },
    );
  });

  it('what each entry adds sums to the month’s units, in any order of entry', () => {
    fc.assert(
      fc.property(ruleArb, unitArb, fc.array(fc.integer({ min: 0, max: 240 }), { maxLength: 30 }), (rule, unit, month) => {
        const total = unitsForTotal(month, rule, unit);
        for (const order of [month, [...month].reverse()]) {
          let before = 0;
          let tenths = 0;
          for (const m of order) {
            tenths += Math.round(unitsAdded(before, m, rule, unit) * 10);
            before += m;
          }
          expect(tenths / 10).toBe(total);
        }
      }),
      { seed: SEED + 2, numRuns: 1000 },
    );
  });
});

const dateArb = fc.oneof(
  fc.integer({ min: 0, max: 1100 }).map((n) => format(addDays(new Date(2026, 0, 1), n), 'yyyy-MM-dd')),
  fc.constantFrom('2026-12-31', '2027-02-28', '2028-02-28', '2028-02-29', '2026-03-08', '2026-11-01'),
);
const clockArb: fc.Arbitrary<ServiceTime> = fc
  .record({ start: fc.integer({ min: 0, max: 1439 }), end: fc.integer({ min: 0, max: 1440 }), endsNextDay: fc.boolean() })
  .map(({ start, end, endsNextDay }) => ({ kind: 'clock', startTime: clockText(start), endTime: clockText(end), endsNextDay }));

describe('midnight properties', () => {
  it('splitting at midnight keeps every minute, on consecutive real days', () => {
    fc.assert(
      fc.property(dateArb, clockArb, (date, time) => {
        const total = serviceMinutes(time);
        const parts = dayParts({ date, time });
        expect(parts.ok).toBe(total.ok);
        if (!parts.ok || !total.ok) return;
        expect(parts.value.reduce((a, p) => a + p.minutes, 0)).toBe(total.value);
        expect(parts.value[0]?.date).toBe(date);
        if (parts.value.length === 2) expect(parts.value[1]?.date).toBe(nextDay(date));
        for (const p of parts.value) {
          expect(p.minutes).toBeGreaterThan(0);
          expect(p.endMinute as number).toBeLessThanOrEqual(MINUTES_PER_DAY);
        }

        const e = entry({ date, time });
        const split = splitAtMidnight(e, 'split');
        expect(split.ok).toBe(true);
        if (!split.ok) return;
        const minutes = split.value.map((x) => serviceMinutes(x.time));
        expect(minutes.reduce((a, m) => a + (m.ok ? m.value : Number.NaN), 0)).toBe(total.value);
        expect(split.value.every((x) => x.time.kind === 'clock' && !x.time.endsNextDay)).toBe(true);
        expect(split.value.map((x) => x.date)).toEqual(parts.value.map((p) => p.date));

        const refused = splitAtMidnight(e, 'refuse');
        expect(refused.ok).toBe(parts.value.length === 1);
      }),
      { seed: SEED + 3, numRuns: 2000 },
    );
  });

  it('an end at or before the start is never read as the next day unless marked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }), (start, end) => {
        fc.pre(end <= start);
        const got = serviceMinutes({ kind: 'clock', startTime: clockText(start), endTime: clockText(end), endsNextDay: false });
        expect(got.ok ? null : got.problem.code).toBe('end_not_after_start');
      }),
      { seed: SEED + 4, numRuns: 500 },
    );
  });
});

const streams: FundingStream[] = ['clts', 'ccs', 'school_medicaid', 'county_time_study', 'none'];
const entryArb = (id: string): fc.Arbitrary<ServiceEntry> =>
  fc
    .record({
      date: fc.constantFrom('2026-11-03', '2026-11-04'),
      time: fc.oneof(
        clockArb,
        fc.integer({ min: 1, max: 120 }).map((m): ServiceTime => ({ kind: 'minutes', minutes: m })),
      ),
      fundingStream: fc.constantFrom(...streams),
      studentId: fc.constantFrom('s1', 's2'),
      activity: fc.constantFrom('coordination' as const, 'team_meeting' as const),
    })
    .map((over) => entry({ id, ...over }));
const entriesArb = fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => entryArb(`e${i}`))));

describe('overlap properties', () => {
  it('the result does not depend on the order the entries come in', () => {
    fc.assert(
      fc.property(entriesArb, fc.integer({ min: 0, max: 1000 }), (list, k) => {
        const expected = findOverlaps(list);
        const rotated = [...list.slice(k % list.length), ...list.slice(0, k % list.length)];
        expect(findOverlaps([...list].reverse())).toEqual(expected);
        expect(findOverlaps(rotated)).toEqual(expected);
      }),
      { seed: SEED + 5, numRuns: 500 },
    );
  });

  it('two claimed clock entries on one day conflict exactly when they share a minute', () => {
    const one = fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 600 }));
    fc.assert(
      fc.property(one, one, fc.constantFrom(...streams.filter((s) => s !== 'none')), ([s1, l1], [s2, l2], stream) => {
        const e1 = Math.min(s1 + l1, 1440);
        const e2 = Math.min(s2 + l2, 1440);
        const a = entry({ id: 'a', time: { kind: 'clock', startTime: clockText(s1), endTime: clockText(e1), endsNextDay: false } });
        const b = entry({ id: 'b', activity: 'team_meeting', fundingStream: stream, time: { kind: 'clock', startTime: clockText(s2), endTime: clockText(e2), endsNextDay: false } });
        const shared = Math.min(e1, e2) - Math.max(s1, s2);
        const got = findOverlaps([a, b]).filter((o) => o.kind === 'two_streams' || o.kind === 'same_stream');
        if (shared > 0) {
          expect(got).toHaveLength(1);
          expect(got[0]?.minutes).toBe(shared);
          expect(got[0]?.kind).toBe(stream === 'clts' ? 'same_stream' : 'two_streams');
        } else expect(got).toEqual([]);
      }),
      { seed: SEED + 6, numRuns: 2000 },
    );
  });

  it('checking one entry finds exactly the conflicts the whole list has with it', () => {
    fc.assert(
      fc.property(entriesArb, (list) => {
        const [candidate, ...existing] = list as [ServiceEntry, ...ServiceEntry[]];
        const all = findOverlaps(list).filter((o) => o.entryIds.includes(candidate.id));
        expect(overlapsWith(candidate, existing)).toEqual(all);
      }),
      { seed: SEED + 7, numRuns: 500 },
    );
  });
});
