/**
 * Provider vetting checklists: the default template, template checks, and the
 * scoring of one evaluation into points, completeness and a verdict
 * (DOMAIN.md, "Provider checklists").
 */
import { parseIsoDate } from '../deadlines.ts';
import { filled, isAre, plural } from './format.ts';
import {
  RATING_LABELS,
  VERDICT_LABELS,
  type ChecklistTemplate,
  type Criterion,
  type CriterionKind,
  type CriterionRating,
  type Evaluation,
  type Rating,
  type Verdict,
} from './types.ts';

/**
 * Source: Chiefs for Change, "Promising Practice" on partnerships between
 * districts and community mental-health providers (2022), as DOMAIN.md
 * ("Provider checklists") and the provider issue describe it: the services the
 * district lacks, availability during the school day at school sites,
 * languages, cost to families (insurance, sliding scale, contract),
 * information-sharing and confidentiality practices, the format (at school,
 * telehealth, mobile clinic, community office), accepting referrals and the
 * waitlist. Those give the first seven criteria below.
 *
 * Inferred beyond DOMAIN.md's list (nice-to-haves only, so none of them can
 * fail a provider): ages_served (from the directory's "ages served"),
 * coordination with the school team, qualified_staff, crisis_plan, and
 * county_programs (from DOMAIN.md's CLTS and CCS sections: she refers into
 * both, and their services are Medicaid-paid).
 *
 * Must-haves are the conditions without which a referral does not help or
 * harms: a service the district already gives, a cost the family cannot pay,
 * records shared without a release, or a provider who takes no one. School-day
 * sessions at school and languages are nice-to-haves because DOMAIN.md counts
 * telehealth, mobile clinics and offices as real formats, and a language
 * matters per family: a provider without Hmong may be right for every other
 * student. The template is editable; this is only the starting point.
 */
export const DEFAULT_CHECKLIST_TEMPLATE: ChecklistTemplate = {
  id: 'community-provider-default',
  name: 'Community provider checklist',
  version: 1,
  source: 'Chiefs for Change, "Promising Practice": partnerships with community mental health providers (2022)',
  criteria: [
    { key: 'services_gap', kind: 'must', text: 'The provider offers services the district does not.',
      help: 'Name the services, and which of them the district cannot give itself.' },
    { key: 'cost_to_families', kind: 'must',
      text: 'Families can get services at little or no cost: the provider takes Medicaid, the family’s insurance, a sliding scale or a district contract.',
      help: 'Which payments are accepted, and what a family without insurance would pay.' },
    { key: 'confidentiality', kind: 'must',
      text: 'The provider’s information-sharing and confidentiality practices protect students: nothing is shared with the school without a signed release.',
      help: 'Their release form, who sees records, how they send them (never unencrypted email).' },
    { key: 'accepting_referrals', kind: 'must', text: 'The provider is accepting referrals and a student referred now would be seen within a reasonable wait.',
      help: 'Whether they take new clients, and the current wait for a first appointment.' },
    { key: 'school_day_at_school', kind: 'nice', text: 'Sessions are available during the school day at school sites.' },
    { key: 'languages', kind: 'nice', text: 'The provider serves students and families in the languages they speak at home.',
      help: 'Languages of the clinicians, and whether interpreters are used.' },
    { key: 'flexible_delivery', kind: 'nice',
      text: 'Students can also be seen by telehealth, at a mobile clinic or at a community office when a school session does not fit.' },
    { key: 'ages_served', kind: 'nice', text: 'The provider serves the ages of the students the district refers.' },
    { key: 'coordination', kind: 'nice', text: 'With a signed release, the provider shares progress and works with school staff and the student’s team.' },
    { key: 'qualified_staff', kind: 'nice', text: 'Clinicians are licensed and trained in treatments that work for children and teens.' },
    { key: 'crisis_plan', kind: 'nice', text: 'The provider has a plan for a student in crisis, including outside school hours.' },
    { key: 'county_programs', kind: 'nice',
      text: 'The provider can serve students enrolled in CLTS or CCS (enrolled with Wisconsin Medicaid or under contract with the county).' },
  ],
};

/** Points per rating: symmetric around "no evidence", which neither helps nor hurts the total. */
export const RATING_POINTS: Readonly<Record<Rating, number>> = {
  strongly_disagree: -2,
  disagree: -1,
  no_evidence: 0,
  agree: 1,
  strongly_agree: 2,
};

/** The share of nice-to-haves, in whole percent, that must be "agree" or better to exceed. */
export const EXCEEDS_NICE_PERCENT = 75;

/** The rule, in one sentence she can check a verdict against. */
export const VERDICT_RULE =
  `Does not meet if any must-have criterion is rated below "Agree" ("No evidence" counts as not met); ` +
  `exceeds if every must-have is "Agree" or better and at least ${EXCEEDS_NICE_PERCENT}% of the nice-to-have criteria are "Agree" or better; ` +
  'otherwise meets.';

/** "Agree" or better: the provider shows it. */
export const isMet = (rating: Rating): boolean => rating === 'agree' || rating === 'strongly_agree';

/** Every rating but "no evidence" is a claim about the provider, and a claim needs its evidence written down. */
export const needsEvidence = (rating: Rating): boolean => rating !== 'no_evidence';

/**
 * The verdict from counts; null while a must-have is unrated. "No evidence"
 * on a must-have fails it because a must-have is a condition for sending a
 * child there: one she could not confirm (say, that records stay private) is
 * a risk the family would carry. She can find the evidence and re-rate, or
 * override with a written reason.
 */
export function verdictFromCounts(must: { count: number; met: number; unrated: number }, nice: { count: number; met: number }): Verdict | null {
  if (must.unrated > 0) return null;
  if (must.met < must.count) return 'does_not_meet';
  // Whole numbers only: 0.75 × count in floating point can land a hair above the true value.
  // A checklist without nice-to-haves has nothing to exceed with.
  return nice.count > 0 && nice.met * 100 >= EXCEEDS_NICE_PERCENT * nice.count ? 'exceeds' : 'meets';
}

/** Problems with an edited template, as sentences; empty when it can be used. */
export function checkTemplate(template: ChecklistTemplate): string[] {
  const problems: string[] = [];
  if (!filled(template.name)) problems.push('Give the checklist a name.');
  if (!Number.isInteger(template.version) || template.version < 1) problems.push('The checklist version must be a whole number from 1 up.');
  if (template.criteria.length === 0) problems.push('Add at least one criterion.');
  else if (!template.criteria.some((c) => c.kind === 'must')) {
    problems.push('Mark at least one criterion as a must-have: without one, no provider can fall short.');
  }
  const seen = new Set<string>();
  template.criteria.forEach((c, i) => {
    if (!filled(c.key)) problems.push(`Criterion ${i + 1} has no key.`);
    else if (seen.has(c.key)) problems.push(`Criterion ${i + 1} repeats the key "${c.key}".`);
    seen.add(c.key);
    if (!filled(c.text)) problems.push(`Criterion ${i + 1} has no statement to rate.`);
  });
  return problems;
}

export interface CriterionScore {
  key: string;
  text: string;
  kind: CriterionKind;
  rating: Rating | null;
  points: number | null;
  evidence: string;
  met: boolean;
  missingEvidence: boolean;
}

export interface KindSummary {
  count: number;
  met: number;
  unrated: number;
}

export interface EvaluationScore {
  /** In template order. */
  criteria: CriterionScore[];
  total: number;
  /** The total if every criterion were "strongly agree". */
  maxTotal: number;
  mustHaves: KindSummary & { allMet: boolean };
  niceToHaves: KindSummary & { percent: number | null };
  /** Every criterion rated, evidence where a rating needs it, completed by and on filled in. */
  complete: boolean;
  unratedKeys: string[];
  missingEvidenceKeys: string[];
  computedVerdict: Verdict | null;
  /** The override when it has a reason, else the computed verdict. */
  verdict: Verdict | null;
  overridden: boolean;
  /** One sentence: why this verdict. */
  explanation: string;
  problems: string[];
}

const RATING_RANK: Readonly<Record<Rating, number>> = { strongly_disagree: 0, disagree: 1, no_evidence: 2, agree: 3, strongly_agree: 4 };

/** One rating per key; a key rated more than once keeps the lowest rating, so a slip never flatters a provider. `repeated` counts such keys. */
export function ratingsByKey(ratings: readonly CriterionRating[]): { byKey: Map<string, CriterionRating>; repeated: number } {
  const byKey = new Map<string, CriterionRating>();
  const repeatedKeys = new Set<string>();
  for (const r of ratings) {
    const prior = byKey.get(r.criterionKey);
    if (prior) repeatedKeys.add(r.criterionKey);
    if (!prior || RATING_RANK[r.rating] < RATING_RANK[prior.rating]) byKey.set(r.criterionKey, r);
  }
  return { byKey, repeated: repeatedKeys.size };
}

function scoreCriterion(c: Criterion, r: CriterionRating | undefined): CriterionScore {
  if (!r) return { key: c.key, text: c.text, kind: c.kind, rating: null, points: null, evidence: '', met: false, missingEvidence: false };
  return {
    key: c.key,
    text: c.text,
    kind: c.kind,
    rating: r.rating,
    points: RATING_POINTS[r.rating],
    evidence: r.evidence,
    met: isMet(r.rating),
    missingEvidence: needsEvidence(r.rating) && !filled(r.evidence),
  };
}

function summarize(scores: readonly CriterionScore[], kind: CriterionKind): KindSummary {
  let count = 0, met = 0, unrated = 0;
  for (const s of scores) {
    if (s.kind !== kind) continue;
    count += 1;
    if (s.rating === null) unrated += 1;
    else if (s.met) met += 1;
  }
  return { count, met, unrated };
}

const quoted = (s: CriterionScore) => `“${s.text}” (${s.rating === null ? 'not rated' : RATING_LABELS[s.rating]})`;

function explain(verdict: Verdict | null, scores: readonly CriterionScore[], must: KindSummary, nice: KindSummary): string {
  if (verdict === null) return `No verdict yet: ${plural(must.unrated, 'must-have criterion', 'must-have criteria')} ${isAre(must.unrated)} not rated.`;
  if (verdict === 'does_not_meet') {
    const below = scores.filter((s) => s.kind === 'must' && !s.met);
    return `Does not meet: ${plural(below.length, 'must-have')} rated below Agree: ${below.map(quoted).join('; ')}.`;
  }
  if (nice.count === 0) return `Meets: every must-have is Agree or better; this checklist has no nice-to-haves, so it cannot exceed.`;
  const share = `${nice.met} of ${plural(nice.count, 'nice-to-have')} (${Math.round((nice.met * 100) / nice.count)}%) ${nice.met === 1 ? 'is' : 'are'} Agree or better`;
  return verdict === 'exceeds'
    ? `Exceeds: every must-have is Agree or better, and ${share} (${EXCEEDS_NICE_PERCENT}% needed).`
    : `Meets: every must-have is Agree or better; ${share}, short of the ${EXCEEDS_NICE_PERCENT}% needed to exceed.`;
}

/** Scores one evaluation against a template: points, summaries, completeness, verdict and problems. */
export function scoreEvaluation(template: ChecklistTemplate, evaluation: Evaluation): EvaluationScore {
  const problems: string[] = [];
  if (evaluation.templateId !== template.id) problems.push(`This evaluation was done on a different checklist, not “${template.name}”.`);
  else if (evaluation.templateVersion !== template.version) {
    problems.push(
      evaluation.templateVersion < template.version
        ? `This evaluation was done on version ${evaluation.templateVersion} of the checklist; it is now version ${template.version}.`
        : `This evaluation was done on version ${evaluation.templateVersion}, newer than this checklist (version ${template.version}).`,
    );
  }

  const { byKey, repeated } = ratingsByKey(evaluation.ratings);
  const scores = template.criteria.map((c) => scoreCriterion(c, byKey.get(c.key)));
  const keys = new Set(template.criteria.map((c) => c.key));
  const unknown = [...byKey.keys()].filter((k) => !keys.has(k)).length;
  if (unknown > 0) problems.push(`${plural(unknown, 'rating')} ${isAre(unknown)} for criteria not on this checklist and ${unknown === 1 ? 'is' : 'are'} left out.`);
  if (repeated > 0) problems.push(`${plural(repeated, 'criterion', 'criteria')} ${repeated === 1 ? 'was' : 'were'} rated more than once; the lowest rating is used.`);

  const must = summarize(scores, 'must');
  const nice = summarize(scores, 'nice');
  if (must.unrated > 0) problems.push(`Rate every must-have criterion before a verdict: ${must.unrated} ${isAre(must.unrated)} not rated.`);
  if (nice.unrated > 0) problems.push(`${plural(nice.unrated, 'nice-to-have criterion', 'nice-to-have criteria')} ${isAre(nice.unrated)} not rated; until rated ${nice.unrated === 1 ? 'it counts' : 'they count'} as not met.`);

  const unratedKeys = scores.filter((s) => s.rating === null).map((s) => s.key);
  const missingEvidenceKeys = scores.filter((s) => s.missingEvidence).map((s) => s.key);
  if (missingEvidenceKeys.length > 0) {
    problems.push(`Write the evidence for every rating other than No evidence: ${missingEvidenceKeys.length} ${isAre(missingEvidenceKeys.length)} missing.`);
  }
  if (!filled(evaluation.completedBy)) problems.push('Enter who completed the checklist.');
  if (parseIsoDate(evaluation.completedOn) === null) problems.push('Enter the date the checklist was completed.');

  const computedVerdict = verdictFromCounts(must, nice);
  let verdict = computedVerdict;
  let overridden = false;
  let explanation = explain(computedVerdict, scores, must, nice);
  const override = evaluation.verdictOverride;
  if (override) {
    if (!filled(override.reason)) problems.push('A verdict override needs a written reason; the verdict from the ratings stands.');
    else if (computedVerdict === null) problems.push('Rate every must-have criterion before overriding the verdict.');
    else {
      verdict = override.verdict;
      overridden = true;
      explanation = `${VERDICT_LABELS[override.verdict]}, set by hand: ${override.reason.trim()} (the ratings give ${VERDICT_LABELS[computedVerdict]}).`;
    }
  }

  return {
    criteria: scores,
    total: scores.reduce((sum, s) => sum + (s.points ?? 0), 0),
    maxTotal: scores.length * RATING_POINTS.strongly_agree,
    mustHaves: { ...must, allMet: must.unrated === 0 && must.met === must.count },
    niceToHaves: { ...nice, percent: nice.count === 0 ? null : Math.round((nice.met * 100) / nice.count) },
    complete: unratedKeys.length === 0 && missingEvidenceKeys.length === 0 && filled(evaluation.completedBy) && parseIsoDate(evaluation.completedOn) !== null,
    unratedKeys,
    missingEvidenceKeys,
    computedVerdict,
    verdict,
    overridden,
    explanation,
    problems,
  };
}
