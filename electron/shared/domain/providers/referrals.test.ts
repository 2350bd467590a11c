import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_SETTINGS, dueSoon } from '../deadlines.ts';
import { countyReferral, referral } from './fixtures.ts';
import {
  ALLOWED_TRANSITIONS,
  DEFAULT_REFERRAL_SETTINGS,
  followUpDue,
  historyByTarget,
  providerHistory,
  referralDeadlines,
  transition,
} from './referrals.ts';
import { REFERRAL_STATUSES, type Referral, type ReferralStatus, type StatusChange } from './types.ts';

/** A referral of the given status whose history walks the shortest allowed path to it. */
const PATHS: Record<ReferralStatus, ReferralStatus[]> = {
  draft: [],
  sent: ['sent'],
  accepted: ['sent', 'accepted'],
  waitlisted: ['sent', 'waitlisted'],
  declined: ['sent', 'declined'],
  completed: ['sent', 'accepted', 'completed'],
  closed: ['closed'],
};

function at(status: ReferralStatus, over: Partial<Referral> = {}): Referral {
  const history: StatusChange[] = [{ status: 'draft', on: '2026-10-01' }, ...PATHS[status].map((s, i) => ({ status: s, on: `2026-10-0${i + 2}` }))];
  return referral({ status, history, ...over });
}

const allowed = REFERRAL_STATUSES.flatMap((from) => ALLOWED_TRANSITIONS[from].map((to) => ({ from, to })));
const refused = REFERRAL_STATUSES.flatMap((from) => REFERRAL_STATUSES.filter((to) => !ALLOWED_TRANSITIONS[from].includes(to)).map((to) => ({ from, to })));

describe('transition: the allowed moves', () => {
  it('is exactly the table in the issue', () => {
    expect(allowed.map(({ from, to }) => `${from}→${to}`)).toEqual([
      'draft→sent', 'draft→closed',
      'sent→accepted', 'sent→waitlisted', 'sent→declined', 'sent→closed',
      'accepted→completed', 'accepted→closed',
      'waitlisted→accepted', 'waitlisted→declined', 'waitlisted→closed',
      'declined→closed',
      'completed→closed',
    ]);
  });

  it.each(allowed)('$from → $to', ({ from, to }) => {
    const before = at(from);
    const result = transition(before, to, '2026-10-20');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.referral.status).toBe(to);
    expect(result.referral.history).toEqual([...before.history, { status: to, on: '2026-10-20' }]);
    expect(before.status).toBe(from); // the input is left as it was
  });

  it.each(refused)('$from → $to is refused', ({ from, to }) => {
    const result = transition(at(from), to, '2026-10-20');
    expect(result.ok).toBe(false);
  });

  it.each<{ from: ReferralStatus; to: ReferralStatus; refusal: string }>([
    { from: 'draft', to: 'accepted', refusal: 'A draft referral cannot be marked accepted; it can be marked sent or closed.' },
    { from: 'accepted', to: 'sent', refusal: 'An accepted referral cannot be marked sent; it can be marked completed or closed.' },
    { from: 'waitlisted', to: 'sent', refusal: 'A waitlisted referral cannot be marked sent; it can be marked accepted, declined or closed.' },
    { from: 'declined', to: 'accepted', refusal: 'A declined referral cannot be marked accepted; it can be marked closed.' },
    { from: 'completed', to: 'accepted', refusal: 'A completed referral cannot be marked accepted; it can be marked closed.' },
    { from: 'sent', to: 'completed', refusal: 'A sent referral cannot be marked completed; it can be marked accepted, waitlisted, declined or closed.' },
    { from: 'sent', to: 'sent', refusal: 'This referral is already sent.' },
    { from: 'closed', to: 'closed', refusal: 'This referral is already closed.' },
    { from: 'closed', to: 'sent', refusal: 'This referral is closed and cannot change; start a new referral instead.' },
  ])('refusal, $from → $to', ({ from, to, refusal }) => {
    expect(transition(at(from), to, '2026-10-20')).toEqual({ ok: false, refusal });
  });

  it('refuses a date before the last change, and one that is not real; the same day is fine', () => {
    expect(transition(at('sent'), 'accepted', '2026-10-01')).toEqual({
      ok: false,
      refusal: 'The date 10/01/2026 is before the referral was marked sent on 10/02/2026.',
    });
    expect(transition(at('sent'), 'accepted', '2026-02-30')).toEqual({ ok: false, refusal: 'Enter a real date for this change, not "2026-02-30".' });
    expect(transition(at('sent'), 'accepted', '2026-10-02').ok).toBe(true);
  });
});

describe('follow-up dates', () => {
  it.each<{ name: string; r: Referral; followUpOn: string }>([
    { name: 'to a provider: 14 days after sending', r: referral(), followUpOn: '2026-10-24' },
    { name: 'to CLTS intake: 60 days after sending', r: countyReferral('CLTS'), followUpOn: '2026-12-09' },
    { name: 'to CCS intake: 60 days after sending', r: countyReferral('CCS'), followUpOn: '2026-12-09' },
    { name: 'a date she set is kept', r: referral({ followUpOn: '2026-10-15' }), followUpOn: '2026-10-15' },
  ])('$name', ({ r, followUpOn }) => {
    const result = transition(r, 'sent', '2026-10-10');
    expect(result.ok && result.referral.followUpOn).toBe(followUpOn);
  });

  it('takes its periods from the settings', () => {
    const result = transition(referral(), 'sent', '2026-10-10', { ...DEFAULT_REFERRAL_SETTINGS, providerFollowUpDays: 7 });
    expect(result.ok && result.referral.followUpOn).toBe('2026-10-17');
  });

  it('answers leave the follow-up date alone', () => {
    const result = transition(at('sent', { followUpOn: '2026-10-16' }), 'waitlisted', '2026-10-12');
    expect(result.ok && result.referral.followUpOn).toBe('2026-10-16');
  });

  it.each<{ status: ReferralStatus; followUpOn: string | null; due: string | null }>([
    { status: 'draft', followUpOn: '2026-10-20', due: null },
    { status: 'sent', followUpOn: '2026-10-20', due: '2026-10-20' },
    { status: 'sent', followUpOn: null, due: '2026-10-16' }, // sent 10/02 + 14 days
    { status: 'waitlisted', followUpOn: null, due: '2026-10-16' },
    { status: 'accepted', followUpOn: '2026-11-01', due: '2026-11-01' },
    { status: 'accepted', followUpOn: null, due: null },
    { status: 'declined', followUpOn: '2026-10-20', due: null },
    { status: 'completed', followUpOn: '2026-10-20', due: null },
    { status: 'closed', followUpOn: '2026-10-20', due: null },
  ])('followUpDue: $status with follow-up $followUpOn → $due', ({ status, followUpOn, due }) => {
    expect(followUpDue(at(status, { followUpOn }))).toBe(due);
  });
});

describe('referralDeadlines', () => {
  const names = new Map([['p1', 'Riverbend Counseling']]);
  const list = [
    at('sent', { id: 'r-sent', followUpOn: '2026-10-16' }),
    at('waitlisted', { id: 'r-wait', urgency: 'urgent' }),
    at('accepted', { id: 'r-acc', followUpOn: '2026-11-30' }),
    countyReferral('CLTS', { id: 'r-clts', status: 'sent', history: [{ status: 'draft', on: '2026-08-01' }, { status: 'sent', on: '2026-08-03' }] }),
    at('draft', { id: 'r-draft', followUpOn: '2026-10-05' }),
    at('declined', { id: 'r-dec', followUpOn: '2026-10-05' }),
    at('closed', { id: 'r-closed', followUpOn: '2026-10-05' }),
  ];

  it('makes one due item per referral still waiting, in the Deadline shape', () => {
    expect(referralDeadlines(list, '2026-10-22', { providerNames: names })).toEqual([
      { key: 'referral-follow-up:r-sent', kind: 'referral-follow-up', studentId: 's1', enrollmentId: null,
        title: 'Follow up on the referral to Riverbend Counseling', detail: 'Sent 10/02/2026, 20 days ago; no answer yet.', dueOn: '2026-10-16' },
      { key: 'referral-follow-up:r-wait', kind: 'referral-follow-up', studentId: 's1', enrollmentId: null,
        title: 'Follow up on the urgent referral to Riverbend Counseling',
        detail: 'Sent 10/02/2026, 20 days ago; waitlisted 10/03/2026: ask where the student is on the list.', dueOn: '2026-10-16' },
      { key: 'referral-follow-up:r-acc', kind: 'referral-follow-up', studentId: 's1', enrollmentId: null,
        title: 'Follow up on the referral to Riverbend Counseling', detail: 'Accepted 10/03/2026: check that services have started.', dueOn: '2026-11-30' },
      { key: 'referral-follow-up:r-clts', kind: 'referral-follow-up', studentId: 's1', enrollmentId: null,
        title: 'Follow up on the referral to CLTS intake', detail: 'Sent 08/03/2026, 80 days ago; no answer yet.', dueOn: '2026-10-02' },
    ]);
  });

  it('names an unknown provider plainly, and feeds the due-soon panel', () => {
    const items = referralDeadlines(list, '2026-10-22');
    expect(items[0]?.title).toBe('Follow up on the referral to the provider');
    const panel = dueSoon(items, '2026-10-22', DEFAULT_DEADLINE_SETTINGS);
    expect(panel.map((i) => [i.key, i.bucket])).toEqual([
      ['referral-follow-up:r-clts', 'overdue'],
      ['referral-follow-up:r-sent', 'overdue'],
      ['referral-follow-up:r-wait', 'overdue'],
    ]);
  });
});

describe('providerHistory', () => {
  const h = (...steps: [ReferralStatus, string][]): StatusChange[] => [{ status: 'draft', on: '2026-01-01' }, ...steps.map(([status, on]) => ({ status, on }))];
  const list: Referral[] = [
    referral({ id: 'a', status: 'accepted', history: h(['sent', '2026-01-05'], ['accepted', '2026-01-08']) }), // 3 days
    referral({ id: 'b', status: 'declined', history: h(['sent', '2026-02-01'], ['declined', '2026-02-11']) }), // 10 days
    referral({ id: 'c', status: 'completed', history: h(['sent', '2026-03-01'], ['waitlisted', '2026-03-02'], ['accepted', '2026-04-01'], ['completed', '2026-06-01']) }), // 1 day
    referral({ id: 'd', status: 'sent', history: h(['sent', '2026-05-01']) }),
    referral({ id: 'e', status: 'closed', history: h(['sent', '2026-05-02'], ['closed', '2026-06-02']) }),
    referral({ id: 'f', status: 'draft', history: h() }),
    referral({ id: 'g', status: 'closed', history: h(['closed', '2026-01-03']) }),
  ];

  it('counts what reached them, how often they took it and how fast they answered', () => {
    expect(providerHistory(list)).toEqual({
      sent: 5,
      accepted: 2,
      waitlisted: 1,
      declined: 1,
      awaitingAnswer: 1,
      acceptanceRate: 2 / 3,
      medianDaysToAnswer: 3,
    });
  });

  it('takes the middle two on an even count', () => {
    expect(providerHistory(list.filter((r) => r.id !== 'c')).medianDaysToAnswer).toBe(6.5);
  });

  it('has no rate or speed before any answer', () => {
    expect(providerHistory(list.filter((r) => ['d', 'e', 'f'].includes(r.id)))).toEqual({
      sent: 2, accepted: 0, waitlisted: 0, declined: 0, awaitingAnswer: 1, acceptanceRate: null, medianDaysToAnswer: null,
    });
    expect(providerHistory([]).sent).toBe(0);
  });

  it('groups by provider and by county intake', () => {
    const byTarget = historyByTarget([...list, referral({ id: 'x', providerId: 'p2', status: 'sent', history: h(['sent', '2026-01-05']) }), countyReferral('CCS', { id: 'y' })]);
    expect([...byTarget.keys()]).toEqual(['p1', 'p2', 'county:CCS']);
    expect(byTarget.get('p1')?.sent).toBe(5);
    expect(byTarget.get('p2')?.awaitingAnswer).toBe(1);
    expect(byTarget.get('county:CCS')?.sent).toBe(0);
  });
});
