/**
 * Releases at a glance: the caseload list and the record header say in words
 * whether a student has a usable release, the list filters on it, and the
 * header's badge opens the Consents tab.
 */
import { addDays, format, subDays } from 'date-fns';
import type { Api } from '../../electron/services/api.ts';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A student under 12 with her mother on file, and a FERPA release taken as far as asked. */
async function studentWith(api: Api, first: string, last: string, release: { endsOn: string; upTo: 'printed' | 'signed'; signedOn?: string; revoke?: boolean } | null) {
  const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: first, legalLast: last, dob: '2016-04-02', grade: '4' })));
  await ok(api.call('contacts:add', { studentId: id, contact: { firstName: 'Pa', lastName: last, phone: null, email: null, preferredLanguage: null, relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null } }));
  if (!release) return id;
  const draft = {
    discloser: 'district' as const,
    recipients: [{ kind: 'party' as const, name: 'Sunrise Counseling', contactId: null, providerId: null, address: null }],
    purpose: 'Coordinate counseling with school supports',
    categories: ['attendance' as const],
    otherDescription: null,
    expiry: { kind: 'date' as const, on: release.endsOn },
    language: 'en' as const,
    regimes: ['FERPA' as const],
  };
  const saved = await ok(api.call('releases:save', { studentId: id, draft }));
  await ok(api.call('releases:print', { id: saved.id }));
  if (release.upTo === 'signed') {
    await ok(api.call('releases:recordSignature', { id: saved.id, signedOn: release.signedOn ?? iso(new Date()), effectiveFrom: null, copyGivenOn: null, signatures: [{ role: 'parent_or_guardian', signedName: `Pa ${last}` }], scan: null }));
  }
  if (release.revoke) await ok(api.call('releases:revoke', { id: saved.id, receivedOn: iso(new Date()), method: 'written', receivedBy: 'Dana Olson, LCSW' }));
  return id;
}

test('the caseload and the record header show each student’s release at a glance', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Arcadia School District', organizationAddress: '756 Raider Dr, Arcadia, WI 54612' }));
  const soon = addDays(new Date(), 12);
  await studentWith(api, 'Kou', 'Xiong', { endsOn: iso(addDays(new Date(), 300)), upTo: 'signed' });
  await studentWith(api, 'Mai', 'Vang', { endsOn: iso(soon), upTo: 'signed' });
  await studentWith(api, 'Pao', 'Lee', { endsOn: iso(addDays(new Date(), 300)), upTo: 'printed' });
  await studentWith(api, 'Liam', 'Smith', { endsOn: iso(addDays(new Date(), 300)), upTo: 'signed', revoke: true });
  await studentWith(api, 'Ana', 'Cruz', { endsOn: iso(subDays(new Date(), 20)), upTo: 'signed', signedOn: iso(subDays(new Date(), 300)) });
  await studentWith(api, 'Sofía', 'Núñez', null);

  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await expect(page.getByText('6 students')).toBeVisible();
  const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('button', { name, exact: true }) });
  await expect(row('Kou Xiong')).toContainText('Release active');
  await expect(row('Mai Vang')).toContainText(`Expires ${format(soon, 'MM/dd')}`);
  await expect(row('Pao Lee')).toContainText('Awaiting signature');
  await expect(row('Liam Smith')).toContainText('Revoked');
  await expect(row('Ana Cruz')).toContainText('Expired');
  await expect(row('Sofía Núñez')).toContainText('No release');
  await expectAccessible(page);
  await liaison.screenshot('60-caseload-release-column');

  // Sorted by release: what needs her first, a clean release last.
  await page.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(page.getByRole('row').nth(1)).toContainText('No release');
  await expect(page.getByRole('row').last()).toContainText('Release active');

  // The filter: what needs her attention, then back to everyone.
  await page.getByRole('combobox', { name: 'Release' }).click();
  await page.getByRole('option', { name: 'Needs attention' }).click();
  await expect(page.getByText('4 of 6 students')).toBeVisible();
  await expect(row('Kou Xiong')).toHaveCount(0);
  await expect(row('Sofía Núñez')).toHaveCount(0);
  await liaison.screenshot('61-caseload-release-filter');
  await page.getByRole('combobox', { name: 'Release' }).click();
  await page.getByRole('option', { name: 'Active' }).click();
  await expect(page.getByText('1 of 6 students')).toBeVisible();

  // The record header says the same, and its badge opens the Consents tab.
  await page.getByRole('button', { name: 'Kou Xiong', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kou Xiong' })).toBeVisible();
  const badge = page.getByRole('button', { name: 'Release active: open Consents' });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText('Release active');
  await expectAccessible(page);
  await liaison.screenshot('62-record-header-release');
  await badge.click();
  await expect(page.getByRole('tab', { name: 'Consents' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Sunrise Counseling').first()).toBeVisible();

  await page.getByRole('button', { name: '← Back to caseload' }).first().click();
  await page.getByRole('button', { name: 'Mai Vang', exact: true }).click();
  await expect(page.getByRole('button', { name: `Release expires ${format(soon, 'MM/dd/yyyy')}: open Consents` })).toBeVisible();
  await liaison.screenshot('63-record-header-expiring');
});
