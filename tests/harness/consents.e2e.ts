/**
 * A release of information as she handles it: write it with the live
 * checklist, print it for signature, record the signature with the scanned
 * copy, see it active and allowing a disclosure, revoke it, see the gate refuse.
 */
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';

test('create, print, record the signature with the scan, revoke, and the gate refuses', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  const ok = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Arcadia School District', organizationAddress: '756 Raider Dr, Arcadia, WI 54612' }));
  const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: 'Kou', legalLast: 'Xiong', dob: '2016-04-02', grade: '4' })));
  await ok(api.call('contacts:add', { studentId: id, contact: { firstName: 'Pa', lastName: 'Xiong', phone: null, email: null, preferredLanguage: 'Hmong', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null } }));
  await page.reload();

  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await page.getByRole('button', { name: 'Kou Xiong' }).click();
  await page.getByRole('tab', { name: 'Consents' }).click();
  await expect(page.getByText('No releases yet — start one with “New release”.')).toBeVisible();
  await page.getByRole('button', { name: 'New release' }).click();

  const form = page.getByRole('form', { name: 'New release' });
  await form.getByRole('radio', { name: 'The school district', exact: true }).check();
  await form.getByRole('button', { name: 'Add a person or agency' }).click();
  await form.getByRole('textbox', { name: 'Person or agency' }).fill('Sunrise Counseling');
  await form.getByRole('textbox', { name: 'Purpose' }).fill('Coordinate counseling with school supports');
  await form.getByRole('checkbox', { name: /^Attendance records/ }).check();
  await form.getByRole('checkbox', { name: /^Behavioral records/ }).check();
  await form.getByRole('radio', { name: 'On a date' }).check();
  await form.getByLabel('Valid through').fill('2027-06-30');
  await form.getByRole('radio', { name: 'English' }).check();
  await form.getByRole('checkbox', { name: 'FERPA' }).check();
  await expect(page.getByText('Ready to print')).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Release draft saved.')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await liaison.screenshot('50-consents-draft');

  await page.getByRole('button', { name: 'Print for signature' }).click();
  await expect(page.getByText(/Saved as “Release ROI-/)).toBeVisible();
  expect(liaison.saved.at(-1)!.suggestedName).toMatch(/^Release ROI-.*\.pdf$/);

  await page.getByRole('button', { name: 'Record signature' }).first().click();
  const sign = page.getByRole('form', { name: 'Record signature' });
  await sign.getByRole('textbox', { name: /name as signed/ }).first().fill('Pa Xiong');
  await sign.locator('input[type=file]').setInputFiles({ name: 'signed-release.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% signed copy\n') });
  await sign.getByRole('button', { name: 'Record signature' }).click();
  await expect(page.getByText(/Signature recorded for ROI-/)).toBeVisible();
  await expect(page.getByText('Active').first()).toBeVisible();
  await expect(page.getByText(/signed-release\.pdf/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Open the signed copy signed-release.pdf' }).click();
  await expect(page.getByText('Saved as “signed-release.pdf” and opened.')).toBeVisible();
  expect(liaison.saved.at(-1)!.suggestedName).toBe('signed-release.pdf');
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible(page);
  await liaison.screenshot('51-consents-active');

  // The gate allows what the release covers.
  const records = await ok(api.call('releases:list', { studentId: id }));
  const gate = (onDate: string) =>
    ok(api.call('releases:gate', { studentId: id, recipient: { name: 'Sunrise Counseling', contactId: null, providerId: null, className: null }, purpose: 'Coordinate counseling with school supports', categories: ['attendance'], onDate, exception: null }));
  const today = new Date().toISOString().slice(0, 10);
  expect((await gate(today)).allowed).toBe(true);

  // Revoke it today.
  await page.getByRole('button', { name: 'Record revocation' }).first().click();
  const revoke = page.getByRole('form', { name: 'Record revocation' });
  await revoke.getByRole('radio', { name: 'In writing' }).check();
  await revoke.getByRole('button', { name: 'Record revocation' }).click();
  await page.getByRole('button', { name: 'Yes, record the revocation' }).click();
  await expect(page.getByText(/Revocation of ROI-.* recorded\./)).toBeVisible();
  await expect(page.getByText('Revoked').first()).toBeVisible();

  const refused = await gate(today);
  expect(refused.allowed).toBe(false);
  if (!refused.allowed) expect(refused.reasons.join(' ')).toMatch(/revoked/i);
  expect(records.releases).toHaveLength(1);

  // She sees the gate refuse on screen too.
  await page.getByRole('button', { name: '← Back to releases' }).click().catch(() => undefined);
  const check = page.getByRole('form', { name: 'Check before sharing' });
  await check.getByRole('combobox', { name: 'Recipient' }).fill('Sunrise Counseling');
  await check.getByRole('textbox', { name: 'Purpose' }).fill('Coordinate counseling with school supports');
  await check.getByRole('checkbox', { name: /^Attendance records/ }).check();
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByText('Refused:')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await liaison.screenshot('52-consents-gate-refused');
});
