/**
 * A release signed on screen, as it happens at her desk or in a family's
 * kitchen: write a complete release, choose "Sign on screen" without printing
 * it, the teen and her mother each sign in their box, record it, see it
 * active, and open the signed copy made from the drawings.
 */
import { format, subYears } from 'date-fns';
import type { Locator, Page } from '@playwright/test';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';

/** A signature-like scribble with the mouse: a few loops across the box, in small steps as a hand moves. */
async function scribble(page: Page, pad: Locator, seed: number): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('The signature box is not on screen.');
  const y = box.y + box.height * 0.55;
  await page.mouse.move(box.x + 40, y);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    const x = box.x + 40 + i * 7;
    await page.mouse.move(x, y - Math.sin(i / (2 + seed)) * 28 - (i % 9 === 0 ? 12 : 0), { steps: 2 });
  }
  await page.mouse.up();
  // A second stroke: the crossing line many signatures have.
  await page.mouse.move(box.x + 60, y + 14);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, y + 6, { steps: 8 });
  await page.mouse.up();
}

// A high-density screen, as on most laptops sold now: the signature box must size its pixels for it.
test.use({ deviceScaleFactor: 2 });

test('sign a ready release on screen without printing it, and open the signed copy', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  const ok = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Trempealeau County DHS', organizationAddress: '36245 Main St, Whitehall, WI 54773' }));
  // Fifteen: with mental health records she signs her own release, and so does her mother.
  const dob = format(subYears(new Date(), 15), 'yyyy-MM-dd');
  const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: 'Mai', legalLast: 'Vang', dob, grade: '10' })));
  await ok(api.call('contacts:add', { studentId: id, contact: { firstName: 'Pa', lastName: 'Vang', phone: null, email: null, preferredLanguage: 'Hmong', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null } }));
  await page.reload();

  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await page.getByRole('button', { name: 'Mai Vang' }).click();
  await page.getByRole('tab', { name: 'Consents' }).click();
  await page.getByRole('button', { name: 'New release' }).click();

  const form = page.getByRole('form', { name: 'New release' });
  await form.getByRole('radio', { name: 'County human services', exact: true }).check();
  await form.getByRole('button', { name: 'Add a person or agency' }).click();
  await form.getByRole('textbox', { name: 'Person or agency' }).fill('Arcadia School District');
  await form.getByRole('textbox', { name: 'Purpose' }).fill('Coordinate mental health supports at school');
  await form.getByRole('checkbox', { name: /^Mental health treatment records/ }).check();
  await form.getByRole('checkbox', { name: /^Attendance records/ }).check();
  await form.getByRole('radio', { name: 'On a date' }).check();
  await form.getByLabel('Valid through').fill(format(subYears(new Date(), -1), 'yyyy-MM-dd'));
  await form.getByRole('radio', { name: 'English' }).check();
  await form.getByRole('checkbox', { name: 'HIPAA' }).check();
  await form.getByRole('checkbox', { name: 'Wis. Stat. § 51.30' }).check();
  await expect(page.getByText('Ready to print')).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Release draft saved.')).toBeVisible();

  await form.getByRole('button', { name: 'Close' }).click();

  // Never printed: from the release itself it can still be signed on screen.
  await page.getByRole('button', { name: /^ROI-/ }).click();
  await expect(page.getByText('Draft').first()).toBeVisible();
  await page.getByRole('button', { name: 'Sign on screen' }).click();
  const sign = page.getByRole('form', { name: 'Record signature' });
  await expect(sign.getByRole('heading', { name: 'Sign on screen' })).toBeVisible();
  // Paper needs the printed form, so that choice waits for printing.
  await expect(sign.getByRole('radio', { name: 'Signed on paper' }).first()).toBeDisabled();
  const studentPad = sign.getByRole('img', { name: 'Signature of Student' });
  const parentPad = sign.getByRole('img', { name: 'Signature of Parent or guardian' });
  await expect(studentPad).toBeVisible();
  await expect(parentPad).toBeVisible();
  await expect(sign.getByText('Sign with a finger, pen or mouse').first()).toBeVisible();

  // Recording before anyone signed says where to sign.
  await sign.getByRole('button', { name: 'Record signature' }).click();
  await expect(sign.getByText('Sign in the box, or choose “Signed on paper”.')).toHaveCount(2);

  await scribble(page, studentPad, 1);
  await expect(sign.getByText('Signed. Clear it to sign again.')).toHaveCount(1);
  // Clear and sign again: the box is empty, then signed anew.
  await sign.getByRole('button', { name: 'Clear the signature of Student' }).click();
  await expect(sign.getByText('Signed. Clear it to sign again.')).toHaveCount(0);
  await scribble(page, studentPad, 1);
  await scribble(page, parentPad, 3);
  await expect(sign.getByText('Signed. Clear it to sign again.')).toHaveCount(2);
  await sign.getByRole('textbox', { name: 'Parent or guardian: name as signed' }).fill('Pa Vang');

  // On this high-density screen (two device pixels to a CSS pixel) the box has twice the pixels, so the ink is sharp.
  expect(await studentPad.evaluate((c: HTMLCanvasElement) => [window.devicePixelRatio, c.width / c.clientWidth, c.height / c.clientHeight])).toEqual([2, 2, 2]);

  await expectAccessible(page);
  // The record's header stays on top: scroll the student's line to just below it.
  await sign.getByRole('group', { name: /^Student/ }).evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 230));
  await liaison.screenshot('55-consents-sign-on-screen');

  await sign.getByRole('button', { name: 'Record signature' }).click();
  await expect(page.getByText(/ROI-.* signed on screen; the signed copy is on file\./)).toBeVisible();
  await expect(page.getByText('Active').first()).toBeVisible();

  const copy = page.getByRole('button', { name: /^Open the signed copy Release ROI-.* signed \d{4}-\d{2}-\d{2}\.pdf$/ });
  await copy.click();
  await expect(page.getByText(/Saved as “Release ROI-.* signed .*\.pdf” and opened\./)).toBeVisible();
  const saved = liaison.saved.at(-1)!;
  expect(saved.suggestedName).toMatch(/^Release ROI-.* signed \d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = Buffer.from(saved.bytes);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Each drawing is in the copy as a picture (with its transparency as a second, mask picture).
  expect(pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(2);

  const stored = await ok(api.call('releases:list', { studentId: id }));
  const detail = await ok(api.call('releases:get', { id: stored.releases[0]!.id }));
  expect(detail.printedOn).toBeNull();
  expect(detail.signatures.map((s) => s.onScreen)).toEqual([true, true]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible(page);
  await liaison.screenshot('56-consents-signed-on-screen');
});
