/**
 * Timely filing: a claim must be filed within the profile's number of days
 * from the date of service (DOMAIN.md: a setting, default 365). The worker
 * does not file claims; the county's billing staff do, from her monthly
 * export. So what she is warned about is an entry not yet exported.
 */
import { addDays, differenceInCalendarDays } from 'date-fns';
import { parseIsoDate, type Deadline } from '../deadlines.ts';
import { plural, shownDate } from './format.ts';
import type { BillingProfile, IsoDate, ServiceEntry } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const toIso = (d: Date): IsoDate => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The last day a claim for this date of service can be filed; null for an unreadable date. */
export function timelyFilingDeadline(dateOfService: IsoDate, profile: Pick<BillingProfile, 'timelyFilingDays'>): IsoDate | null {
  const d = parseIsoDate(dateOfService);
  return d ? toIso(addDays(d, profile.timelyFilingDays)) : null;
}

/** True once the last filing day has passed (the deadline day itself is still in time). */
export function isPastTimelyFiling(dateOfService: IsoDate, today: IsoDate, profile: Pick<BillingProfile, 'timelyFilingDays'>): boolean {
  const deadline = parseIsoDate(timelyFilingDeadline(dateOfService, profile));
  const now = parseIsoDate(today);
  if (!deadline || !now) return true; // unreadable dates fail closed: nothing is billed on a guess
  return differenceInCalendarDays(now, deadline) > 0;
}

/**
 * Due-soon items for entries still to be exported: one per student and
 * program, due on the earliest timely-filing deadline among them, so the
 * panel shows one line however many entries wait. Feed to dueSoon() with the
 * other deadlines. Only entries claimed under a profile's program and stream count.
 */
export function timelyFilingDeadlines(entries: readonly ServiceEntry[], profiles: readonly BillingProfile[]): Deadline[] {
  const groups = new Map<string, { studentId: string; profile: BillingProfile; count: number; oldest: IsoDate; dueOn: IsoDate }>();
  for (const e of entries) {
    if (e.exportedOn !== null) continue;
    const profile = profiles.find((p) => p.program === e.program && p.fundingStream === e.fundingStream);
    if (!profile) continue;
    const dueOn = timelyFilingDeadline(e.date, profile);
    if (dueOn === null) continue;
    const key = `timely-filing:${e.studentId}:${profile.program}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { studentId: e.studentId, profile, count: 1, oldest: e.date, dueOn });
    else {
      g.count += 1;
      if (dueOn < g.dueOn) g.dueOn = dueOn;
      if (e.date < g.oldest) g.oldest = e.date;
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({
      key,
      kind: 'timely-filing',
      studentId: g.studentId,
      enrollmentId: null,
      title: `Export ${g.profile.program} service time for billing`,
      detail: `${plural(g.count, 'entry', 'entries')} not exported yet; the oldest, from ${shownDate(g.oldest)}, must be filed within ${plural(g.profile.timelyFilingDays, 'day')} of service`,
      dueOn: g.dueOn,
    }));
}
