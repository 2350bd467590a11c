/**
 * Month close as she does it: open Billing on last month, find the entry
 * blocked by its place of service and correct it, choose the billing exception
 * with a reason, export (three files on disk), then correct an exported entry,
 * void the batch and export a corrected one that lists what changed. A second
 * test signs a draft and adds a missing Medicaid ID from the same table.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { EntryFields } from '../../electron/shared/schemas/services.ts';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';
import { expect, test, type Harness } from './harness.ts';

const MONTH = '2026-10';

type Reply<T> = { ok: true; value: T } | { ok: false; error: { message: string } };
async function ok<T>(p: Promise<Reply<T>>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const entry = (studentId: string, date: string, start: string, end: string, over: Partial<EntryFields> = {}): EntryFields => ({
  studentId,
  date,
  time: { kind: 'clock', startTime: start, endTime: end, endsNextDay: false },
  travelMinutes: 10,
  documentationMinutes: 5,
  activity: 'coordination',
  contactMode: 'in_person',
  contactType: 'parent',
  placeOfService: '12',
  personsPresent: null,
  program: 'CLTS',
  fundingStream: 'clts',
  goalId: null,
  authorizationId: null,
  narrative: `Coordinated respite and school supports (${date} ${start}).`,
  followUp: null,
  ...over,
});

/** A vault with her name and letterhead, and CLTS students enrolled with a prior authorization each. */
async function setUp(liaison: Harness, people: readonly { first: string; last: string; medicaidId: string | null }[]): Promise<string[]> {
  const { api, page } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  await ok(api.call('settings:set', { workerName: 'Dana Olson', organizationName: 'Trempealeau County DHS', organizationAddress: 'Whitehall WI', countyName: 'Trempealeau County DHS' }));
  const ids: string[] = [];
  for (const [i, p] of people.entries()) {
    const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: p.first, legalLast: p.last, dob: '2014-05-06', medicaidId: p.medicaidId })));
    await ok(api.call('enrollments:create', { studentId: id, program: 'CLTS', status: 'active', statusDate: '2026-09-01', dates: {} }));
    await ok(api.call('authorizations:save', { fields: { studentId: id, program: 'CLTS', number: `PA-${i + 1}`, procedureCode: 'T1016', modifiers: [], unitsAuthorized: 100, startOn: '2026-09-01', endOn: '2027-08-31', diagnosisCode: 'F90.2', providerId: '7654321' } }));
    ids.push(id);
  }
  return ids;
}

async function openBilling(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Billing', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Month', exact: true }).click();
  await page.getByRole('option', { name: 'October 2026' }).click();
}

const summary = (page: Page) => page.getByTestId('month-summary');

test('month close: correct a blocked entry, export with the billing exception, void and export a corrected batch', async ({ liaison }) => {
  const { page, api } = liaison;
  const [anh, kou] = await setUp(liaison, [
    { first: 'Ánh', last: 'Nguyễn', medicaidId: '1111111111' },
    { first: 'Kou', last: 'Vang', medicaidId: '3333333333' },
  ]);
  const sign = (f: EntryFields) => ok(api.call('services:save', { fields: f, sign: true }));
  await sign(entry(anh!, '2026-10-05', '09:00', '09:40'));
  await sign(entry(kou!, '2026-10-07', '10:00', '10:08'));
  await sign(entry(kou!, '2026-10-08', '10:00', '10:30', { placeOfService: '21' }));
  // School social work time: on the time picture as non-billable, never on the CLTS month.
  await sign(entry(anh!, '2026-10-20', '14:00', '14:50', { program: 'School-only', fundingStream: 'none', activity: 'team_meeting', contactType: 'collateral', placeOfService: '03' }));

  await openBilling(page);
  await expect(page.getByText('Billing settings are the shipped defaults; ask county billing staff to confirm them in Settings → Billing.')).toBeVisible();
  await expect(summary(page)).toContainText('3 entries: 2 ready · 1 blocked · 0 drafts · 0 exported');
  await expect(summary(page)).toContainText('ready to export: 4 units, 48 min');

  // "Needs attention" shows only the blocked entry, with its place-of-service reason.
  const table = page.getByRole('table').filter({ hasText: /needs? attention/ });
  await expect(table.getByRole('row')).toHaveCount(2);
  const blockedRow = table.getByRole('row').filter({ hasText: '10/08/2026' });
  await expect(blockedRow).toContainText('Blocked');
  await expect(blockedRow).toContainText('Place of service 21 (inpatient hospital) is not allowed for T1016.');
  await expectAccessible(page);
  await liaison.screenshot('70-billing-needs-attention');

  await blockedRow.getByRole('button', { name: /Show reasons and fixes: Kou Vang, 10\/08\/2026/ }).click();
  const fixes = page.getByRole('region', { name: 'Reasons and fixes: Kou Vang, 10/08/2026' });
  await expect(fixes.getByRole('list', { name: 'Reasons' })).toContainText('Blocks billing: Place of service 21');
  await fixes.getByRole('button', { name: 'Correct…' }).click();
  const correct = page.getByRole('form', { name: 'Correct the entry' });
  // The form opens on the field the reason points at; the new value is hers to choose.
  await expect(correct.getByRole('combobox', { name: 'What to change' })).toHaveValue('Place of service');
  await expect(correct.getByText('Now: 21 · Inpatient hospital')).toBeVisible();
  await correct.getByRole('button', { name: 'Sign correction' }).click();
  await expect(correct.getByText('Choose the new value.')).toBeVisible();
  await expect(correct.getByText('Reason is required.')).toBeVisible();
  await correct.getByRole('combobox', { name: 'New place of service' }).fill('Home');
  await page.getByRole('option', { name: '12 · Home' }).click();
  await correct.getByRole('textbox', { name: 'Reason for the correction' }).fill('The visit was at the family’s home; 21 was a typing slip.');
  await expectAccessible(page);
  await liaison.screenshot('71-billing-correct');
  await correct.getByRole('button', { name: 'Sign correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Correction signed: Kou Vang, 10/08/2026.' })).toBeVisible();
  await expect(summary(page)).toContainText('3 entries: 3 ready · 0 blocked');
  await expect(page.getByText('Nothing needs your attention: 3 entries are ready or exported.')).toBeVisible();

  // Export: no release covers these students, so the billing exception and a reason are required.
  await page.getByRole('tab', { name: 'Export' }).click();
  const exportForm = page.getByRole('form', { name: 'Export the month' });
  await expect(exportForm.getByRole('group', { name: 'Legal basis for sharing with the county' })).toContainText('No release covers the billing file');
  await exportForm.getByRole('button', { name: 'Export 3 entries' }).click();
  await expect(exportForm.getByText('Choose the billing exception for the students no release covers, or record a release for them first.')).toBeVisible();
  await exportForm.getByRole('checkbox', { name: /Share under the legal exception: Billing and payment/ }).check();
  const reason = exportForm.getByRole('textbox', { name: 'Reason for using the exception' });
  await expect(reason).toHaveValue('');
  await reason.fill('Short');
  await exportForm.getByRole('button', { name: 'Export 3 entries' }).click();
  await expect(exportForm.getByText('Write the reason in at least 10 characters.')).toBeVisible();
  await reason.fill('The county bills Medicaid for CLTS support and service coordination.');
  await exportForm.getByRole('checkbox', { name: 'Include narratives in the service log' }).check();
  await expectAccessible(page);
  await liaison.screenshot('72-billing-export-form');
  await exportForm.getByRole('button', { name: 'Export 3 entries' }).click();
  // Writing the PDF takes long enough to see the progress line; the button stays disabled meanwhile.
  await expect(exportForm.getByRole('progressbar', { name: 'Exporting 3 entries' })).toBeVisible();
  await expect(exportForm.getByRole('button', { name: 'Export 3 entries' })).toBeDisabled();
  await liaison.screenshot('73-billing-exporting');
  const written = exportForm.getByRole('list', { name: 'Files written' });
  const files = [`CLTS billing ${MONTH}.csv`, `CLTS billing ${MONTH}.xlsx`, `CLTS service log ${MONTH}.pdf`];
  for (const f of files) await expect(written).toContainText(f);
  await expect(exportForm.getByText(`3 lines, 6 units, saved in ${liaison.exportDir}`)).toBeVisible();
  for (const f of files) expect(existsSync(path.join(liaison.exportDir, f))).toBe(true);
  await expect(summary(page)).toContainText('3 entries: 0 ready · 0 blocked · 0 drafts · 3 exported');
  await liaison.screenshot('73-billing-exported-files');

  // She finds the 10/07 meeting ran 30 minutes: correct the exported entry.
  await page.getByRole('tab', { name: /^Entries/ }).click();
  await page.getByRole('button', { name: 'Show all' }).click();
  const all = page.getByRole('table').filter({ hasText: 'All 3 entries' });
  await all.getByRole('button', { name: /Show reasons and fixes: Kou Vang, 10\/07\/2026/ }).click();
  await page.getByRole('region', { name: 'Reasons and fixes: Kou Vang, 10/07/2026' }).getByRole('button', { name: 'Correct…' }).click();
  const again = page.getByRole('form', { name: 'Correct the entry' });
  await again.getByRole('combobox', { name: 'What to change' }).click();
  await page.getByRole('option', { name: 'Start and end time' }).click();
  await again.getByLabel('New start time').fill('10:00');
  await again.getByLabel('New end time').fill('10:30');
  await again.getByRole('textbox', { name: 'Reason for the correction' }).fill('The meeting ran 30 minutes.');
  await again.getByRole('button', { name: 'Sign correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Correction signed: Kou Vang, 10/07/2026.' })).toBeVisible();
  const changedRow = all.getByRole('row').filter({ hasText: '10/07/2026' });
  await expect(changedRow).toContainText('Changed since export');
  await expect(changedRow).toContainText('Corrected after it was exported: void that batch and export a corrected one.');
  await liaison.screenshot('74-billing-changed-since-export');

  // Void the batch from the entry's fixes.
  await changedRow.getByRole('button', { name: /Show reasons and fixes/ }).click();
  await page.getByRole('button', { name: /^Go to batches to void batch/ }).click();
  const [first] = (await ok(api.call('billing:batches', { program: 'CLTS', month: MONTH }))).batches;
  const label = first!.id.slice(0, 8).toUpperCase();
  const card = page.getByRole('region', { name: `Batch ${label}` });
  await expect(card).toContainText('Live');
  await expect(card).toContainText('3 lines · 6 units');
  await card.getByRole('button', { name: 'Void…' }).click();
  await card.getByRole('button', { name: `Void batch ${label}` }).click();
  await expect(card.getByText('Reason is required.')).toBeVisible();
  await card.getByRole('textbox', { name: 'Reason for voiding' }).fill('Corrected time on one visit.');
  await card.getByRole('button', { name: `Void batch ${label}` }).click();
  await expect(card.getByRole('alertdialog', { name: `Confirm voiding batch ${label}` })).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('75-billing-void-confirm');
  await card.getByRole('button', { name: 'Yes, void the batch' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Batch ${label} voided.` })).toBeVisible();
  await expect(card).toContainText('Voided');
  await expect(card).toContainText('Corrected time on one visit.');

  // Export again: a corrected batch that says what changed.
  await page.getByRole('tab', { name: 'Export' }).click();
  await exportForm.getByRole('checkbox', { name: /Share under the legal exception/ }).check();
  await exportForm.getByRole('textbox', { name: 'Reason for using the exception' }).fill('The county bills Medicaid for CLTS support and service coordination.');
  await exportForm.getByRole('button', { name: 'Export 3 entries' }).click();
  await expect(written).toContainText(`CLTS billing ${MONTH} (2).csv`);
  await page.getByRole('tab', { name: /^Batches/ }).click();
  const [corrected] = (await ok(api.call('billing:batches', { program: 'CLTS', month: MONTH }))).batches;
  const newCard = page.getByRole('region', { name: `Batch ${corrected!.id.slice(0, 8).toUpperCase()}` });
  await expect(newCard).toContainText(`Corrects batch ${label}`);
  await expect(newCard.getByRole('list', { name: `Changes from batch ${label}` })).toContainText(/Changed: Kou Vang 10\/07\/2026 — .*units.*minutes|Changed: Kou Vang 10\/07\/2026 — .*minutes.*units/);
  await expectAccessible(page);
  await liaison.screenshot('76-billing-batches');

  // The time picture: charts with names, and the same numbers as tables.
  await page.getByRole('tab', { name: 'Time picture' }).click();
  await expect(page.getByRole('img', { name: 'Service minutes by week, October 2026' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Service minutes by activity, October 2026' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Minutes by activity, October 2026' })).toContainText('Coordination');
  await expect(page.getByRole('table', { name: 'Minutes by week, October 2026' })).toContainText('Week of 10/19');
  await expect(page.getByRole('table', { name: 'Minutes by program, October 2026' })).toContainText('School-only');
  await expect(page.getByText('Travel:')).toBeVisible();
  await page.getByRole('heading', { name: 'By week' }).evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70));
  await expectAccessible(page);
  await liaison.screenshot('77-billing-time-picture');
});

test('month close: sign a draft and add a missing Medicaid ID from the table', async ({ liaison }) => {
  const { page, api } = liaison;
  const [mai] = await setUp(liaison, [{ first: 'Mai', last: 'Lee', medicaidId: null }]);
  await ok(api.call('services:save', { fields: entry(mai!, '2026-10-14', '13:00', '13:45'), sign: false }));

  await openBilling(page);
  await expect(summary(page)).toContainText('1 entry: 0 ready · 0 blocked · 1 draft');
  const row = page.getByRole('row').filter({ hasText: '10/14/2026' });
  await expect(row).toContainText('Draft');
  await row.getByRole('button', { name: /Show reasons and fixes/ }).click();
  const fixes = page.getByRole('region', { name: 'Reasons and fixes: Mai Lee, 10/14/2026' });
  await expect(fixes).toContainText('Still a draft: sign it before it can be billed.');
  await fixes.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Signed: Mai Lee, 10/14/2026.' })).toBeVisible();

  // Signed, it is blocked only by the missing Medicaid ID.
  await expect(row).toContainText('Blocked');
  await expect(row).toContainText('The student’s Medicaid ID is missing.');
  await row.getByRole('button', { name: /Show reasons and fixes/ }).click();
  await fixes.getByRole('button', { name: 'Add Medicaid ID' }).click();
  const form = page.getByRole('form', { name: 'Add Medicaid ID' });
  await form.getByRole('textbox', { name: 'Medicaid ID' }).fill('4444444444');
  await expectAccessible(page);
  await liaison.screenshot('78-billing-medicaid-id');
  await form.getByRole('button', { name: 'Save Medicaid ID' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Medicaid ID added for Mai Lee.' })).toBeVisible();
  await expect(summary(page)).toContainText('1 entry: 1 ready · 0 blocked · 0 drafts');
  const student = await ok(api.call('students:get', { id: mai! }));
  expect(JSON.stringify(student)).toContain('4444444444');

  // A refusal from the service is shown in its own words, with the way to the fix.
  await ok(api.call('settings:set', { workerName: '' }));
  await page.getByRole('tab', { name: 'Export' }).click();
  const exportForm = page.getByRole('form', { name: 'Export the month' });
  await exportForm.getByRole('checkbox', { name: /Share under the legal exception/ }).check();
  await exportForm.getByRole('textbox', { name: 'Reason for using the exception' }).fill('The county bills Medicaid for CLTS support and service coordination.');
  await exportForm.getByRole('button', { name: 'Export 1 entry' }).click();
  const refusal = exportForm.getByRole('alert').filter({ hasText: 'Not exported' });
  await expect(refusal).toContainText('Add your name and the letterhead name in Settings first');
  await expect(refusal.getByRole('button', { name: 'Open Settings' })).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('79-billing-export-refused');

  // The other program's month is empty, and says where its entries come from.
  await page.getByText('CCS', { exact: true }).click();
  await expect(exportForm).toContainText('Nothing is ready to export for CCS October 2026.');
  await page.getByRole('tab', { name: 'Entries' }).click();
  await expect(page.getByText('No CCS entries for this month.', { exact: false })).toBeVisible();
  await page.getByRole('tab', { name: 'Batches' }).click();
  await expect(page.getByText('No CCS batches for October 2026 yet.', { exact: false })).toBeVisible();
});
