/**
 * The consent gate over generated consent states: refused in every invalid
 * state, allowed only in the fully valid one, and then on a valid release.
 * Replay a failure with FC_SEED=<seed printed below> (fast-check also prints the path).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { shiftIso, validRelease } from './fixtures.ts';
import { checkDisclosure, type RefusalCode, type RequestedRecipient } from './gate.ts';
import type { Expiry, IsoDate, RecordCategory, Release, Revocation } from './types.ts';

const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2 ** 31;

beforeAll(() => {
  console.info(`consent gate property tests: fast-check seed ${SEED} (replay with FC_SEED=${SEED})`);
});

/** Each dimension: its values, and the refusal code each invalid value must produce (null = valid). */
const DIMENSIONS = {
  signing: { signed: null, unsigned: 'unsigned', student_missing: 'unsigned', undated: 'undated' },
  start: { past: null, today: null, future_effective: 'not_yet_effective', signed_after: 'not_yet_effective' },
  end: {
    later: null, on_the_day: null, day_before: 'expired', long_ago: 'expired',
    event_open: null, event_later: null, event_on: 'expired', event_before: 'expired', none: 'incomplete',
  },
  revocation: { none: null, after: null, on: 'revoked', before: 'revoked' },
  recipient: { same_id: null, folded_name: null, wrong_name: 'wrong_recipient', wrong_id: 'wrong_recipient' },
  purpose: { same: null, folded: null, different: 'wrong_purpose' },
  categories: { exact: null, subset: null, not_covered: 'category_not_covered' },
  content: { complete: null, missing_statement: 'incomplete', missing_regime: 'incomplete' },
} as const satisfies Record<string, Record<string, RefusalCode | null>>;

type Dim = keyof typeof DIMENSIONS;
type State = { [K in Dim]: keyof (typeof DIMENSIONS)[K] } & { a: number; b: number };

const pick = <K extends Dim>(k: K) => fc.constantFrom(...(Object.keys(DIMENSIONS[k]) as (keyof (typeof DIMENSIONS)[K])[]));
const stateArb: fc.Arbitrary<State> = fc.record({
  signing: pick('signing'),
  start: pick('start'),
  end: pick('end'),
  revocation: pick('revocation'),
  recipient: pick('recipient'),
  purpose: pick('purpose'),
  categories: pick('categories'),
  content: pick('content'),
  a: fc.integer({ min: 1, max: 400 }),
  b: fc.integer({ min: 1, max: 400 }),
});
/** Mostly-valid states, so the valid corner is visited often. */
const nearlyValidArb: fc.Arbitrary<State> = stateArb.map((s) => ({
  ...s,
  signing: 'signed', start: 'past', revocation: 'none', recipient: 'same_id', purpose: 'same', categories: 'exact', content: 'complete',
}));

function isValid(s: State): boolean {
  return (Object.keys(DIMENSIONS) as Dim[]).every((k) => (DIMENSIONS[k] as Record<string, RefusalCode | null>)[s[k] as string] === null);
}

/** The codes the gate must report for a state; a start problem cannot show on an undated release. */
function expectedCodes(s: State): RefusalCode[] {
  const out: RefusalCode[] = [];
  for (const k of Object.keys(DIMENSIONS) as Dim[]) {
    const code = (DIMENSIONS[k] as Record<string, RefusalCode | null>)[s[k] as string];
    if (code && !(k === 'start' && s.signing === 'undated')) out.push(code);
  }
  return out;
}

function build(s: State, D: IsoDate, id: string, studentId = 's1'): Release {
  const before = shiftIso(D, -s.a);
  const after = shiftIso(D, s.b);
  const signedOn = { past: before, today: D, future_effective: before, signed_after: after }[s.start];
  const expiry: Expiry | null = {
    later: { kind: 'date', on: after } as const,
    on_the_day: { kind: 'date', on: D } as const,
    day_before: { kind: 'date', on: shiftIso(D, -1) } as const,
    long_ago: { kind: 'date', on: shiftIso(D, -s.a - 1) } as const,
    event_open: { kind: 'event', event: 'She leaves the district' } as const,
    event_later: { kind: 'event', event: 'She leaves the district' } as const,
    event_on: { kind: 'event', event: 'She leaves the district' } as const,
    event_before: { kind: 'event', event: 'She leaves the district' } as const,
    none: null,
  }[s.end];
  const expiryEventOn = { event_later: after, event_on: D, event_before: before }[s.end as string] ?? null;
  const revokedOn = { none: null, after, on: D, before }[s.revocation];
  const revocation: Revocation | null = revokedOn ? { receivedOn: revokedOn, method: 'oral', receivedBy: 'J. Berg' } : null;
  const signedBy: Release['signedBy'] = {
    signed: [{ name: 'Ana Peña', capacity: 'student' as const }, { name: 'Rosa Peña', capacity: 'parent_or_guardian' as const }],
    undated: [{ name: 'Ana Peña', capacity: 'student' as const }, { name: 'Rosa Peña', capacity: 'parent_or_guardian' as const }],
    unsigned: [],
    student_missing: [{ name: 'Rosa Peña', capacity: 'parent_or_guardian' as const }],
  }[s.signing];
  const base = validRelease();
  return validRelease({
    id,
    studentId,
    createdOn: shiftIso(signedOn, -3),
    printedOn: shiftIso(signedOn, -3),
    signedOn: s.signing === 'undated' ? null : signedOn,
    effectiveFrom: s.start === 'future_effective' ? after : null,
    signedBy,
    expiry,
    expiryEventOn,
    revocation,
    statements: { ...base.statements, dhs92Confidentiality: s.content !== 'missing_statement' },
    regimes: s.content === 'missing_regime' ? ['HIPAA'] : base.regimes,
  });
}

const RECIPIENTS: Record<State['recipient'], RequestedRecipient> = {
  same_id: { name: 'Vang Counseling LLC', providerId: 'prov-1' },
  folded_name: { name: '  dr.  MAI vang. ' },
  wrong_name: { name: 'Dr. Mai Yang' },
  wrong_id: { name: 'Dr. Mai Vang', providerId: 'prov-2' },
};
const PURPOSES: Record<State['purpose'], string> = {
  same: 'Coordinate outpatient therapy',
  folded: '  COORDINATE outpatient\ttherapy. ',
  different: 'Coordinate outpatient therapy and court reports',
};
const CATEGORIES: Record<State['categories'], RecordCategory[]> = {
  exact: ['mental_health_treatment', 'screening_results'],
  subset: ['screening_results'],
  not_covered: ['screening_results', 'aoda_treatment'],
};

/** The request follows the first state's recipient/purpose/categories choices. */
const ask = (releases: Release[], s: State, D: IsoDate) =>
  checkDisclosure({ releases, studentId: 's1', recipient: RECIPIENTS[s.recipient], purpose: PURPOSES[s.purpose], categories: CATEGORIES[s.categories], onDate: D });

const dayArb = fc.integer({ min: -700, max: 700 }).map((n) => shiftIso('2026-10-01', n));

describe('consent gate properties', () => {
  it('one release: allowed exactly in the valid state; otherwise refused with every matching reason', () => {
    fc.assert(
      fc.property(fc.oneof(stateArb, nearlyValidArb), dayArb, (s, D) => {
        const result = ask([build(s, D, 'r1')], s, D);
        if (isValid(s)) {
          expect(result).toEqual({ allowed: true, basis: { kind: 'release', releaseId: 'r1' } });
        } else {
          expect(result.allowed).toBe(false);
          if (!result.allowed) {
            expect(new Set(result.details.map((d) => d.code))).toEqual(new Set(expectedCodes(s)));
            for (const reason of result.reasons) expect(reason.length).toBeGreaterThan(20);
          }
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('no release, or only another student’s, is always refused — even a perfect one', () => {
    fc.assert(
      fc.property(nearlyValidArb, dayArb, fc.boolean(), (s, D, none) => {
        const releases = none ? [] : [build(s, D, 'r1', 's2')];
        const result = ask(releases, s, D);
        expect(result.allowed).toBe(false);
        if (!result.allowed) expect(result.details.map((d) => d.code)).toEqual(['no_release']);
      }),
      { seed: SEED + 1, numRuns: 300 },
    );
  });

  it('several releases: allowed iff one of them is valid on its own, and on that one', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(stateArb, nearlyValidArb), { minLength: 1, maxLength: 6 }), dayArb, (states, D) => {
        // One request for all: its recipient, purpose and categories come from the first
        // state; every release names the same party, so those dimensions are shared.
        const first = states[0] as State;
        const shared = { recipient: first.recipient, purpose: first.purpose, categories: first.categories };
        const releases = states.map((s, i) => build(s, D, `r${i}`));
        releases.push(build({ ...first, ...shared }, D, 'other-student', 's2'));
        const result = ask(releases, first, D);
        const requestOk = isValid({ ...first, signing: 'signed', start: 'past', end: 'later', revocation: 'none', content: 'complete' });
        const validIds = states
          .map((s, i) => ({ s, id: `r${i}` }))
          .filter(({ s }) => requestOk && isValid({ ...s, ...shared }))
          .map(({ id }) => id);
        if (validIds.length === 0) expect(result.allowed).toBe(false);
        else expect(result.allowed && result.basis.kind === 'release' && validIds.includes(result.basis.releaseId)).toBe(true);
      }),
      { seed: SEED + 2, numRuns: 400 },
    );
  });
});
