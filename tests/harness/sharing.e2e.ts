/**
 * Sharing as she does it: check before sharing, share a student summary the
 * release covers (the file lands with its line in the record of
 * disclosures), print the record of disclosures; then the Medicaid billing
 * consent: record the annual notice, print the M-5 form, record the decision.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChannelInput } from '../../electron/shared/contract.ts';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';

test('share a covered summary, see it in the record of disclosures, print the record; the M-5 consent', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  const ok = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const today = new Date().toLocaleDateString('en-CA');
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Arcadia School District', organizationAddress: '756 Raider Dr, Arcadia, WI 54612' }));
  const { id: studentId } = await ok(api.call('students:create', blankStudent({ legalFirst: 'Kou', legalLast: 'Xiong', dob: '2016-04-02', grade: '4', iep: true })));
  await ok(api.call('contacts:add', { studentId, contact: { firstName: 'Pa', lastName: 'Xiong', phone: null, email: null, preferredLanguage: 'Hmong', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null } }));
  await ok(api.call('notes:save', { studentId, occurredOn: today, regime: 'pupil', body: 'Kou practiced asking for a break.', sign: true }));
  const draft: ChannelInput<'releases:save'>['draft'] = {
    discloser: 'district',
    recipients: [{ kind: 'party', name: 'Sunrise Counseling', contactId: null, providerId: null, address: null }],
    purpose: 'Coordinate counseling with school supports',
    categories: ['behavioral', 'iep_504'],
    otherDescription: null,
    expiry: { kind: 'date', on: '2027-06-30' },
    language: 'en',
    regimes: ['FERPA'],
  };
  const { id: releaseId } = await ok(api.call('releases:save', { studentId, draft }));
  await ok(api.call('releases:print', { id: releaseId }));
  await ok(api.call('releases:recordSignature', { id: releaseId, signedOn: today, effectiveFrom: null, copyGivenOn: today, signatures: [{ role: 'parent_or_guardian', signedName: 'Pa Xiong' }], scan: null }));
  await page.reload();

  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await page.getByRole('button', { name: 'Kou Xiong' }).click();
  await page.getByRole('tab', { name: 'Consents' }).click();
  await expect(page.getByText('Nothing has been disclosed from this record yet.')).toBeVisible();

  const check = page.getByRole('form', { name: 'Check before sharing' });
  await check.getByRole('combobox', { name: 'Recipient' }).fill('Sunrise Counseling');
  await check.getByRole('textbox', { name: 'Purpose' }).fill('Coordinate counseling with school supports');
  await check.getByRole('checkbox', { name: /^Behavioral records/ }).check();
  await check.getByRole('checkbox', { name: /^IEP or 504 plan/ }).check();
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText(/^Allowed: covered by release ROI-/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Share a student summary (PDF)' }).scrollIntoViewIfNeeded();
  await liaison.screenshot('55-sharing-allowed');

  await page.getByRole('button', { name: 'Share a student summary (PDF)' }).click();
  await expect(page.getByText(`Student summary saved as “Student summary ${today}.pdf” and added to the record of disclosures.`)).toBeVisible();
  expect(existsSync(path.join(liaison.exportDir, `Student summary ${today}.pdf`))).toBe(true);
  const record = page.getByRole('table', { name: 'Record of disclosures' });
  await expect(record.getByRole('cell', { name: 'Sunrise Counseling' })).toBeVisible();
  await expect(record.getByText(/Student summary \(1 page\)/)).toBeVisible();

  await page.getByRole('button', { name: 'Print record' }).click();
  await expect.poll(() => liaison.saved.at(-1)?.suggestedName).toBe(`Record of disclosures ${today}.pdf`);

  // Medicaid billing consent: notice first, then the form, then the decision.
  await expect(page.getByRole('button', { name: 'Print consent form' })).toBeDisabled();
  const notice = page.getByRole('form', { name: 'Record the annual notice' });
  await notice.getByRole('button', { name: 'Record notice' }).click();
  await expect(page.getByText('Annual Medicaid notice recorded.')).toBeVisible();
  await page.getByRole('button', { name: 'Print consent form' }).click();
  await expect.poll(() => liaison.saved.at(-1)?.suggestedName).toBe(`Medicaid consent M-5 ${today}.pdf`);
  const decision = page.getByRole('form', { name: 'Record the parent’s decision' });
  await decision.getByRole('radio', { name: 'Gave consent' }).check();
  await decision.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Consent to bill Medicaid recorded.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Consent given/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('heading', { name: 'Medicaid billing consent (M-5)' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await liaison.screenshot('56-medicaid-consent');
});
