/**
 * The provider directory, vetting evaluations on the checklist template, and
 * the side-by-side comparison. An evaluation is kept as completed; the latest
 * one is the provider's standing verdict.
 */
import type { Vault } from '../../../db/vault.ts';
import type { Database } from '../../../db/database.ts';
import { providerChecklist } from '../../documents/provider-checklist.ts';
import {
  compareProviders,
  DEFAULT_CHECKLIST_TEMPLATE,
  historyByTarget,
  isStale,
  RATING_LABELS,
  scoreEvaluation,
  VERDICT_LABELS,
  VERDICT_RULE,
  type ChecklistTemplate,
  type Evaluation,
  type Rating,
} from '../../shared/domain/providers/index.ts';
import type { ChannelInput, ChannelOutput } from '../../shared/contract.ts';
import type { ProviderFields } from '../../shared/schemas/providers.ts';
import { change, newId, nowIso, today } from '../caseload/write.ts';
import { AppError } from '../failures.ts';
import type { Ports } from '../ports.ts';
import { readSettings } from '../settings.ts';
import { loadReferrals } from './referrals.ts';

type Row = Database['providers'];

function fieldsOf(r: Row): ProviderFields {
  return {
    kind: r.kind,
    name: r.name,
    services: JSON.parse(r.services) as string[],
    ages: r.age_min === null || r.age_max === null ? null : { min: r.age_min, max: r.age_max },
    languages: JSON.parse(r.languages) as string[],
    payment: JSON.parse(r.payment) as ProviderFields['payment'],
    delivery: JSON.parse(r.delivery) as ProviderFields['delivery'],
    location: r.location,
    contacts: JSON.parse(r.contacts) as ProviderFields['contacts'],
    acceptingReferrals: r.accepting_referrals === 1,
    waitlistWeeks: r.waitlist_weeks,
    medicaidProviderId: r.medicaid_provider_id,
    notes: r.notes,
    lastVerifiedOn: r.last_verified_on,
  };
}

/** The template evaluations are made on: the shipped checklist (an edited copy comes with template editing). */
function currentTemplate(): ChecklistTemplate {
  return DEFAULT_CHECKLIST_TEMPLATE;
}

async function templateVersion(vault: Vault, id: string, version: number): Promise<ChecklistTemplate | null> {
  const row = await vault.db.selectFrom('checklist_templates').selectAll().where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return row ? { id: row.id, version: row.version, name: row.name, source: row.source, criteria: JSON.parse(row.criteria) as ChecklistTemplate['criteria'] } : null;
}

function evaluationOf(r: Database['provider_evaluations']): Evaluation {
  return {
    id: r.id,
    providerId: r.provider_id,
    templateId: r.template_id,
    templateVersion: r.template_version,
    ratings: JSON.parse(r.ratings) as Evaluation['ratings'],
    completedBy: r.completed_by,
    completedOn: r.completed_on,
    ...(r.override_verdict && r.override_reason ? { verdictOverride: { verdict: r.override_verdict, reason: r.override_reason } } : {}),
  };
}

export async function getTemplate(): Promise<ChannelOutput<'checklist:template'>> {
  const t = currentTemplate();
  return { id: t.id, name: t.name, version: t.version, source: t.source, criteria: t.criteria.map((c) => ({ ...c })), verdictRule: VERDICT_RULE };
}

export async function listProviders(vault: Vault): Promise<ChannelOutput<'providers:list'>> {
  const [rows, evaluations, referrals] = await Promise.all([
    vault.db.selectFrom('providers').selectAll().orderBy('name').execute(),
    vault.db.selectFrom('provider_evaluations').selectAll().orderBy('completed_on', 'desc').orderBy('created_at', 'desc').execute(),
    loadReferrals(vault, {}),
  ]);
  const template = currentTemplate();
  const histories = historyByTarget(referrals.map((r) => r.domain));
  const empty = { sent: 0, accepted: 0, waitlisted: 0, declined: 0, awaitingAnswer: 0, acceptanceRate: null, medianDaysToAnswer: null };
  const on = today();
  return {
    providers: rows.map((r) => {
      const latest = evaluations.find((e) => e.provider_id === r.id);
      const score = latest && latest.template_id === template.id && latest.template_version === template.version ? scoreEvaluation(template, evaluationOf(latest)) : null;
      const h = histories.get(r.id);
      return {
        id: r.id,
        fields: fieldsOf(r),
        stale: isStale(r.last_verified_on, on),
        latestVerdict: score?.verdict ?? null,
        latestEvaluatedOn: latest?.completed_on ?? null,
        history: h ? { sent: h.sent, accepted: h.accepted, waitlisted: h.waitlisted, declined: h.declined, awaitingAnswer: h.awaitingAnswer, acceptanceRate: h.acceptanceRate, medianDaysToAnswer: h.medianDaysToAnswer } : empty,
      };
    }),
  };
}

export async function saveProvider(vault: Vault, input: ChannelInput<'providers:save'>): Promise<{ id: string }> {
  const f = input.fields;
  if (f.ages && f.ages.max < f.ages.min) throw new AppError('INVALID_INPUT', 'The oldest age served is below the youngest: check the ages.', 'fields.ages');
  if (f.lastVerifiedOn && f.lastVerifiedOn > today()) throw new AppError('INVALID_INPUT', 'The date the listing was last checked cannot be in the future.', 'fields.lastVerifiedOn');
  return change(vault, async (trx) => {
    const now = nowIso();
    const values = {
      kind: f.kind,
      name: f.name.trim(),
      services: JSON.stringify(f.services.map((s) => s.trim())),
      age_min: f.ages?.min ?? null,
      age_max: f.ages?.max ?? null,
      languages: JSON.stringify(f.languages.map((s) => s.trim())),
      payment: JSON.stringify(f.payment),
      delivery: JSON.stringify(f.delivery),
      location: f.location.trim(),
      contacts: JSON.stringify(f.contacts),
      accepting_referrals: f.acceptingReferrals ? 1 : 0,
      waitlist_weeks: f.waitlistWeeks,
      medicaid_provider_id: f.medicaidProviderId?.trim() || null,
      notes: f.notes,
      last_verified_on: f.lastVerifiedOn,
      updated_at: now,
    };
    let id = input.id;
    if (id) {
      const updated = await trx.updateTable('providers').set(values).where('id', '=', id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'That provider is no longer in the directory.');
    } else {
      id = newId();
      await trx.insertInto('providers').values({ id, ...values, created_at: now }).execute();
    }
    return { result: { id }, audit: { action: input.id ? 'provider.updated' : 'provider.added', subjectType: 'provider', subjectId: id } };
  });
}

export async function saveEvaluation(vault: Vault, input: ChannelInput<'evaluations:save'>): Promise<ChannelOutput<'evaluations:list'>['evaluations'][number]> {
  const template = currentTemplate();
  const known = new Set(template.criteria.map((c) => c.key));
  const unknown = input.ratings.filter((r) => !known.has(r.criterionKey));
  if (unknown.length) throw new AppError('INVALID_INPUT', `“${unknown[0]!.criterionKey}” is not a criterion of the ${template.name}.`, 'ratings');
  if (input.completedOn > today()) throw new AppError('INVALID_INPUT', 'The evaluation cannot be completed in the future.', 'completedOn');
  const evaluation: Evaluation = {
    id: newId(),
    providerId: input.providerId,
    templateId: template.id,
    templateVersion: template.version,
    ratings: input.ratings.map((r) => ({ ...r, evidence: r.evidence.trim() })),
    completedBy: input.completedBy.trim(),
    completedOn: input.completedOn,
    ...(input.override ? { verdictOverride: { verdict: input.override.verdict, reason: input.override.reason.trim() } } : {}),
  };
  const score = scoreEvaluation(template, evaluation);
  if (!score.complete) throw new AppError('INVALID_INPUT', `The evaluation is not complete: ${score.problems.join(' ')}`, 'ratings');
  await change(vault, async (trx) => {
    const provider = await trx.selectFrom('providers').select('id').where('id', '=', input.providerId).executeTakeFirst();
    if (!provider) throw new AppError('NOT_FOUND', 'That provider is no longer in the directory.');
    await trx
      .insertInto('checklist_templates')
      .values({ id: template.id, version: template.version, name: template.name, source: template.source, criteria: JSON.stringify(template.criteria), created_at: nowIso() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .insertInto('provider_evaluations')
      .values({
        id: evaluation.id,
        provider_id: evaluation.providerId,
        template_id: template.id,
        template_version: template.version,
        ratings: JSON.stringify(evaluation.ratings),
        completed_by: evaluation.completedBy,
        completed_on: evaluation.completedOn,
        override_verdict: evaluation.verdictOverride?.verdict ?? null,
        override_reason: evaluation.verdictOverride?.reason ?? null,
        created_at: nowIso(),
      })
      .execute();
    return { result: null, audit: { action: 'provider.evaluated', subjectType: 'provider', subjectId: input.providerId, details: { verdict: score.verdict ?? 'none' } } };
  });
  return evaluationView(template, evaluation);
}

function evaluationView(template: ChecklistTemplate, e: Evaluation) {
  const s = scoreEvaluation(template, e);
  return {
    id: e.id,
    providerId: e.providerId,
    templateVersion: e.templateVersion,
    completedBy: e.completedBy,
    completedOn: e.completedOn,
    ratings: e.ratings.map((r) => ({ criterionKey: r.criterionKey, rating: r.rating as Rating, evidence: r.evidence })),
    verdict: s.verdict,
    computedVerdict: s.computedVerdict,
    overridden: s.overridden,
    overrideReason: e.verdictOverride?.reason ?? null,
    total: s.total,
    maxTotal: s.maxTotal,
    complete: s.complete,
    explanation: s.explanation,
    problems: s.problems,
  };
}

export async function listEvaluations(vault: Vault, providerId: string): Promise<ChannelOutput<'evaluations:list'>> {
  const rows = await vault.db.selectFrom('provider_evaluations').selectAll().where('provider_id', '=', providerId).orderBy('completed_on', 'desc').orderBy('created_at', 'desc').execute();
  const out = [];
  for (const r of rows) {
    const template = (await templateVersion(vault, r.template_id, r.template_version)) ?? (currentTemplate());
    out.push(evaluationView(template, evaluationOf(r)));
  }
  return { evaluations: out };
}

export async function compare(vault: Vault, input: ChannelInput<'providers:compare'>): Promise<ChannelOutput<'providers:compare'>> {
  const template = currentTemplate();
  const ids = [...new Set(input.providerIds)];
  const [providers, evaluations] = await Promise.all([
    vault.db.selectFrom('providers').select(['id', 'name']).where('id', 'in', ids).execute(),
    vault.db.selectFrom('provider_evaluations').selectAll().where('provider_id', 'in', ids).execute(),
  ]);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  const result = compareProviders(template, evaluations.map((e) => ({ ...evaluationOf(e), providerName: names.get(e.provider_id) ?? '' })));
  const evaluated = new Set(result.columns.map((c) => c.providerId));
  return {
    template: result.template,
    columns: result.columns.map((c) => ({ providerId: c.providerId, providerName: c.providerName, verdict: c.verdict, total: c.total, maxTotal: c.maxTotal, completedOn: c.completedOn, outdated: c.outdated, explanation: c.explanation })),
    rows: result.rows.map((r) => ({ key: r.key, text: r.text, kind: r.kind, cells: r.cells.map((c) => ({ status: c.status, rating: c.rating, points: c.points, label: c.label })) })),
    notes: result.notes,
    unevaluated: providers.filter((p) => !evaluated.has(p.id)).map((p) => ({ providerId: p.id, providerName: p.name })),
  };
}

/**
 * The checklist on paper: one evaluation as completed, on the template version it was made on, or
 * (no evaluation) the current checklist blank, to fill in by hand on a visit.
 */
export async function printChecklist(vault: Vault, ports: Ports, input: ChannelInput<'providers:printChecklist'>): Promise<ChannelOutput<'providers:printChecklist'>> {
  const row = await vault.db.selectFrom('providers').selectAll().where('id', '=', input.providerId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'That provider is no longer in the directory.');
  let template = currentTemplate();
  let evaluation: Parameters<typeof providerChecklist>[0]['evaluation'] = null;
  if (input.evaluationId !== null) {
    const r = await vault.db.selectFrom('provider_evaluations').selectAll().where('id', '=', input.evaluationId).where('provider_id', '=', input.providerId).executeTakeFirst();
    if (!r) throw new AppError('NOT_FOUND', 'That evaluation is not among this provider’s evaluations.');
    template = (await templateVersion(vault, r.template_id, r.template_version)) ?? template;
    const e = evaluationOf(r);
    const score = scoreEvaluation(template, e);
    evaluation = {
      completedBy: e.completedBy,
      completedOn: e.completedOn,
      criteria: score.criteria.map((c) => ({ text: c.text, kind: c.kind, rating: c.rating === null ? null : RATING_LABELS[c.rating], evidence: c.evidence })),
      verdict: score.verdict === null ? null : VERDICT_LABELS[score.verdict],
      overridden: score.overridden,
      overrideReason: score.overridden ? (e.verdictOverride?.reason ?? null) : null,
      explanation: score.explanation,
      total: score.total,
      maxTotal: score.maxTotal,
    };
  }
  const settings = await readSettings(vault);
  const fields = fieldsOf(row);
  const bytes = await providerChecklist({
    organization: settings.organizationName.trim(),
    provider: { name: fields.name, location: fields.location, services: fields.services },
    template: { name: template.name, version: template.version, source: template.source, verdictRule: VERDICT_RULE, criteria: template.criteria.map((c) => ({ text: c.text, kind: c.kind })) },
    evaluation,
  });
  // A provider's name is not student information: it may be in the file name.
  const saved = await ports.saveDocument({ suggestedName: `Provider checklist - ${fields.name} ${today()}.pdf`, bytes, kind: 'pdf', openAfterSave: true });
  return { saved: saved !== null, fileName: saved?.fileName ?? null };
}
