/**
 * The provider checklist PDF, read back as text: a completed evaluation shows
 * every criterion under its kind with its rating and evidence, the verdict,
 * why, and the rule; a blank one offers the five ratings for each criterion;
 * names in any language print exactly as typed.
 */
import { describe, expect, it } from 'vitest';
import {
  BLANK_INSTRUCTIONS,
  KIND_HEADINGS,
  PROVIDER_CHECKLIST_FORM_ID,
  RATING_CHOICES,
  VERDICT_CHOICES,
  providerChecklist,
  type ProviderChecklistData,
} from '../../electron/documents/provider-checklist.ts';
import { DEFAULT_CHECKLIST_TEMPLATE, RATING_LABELS, RATINGS, VERDICT_RULE } from '../../electron/shared/domain/providers/index.ts';
import { occurrences, readPdf } from './pdf-text.ts';
import { XSS } from './release-fixtures.ts';

const TEMPLATE: ProviderChecklistData['template'] = {
  name: DEFAULT_CHECKLIST_TEMPLATE.name,
  version: DEFAULT_CHECKLIST_TEMPLATE.version,
  source: DEFAULT_CHECKLIST_TEMPLATE.source,
  verdictRule: VERDICT_RULE,
  criteria: DEFAULT_CHECKLIST_TEMPLATE.criteria.map((c) => ({ text: c.text, kind: c.kind })),
};

const PROVIDER = { name: 'Sunrise Counseling', location: 'Arcadia, WI', services: ['Individual therapy', 'Family therapy'] };

type Evaluation = NonNullable<ProviderChecklistData['evaluation']>;

/** Every criterion rated in turn through the five ratings, each with evidence naming its criterion ("E01"…). */
function evaluation(over: Partial<Evaluation> = {}): Evaluation {
  return {
    completedBy: 'Dana Olson',
    completedOn: '2026-10-02',
    criteria: DEFAULT_CHECKLIST_TEMPLATE.criteria.map((c, i) => {
      const rating = RATINGS[i % RATINGS.length]!;
      return { text: c.text, kind: c.kind, rating: RATING_LABELS[rating], evidence: rating === 'no_evidence' ? '' : `E${String(i + 1).padStart(2, '0')} seen on the site visit.` };
    }),
    verdict: 'Does not meet',
    overridden: false,
    overrideReason: null,
    explanation: 'Does not meet: 3 must-haves rated below Agree.',
    total: 1,
    maxTotal: 24,
    ...over,
  };
}

function data(over: Partial<ProviderChecklistData> = {}): ProviderChecklistData {
  return { organization: 'Arcadia School District · Pupil Services', provider: PROVIDER, template: TEMPLATE, evaluation: evaluation(), ...over };
}

describe('provider checklist', () => {
  it('prints every criterion under its kind with its rating and evidence, then the verdict, why, and the rule', async () => {
    const e = evaluation();
    const { text } = await readPdf(await providerChecklist(data({ evaluation: e })));
    expect(text).toContain('Arcadia School District · Pupil Services');
    expect(text).toContain('Provider checklist — Sunrise Counseling');
    expect(text).toContain('Arcadia, WI');
    expect(text).toContain('Individual therapy, Family therapy');
    expect(text).toContain(DEFAULT_CHECKLIST_TEMPLATE.source);
    expect(text).toContain(PROVIDER_CHECKLIST_FORM_ID);
    expect(text.indexOf(KIND_HEADINGS.must)).toBeGreaterThan(-1);
    expect(text.indexOf(KIND_HEADINGS.must)).toBeLessThan(text.indexOf(KIND_HEADINGS.nice));
    let last = -1;
    for (const c of e.criteria) {
      const at = text.indexOf(c.text);
      expect(at, c.text).toBeGreaterThan(last);
      // A must-have is printed before the nice-to-have heading, a nice-to-have after it.
      expect(at > text.indexOf(KIND_HEADINGS.nice), c.text).toBe(c.kind === 'nice');
      if (c.evidence) expect(text).toContain(c.evidence);
      last = at;
    }
    for (const label of Object.values(RATING_LABELS)) expect(text).toContain(label);
    expect(text).toContain('Does not meet');
    expect(text).toContain(e.explanation);
    expect(text).toContain('1 of 24 points');
    expect(text).toContain(VERDICT_RULE);
    expect(text).toContain('Completed by Dana Olson on 10/02/2026.');
    expect(text).toContain('Reviewer signature');
    expect(text).not.toContain('set by hand');
    expect(text).not.toContain('CONFIDENTIAL');
  });

  it('gives the reason when the verdict was set by hand, and says so for a criterion not rated', async () => {
    const e = evaluation({ verdict: 'Meets', overridden: true, overrideReason: 'The waitlist dropped to one week after the call.', explanation: 'Meets, set by hand: the waitlist dropped (the ratings give Does not meet).' });
    e.criteria[0] = { ...e.criteria[0]!, rating: null, evidence: '' };
    const { text } = await readPdf(await providerChecklist(data({ evaluation: e })));
    expect(text).toContain('set by hand');
    expect(text).toContain('The waitlist dropped to one week after the call.');
    expect(text).toContain(e.explanation);
    expect(text).toContain('Not rated');
  });

  it('prints a blank checklist offering the five ratings for each criterion', async () => {
    const { pages, text } = await readPdf(await providerChecklist(data({ evaluation: null })));
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const c of TEMPLATE.criteria) expect(text).toContain(c.text);
    const n = TEMPLATE.criteria.length;
    // Once per criterion, besides the mentions in the instructions and the rule (matching is case-sensitive,
    // so "Agree" is not counted in "Strongly agree").
    expect(text).toContain(BLANK_INSTRUCTIONS);
    for (const choice of RATING_CHOICES) expect(occurrences(text, choice) - occurrences(BLANK_INSTRUCTIONS + VERDICT_RULE, choice), choice).toBe(n);
    for (const choice of VERDICT_CHOICES) expect(text).toContain(choice);
    expect(text).toContain(VERDICT_RULE);
    expect(text).toContain('Completed by');
    expect(text).toContain('Reviewer signature');
    expect(text).not.toContain('points');
  });

  it('prints accented, Vietnamese and Hmong names, and HTML-looking text, exactly as typed', async () => {
    const e = evaluation({ completedBy: 'Xiong Pa Houa Vang', explanation: `${XSS} <b>Meets</b>` });
    e.criteria[1] = { ...e.criteria[1]!, evidence: 'Habló con la Sra. Nguyễn Thị Ánh; {formId} & </style>' };
    const { text } = await readPdf(
      await providerChecklist(data({ organization: 'Distrito Escolar de Peñasco', provider: { name: 'Clínica Ñandú — Nguyễn Thị Ánh', location: 'Whitehall, WI', services: [] }, evaluation: e })),
    );
    expect(text).toContain('Distrito Escolar de Peñasco');
    expect(text).toContain('Provider checklist — Clínica Ñandú — Nguyễn Thị Ánh');
    expect(text).toContain('Habló con la Sra. Nguyễn Thị Ánh; {formId} & </style>');
    expect(text).toContain(`${XSS} <b>Meets</b>`);
    expect(text).toContain('Xiong Pa Houa Vang');
  });
});
