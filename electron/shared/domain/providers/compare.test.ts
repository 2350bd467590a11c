import { describe, expect, it } from 'vitest';
import { compareProviders, type ComparedEvaluation } from './compare.ts';
import { allAt, evaluation, niceShare, T } from './fixtures.ts';
import type { ChecklistTemplate, Evaluation } from './types.ts';

const named = (providerName: string, providerId: string, over: Partial<Evaluation> = {}, tpl: ChecklistTemplate = T): ComparedEvaluation => ({
  ...evaluation({ id: `ev-${providerId}`, providerId, ...over }, tpl),
  providerName,
});

/** One of each verdict; Birch has the highest total but fails a must-have. */
const cedar = named('Cedar Family Services', 'p-cedar', { ratings: allAt(T, 'agree') });
const aspen = named('Aspen Behavioral Health', 'p-aspen', { ratings: niceShare(T, 5) });
const birch = named('Birch Clinic', 'p-birch', { ratings: allAt(T, 'strongly_agree', { confidentiality: 'no_evidence' }) });

describe('compareProviders: three providers', () => {
  const c = compareProviders(T, [birch, aspen, cedar]);

  it('orders columns by verdict before total', () => {
    expect(c.columns.map((col) => [col.providerName, col.verdict, col.total])).toEqual([
      ['Cedar Family Services', 'exceeds', 12],
      ['Aspen Behavioral Health', 'meets', 6],
      ['Birch Clinic', 'does_not_meet', 22],
    ]);
    expect(c.columns.every((col) => col.maxTotal === 24 && col.complete && !col.outdated)).toBe(true);
  });

  it('has one row per criterion in template order, one cell per column', () => {
    expect(c.rows.map((r) => r.key)).toEqual(T.criteria.map((cr) => cr.key));
    expect(c.rows.every((r) => r.cells.length === 3)).toBe(true);
    const row = (key: string) => c.rows.find((r) => r.key === key)?.cells.map((cell) => [cell.label, cell.points]);
    expect(row('confidentiality')).toEqual([['Agree', 1], ['Agree', 1], ['No evidence', 0]]);
    expect(row('county_programs')).toEqual([['Agree', 1], ['Disagree', -1], ['Strongly agree', 2]]);
  });

  it('carries each column’s explanation and the template it was compared on', () => {
    expect(c.template).toEqual({ id: T.id, name: T.name, version: 1 });
    expect(c.columns[2]?.explanation).toMatch(/^Does not meet: 1 must-have rated below Agree/u);
    expect(c.notes).toEqual([]);
  });
});

describe('compareProviders: ordering', () => {
  it.each<{ name: string; input: ComparedEvaluation[]; order: string[]; by?: 'providerId' }>([
    {
      name: 'same verdict and total: by name, accents and case folded',
      input: [named('birch', 'p1'), named('Ávila', 'p2'), named('Baker', 'p3')],
      order: ['Ávila', 'Baker', 'birch'],
    },
    {
      name: 'same verdict: the higher total first, whatever the name',
      input: [named('Alder', 'p1', { ratings: allAt(T, 'agree') }), named('Zephyr', 'p2', { ratings: allAt(T, 'strongly_agree') })],
      order: ['Zephyr', 'Alder'],
    },
    {
      name: 'same name, verdict and total: by id',
      input: [named('Pine', 'p2'), named('Pine', 'p1')],
      order: ['p1', 'p2'],
      by: 'providerId',
    },
    {
      name: 'an override with a reason sorts by the overridden verdict',
      input: [cedar, named('Birch Clinic', 'p-birch', { ratings: birch.ratings, verdictOverride: { verdict: 'exceeds', reason: 'Director confirmed the release policy.' } })],
      order: ['Birch Clinic', 'Cedar Family Services'],
    },
    {
      name: 'no verdict yet sorts last',
      input: [named('Alder', 'p1', { ratings: allAt(T, 'agree').slice(1) }), birch],
      order: ['Birch Clinic', 'Alder'],
    },
  ])('$name', ({ input, order, by }) => {
    const cols = compareProviders(T, input).columns;
    expect(cols.map((c) => (by ? c.providerId : c.providerName))).toEqual(order);
  });
});

describe('compareProviders: versions and repeats', () => {
  const v2: ChecklistTemplate = {
    ...T,
    version: 2,
    criteria: [...T.criteria, { key: 'transport', kind: 'nice', text: 'The provider helps with transportation.' }],
  };
  const v3: ChecklistTemplate = {
    ...v2,
    version: 3,
    criteria: [...v2.criteria, { key: 'background_checks', kind: 'must', text: 'Staff who work at school have passed background checks.' }],
  };

  it('marks criteria missing from an older-version evaluation as not rated on this version', () => {
    const old = named('Cedar Family Services', 'p-cedar', { templateVersion: 1, completedOn: '2026-03-02', ratings: allAt(T, 'agree') }, v2);
    const current = named('Aspen Behavioral Health', 'p-aspen', { ratings: allAt(v2, 'agree').filter((r) => r.criterionKey !== 'transport') }, v2);
    const c = compareProviders(v2, [old, current]);
    const transport = c.rows.find((r) => r.key === 'transport');
    const byName = Object.fromEntries(c.columns.map((col, i) => [col.providerName, transport?.cells[i]]));
    expect(byName['Cedar Family Services']).toEqual({ status: 'not_on_version', rating: null, points: null, label: 'not rated on this version', evidence: '' });
    expect(byName['Aspen Behavioral Health']).toEqual({ status: 'not_rated', rating: null, points: null, label: 'not rated', evidence: '' });
    expect(c.columns.find((col) => col.providerId === 'p-cedar')).toMatchObject({ outdated: true, templateVersion: 1, verdict: 'exceeds' });
    expect(c.notes).toEqual([
      'Cedar Family Services was last evaluated on version 1 (03/02/2026); criteria added since show as not rated on this version.',
    ]);
  });

  it('gives no verdict when a must-have was added since, and sorts that provider last', () => {
    const old = named('Aspen Behavioral Health', 'p-aspen', { templateVersion: 2, ratings: allAt(v2, 'strongly_agree') }, v3);
    expect(old.ratings.some((r) => r.criterionKey === 'background_checks')).toBe(false);
    const failing = named('Birch Clinic', 'p-birch', { ratings: allAt(v3, 'agree', { services_gap: 'disagree' }) }, v3);
    const c = compareProviders(v3, [old, failing]);
    expect(c.columns.map((col) => [col.providerName, col.verdict])).toEqual([
      ['Birch Clinic', 'does_not_meet'],
      ['Aspen Behavioral Health', null],
    ]);
    expect(c.rows.find((r) => r.key === 'background_checks')?.cells[1]?.status).toBe('not_on_version');
  });

  it('shows only the most recent evaluation of each provider', () => {
    const earlier = named('Cedar Family Services', 'p-cedar', { id: 'ev-a', completedOn: '2026-01-10', ratings: allAt(T, 'disagree') });
    const later = named('Cedar Family Services', 'p-cedar', { id: 'ev-b', completedOn: '2026-09-10' });
    for (const input of [[earlier, later], [later, earlier]]) {
      const c = compareProviders(T, input);
      expect(c.columns.map((col) => col.evaluationId)).toEqual(['ev-b']);
    }
  });

  it('leaves out evaluations on another template, and says so', () => {
    const other = named('Elm Therapy', 'p-elm', { templateId: 'other-checklist' });
    const c = compareProviders(T, [cedar, other]);
    expect(c.columns.map((col) => col.providerName)).toEqual(['Cedar Family Services']);
    expect(c.notes).toEqual(['Elm Therapy was evaluated on a different checklist, not “Community provider checklist”, and is not compared.']);
  });

  it('with nothing to compare, keeps the rows and no columns', () => {
    const c = compareProviders(T, []);
    expect(c.columns).toEqual([]);
    expect(c.rows).toHaveLength(T.criteria.length);
    expect(c.rows.every((r) => r.cells.length === 0)).toBe(true);
  });
});
