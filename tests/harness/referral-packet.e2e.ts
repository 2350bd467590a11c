/**
 * Building a referral packet as she does it: refused while no release covers
 * the recipient (with a way to start one), then, once a signed release names
 * the provider, built with a scanned attachment, saved, and counted in the
 * record of disclosures; afterwards the referral moves on to accepted.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';
import { expect, test } from './harness.ts';

type Reply<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
async function ok<T>(p: Promise<Reply<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const today = new Date();
const isoOf = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const iso = isoOf(today);
const PURPOSE = 'Referral for counseling';
const PROVIDER = 'Sunrise Counseling';
const BEHAVIORAL = /^Behavioral records/;

async function smallPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

async function openReferral(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Referrals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  await page.getByRole('table', { name: 'Referrals' }).getByRole('button', { name: 'Kou Xiong' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kou Xiong → ${PROVIDER}` })).toBeVisible();
}

test('referral packet: refused without a release, built once one covers it, and recorded', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Arcadia School District', organizationAddress: '756 Raider Dr, Arcadia, WI 54612' }));
  const { id: studentId } = await ok(api.call('students:create', blankStudent({ legalFirst: 'Kou', legalLast: 'Xiong', dob: '2014-05-06', grade: '6' })));
  await ok(api.call('contacts:add', { studentId, contact: { firstName: 'Pa', lastName: 'Xiong', phone: '608-555-0101', email: null, preferredLanguage: 'Hmong', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null } }));
  const { id: providerId } = await ok(
    api.call('providers:save', {
      fields: { kind: 'agency', name: PROVIDER, services: ['Individual therapy'], ages: { min: 5, max: 18 }, languages: ['English', 'Hmong'], payment: ['medicaid'], delivery: ['school_in_person'], location: 'Whitehall, WI', contacts: [], acceptingReferrals: true, waitlistWeeks: 2, medicaidProviderId: null, notes: '', lastVerifiedOn: iso },
    }),
  );
  await ok(api.call('referrals:save', { fields: { studentId, target: { providerId }, reason: 'Anxiety keeping him home two days a week.', urgency: 'soon', expectedOutcome: 'Weekly therapy at school.', followUpOn: null, outcomeNote: '' } }));

  // No release yet: the form says so, and building is refused with a way to start one.
  await openReferral(page);
  const form = page.getByRole('form', { name: 'Build packet' });
  await expect(form.getByText(`No active release names ${PROVIDER}.`, { exact: false })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Purpose' })).toHaveValue('');
  await form.getByRole('textbox', { name: 'Purpose' }).fill(PURPOSE);
  await form.getByRole('checkbox', { name: BEHAVIORAL }).check();
  await form.getByRole('button', { name: 'Build packet (PDF)' }).click();
  const refusal = form.getByRole('alert');
  await expect(refusal).toContainText('The packet was not built');
  await expect(refusal).toContainText('No release is on file for this student.');
  await expect(refusal.getByRole('button', { name: 'Start a release for this recipient' })).toBeVisible();
  await expectAccessible(page);
  expect(existsSync(liaison.exportDir) ? readdirSync(liaison.exportDir) : []).toEqual([]);
  await refusal.getByRole('button', { name: 'Start a release for this recipient' }).click();
  await expect(page.getByRole('tab', { name: 'Consents' })).toHaveAttribute('aria-selected', 'true');

  // The parent signs a release naming the provider.
  const { id: releaseId } = await ok(
    api.call('releases:save', {
      studentId,
      draft: {
        discloser: 'district',
        recipients: [{ kind: 'party', name: PROVIDER, contactId: null, providerId, address: null }],
        purpose: PURPOSE,
        categories: ['behavioral'],
        otherDescription: null,
        expiry: { kind: 'date', on: isoOf(new Date(today.getFullYear() + 1, today.getMonth(), 1)) },
        language: 'en',
        regimes: ['FERPA'],
      },
    }),
  );
  await ok(api.call('releases:print', { id: releaseId }));
  const scan = await smallPdf('SIGNED-CONSENT');
  await ok(
    api.call('releases:recordSignature', { id: releaseId, signedOn: iso, effectiveFrom: null, copyGivenOn: iso, signatures: [{ role: 'parent_or_guardian', signedName: 'Pa Xiong' }], scan: { fileName: 'signed.pdf', mime: 'application/pdf', base64: scan.toString('base64') } }),
  );
  await page.reload();

  // Now the release fills in the purpose and the records, and the packet is built with a scanned attachment.
  await openReferral(page);
  await expect(form.getByRole('textbox', { name: 'Purpose' })).toHaveValue(PURPOSE);
  await expect(form.getByRole('checkbox', { name: BEHAVIORAL })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Attendance records' })).not.toBeChecked();
  await form.locator('input[type=file]').setInputFiles({ name: 'behavior-screener.pdf', mimeType: 'application/pdf', buffer: await smallPdf('BEHAVIOR-SCREENER') });
  const attachment = form.getByRole('group', { name: 'Attachment 1: behavior-screener.pdf' });
  await expect(attachment.getByRole('textbox', { name: 'Title' })).toHaveValue('behavior-screener');
  await attachment.getByRole('textbox', { name: 'Title' }).fill('Behavior screener, fall');
  await expect(attachment.getByLabel('Record category')).toHaveValue(BEHAVIORAL);
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Build packet (PDF)' }).click();
  const done = form.getByRole('status');
  await expect(done).toContainText(/Packet saved as “Referral packet \d{4}-\d{2}-\d{2}\.pdf” \(\d+ pages\) and added to the record of disclosures\./);
  const fileName = /“(.+)”/.exec(await done.innerText())?.[1] ?? '';
  expect(existsSync(path.join(liaison.exportDir, fileName))).toBe(true);
  const { disclosures } = await ok(api.call('disclosures:list', { studentId }));
  expect(disclosures).toHaveLength(1);
  expect(disclosures[0]).toMatchObject({ recipient: PROVIDER, purpose: PURPOSE });
  await expectAccessible(page);
  await form.scrollIntoViewIfNeeded();
  await liaison.screenshot('99-referral-packet');

  // The referral goes on: sent, then accepted.
  await page.getByRole('button', { name: 'Mark sent' }).click();
  await page.getByRole('form', { name: 'Mark sent: date and follow-up' }).getByRole('button', { name: 'Save: Sent' }).click();
  await expect(page.getByText('Status: Sent')).toBeVisible();
  await page.getByRole('button', { name: 'Accepted', exact: true }).click();
  await page.getByRole('form', { name: 'Accepted: date and follow-up' }).getByRole('button', { name: 'Save: Accepted' }).click();
  await expect(page.getByText('Status: Accepted')).toBeVisible();
});
