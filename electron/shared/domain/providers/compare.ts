/**
 * Side-by-side comparison of providers on one checklist template: rows are
 * the template's criteria in order, columns are providers, best first.
 * Linear in the number of ratings (one scoring pass per evaluation) plus one
 * sort of the columns, so twenty providers stay far inside the 50 ms budget.
 */
import { scoreEvaluation, type EvaluationScore } from './checklist.ts';
import { byCodeUnit, NAME_ORDER, shownDate } from './format.ts';
import { RATING_LABELS, type ChecklistTemplate, type CriterionKind, type Evaluation, type Rating, type Verdict } from './types.ts';

/** The service layer joins the provider's name on, so the comparison can order and label columns. */
export type ComparedEvaluation = Evaluation & { providerName: string };

/**
 * 'not_on_version': the evaluation was done on an older version of the
 * template and has no rating for this criterion, most likely because it was
 * added since; that is not the same as her skipping it.
 */
export type CellStatus = 'rated' | 'not_rated' | 'not_on_version';

export const CELL_STATUS_TEXT: Readonly<Record<Exclude<CellStatus, 'rated'>, string>> = {
  not_rated: 'not rated',
  not_on_version: 'not rated on this version',
};

export interface ComparisonCell {
  status: CellStatus;
  rating: Rating | null;
  points: number | null;
  /** The rating's label, or why there is none. */
  label: string;
  evidence: string;
}

export interface ComparisonRow {
  key: string;
  text: string;
  kind: CriterionKind;
  /** One per column, in column order. */
  cells: ComparisonCell[];
}

export interface ComparisonColumn {
  providerId: string;
  providerName: string;
  evaluationId: string;
  templateVersion: number;
  /** Done on an older version of the template than the one compared on. */
  outdated: boolean;
  completedBy: string;
  completedOn: string;
  total: number;
  maxTotal: number;
  verdict: Verdict | null;
  computedVerdict: Verdict | null;
  overridden: boolean;
  complete: boolean;
  explanation: string;
}

export interface ProviderComparison {
  template: { id: string; name: string; version: number };
  columns: ComparisonColumn[];
  rows: ComparisonRow[];
  /** Sentences about evaluations left out or shown on an older version. */
  notes: string[];
}

/** Best first; no verdict yet sorts last. */
const VERDICT_ORDER: Readonly<Record<Verdict | 'none', number>> = { exceeds: 0, meets: 1, does_not_meet: 2, none: 3 };

/** Newer first: the later completion date, then the later template version, then the id (so the choice never depends on input order). */
function newer(a: Evaluation, b: Evaluation): boolean {
  if (a.completedOn !== b.completedOn) return a.completedOn > b.completedOn;
  if (a.templateVersion !== b.templateVersion) return a.templateVersion > b.templateVersion;
  return a.id > b.id;
}

interface Scored {
  e: ComparedEvaluation;
  score: EvaluationScore;
}

/**
 * Columns are sorted by verdict (exceeds, meets, does not meet, none yet),
 * then by total points, highest first, then by provider name, then by id, so
 * the order is the same whatever order the evaluations arrive in. The verdict
 * is the one she stands by: an override with a reason counts. Only each
 * provider's most recent evaluation on this template is shown.
 */
export function compareProviders(template: ChecklistTemplate, evaluations: readonly ComparedEvaluation[]): ProviderComparison {
  const notes: string[] = [];
  const latest = new Map<string, ComparedEvaluation>();
  const otherTemplate = new Map<string, string>();
  for (const e of evaluations) {
    if (e.templateId !== template.id) {
      otherTemplate.set(e.providerId, e.providerName);
      continue;
    }
    const prior = latest.get(e.providerId);
    if (!prior || newer(e, prior)) latest.set(e.providerId, e);
  }
  for (const [providerId, name] of [...otherTemplate].sort(([a], [b]) => byCodeUnit(a, b))) {
    if (!latest.has(providerId)) notes.push(`${name} was evaluated on a different checklist, not “${template.name}”, and is not compared.`);
  }

  const scored: Scored[] = [...latest.values()].map((e) => ({ e, score: scoreEvaluation(template, e) }));
  scored.sort(
    (a, b) =>
      VERDICT_ORDER[a.score.verdict ?? 'none'] - VERDICT_ORDER[b.score.verdict ?? 'none'] ||
      b.score.total - a.score.total ||
      NAME_ORDER.compare(a.e.providerName, b.e.providerName) ||
      byCodeUnit(a.e.providerId, b.e.providerId),
  );

  const columns: ComparisonColumn[] = scored.map(({ e, score }) => ({
    providerId: e.providerId,
    providerName: e.providerName,
    evaluationId: e.id,
    templateVersion: e.templateVersion,
    outdated: e.templateVersion < template.version,
    completedBy: e.completedBy,
    completedOn: e.completedOn,
    total: score.total,
    maxTotal: score.maxTotal,
    verdict: score.verdict,
    computedVerdict: score.computedVerdict,
    overridden: score.overridden,
    complete: score.complete,
    explanation: score.explanation,
  }));
  for (const c of columns) {
    if (c.outdated) {
      notes.push(`${c.providerName} was last evaluated on version ${c.templateVersion} (${shownDate(c.completedOn)}); criteria added since show as not rated on this version.`);
    }
  }

  const rows: ComparisonRow[] = template.criteria.map((criterion, i) => ({
    key: criterion.key,
    text: criterion.text,
    kind: criterion.kind,
    cells: scored.map(({ e, score }): ComparisonCell => {
      const s = score.criteria[i];
      if (s && s.rating !== null) {
        return { status: 'rated', rating: s.rating, points: s.points, label: RATING_LABELS[s.rating], evidence: s.evidence };
      }
      const status: CellStatus = e.templateVersion < template.version ? 'not_on_version' : 'not_rated';
      return { status, rating: null, points: null, label: CELL_STATUS_TEXT[status], evidence: '' };
    }),
  }));

  return { template: { id: template.id, name: template.name, version: template.version }, columns, rows, notes };
}
