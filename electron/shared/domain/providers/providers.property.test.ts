/**
 * Properties of the checklist, comparison, staleness and referral rules over
 * generated data. Replay a failure with FC_SEED=<seed printed below> (fast-check also prints the path).
 */
import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreEvaluation } from './checklist.ts';
import { compareProviders, type ComparedEvaluation } from './compare.ts';
import { countyReferral, evaluation, referral, T, template } from './fixtures.ts';
import { ALLOWED_TRANSITIONS, providerHistory, transition } from './referrals.ts';
import { isStale, staleFrom } from './staleness.ts';
import { RATINGS, REFERRAL_STATUSES, VERDICTS, type ChecklistTemplate, type Rating, type Referral, type Verdict } from './types.ts';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;

beforeAll(() => {
  console.info(`provider property tests: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);
});

const rank = (v: Verdict | null) => (v === null ? -1 : VERDICTS.indexOf(v));
const ratingArb = fc.constantFrom(...RATINGS);
const day = (offset: number) => format(addDays(new Date(2026, 0, 1), offset), 'yyyy-MM-dd');

/** A template and one rating (or none) per criterion. */
const scoredArb = fc
  .record({ must: fc.integer({ min: 1, max: 6 }), nice: fc.integer({ min: 0, max: 12 }) })
  .chain(({ must, nice }) => {
    const tpl = template(must, nice);
    return fc.record({
      tpl: fc.constant(tpl),
      ratings: fc.array(fc.option(ratingArb, { nil: null, freq: 4 }), { minLength: tpl.criteria.length, maxLength: tpl.criteria.length }),
      index: fc.nat({ max: tpl.criteria.length - 1 }),
      step: fc.integer({ min: 1, max: 4 }),
    });
  });

function scoreOf(tpl: ChecklistTemplate, ratings: readonly (Rating | null)[]) {
  const list = tpl.criteria.flatMap((c, i) => {
    const rating = ratings[i];
    return rating ? [{ criterionKey: c.key, rating, evidence: 'seen' }] : [];
  });
  return scoreEvaluation(tpl, evaluation({ ratings: list }, tpl));
}

describe('checklist properties', () => {
  it('raising any rating never lowers the verdict, and never lowers the total', () => {
    fc.assert(
      fc.property(scoredArb, ({ tpl, ratings, index, step }) => {
        const current = ratings[index];
        const raised = [...ratings];
        if (current === null || current === undefined) {
          // Rating an unrated nice-to-have: it counted as not met, so any rating is a raise.
          if (tpl.criteria[index]?.kind === 'must') return;
          raised[index] = RATINGS[step] ?? 'strongly_agree';
        } else {
          raised[index] = RATINGS[Math.min(RATINGS.indexOf(current) + step, RATINGS.length - 1)] ?? current;
        }
        const before = scoreOf(tpl, ratings);
        const after = scoreOf(tpl, raised);
        expect(rank(after.computedVerdict)).toBeGreaterThanOrEqual(rank(before.computedVerdict));
        expect(after.computedVerdict === null).toBe(before.computedVerdict === null);
        if (current) expect(after.total).toBeGreaterThanOrEqual(before.total);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('the verdict is null exactly when a must-have is unrated, and does not meet exactly when one is below agree', () => {
    fc.assert(
      fc.property(scoredArb, ({ tpl, ratings }) => {
        const s = scoreOf(tpl, ratings);
        const must = tpl.criteria.map((c, i) => [c.kind, ratings[i]] as const).filter(([kind]) => kind === 'must');
        const unrated = must.some(([, r]) => r === null);
        const failed = must.some(([, r]) => r !== null && r !== 'agree' && r !== 'strongly_agree');
        expect(s.computedVerdict === null).toBe(unrated);
        if (!unrated) expect(s.computedVerdict === 'does_not_meet').toBe(failed);
      }),
      { seed: SEED + 1, numRuns: 2000 },
    );
  });
});

const NAMES = ['Aspen', 'aspen', 'Ávila', 'Birch', 'Cedar', 'Dogwood'];
const v2: ChecklistTemplate = { ...T, version: 2, criteria: [...T.criteria, { key: 'transport', kind: 'nice', text: 'The provider helps with transportation.' }] };

const comparedArb: fc.Arbitrary<ComparedEvaluation[]> = fc
  .array(
    fc.record({
      provider: fc.nat({ max: 7 }),
      name: fc.constantFrom(...NAMES),
      version: fc.constantFrom(1, 2),
      templateId: fc.constantFrom(T.id, T.id, T.id, 'other'),
      completed: fc.nat({ max: 3 }),
      ratings: fc.array(fc.option(ratingArb, { nil: null, freq: 6 }), { minLength: v2.criteria.length, maxLength: v2.criteria.length }),
      override: fc.option(fc.record({ verdict: fc.constantFrom(...VERDICTS), reason: fc.constantFrom('', 'Known for years.') }), { nil: undefined }),
    }),
    { maxLength: 20 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      ...evaluation(
        {
          id: `ev${i}`,
          providerId: `p${r.provider}`,
          templateId: r.templateId,
          templateVersion: r.version,
          completedOn: day(r.completed),
          ratings: v2.criteria.flatMap((c, k) => {
            const rating = r.ratings[k];
            return rating && !(r.version === 1 && c.key === 'transport') ? [{ criterionKey: c.key, rating, evidence: 'seen' }] : [];
          }),
          ...(r.override ? { verdictOverride: r.override } : {}),
        },
        v2,
      ),
      // One name per provider, as the directory would give.
      providerName: NAMES[r.provider % NAMES.length] ?? 'x',
    })),
  );

describe('comparison properties', () => {
  it('is the same whatever order the evaluations arrive in', () => {
    fc.assert(
      fc.property(comparedArb.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), ([list, shuffled]) => {
        expect(compareProviders(v2, shuffled)).toEqual(compareProviders(v2, list));
      }),
      { seed: SEED + 2, numRuns: 500 },
    );
  });

  it('orders columns by verdict, then total, and lines every row up with the columns', () => {
    fc.assert(
      fc.property(comparedArb, (list) => {
        const c = compareProviders(v2, list);
        expect(new Set(c.columns.map((col) => col.providerId)).size).toBe(c.columns.length);
        const order = (v: Verdict | null) => (v === null ? 3 : 2 - VERDICTS.indexOf(v));
        for (let i = 1; i < c.columns.length; i++) {
          const [a, b] = [c.columns[i - 1], c.columns[i]];
          if (!a || !b) continue;
          expect(order(a.verdict)).toBeLessThanOrEqual(order(b.verdict));
          if (a.verdict === b.verdict) expect(a.total).toBeGreaterThanOrEqual(b.total);
        }
        for (const row of c.rows) expect(row.cells).toHaveLength(c.columns.length);
      }),
      { seed: SEED + 3, numRuns: 500 },
    );
  });
});

describe('staleness properties', () => {
  it('fresh before staleFrom, stale from it on', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), fc.integer({ min: -400, max: 800 }), fc.integer({ min: 1, max: 24 }), (v, t, months) => {
        const verified = day(v);
        const today = day(v + t);
        const from = staleFrom(verified, months) ?? '';
        expect(isStale(verified, today, months)).toBe(today >= from);
      }),
      { seed: SEED + 4, numRuns: 2000 },
    );
  });
});

describe('referral properties', () => {
  const stepArb = fc.record({ to: fc.constantFrom(...REFERRAL_STATUSES), gap: fc.integer({ min: -3, max: 20 }) });

  it('whatever is tried, the history only moves forward along allowed steps, in date order', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 12 }), fc.boolean(), (steps, county) => {
        let r: Referral = county ? countyReferral('CLTS') : referral();
        let offset = 273; // 10/01/2026
        for (const { to, gap } of steps) {
          offset += gap;
          const result = transition(r, to, day(offset));
          if (!result.ok) continue;
          expect(ALLOWED_TRANSITIONS[r.status]).toContain(to);
          r = result.referral;
        }
        const statuses = r.history.map((h) => h.status);
        expect(new Set(statuses).size).toBe(statuses.length); // no status comes back
        for (let i = 1; i < r.history.length; i++) {
          const [a, b] = [r.history[i - 1], r.history[i]];
          if (a && b) {
            expect(ALLOWED_TRANSITIONS[a.status]).toContain(b.status);
            expect(a.on <= b.on).toBe(true);
          }
        }
        if (statuses.includes('sent')) expect(r.followUpOn).not.toBeNull();
        const stats = providerHistory([r]);
        expect(stats.accepted + stats.declined).toBeLessThanOrEqual(stats.sent);
      }),
      { seed: SEED + 5, numRuns: 2000 },
    );
  });
});
