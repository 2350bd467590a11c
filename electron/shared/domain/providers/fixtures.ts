/** Providers, templates, evaluations and referrals for the provider tests (not used by the app). */
import { DEFAULT_CHECKLIST_TEMPLATE } from './checklist.ts';
import type { ChecklistTemplate, CriterionKind, Evaluation, Provider, Rating, Referral } from './types.ts';

export const T = DEFAULT_CHECKLIST_TEMPLATE;
export const MUST_KEYS = T.criteria.filter((c) => c.kind === 'must').map((c) => c.key);
export const NICE_KEYS = T.criteria.filter((c) => c.kind === 'nice').map((c) => c.key);

/** A template with the given numbers of must-haves (m1…) and nice-to-haves (n1…). */
export function template(must: number, nice: number, over: Partial<ChecklistTemplate> = {}): ChecklistTemplate {
  const make = (kind: CriterionKind, n: number) =>
    Array.from({ length: n }, (_, i) => ({ key: `${kind === 'must' ? 'm' : 'n'}${i + 1}`, text: `${kind} criterion ${i + 1}.`, kind }));
  return { id: 'tpl', name: 'Test checklist', version: 1, source: 'test', criteria: [...make('must', must), ...make('nice', nice)], ...over };
}

/** Rates the listed keys; every rating but "no evidence" gets evidence text. */
export function rated(ratings: Record<string, Rating>): Evaluation['ratings'] {
  return Object.entries(ratings).map(([criterionKey, rating]) => ({
    criterionKey,
    rating,
    evidence: rating === 'no_evidence' ? '' : `seen for ${criterionKey}`,
  }));
}

/** Every criterion of the template at one rating, then the overrides. */
export function allAt(tpl: ChecklistTemplate, rating: Rating, over: Record<string, Rating> = {}): Evaluation['ratings'] {
  return rated({ ...Object.fromEntries(tpl.criteria.map((c) => [c.key, rating])), ...over });
}

/** Nice-to-haves: the first `agreeing` at agree, the rest at disagree; must-haves all agree. */
export function niceShare(tpl: ChecklistTemplate, agreeing: number): Evaluation['ratings'] {
  let n = 0;
  return rated(Object.fromEntries(tpl.criteria.map((c) => [c.key, c.kind === 'must' || n++ < agreeing ? 'agree' : 'disagree'])));
}

export function evaluation(over: Partial<Evaluation> = {}, tpl: ChecklistTemplate = T): Evaluation {
  return {
    id: 'ev1',
    providerId: 'p1',
    templateId: tpl.id,
    templateVersion: tpl.version,
    ratings: allAt(tpl, 'agree'),
    completedBy: 'Dana Ruiz',
    completedOn: '2026-10-05',
    ...over,
  };
}

export function provider(over: Partial<Provider> = {}): Provider {
  return {
    id: 'p1',
    kind: 'agency',
    name: 'Riverbend Counseling',
    services: ['outpatient therapy'],
    ages: { min: 5, max: 18 },
    languages: ['English', 'Spanish'],
    payment: ['medicaid', 'sliding_scale'],
    delivery: ['school_in_person', 'telehealth'],
    location: 'Whitehall',
    contacts: [],
    acceptingReferrals: true,
    waitlistWeeks: 3,
    medicaidProviderId: null,
    notes: '',
    lastVerifiedOn: '2026-09-01',
    ...over,
  };
}

/** A draft referral of student s1 to provider p1, started 10/01/2026. */
export function referral(over: Partial<Referral> = {}): Referral {
  return {
    id: 'r1',
    studentId: 's1',
    providerId: 'p1',
    reason: 'Anxiety keeping him out of class',
    urgency: 'routine',
    expectedOutcome: 'Weekly therapy',
    status: 'draft',
    history: [{ status: 'draft', on: '2026-10-01' }],
    followUpOn: null,
    outcomeNote: '',
    ...over,
  } as Referral;
}

/** The same draft, to county intake instead of a provider. */
export function countyReferral(program: 'CLTS' | 'CCS', over: Partial<Referral> = {}): Referral {
  const { providerId: _dropped, ...base } = referral(over);
  return { ...base, countyIntake: program } as Referral;
}
