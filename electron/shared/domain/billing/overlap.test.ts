import { describe, expect, it } from 'vitest';
import { clock, entry, mins } from './fixtures.ts';
import { findOverlaps, overlapsWith, type OverlapKind } from './overlap.ts';
import type { ServiceEntry } from './types.ts';

const a = (over: Partial<ServiceEntry>) => entry({ id: 'a', ...over });
const b = (over: Partial<ServiceEntry>) => entry({ id: 'b', ...over });

interface Row {
  name: string;
  a: Partial<ServiceEntry>;
  b: Partial<ServiceEntry>;
  /** Expected conflicts: kind, minutes, blocks. */
  found: [OverlapKind, number, boolean][];
}

const rows: Row[] = [
  { name: 'the same half hour to CLTS and to school-based Medicaid', a: {}, b: { fundingStream: 'school_medicaid' }, found: [['two_streams', 30, true]] },
  { name: 'the same half hour to CLTS and the county time study', a: {}, b: { fundingStream: 'county_time_study' }, found: [['two_streams', 30, true]] },
  { name: 'one end touches the other start', a: {}, b: { time: clock('10:30', '11:00'), fundingStream: 'school_medicaid' }, found: [] },
  { name: 'a one-minute overlap', a: {}, b: { time: clock('10:29', '11:00'), fundingStream: 'school_medicaid' }, found: [['two_streams', 1, true]] },
  { name: 'partly overlapping', a: {}, b: { time: clock('10:15', '10:45'), fundingStream: 'school_medicaid' }, found: [['two_streams', 15, true]] },
  { name: 'one inside the other', a: { time: clock('10:00', '11:00') }, b: { time: clock('10:15', '10:30'), fundingStream: 'ccs' }, found: [['two_streams', 15, true]] },
  { name: 'the same minutes twice to CLTS', a: {}, b: {}, found: [['same_stream', 30, true]] },
  { name: 'the same minutes to CLTS for two students', a: {}, b: { studentId: 's2' }, found: [['same_stream', 30, true]] },
  { name: 'time claimed nowhere does not conflict', a: {}, b: { fundingStream: 'none' }, found: [] },
  { name: 'different days', a: {}, b: { date: '2026-11-04', fundingStream: 'school_medicaid' }, found: [] },
  { name: 'a late-night service reaching into the next morning', a: { date: '2026-11-03', time: clock('23:00', '01:00', true) },
    b: { date: '2026-11-04', time: clock('00:30', '01:30'), fundingStream: 'school_medicaid' }, found: [['two_streams', 30, true]] },
  { name: 'minutes only: same student, activity and minutes', a: { time: mins(30) }, b: { time: mins(30), fundingStream: 'school_medicaid' }, found: [['possible_duplicate', 30, false]] },
  { name: 'minutes only against a clock entry of the same length', a: { time: mins(30) }, b: {}, found: [['possible_duplicate', 30, false]] },
  { name: 'minutes only: different minutes', a: { time: mins(30) }, b: { time: mins(20) }, found: [] },
  { name: 'minutes only: different activity', a: { time: mins(30) }, b: { time: mins(30), activity: 'team_meeting' }, found: [] },
  { name: 'minutes only: another student', a: { time: mins(30) }, b: { time: mins(30), studentId: 's2' }, found: [] },
  { name: 'more minutes in a day than a day has', a: { time: mins(1000) }, b: { time: mins(500), activity: 'team_meeting' }, found: [['day_over_24_hours', 60, true]] },
  { name: 'an unreadable time claims nothing', a: {}, b: { time: clock('10:30', '10:00') }, found: [] },
];

describe('findOverlaps: two entries', () => {
  it.each(rows)('$name', (row) => {
    for (const list of [[a(row.a), b(row.b)], [b(row.b), a(row.a)]]) {
      const got = findOverlaps(list);
      expect(got.map((o) => [o.kind, o.minutes, o.blocks])).toEqual(row.found);
      for (const o of got) expect(o.entryIds).toEqual(['a', 'b']);
    }
  });
});

describe('findOverlaps: the sentences', () => {
  it('names both entries, the shared minutes and both streams', () => {
    const [o] = findOverlaps([a({}), b({ activity: 'team_meeting', time: clock('10:15', '11:00'), fundingStream: 'school_medicaid' })]);
    expect(o).toEqual({
      kind: 'two_streams',
      blocks: true,
      entryIds: ['a', 'b'],
      date: '2026-11-03',
      minutes: 15,
      startMinute: 615,
      endMinute: 630,
      message:
        'The coordination entry at 10:00 AM–10:30 AM and the team meeting entry at 10:15 AM–11:00 AM on 11/03/2026 share 15 minutes (10:15 AM–10:30 AM), ' +
        'claimed to CLTS and to school-based Medicaid. The same minutes can be billed to one funding stream only.',
    });
  });

  it('the same stream for two students asks to divide the time', () => {
    const [o] = findOverlaps([a({}), b({ studentId: 's2' })]);
    expect(o?.message).toContain('both claimed to CLTS for two students; divide the time between them. The same minutes cannot be billed twice.');
  });

  it('a possible duplicate asks her to check', () => {
    const [o] = findOverlaps([a({ time: mins(30) }), b({ time: mins(30), fundingStream: 'ccs' })]);
    expect(o?.message).toBe(
      'The coordination entry of 30 minutes and the coordination entry of 30 minutes on 11/03/2026 look like the same service entered twice ' +
        '(same student, activity and minutes, claimed to CCS and to CLTS). Check that these are two services before billing both.',
    );
  });
});

describe('findOverlaps: many entries', () => {
  it('three entries over the same stretch give three pairs, in time order', () => {
    const got = findOverlaps([
      entry({ id: 'z', time: clock('10:20', '10:40'), fundingStream: 'county_time_study' }),
      entry({ id: 'y', time: clock('10:10', '10:50'), fundingStream: 'school_medicaid' }),
      entry({ id: 'x', time: clock('10:00', '11:00') }),
    ]);
    expect(got.map((o) => [o.entryIds.join('+'), o.minutes, o.startMinute])).toEqual([
      ['x+y', 40, 610],
      ['x+z', 20, 620],
      ['y+z', 20, 620],
    ]);
  });

  it('a full day of back-to-back entries is clean', () => {
    const day = Array.from({ length: 24 }, (_, h) =>
      entry({ id: `h${h}`, time: clock(`${String(h).padStart(2, '0')}:00`, h === 23 ? '24:00' : `${String(h + 1).padStart(2, '0')}:00`), fundingStream: h % 2 ? 'clts' : 'school_medicaid' }),
    );
    expect(findOverlaps(day)).toEqual([]);
  });

  it('the same entry listed twice is not a conflict with itself', () => {
    expect(findOverlaps([entry(), entry()])).toEqual([]);
  });
});

describe('overlapsWith: checking one entry before it is saved', () => {
  const saved = [
    entry({ id: 's-morning', time: clock('09:00', '09:30'), fundingStream: 'school_medicaid' }),
    entry({ id: 's-late', date: '2026-11-02', time: clock('23:30', '00:45', true), fundingStream: 'county_time_study' }),
    entry({ id: 's-other-day', date: '2026-11-05', time: clock('09:00', '09:30'), fundingStream: 'school_medicaid' }),
    entry({ id: 'x1', time: clock('13:00', '14:00') }),
    entry({ id: 'x2', time: clock('13:30', '14:30'), fundingStream: 'ccs' }),
  ];

  it('finds what the new entry collides with, and nothing between the others', () => {
    const candidate = entry({ id: 'new', time: clock('09:15', '09:45') });
    expect(overlapsWith(candidate, saved).map((o) => o.entryIds)).toEqual([['new', 's-morning']]);
  });

  it('sees a service from the night before that ran into this day', () => {
    const candidate = entry({ id: 'new', date: '2026-11-03', time: clock('00:30', '01:00') });
    expect(overlapsWith(candidate, saved).map((o) => [o.entryIds, o.minutes])).toEqual([[['new', 's-late'], 15]]);
  });

  it('an edited entry does not collide with its own saved version', () => {
    const edited = entry({ id: 's-morning', time: clock('09:00', '09:40'), fundingStream: 'school_medicaid' });
    expect(overlapsWith(edited, saved)).toEqual([]);
  });

  it('a new entry claimed nowhere, or with an unreadable time, collides with nothing', () => {
    expect(overlapsWith(entry({ id: 'new', time: clock('09:00', '09:30'), fundingStream: 'none' }), saved)).toEqual([]);
    expect(overlapsWith(entry({ id: 'new', time: clock('09:30', '09:00') }), saved)).toEqual([]);
  });
});
