import { describe, expect, it } from 'vitest';
import { missingElements, printProblems, regimesFor, requiredElements, type ElementId } from './elements.ts';
import { completeDraft } from './fixtures.ts';
import { REGIMES, type Regime, type ReleaseDraft } from './types.ts';

/** The elements each regime asks for, as DOMAIN.md lists them (guards against a silent removal). */
const EXPECTED: Record<Regime, ElementId[]> = {
  FERPA: ['records', 'purpose', 'recipient', 'signatureLine', 'dateLine'],
  HIPAA: ['records', 'discloser', 'recipient', 'purpose', 'expiry', 'signatureLine', 'dateLine', 'authorityLine', 'revocationRight', 'conditioningStatement', 'redisclosureNotice'],
  WI_51_30: ['recipient', 'subject', 'purpose', 'records', 'expiry', 'dateLine', 'signatureLine', 'dhs92Confidentiality'],
  WI_146_81: ['subject', 'records', 'discloser', 'purpose', 'recipient', 'signatureLine', 'authorityLine', 'dateLine', 'expiry'],
  CFR42_PART2: ['subject', 'discloser', 'records', 'recipient', 'purpose', 'revocationRight', 'expiry', 'signatureLine', 'authorityLine', 'dateLine', 'redisclosureNotice', 'part2Notice'],
};

/** How to take each element away from a complete draft. */
const REMOVE: Record<ElementId, (d: ReleaseDraft) => ReleaseDraft> = {
  subject: (d) => ({ ...d, studentName: '   ' }),
  records: (d) => ({ ...d, categories: [] }),
  discloser: (d) => ({ ...d, discloser: null }),
  recipient: (d) => ({ ...d, recipients: [] }),
  purpose: (d) => ({ ...d, purpose: ' \n ' }),
  expiry: (d) => ({ ...d, expiry: null }),
  signatureLine: (d) => ({ ...d, signers: [] }),
  dateLine: (d) => ({ ...d, lines: { ...d.lines, dateLines: false } }),
  authorityLine: (d) => ({ ...d, lines: { ...d.lines, authorityLines: false } }),
  revocationRight: (d) => ({ ...d, statements: { ...d.statements, revocationRight: false } }),
  conditioningStatement: (d) => ({ ...d, statements: { ...d.statements, conditioningStatement: false } }),
  redisclosureNotice: (d) => ({ ...d, statements: { ...d.statements, redisclosureNotice: false } }),
  dhs92Confidentiality: (d) => ({ ...d, statements: { ...d.statements, dhs92Confidentiality: false } }),
  part2Notice: (d) => ({ ...d, statements: { ...d.statements, part2Notice: false } }),
};

const rows = REGIMES.flatMap((regime) => requiredElements(regime).map((e) => ({ regime, id: e.id, label: e.label })));

describe('required elements per regime', () => {
  it.each(REGIMES)('%s lists exactly the elements of its rule', (regime) => {
    expect(requiredElements(regime).map((e) => e.id)).toEqual(EXPECTED[regime]);
    for (const e of requiredElements(regime)) expect(e.label.length).toBeGreaterThan(5);
  });

  it.each(REGIMES)('a complete draft for %s misses nothing', (regime) => {
    expect(missingElements(completeDraft({ regimes: [regime] }))).toEqual([
      expect.objectContaining({ regime, missing: [] }),
    ]);
  });

  it.each(rows)('$regime: without $id, exactly that element is missing', ({ regime, id, label }) => {
    const draft = REMOVE[id](completeDraft({ regimes: [regime] }));
    const [gaps, ...rest] = missingElements(draft);
    expect(rest).toEqual([]);
    expect(gaps?.regime).toBe(regime);
    expect(gaps?.missing.map((m) => m.id)).toEqual([id]);
    expect(gaps?.missing[0]?.label).toBe(label);
    expect(gaps?.missing[0]?.message).toMatch(/^(FERPA|HIPAA|Wis\. Stat\. § 51\.30|Wis\. Stat\. § 146\.81|42 CFR Part 2) needs .+\.$/u);
  });

  it('says it in her words', () => {
    const [hipaa] = missingElements(completeDraft({ regimes: ['HIPAA'], expiry: null }));
    expect(hipaa?.missing[0]?.message).toBe('HIPAA needs an expiration date or event.');
    expect(requiredElements('FERPA')[0]?.label).toBe('A description of the records to be disclosed');
  });

  it('FERPA needs no expiry and no statements', () => {
    const bare = completeDraft({
      regimes: ['FERPA'],
      expiry: null,
      discloser: null,
      statements: { revocationRight: false, conditioningStatement: false, redisclosureNotice: false, dhs92Confidentiality: false, part2Notice: false },
      lines: { signatureLines: true, dateLines: true, authorityLines: false },
    });
    expect(missingElements(bare)[0]?.missing).toEqual([]);
  });

  it('a class of parties satisfies FERPA, HIPAA and Part 2, not § 51.30 or § 146.81', () => {
    const draft = completeDraft({ recipients: [{ kind: 'class', description: 'Whitehall High School IEP team' }] });
    const missing = Object.fromEntries(missingElements(draft).map((g) => [g.regime, g.missing.map((m) => m.id)]));
    expect(missing).toEqual({ FERPA: [], HIPAA: [], WI_51_30: ['recipient'], WI_146_81: ['recipient'], CFR42_PART2: [] });
  });

  it.each<[string, Partial<ReleaseDraft>, ElementId]>([
    ['a blank recipient name', { recipients: [{ kind: 'party', name: '  ' }] }, 'recipient'],
    ['a blank class', { recipients: [{ kind: 'class', description: '' }] }, 'recipient'],
    ['"other" records without a description', { categories: ['other'], otherDescription: ' ' }, 'records'],
    ['an end date that does not exist', { expiry: { kind: 'date', on: '2027-02-30' } }, 'expiry'],
    ['an end event left blank', { expiry: { kind: 'event', event: '  ' } }, 'expiry'],
    ['the signature lines edited out of the template', { lines: { signatureLines: false, dateLines: true, authorityLines: true } }, 'signatureLine'],
  ])('HIPAA: %s counts as missing', (_name, over, id) => {
    expect(missingElements(completeDraft({ regimes: ['HIPAA'], ...over }))[0]?.missing.map((m) => m.id)).toEqual([id]);
  });

  it('"other" records with a description, and an event end, are enough', () => {
    const draft = completeDraft({ regimes: ['HIPAA'], categories: ['other'], otherDescription: 'Bus referral', expiry: { kind: 'event', event: 'When she leaves the district' } });
    expect(missingElements(draft)[0]?.missing).toEqual([]);
  });

  it('reports each chosen regime once, in a fixed order', () => {
    const gaps = missingElements(completeDraft({ regimes: ['CFR42_PART2', 'FERPA', 'FERPA'] }));
    expect(gaps.map((g) => g.regime)).toEqual(['FERPA', 'CFR42_PART2']);
  });
});

describe('regimesFor', () => {
  const regimes = (over: Partial<ReleaseDraft>) => regimesFor(completeDraft(over)).map((s) => s.regime);
  it.each<[string, Partial<ReleaseDraft>, Regime[]]>([
    ['district pupil records', { discloser: 'district', categories: ['attendance', 'iep_504'] }, ['FERPA']],
    ['county mental health records', { discloser: 'county', categories: ['mental_health_treatment'] }, ['HIPAA', 'WI_51_30']],
    ['county AODA records', { discloser: 'county', categories: ['aoda_treatment'] }, ['HIPAA', 'WI_51_30', 'CFR42_PART2']],
    ['county medical records', { discloser: 'county', categories: ['medical'] }, ['HIPAA', 'WI_51_30', 'WI_146_81']],
    ['both, mental health', { discloser: 'both', categories: ['mental_health_treatment'] }, ['FERPA', 'HIPAA', 'WI_51_30']],
    ['district holding AODA records', { discloser: 'district', categories: ['aoda_treatment'] }, ['FERPA', 'CFR42_PART2']],
    ['nobody chosen yet', { discloser: null, categories: ['attendance'] }, []],
  ])('%s', (_name, over, expected) => {
    expect(regimes(over)).toEqual(expected);
  });
});

describe('printProblems', () => {
  it('is empty for a complete draft that chose every suggested regime', () => {
    expect(printProblems(completeDraft())).toEqual([]);
  });

  it('asks for a suggested regime she left out, a regime at all, and passes signer problems on', () => {
    const draft = completeDraft({ discloser: 'county', categories: ['mental_health_treatment'], regimes: ['HIPAA'] });
    expect(printProblems(draft)).toEqual(['County human services records are treatment records under Wis. Stat. § 51.30. Add Wis. Stat. § 51.30.']);
    expect(printProblems(completeDraft({ discloser: null, categories: ['attendance'], regimes: [] }), ['No parent'])).toEqual([
      'Choose at least one law this release must satisfy.',
      'No parent',
    ]);
  });
});
