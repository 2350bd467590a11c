import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  DEFAULT_CHECKLIST_TEMPLATE,
  EXCEEDS_NICE_PERCENT,
  RATING_POINTS,
  scoreEvaluation,
  VERDICT_RULE,
} from './checklist.ts';
import { allAt, evaluation, MUST_KEYS, NICE_KEYS, niceShare, rated, T, template } from './fixtures.ts';
import { RATINGS, type ChecklistTemplate, type Evaluation, type Rating, type Verdict } from './types.ts';

describe('the default template', () => {
  it('passes its own checks, with 4 must-haves and 8 nice-to-haves', () => {
    expect(checkTemplate(DEFAULT_CHECKLIST_TEMPLATE)).toEqual([]);
    expect(MUST_KEYS).toEqual(['services_gap', 'cost_to_families', 'confidentiality', 'accepting_referrals']);
    expect(NICE_KEYS).toHaveLength(8);
  });

  it('writes every criterion as one plain statement, and names its source', () => {
    for (const c of T.criteria) expect(c.text).toMatch(/^[A-Z].*\.$/u);
    expect(T.criteria.find((c) => c.key === 'services_gap')?.text).toBe('The provider offers services the district does not.');
    expect(T.criteria.find((c) => c.key === 'school_day_at_school')?.text).toBe('Sessions are available during the school day at school sites.');
    expect(T.source).toContain('Chiefs for Change');
  });

  it('states the verdict rule with the threshold in it', () => {
    expect(VERDICT_RULE).toContain(`${EXCEEDS_NICE_PERCENT}%`);
    expect(VERDICT_RULE).toContain('"No evidence" counts as not met');
  });
});

describe('checkTemplate', () => {
  const base = template(1, 1);
  it.each<{ name: string; tpl: ChecklistTemplate; problems: string[] }>([
    { name: 'no name', tpl: { ...base, name: ' ' }, problems: ['Give the checklist a name.'] },
    { name: 'version 0', tpl: { ...base, version: 0 }, problems: ['The checklist version must be a whole number from 1 up.'] },
    { name: 'no criteria', tpl: { ...base, criteria: [] }, problems: ['Add at least one criterion.'] },
    { name: 'no must-have', tpl: template(0, 2), problems: ['Mark at least one criterion as a must-have: without one, no provider can fall short.'] },
    {
      name: 'repeated key and empty text',
      tpl: { ...base, criteria: [{ key: 'a', text: 'One.', kind: 'must' }, { key: 'a', text: '', kind: 'nice' }] },
      problems: ['Criterion 2 repeats the key "a".', 'Criterion 2 has no statement to rate.'],
    },
  ])('$name', ({ tpl, problems }) => {
    expect(checkTemplate(tpl)).toEqual(problems);
  });
});

describe('points per rating (−2…+2, no evidence = 0)', () => {
  it.each([
    ['strongly_disagree', -2],
    ['disagree', -1],
    ['no_evidence', 0],
    ['agree', 1],
    ['strongly_agree', 2],
  ] as const)('%s → %d', (rating, points) => {
    expect(RATING_POINTS[rating]).toBe(points);
    const s = scoreEvaluation(T, evaluation({ ratings: allAt(T, rating) }));
    expect(s.total).toBe(points * T.criteria.length);
    expect(s.criteria.every((c) => c.points === points)).toBe(true);
  });

  it('sums the rated criteria only; the maximum is every criterion at strongly agree', () => {
    const s = scoreEvaluation(T, evaluation({ ratings: rated({ services_gap: 'strongly_agree', languages: 'disagree', crisis_plan: 'no_evidence' }) }));
    expect(s.total).toBe(1);
    expect(s.maxTotal).toBe(24);
  });
});

interface VerdictRow {
  name: string;
  tpl?: ChecklistTemplate;
  ratings: Evaluation['ratings'];
  verdict: Verdict | null;
}

const t4 = template(2, 4);
const t3 = template(1, 3);
const t20 = template(1, 20);

const verdictRows: VerdictRow[] = [
  { name: 'all agree → exceeds', ratings: allAt(T, 'agree'), verdict: 'exceeds' },
  { name: 'all strongly agree → exceeds', ratings: allAt(T, 'strongly_agree'), verdict: 'exceeds' },
  { name: 'exactly 75% of nice-to-haves (6 of 8) → exceeds', ratings: niceShare(T, 6), verdict: 'exceeds' },
  { name: 'just under 75% (5 of 8) → meets', ratings: niceShare(T, 5), verdict: 'meets' },
  { name: 'no nice-to-have met → meets', ratings: niceShare(T, 0), verdict: 'meets' },
  { name: 'one must-have at no evidence, rest strongly agree → does not meet', ratings: allAt(T, 'strongly_agree', { confidentiality: 'no_evidence' }), verdict: 'does_not_meet' },
  { name: 'one must-have at disagree → does not meet', ratings: allAt(T, 'agree', { cost_to_families: 'disagree' }), verdict: 'does_not_meet' },
  { name: 'one must-have at strongly disagree → does not meet', ratings: allAt(T, 'agree', { services_gap: 'strongly_disagree' }), verdict: 'does_not_meet' },
  { name: 'must-haves at strongly agree, nice-to-haves at no evidence → meets', ratings: allAt(T, 'no_evidence', Object.fromEntries(MUST_KEYS.map((k) => [k, 'strongly_agree']))), verdict: 'meets' },
  { name: 'a must-have unrated → no verdict', ratings: allAt(T, 'agree').filter((r) => r.criterionKey !== 'services_gap'), verdict: null },
  { name: 'a must-have unrated, another failed → still no verdict', ratings: allAt(T, 'agree', { confidentiality: 'disagree' }).filter((r) => r.criterionKey !== 'services_gap'), verdict: null },
  { name: 'unrated nice-to-haves count as not met (6 agree, 2 unrated) → exceeds', ratings: niceShare(T, 8).filter((r) => !['crisis_plan', 'county_programs'].includes(r.criterionKey)), verdict: 'exceeds' },
  { name: 'unrated nice-to-haves count as not met (5 agree, 3 unrated) → meets', ratings: niceShare(T, 8).filter((r) => !['qualified_staff', 'crisis_plan', 'county_programs'].includes(r.criterionKey)), verdict: 'meets' },
  { name: '4 nice-to-haves, 3 met (exactly 75%) → exceeds', tpl: t4, ratings: niceShare(t4, 3), verdict: 'exceeds' },
  { name: '4 nice-to-haves, 2 met → meets', tpl: t4, ratings: niceShare(t4, 2), verdict: 'meets' },
  { name: '3 nice-to-haves, 2 met (67%) → meets', tpl: t3, ratings: niceShare(t3, 2), verdict: 'meets' },
  { name: '3 nice-to-haves, 3 met → exceeds', tpl: t3, ratings: niceShare(t3, 3), verdict: 'exceeds' },
  { name: '20 nice-to-haves, 15 met (exactly 75%) → exceeds', tpl: t20, ratings: niceShare(t20, 15), verdict: 'exceeds' },
  { name: '20 nice-to-haves, 14 met → meets', tpl: t20, ratings: niceShare(t20, 14), verdict: 'meets' },
  { name: 'no nice-to-haves on the template → meets at best', tpl: template(2, 0), ratings: allAt(template(2, 0), 'strongly_agree'), verdict: 'meets' },
];

describe('scoreEvaluation: verdict', () => {
  it.each(verdictRows)('$name', ({ tpl = T, ratings, verdict }) => {
    const s = scoreEvaluation(tpl, evaluation({ ratings }, tpl));
    expect(s.computedVerdict).toBe(verdict);
    expect(s.verdict).toBe(verdict);
    expect(s.overridden).toBe(false);
  });

  it('explains each verdict in one sentence', () => {
    const say = (ratings: Evaluation['ratings']) => scoreEvaluation(T, evaluation({ ratings })).explanation;
    expect(say(niceShare(T, 6))).toBe('Exceeds: every must-have is Agree or better, and 6 of 8 nice-to-haves (75%) are Agree or better (75% needed).');
    expect(say(niceShare(T, 5))).toBe('Meets: every must-have is Agree or better; 5 of 8 nice-to-haves (63%) are Agree or better, short of the 75% needed to exceed.');
    expect(say(allAt(T, 'agree', { confidentiality: 'no_evidence' }))).toBe(
      'Does not meet: 1 must-have rated below Agree: “The provider’s information-sharing and confidentiality practices protect students: nothing is shared with the school without a signed release.” (No evidence).',
    );
    expect(say(allAt(T, 'agree').filter((r) => !['services_gap', 'confidentiality'].includes(r.criterionKey)))).toBe(
      'No verdict yet: 2 must-have criteria are not rated.',
    );
  });

  it('reports the must-have and nice-to-have summaries', () => {
    const s = scoreEvaluation(T, evaluation({ ratings: niceShare(T, 6).filter((r) => r.criterionKey !== 'crisis_plan') }));
    expect(s.mustHaves).toEqual({ count: 4, met: 4, unrated: 0, allMet: true });
    expect(s.niceToHaves).toEqual({ count: 8, met: 6, unrated: 1, percent: 75 });
  });
});

describe('scoreEvaluation: override', () => {
  it.each<{ name: string; override: Evaluation['verdictOverride']; ratings?: Evaluation['ratings']; verdict: Verdict | null; overridden: boolean; problem?: string }>([
    { name: 'with a reason, lifts does not meet to meets', override: { verdict: 'meets', reason: 'Release practice confirmed by phone with the director.' },
      ratings: allAt(T, 'agree', { confidentiality: 'no_evidence' }), verdict: 'meets', overridden: true },
    { name: 'with a reason, lowers exceeds to meets', override: { verdict: 'meets', reason: 'Two complaints from families this year.' }, verdict: 'meets', overridden: true },
    { name: 'without a reason, refused', override: { verdict: 'exceeds', reason: '' }, ratings: allAt(T, 'agree', { confidentiality: 'no_evidence' }),
      verdict: 'does_not_meet', overridden: false, problem: 'A verdict override needs a written reason; the verdict from the ratings stands.' },
    { name: 'with only spaces for a reason, refused', override: { verdict: 'does_not_meet', reason: '   ' }, verdict: 'exceeds', overridden: false,
      problem: 'A verdict override needs a written reason; the verdict from the ratings stands.' },
    { name: 'before every must-have is rated, refused', override: { verdict: 'meets', reason: 'Known to us for years.' },
      ratings: allAt(T, 'agree').filter((r) => r.criterionKey !== 'services_gap'), verdict: null, overridden: false,
      problem: 'Rate every must-have criterion before overriding the verdict.' },
  ])('$name', ({ override, ratings, verdict, overridden, problem }) => {
    const s = scoreEvaluation(T, evaluation({ verdictOverride: override, ...(ratings ? { ratings } : {}) }));
    expect(s.verdict).toBe(verdict);
    expect(s.overridden).toBe(overridden);
    if (problem) expect(s.problems).toContain(problem);
    else expect(s.problems).toEqual([]);
  });

  it('keeps the computed verdict beside the override and says both', () => {
    const s = scoreEvaluation(T, evaluation({ ratings: niceShare(T, 2), verdictOverride: { verdict: 'exceeds', reason: 'Only bilingual clinic in the county.' } }));
    expect(s.computedVerdict).toBe('meets');
    expect(s.explanation).toBe('Exceeds, set by hand: Only bilingual clinic in the county. (the ratings give Meets).');
  });
});

describe('scoreEvaluation: completeness and problems', () => {
  it('a full evaluation with evidence is complete and has no problems', () => {
    const s = scoreEvaluation(T, evaluation());
    expect(s.complete).toBe(true);
    expect(s.problems).toEqual([]);
  });

  it.each<[Rating, boolean]>(RATINGS.map((r) => [r, r !== 'no_evidence']))('a rating of %s without evidence is missing evidence: %s', (rating, missing) => {
    const ratings = allAt(T, 'agree').map((r) => (r.criterionKey === 'languages' ? { ...r, rating, evidence: ' ' } : r));
    const s = scoreEvaluation(T, evaluation({ ratings }));
    expect(s.missingEvidenceKeys).toEqual(missing ? ['languages'] : []);
    expect(s.complete).toBe(!missing);
    if (missing) expect(s.problems).toEqual(['Write the evidence for every rating other than No evidence: 1 is missing.']);
  });

  it.each<{ name: string; over: Partial<Evaluation>; problems: string[] }>([
    { name: 'two must-haves unrated', over: { ratings: allAt(T, 'agree').filter((r) => !['services_gap', 'confidentiality'].includes(r.criterionKey)) },
      problems: ['Rate every must-have criterion before a verdict: 2 are not rated.'] },
    { name: 'one must-have unrated', over: { ratings: allAt(T, 'agree').filter((r) => r.criterionKey !== 'services_gap') },
      problems: ['Rate every must-have criterion before a verdict: 1 is not rated.'] },
    { name: 'one nice-to-have unrated', over: { ratings: allAt(T, 'agree').filter((r) => r.criterionKey !== 'languages') },
      problems: ['1 nice-to-have criterion is not rated; until rated it counts as not met.'] },
    { name: 'nobody named', over: { completedBy: '' }, problems: ['Enter who completed the checklist.'] },
    { name: 'no real date', over: { completedOn: '2026-02-30' }, problems: ['Enter the date the checklist was completed.'] },
    { name: 'older version', over: { templateVersion: 0 }, problems: ['This evaluation was done on version 0 of the checklist; it is now version 1.'] },
    { name: 'another template', over: { templateId: 'other' }, problems: ['This evaluation was done on a different checklist, not “Community provider checklist”.'] },
    { name: 'a rating for a criterion not on the template', over: { ratings: [...allAt(T, 'agree'), ...rated({ retired: 'agree' })] },
      problems: ['1 rating is for criteria not on this checklist and is left out.'] },
  ])('$name', ({ over, problems }) => {
    expect(scoreEvaluation(T, evaluation(over)).problems).toEqual(problems);
  });

  it('a criterion rated more than once keeps the lowest rating', () => {
    const s = scoreEvaluation(T, evaluation({ ratings: [...allAt(T, 'agree'), ...rated({ services_gap: 'disagree' }), ...rated({ services_gap: 'strongly_agree' })] }));
    expect(s.criteria[0]?.rating).toBe('disagree');
    expect(s.computedVerdict).toBe('does_not_meet');
    expect(s.problems).toEqual(['1 criterion was rated more than once; the lowest rating is used.']);
  });

  it('lists criteria in template order whatever order they were rated in', () => {
    const s = scoreEvaluation(T, evaluation({ ratings: [...allAt(T, 'agree')].reverse() }));
    expect(s.criteria.map((c) => c.key)).toEqual(T.criteria.map((c) => c.key));
    expect(s.unratedKeys).toEqual([]);
  });
});
