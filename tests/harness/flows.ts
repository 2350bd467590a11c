/** Steps several e2e tests share, done the way a person does them. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, type Harness } from './harness.ts';

export const PASSPHRASE = 'maple river lantern 42';

export async function createVaultThroughUi(h: Harness, passphrase = PASSPHRASE): Promise<string> {
  const { page } = h;
  await h.open();
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(passphrase);
  await page.getByRole('textbox', { name: 'Type it again', exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  const key = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '-');
  expect(key).toMatch(/^([0-9A-F]{8}-){7}[0-9A-F]{8}$/);
  return key;
}

export async function continueToHome(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: /I have printed or written down/ }).check();
  await page.getByRole('button', { name: 'Continue to Liaison' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
}

export async function unlockThroughUi(page: Page, passphrase: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Unlock Liaison' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
}

export async function lockThroughUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Lock/ }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Liaison' })).toBeVisible();
}

/** WCAG 2.2 AA: no serious or critical violations on the screen as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}
