/** The one-page consent to bill Medicaid for IEP services (DPI model form M-5 style), in English and Spanish. */
import { describe, expect, it } from 'vitest';
import { medicaidConsentForm, type MedicaidConsentData } from '../../electron/documents/medicaid-consent.ts';
import { readPdf } from './pdf-text.ts';

const base: MedicaidConsentData = {
  organization: 'Arcadia School District',
  formId: 'M5-2026-0007',
  studentName: 'Nguyễn Thị Hằng',
  studentDob: '2011-04-09',
  parentName: 'Txiv Yaj',
  annualNoticeDate: '2026-09-02',
  language: 'en',
};

describe('Medicaid billing consent', () => {
  it('English: one page with the one-time consent, FAPE, withdrawal and annual notice', async () => {
    const { pages, text } = await readPdf(await medicaidConsentForm(base));
    expect(pages).toBe(1);
    expect(text).toContain('Parent Consent to Bill Medicaid for IEP Services');
    expect(text).toContain('Arcadia School District');
    expect(text).toContain('M5-2026-0007');
    expect(text).toContain('Nguyễn Thị Hằng');
    expect(text).toContain('04/09/2011');
    expect(text).toContain('Txiv Yaj');
    expect(text).toContain('annual written notice about billing Medicaid for IEP services on 09/02/2026');
    expect(text).toContain('may access my child’s public benefits');
    expect(text).toContain('free appropriate public education does not change');
    expect(text).toContain('at no cost to me');
    expect(text).toContain('I may withdraw this consent at any time');
    expect(text).toContain('This consent is given once');
    expect(text).toContain('I give consent');
    expect(text).toContain('I do not give consent');
    expect(text).toContain('Signature of parent or guardian');
    expect(text).toContain('Page 1 of 1');
  });

  it('Spanish: one page, Spanish throughout, names and accents exact', async () => {
    const { pages, text } = await readPdf(await medicaidConsentForm({ ...base, language: 'es', studentName: 'José Ángel Peña Núñez', parentName: 'María Peña Núñez' }));
    expect(pages).toBe(1);
    expect(text).toContain('Consentimiento de los padres para facturar a Medicaid los servicios del IEP');
    expect(text).toContain('José Ángel Peña Núñez');
    expect(text).toContain('María Peña Núñez');
    expect(text).toContain('el 09/02/2026');
    expect(text).toContain('educación pública gratuita y apropiada');
    expect(text).toContain('Puedo retirar este consentimiento en cualquier momento');
    expect(text).toContain('Doy mi consentimiento');
    expect(text).toContain('No doy mi consentimiento');
    expect(text).not.toContain('I give consent');
  });

  it('prints a missing date of birth and parent name as blanks to fill in', async () => {
    const { pages, text } = await readPdf(await medicaidConsentForm({ ...base, studentDob: null, parentName: '' }));
    expect(pages).toBe(1);
    expect(text).toContain('Date of birth');
    expect(text).not.toContain('Txiv Yaj');
  });
});
