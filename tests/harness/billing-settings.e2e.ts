/**
 * Settings → Billing as she meets it: the shipped defaults, flagged until
 * county billing staff confirm them; change CLTS's rounding rule and the
 * county's export columns, save with Ctrl+S, see it kept after a reload;
 * a bad value is caught next to its field, a profile the service refuses
 * says why, and CCS shows its prerequisites read-only.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';

async function openBillingSettings(page: Page): Promise<Locator> {
  await page.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const section = page.getByRole('region', { name: 'Billing' });
  await expect(section.getByRole('tab', { name: 'CLTS' })).toBeVisible();
  return section;
}

/** Picks an option in a Mantine select that is not searchable. */
async function pick(scope: Locator, page: Page, label: string, option: RegExp | string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('edit the CLTS billing profile: rounding rule and export columns kept; bad values refused', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);

  const section = await openBillingSettings(page);
  const clts = section.getByRole('form', { name: 'CLTS billing profile' });
  await expect(clts.getByText(/These are Liaison’s shipped defaults\. Confirm each value with your county’s billing staff/)).toBeVisible();
  await expect(clts.getByRole('textbox', { name: 'Procedure code' })).toHaveValue('T1016');
  await expect(clts.getByRole('combobox', { name: 'Rounding rule', exact: true })).toHaveValue('8-minute rule, each entry');
  await expect(clts.getByRole('textbox', { name: 'Column 2 header' })).toHaveValue('DOB');
  await section.getByRole('heading', { name: 'Billing', exact: true }).evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -80);
  });
  await expectAccessible(page);
  await liaison.screenshot('80-billing-settings-defaults');

  // The rounding rules show what each one does.
  await clts.getByRole('combobox', { name: 'Rounding rule', exact: true }).click();
  await expect(page.getByRole('option', { name: /First unit from 1 minute.*the first unit from the first minute/ })).toBeVisible();
  await liaison.screenshot('81-billing-settings-rounding-rules');
  await page.getByRole('option', { name: /^First unit from 1 minute/ }).click();
  await expect(clts.getByRole('combobox', { name: 'Rounding rule', exact: true })).toHaveValue('First unit from 1 minute');

  // A column for the place of service, moved above "MCI #".
  await clts.getByRole('button', { name: 'Add a column' }).click();
  const newHeader = clts.getByRole('textbox', { name: 'Column 8 header' });
  await expect(newHeader).toBeFocused();
  await newHeader.fill('Place of Service');
  await pick(clts, page, 'Column 8 filled with', 'Place of service code');
  await clts.getByRole('button', { name: 'Move “Place of Service” up' }).click();
  await expect(clts.getByRole('textbox', { name: 'Column 7 header' })).toHaveValue('Place of Service');
  await expect(clts.getByRole('textbox', { name: 'Column 8 header' })).toHaveValue('MCI #');
  await expect(clts.getByRole('button', { name: 'Move “Place of Service” up' })).toBeFocused();
  await expect(section.getByRole('tab', { name: 'CLTS (unsaved changes)' })).toBeVisible();
  await expect(clts.getByText('Unsaved changes (Ctrl+S saves)')).toBeVisible();
  await liaison.screenshot('82-billing-settings-columns');

  // Ctrl+S inside the section saves this profile, and only it.
  await page.keyboard.press('Control+s');
  await expect(clts.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(page.getByText('Saved.', { exact: true })).toHaveCount(1);
  await expect(section.getByRole('tab', { name: 'CLTS', exact: true })).toBeVisible();

  const profiles = await api.call('billing:profiles', {});
  if (!profiles.ok) throw new Error(profiles.error.message);
  const saved = (profiles.value as { profiles: { program: string; roundingRule: string; columnTemplate: { header: string; field: string }[] }[] }).profiles.find((p) => p.program === 'CLTS')!;
  expect(saved.roundingRule).toBe('first_unit_any_minute');
  expect(saved.columnTemplate.slice(5)).toEqual([
    { header: 'Units', field: 'units' },
    { header: 'Place of Service', field: 'placeOfService' },
    { header: 'MCI #', field: 'mciId' },
  ]);

  // Kept after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  const again = await openBillingSettings(page);
  const cltsAgain = again.getByRole('form', { name: 'CLTS billing profile' });
  await expect(cltsAgain.getByRole('combobox', { name: 'Rounding rule', exact: true })).toHaveValue('First unit from 1 minute');
  await expect(cltsAgain.getByRole('textbox', { name: 'Column 7 header' })).toHaveValue('Place of Service');
  await expect(cltsAgain.getByRole('combobox', { name: 'Column 7 filled with', exact: true })).toHaveValue('Place of service code');

  // A unit of 0 minutes is caught next to the field, and nothing is saved.
  const unit = cltsAgain.getByRole('textbox', { name: 'Unit length (minutes)' });
  await unit.fill('0');
  await unit.press('Tab');
  await expect(cltsAgain.getByText('Unit length must be at least 1.')).toBeVisible();
  await cltsAgain.getByRole('button', { name: 'Save CLTS billing settings' }).click();
  await expect(unit).toBeFocused();
  await unit.scrollIntoViewIfNeeded();
  await liaison.screenshot('83-billing-settings-field-error');
  await unit.fill('15');
  await unit.press('Tab');
  await expect(cltsAgain.getByText('Unit length must be at least 1.')).toHaveCount(0);

  // A profile that bills no activity passes the form but the service refuses it, and says why.
  const activities = cltsAgain.getByRole('group', { name: 'Billable activities' });
  for (const box of await activities.getByRole('checkbox').all()) await box.uncheck();
  await cltsAgain.getByRole('button', { name: 'Save CLTS billing settings' }).click();
  const refusal = cltsAgain.getByRole('alert').filter({ hasText: 'CLTS billing settings were not saved' });
  await expect(refusal).toContainText('No activity is billable under this profile.');
  await expectAccessible(page);
  await liaison.screenshot('84-billing-settings-refused');
  await cltsAgain.getByRole('button', { name: 'Undo changes' }).click();
  await expect(refusal).toHaveCount(0);
  await expect(activities.getByRole('checkbox', { name: 'Coordination' })).toBeChecked();

  // CCS: its prerequisites are read-only and say where they come from.
  await again.getByRole('tab', { name: 'CCS' }).click();
  const ccs = again.getByRole('form', { name: 'CCS billing profile' });
  await expect(ccs.getByRole('textbox', { name: 'Procedure code' })).toHaveValue('H2017');
  await expect(ccs.getByText('Needed before any CCS time is billed')).toBeVisible();
  await expect(ccs.getByRole('listitem').filter({ hasText: 'Authorization of services signed by a mental health professional' })).toBeVisible();
  await expect(ccs.getByText(/These come from the dates on the student’s CCS enrollment/)).toBeVisible();
  await ccs.getByText('Needed before any CCS time is billed').scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await liaison.screenshot('85-billing-settings-ccs');

  // Once confirmed with county billing staff, the defaults banner goes and the date shows.
  await again.getByRole('tab', { name: 'CLTS' }).click();
  await cltsAgain.getByLabel('Confirmed with county billing staff on').fill('2026-11-20');
  await cltsAgain.getByRole('button', { name: 'Save CLTS billing settings' }).click();
  await expect(cltsAgain.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(cltsAgain.getByText('Confirmed with county billing staff on 11/20/2026.')).toBeVisible();
  await expect(cltsAgain.getByText(/These are Liaison’s shipped defaults/)).toHaveCount(0);
  const month = await api.call('billing:month', { program: 'CLTS', month: '2026-10' });
  if (!month.ok) throw new Error(month.error.message);
  expect((month.value as { profileUnreviewed: boolean }).profileUnreviewed).toBe(false);
});
