/**
 * Double-billing prevention. DOMAIN.md: the same minutes must never be billed
 * to two funding streams (the worker can be in a county time study, the
 * district's school-based Medicaid pool and direct CLTS/CCS billing at once),
 * and never twice. Given the worker's entries (or one student's), this finds
 * claimed minutes that overlap on the clock, entries that look like the same
 * service entered twice, and days that claim more minutes than a day has.
 *
 * Only claimed time counts (funding stream other than 'none'). Travel and
 * documentation minutes carry no clock times, so only the service's own time
 * is compared. Ends touch without overlapping: 9:00–9:30 and 9:30–10:00 are
 * fine. Results do not depend on the order of the entries given.
 */
import { plural, shownDate, shownTime } from './format.ts';
import { dayParts, MINUTES_PER_DAY } from './time.ts';
import { ACTIVITY_LABELS, FUNDING_STREAM_LABELS, type IsoDate, type ServiceEntry } from './types.ts';

export type OverlapKind = 'two_streams' | 'same_stream' | 'possible_duplicate' | 'day_over_24_hours';

export interface Overlap {
  kind: OverlapKind;
  /** True: the minutes cannot be billed as they stand. False: she confirms they are two services. */
  blocks: boolean;
  /** The entries involved, sorted. */
  entryIds: string[];
  date: IsoDate;
  /** Minutes claimed twice (for a day over 24 hours: the minutes beyond the day). */
  minutes: number;
  /** The shared stretch of the clock, when there is one. */
  startMinute: number | null;
  endMinute: number | null;
  message: string;
}

interface Piece {
  entry: ServiceEntry;
  date: IsoDate;
  minutes: number;
  start: number | null;
  end: number | null;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const claimed = (e: ServiceEntry) => e.fundingStream !== 'none';

function pieces(entries: readonly ServiceEntry[]): Piece[] {
  const out: Piece[] = [];
  for (const entry of entries) {
    if (!claimed(entry)) continue;
    const parts = dayParts(entry);
    if (!parts.ok) continue; // unreadable time is refused at entry; it claims nothing here
    for (const p of parts.value) out.push({ entry, date: p.date, minutes: p.minutes, start: p.startMinute, end: p.endMinute });
  }
  // A canonical order, so pairs and their sentences come out the same whatever order the entries came in.
  return out.sort(
    (a, b) =>
      byText(a.date, b.date) ||
      (a.start ?? -1) - (b.start ?? -1) ||
      (a.end ?? -1) - (b.end ?? -1) ||
      byText(a.entry.id, b.entry.id) ||
      byText(a.entry.fundingStream, b.entry.fundingStream),
  );
}

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function describe(p: Piece): string {
  const what = `the ${ACTIVITY_LABELS[p.entry.activity]} entry`;
  if (p.start === null || p.end === null) return `${what} of ${plural(p.minutes, 'minute')}`;
  return `${what} at ${shownTime(p.start)}–${shownTime(p.end)}`;
}

function clockOverlap(a: Piece, b: Piece, from: number, to: number): Overlap {
  const ids = [a.entry.id, b.entry.id].sort(byText);
  const n = to - from;
  const shared = `${capital(describe(a))} and ${describe(b)} on ${shownDate(a.date)} share ${plural(n, 'minute')} (${shownTime(from)}–${shownTime(to)})`;
  const base = { blocks: true, entryIds: ids, date: a.date, minutes: n, startMinute: from, endMinute: to };
  const sa = a.entry.fundingStream;
  const sb = b.entry.fundingStream;
  if (sa !== sb) {
    const [first, second] = [FUNDING_STREAM_LABELS[sa], FUNDING_STREAM_LABELS[sb]].sort(byText);
    return { ...base, kind: 'two_streams', message: `${shared}, claimed to ${first} and to ${second}. The same minutes can be billed to one funding stream only.` };
  }
  const who = a.entry.studentId === b.entry.studentId ? 'for the same student' : 'for two students; divide the time between them';
  return { ...base, kind: 'same_stream', message: `${shared}, both claimed to ${FUNDING_STREAM_LABELS[sa]} ${who}. The same minutes cannot be billed twice.` };
}

function duplicate(a: Piece, b: Piece): Overlap {
  const [x, y] = byText(a.entry.id, b.entry.id) <= 0 ? [a, b] : [b, a];
  const streams =
    x.entry.fundingStream === y.entry.fundingStream
      ? ''
      : `, claimed to ${[FUNDING_STREAM_LABELS[x.entry.fundingStream], FUNDING_STREAM_LABELS[y.entry.fundingStream]].sort(byText).join(' and to ')}`;
  return {
    kind: 'possible_duplicate',
    blocks: false,
    entryIds: [x.entry.id, y.entry.id],
    date: x.date,
    minutes: x.minutes,
    startMinute: null,
    endMinute: null,
    message:
      `${capital(describe(x))} and ${describe(y)} on ${shownDate(x.date)} look like the same service entered twice (same student, activity and minutes${streams}). ` +
      'Check that these are two services before billing both.',
  };
}

/** Every conflict among the entries, by date and time of day. */
export function findOverlaps(entries: readonly ServiceEntry[]): Overlap[] {
  const all = pieces(entries);
  const out: Overlap[] = [];
  const byDate = new Map<IsoDate, Piece[]>();
  for (const p of all) byDate.set(p.date, [...(byDate.get(p.date) ?? []), p]);

  for (const [date, day] of byDate) {
    const clock = day.filter((p) => p.start !== null && p.end !== null);
    // Sorted by start: each piece meets only the pieces that start before it ends.
    for (let i = 0; i < clock.length; i++) {
      const a = clock[i] as Piece;
      for (let j = i + 1; j < clock.length; j++) {
        const b = clock[j] as Piece;
        if ((b.start as number) >= (a.end as number)) break;
        if (a.entry.id === b.entry.id) continue;
        out.push(clockOverlap(a, b, b.start as number, Math.min(a.end as number, b.end as number)));
      }
    }
    // Minutes-only entries cannot be placed on the clock: the same student, activity and minutes on one day is suspect.
    for (let i = 0; i < day.length; i++) {
      for (let j = i + 1; j < day.length; j++) {
        const a = day[i] as Piece;
        const b = day[j] as Piece;
        if (a.start !== null && b.start !== null) continue;
        if (a.entry.id === b.entry.id || a.entry.studentId !== b.entry.studentId) continue;
        if (a.entry.activity === b.entry.activity && a.minutes === b.minutes) out.push(duplicate(a, b));
      }
    }
    const total = day.reduce((acc, p) => acc + p.minutes, 0);
    if (total > MINUTES_PER_DAY) {
      out.push({
        kind: 'day_over_24_hours',
        blocks: true,
        entryIds: [...new Set(day.map((p) => p.entry.id))].sort(byText),
        date,
        minutes: total - MINUTES_PER_DAY,
        startMinute: null,
        endMinute: null,
        message: `On ${shownDate(date)} these entries claim ${plural(total, 'minute')}, more than the ${MINUTES_PER_DAY} minutes in a day: some minutes are counted twice.`,
      });
    }
  }
  return out.sort(
    (a, b) =>
      byText(a.date, b.date) ||
      (a.startMinute ?? -1) - (b.startMinute ?? -1) ||
      byText(a.entryIds.join('\u0000'), b.entryIds.join('\u0000')) ||
      byText(a.kind, b.kind),
  );
}

/**
 * The conflicts a new or edited entry would bring, for refusing it before it
 * is saved. An existing entry with the candidate's id is its old version and
 * is left out.
 */
export function overlapsWith(candidate: ServiceEntry, existing: readonly ServiceEntry[]): Overlap[] {
  const parts = dayParts(candidate);
  if (!parts.ok || !claimed(candidate)) return [];
  const dates = new Set(parts.value.map((p) => p.date));
  // An entry from the day before that ran past midnight reaches into the candidate's day, so it stays in.
  const sameDays = existing.filter((e) => e.id !== candidate.id && (dates.has(e.date) || (e.time.kind === 'clock' && e.time.endsNextDay)));
  return findOverlaps([...sameDays, candidate]).filter((o) => o.entryIds.includes(candidate.id));
}
