/**
 * The release of information PDF, read back as text: every element each
 * regime requires is on the page, the regime-only notices appear exactly when
 * their regime is chosen, and names in any language (or that look like HTML)
 * print exactly as typed.
 */
import { describe, expect, it } from 'vitest';
import { releaseForm, releaseQrPayload, type ReleaseFormData } from '../../electron/documents/release-form.ts';
import { DEFAULT_RELEASE_TEMPLATES, RELEASE_REGIMES, type ReleaseRegime, type ReleaseTemplate } from '../../electron/documents/release-templates.ts';
import { hasImageXObject, readPdf, readPdfPages } from './pdf-text.ts';
import { XSS, englishRelease, signaturePng, spanishRelease } from './release-fixtures.ts';

const EN = DEFAULT_RELEASE_TEMPLATES.en;
const ES = DEFAULT_RELEASE_TEMPLATES.es;

/** The first words of a template sentence: enough to find it, short enough not to cross a placeholder. */
function keyPhrase(text: string, words = 6): string {
  return text.split('{')[0]!.trim().split(/\s+/).slice(0, words).join(' ');
}

const COMBINATIONS: { name: string; regimes: ReleaseRegime[] }[] = [
  { name: 'FERPA only', regimes: ['FERPA'] },
  { name: 'HIPAA + Wis. Stat. § 51.30', regimes: ['HIPAA', 'WI_51_30'] },
  { name: 'Wis. Stat. § 51.30 + 42 CFR Part 2', regimes: ['WI_51_30', 'CFR42_PART2'] },
  { name: 'all five', regimes: [...RELEASE_REGIMES] },
];

function expectCommonElements(text: string, data: ReleaseFormData, t: ReleaseTemplate): void {
  // Letterhead, title, form id and version, verification code.
  expect(text).toContain(t.title);
  expect(text).toContain(data.formId);
  expect(text).toContain(t.version);
  expect(text).toContain(data.verificationCode);
  // Student, disclosers, recipients, purpose, records, expiry.
  expect(text).toContain(data.student.name);
  for (const discloser of data.disclosers) expect(text).toContain(discloser);
  for (const recipient of data.recipients) expect(text).toContain(recipient);
  expect(text).toContain(data.purpose);
  for (const category of data.categories) {
    expect(text).toContain(category.label);
    if (category.note) expect(text).toContain(category.note);
  }
  // Statements printed whatever the regime.
  expect(text).toContain(t.statements.revocation.lead);
  expect(text).toContain(keyPhrase(t.statements.revocation.text));
  expect(text).toContain(data.revokeTo.name);
  expect(text).toContain(data.revokeTo.address);
  expect(text).toContain(t.statements.conditioning.lead);
  expect(text).toContain(keyPhrase(t.statements.conditioning.text));
  expect(text).toContain(keyPhrase(t.signature.copyGiven));
  expect(text).toContain(t.signature.printedName);
  expect(text).toContain(t.signature.date);
  for (const signer of data.signers) {
    expect(text).toContain(signer.caption);
    if (signer.name) expect(text).toContain(signer.name);
  }
  expect(text).toContain(data.preparedBy);
  // The confidentiality line and "Page x of y" on every page (checked once per page below).
  expect(text).toContain(t.confidentiality);
}

describe('release of information, English', () => {
  for (const { name, regimes } of COMBINATIONS) {
    it(`has every element ${name} requires, and only its notices`, async () => {
      const data = englishRelease({ regimes });
      const bytes = await releaseForm(data, EN);
      const { pages, text } = await readPdf(bytes);

      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      expectCommonElements(text, data, EN);
      for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
      expect(text.split(EN.confidentiality).length - 1).toBe(pages);

      // Dates as people read them.
      expect(text).toContain('04/09/2011');
      expect(text).toContain('06/30/2027');
      expect(text).toContain('11/23/2026');
      expect(text).not.toContain('2027-06-30');

      // The laws this form is written for are named.
      for (const regime of regimes) expect(text).toContain(EN.lawNames[regime]);

      const has = (r: ReleaseRegime) => regimes.includes(r);
      const hipaaRedisclosure = keyPhrase(EN.statements.redisclosureHipaa.text, 8);
      const protectedRedisclosure = keyPhrase(EN.statements.redisclosureProtected.text);
      expect(text.includes(hipaaRedisclosure)).toBe(has('HIPAA'));
      expect(text.includes(protectedRedisclosure)).toBe(regimes.some((r) => r !== 'HIPAA'));
      expect(text.includes(keyPhrase(EN.statements.ferpa.text))).toBe(has('FERPA'));

      // DHS 92.03(1) statement exactly when s. 51.30 is chosen; the Part 2 notice exactly when Part 2 is.
      expect(text.includes('This information has been disclosed to you from records protected by Wisconsin law')).toBe(has('WI_51_30'));
      expect(text.includes(EN.dhs92.heading)).toBe(has('WI_51_30'));
      expect(text.includes('protected by Federal confidentiality rules (42 CFR part 2)')).toBe(has('CFR42_PART2'));
      expect(text.includes('is NOT sufficient to meet the required elements of written consent')).toBe(has('CFR42_PART2'));
      expect(text.includes(keyPhrase(EN.statements.part2Redisclosure.text))).toBe(has('CFR42_PART2'));
      expect(text.includes(EN.headings.notices)).toBe(has('WI_51_30') || has('CFR42_PART2'));
    });
  }

  it('prints an event as the end of the effective period', async () => {
    const { text } = await readPdf(await releaseForm(englishRelease({ regimes: ['HIPAA'], expiry: { kind: 'event', event: 'the end of the 2026–27 school year' } }), EN));
    expect(text).toContain('ends when this happens: the end of the 2026–27 school year');
  });

  it('prints the authority line only for a representative', async () => {
    const withLine = await readPdf(await releaseForm(englishRelease(), EN));
    expect(withLine.text).toContain('Authority to sign for the student');
    const without = await readPdf(await releaseForm(englishRelease({ signers: [{ caption: 'Student (age 14 or older)' }] }), EN));
    expect(without.text).not.toContain('Authority to sign for the student');
  });

  it('prints Vietnamese and Hmong names, and HTML-looking text, exactly as typed', async () => {
    const data = englishRelease({
      student: { name: 'Nguyễn Thị Hằng', dob: null },
      recipients: [`${XSS} Clinic, 1 Main St.`, 'Class: </style> school nurses'],
      purpose: 'Coordinate care for {student} <b>now</b> & "later"',
      categories: [{ label: '<script>alert(1)</script>', note: '</style>' }],
      signers: [
        { caption: 'Parent or legal guardian', name: 'Txiv Yaj' },
        { caption: 'Student (age 14 or older)', name: 'Ntxhais Vaj' },
      ],
    });
    const { text } = await readPdf(await releaseForm(data, EN));
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('Txiv Yaj');
    expect(text).toContain('Ntxhais Vaj');
    expect(text).toContain(`${XSS} Clinic, 1 Main St.`);
    expect(text).toContain('Class: </style> school nurses');
    // A placeholder inside the data is data: it is not filled.
    expect(text).toContain('Coordinate care for {student} <b>now</b> & "later"');
    expect(text).toContain('<script>alert(1)</script> — </style>');
  });

  it('prints a name that looks like HTML as text, everywhere a name goes', async () => {
    const data = englishRelease({
      organization: '</style><script>alert(1)</script>',
      student: { name: XSS, dob: '2011-04-09' },
      disclosers: ['</style> District'],
      revokeTo: { name: '<b>Privacy</b>', address: '1 "Main" St. & Co.' },
      signers: [{ caption: 'Parent or legal guardian', name: '</style>' }],
      preparedBy: '<i>worker</i>',
    });
    const { text } = await readPdf(await releaseForm(data, EN));
    expect(text).toContain(`about ${XSS} that is checked`);
    expect(text).toContain('</style><script>alert(1)</script>');
    expect(text).toContain('I authorize </style> District to release');
    expect(text).toContain('writing to <b>Privacy</b>, 1 "Main" St. & Co.');
    expect(text).toContain('</style> Printed name');
    expect(text).toContain('Prepared by <i>worker</i> on 11/23/2026');
  });

  it('embeds an on-screen signature as an image, and none without one', async () => {
    const signed = await releaseForm(englishRelease({ signatureImages: [{ signerIndex: 1, png: signaturePng() }] }), EN);
    expect(hasImageXObject(signed)).toBe(true);
    const unsigned = await releaseForm(englishRelease(), EN);
    expect(hasImageXObject(unsigned)).toBe(false);
  });

  it('refuses a signature that is not a PNG, or for a signer the form does not have', async () => {
    await expect(releaseForm(englishRelease({ signatureImages: [{ signerIndex: 0, png: new TextEncoder().encode('<svg onload=alert(1)>') }] }), EN)).rejects.toThrow(/not a PNG/);
    await expect(releaseForm(englishRelease({ signatureImages: [{ signerIndex: 5, png: signaturePng() }] }), EN)).rejects.toThrow(/signer 6/);
  });

  it('the QR code holds the form id and verification code, nothing about the student', () => {
    expect(releaseQrPayload(englishRelease())).toBe('ROI-2026-0042|K7QF-2M9D');
  });

  it('takes this long to build (reported, not asserted: the bench owns the target)', async () => {
    const data = englishRelease({ signatureImages: [{ signerIndex: 0, png: signaturePng() }] });
    const start = performance.now();
    const bytes = await releaseForm(data, EN);
    const ms = performance.now() - start;
    console.log(`release form build, warm (all five regimes, two signers, one signature image): ${ms.toFixed(0)} ms, ${bytes.length} bytes`);
    expect(bytes.length).toBeGreaterThan(1000);
  });
});

describe('release of information, Spanish', () => {
  it('prints every fixed word in Spanish and accented names exactly', async () => {
    const data = spanishRelease();
    const { pages, text } = await readPdf(await releaseForm(data, ES));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expectCommonElements(text, data, ES);
    expect(text).toContain('Autorización para divulgar e intercambiar información');
    expect(text).toContain('José Ángel Peña Núñez');
    expect(text).toContain('María Peña Núñez');
    expect(text).toContain('Clínica Familiar del Río');
    expect(text).toContain('12/01/2013');
    expect(text).toContain('vence cuando ocurra lo siguiente: el final del año escolar 2026-2027');
    expect(text).toContain(ES.statements.redisclosureHipaa.lead);
    expect(text).toContain(ES.statements.ferpa.lead);
    // FERPA + HIPAA: no state or Part 2 notice, and no English fixed text.
    expect(text).not.toContain(ES.dhs92.heading);
    expect(text).not.toContain(ES.part2Notice.heading);
    for (const english of ['I authorize', 'Right to revoke', 'Signature', 'Printed name', 'Purpose of the release']) expect(text).not.toContain(english);
  });

  it('numbers its pages in Spanish, on every page', async () => {
    const { pages } = await readPdfPages(await releaseForm(spanishRelease({ regimes: [...RELEASE_REGIMES] }), ES));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`Página ${i + 1} de ${pages.length}`);
      expect(page, `page ${i + 1}`).toContain(ES.confidentiality);
      expect(page, `page ${i + 1}`).not.toMatch(/Page \d+ of \d+/);
    });
  });

  it('prints the Spanish DHS 92 and Part 2 notices when those regimes are chosen', async () => {
    const { text } = await readPdf(await releaseForm(spanishRelease({ regimes: ['WI_51_30', 'CFR42_PART2'] }), ES));
    expect(text).toContain('Esta información se le ha divulgado a partir de registros protegidos por la ley de Wisconsin');
    expect(text).toContain('Este registro que se le ha divulgado está protegido por las normas federales de confidencialidad');
  });
});

describe('release templates', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const strings = (value: unknown, path = ''): [string, string][] =>
    typeof value === 'string' ? [[path, value]] : Object.entries(value as object).flatMap(([k, v]) => strings(v, `${path}.${k}`));

  it('English and Spanish have the same parts and the same placeholders, and a versioned id', () => {
    const en = new Map(strings(EN));
    const es = new Map(strings(ES));
    expect([...es.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(text.trim(), key).not.toBe('');
      if (key === '.language' || key === '.version') continue;
      expect(placeholders(es.get(key)!).sort(), key).toEqual(placeholders(text).sort());
    }
    expect(EN.version).toMatch(/^en-\d{4}-\d{2}$/);
    expect(ES.version).toMatch(/^es-\d{4}-\d{2}$/);
  });

  it('Spanish is written with its accents', () => {
    expect(ES.title).toBe('Autorización para divulgar e intercambiar información');
    const all = strings(ES).map(([, s]) => s).join(' ');
    for (const word of ['información', 'revocación', 'educación', 'está', 'según', 'Firma', 'años']) expect(all).toContain(word);
  });
});
