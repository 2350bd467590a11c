/**
 * The vault as she meets it: create, recovery key and sheet, lock, wrong
 * passphrase, unlock, recover with the key, change passphrase, auto-lock.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, test } from './harness.ts';
import { PASSPHRASE, continueToHome, createVaultThroughUi, expectAccessible, lockThroughUi, unlockThroughUi } from './flows.ts';

test('create a vault, see the recovery key once, print the recovery sheet', async ({ liaison }) => {
  const { page } = liaison;
  await liaison.open();
  await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('01-create-vault');

  // A guessable passphrase is refused with advice, next to the field.
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('password1');
  await page.getByRole('textbox', { name: 'Type it again', exact: true }).fill('password1');
  await expect(page.getByText(/Strength: (Very weak|Weak)/)).toBeVisible();
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText(/too easy to guess/)).toBeVisible();
  await liaison.screenshot('02-create-vault-weak');
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByRole('textbox', { name: 'Type it again', exact: true }).fill(PASSPHRASE + 'x');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByText('The two passphrases do not match.')).toBeVisible();
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).clear();

  const key = await createVaultThroughUi(liaison);
  await expectAccessible(page);
  await expect(page.getByRole('button', { name: 'Continue to Liaison' })).toBeDisabled();
  await page.getByRole('button', { name: 'Print recovery sheet' }).click();
  await expect(page.getByText(/Saved as “Liaison recovery sheet \d{4}-\d{2}-\d{2}\.pdf”/)).toBeVisible();
  await liaison.screenshot('03-recovery-key');

  expect(liaison.saved).toHaveLength(1);
  const file = path.join(liaison.exportDir, liaison.saved[0]!.suggestedName);
  const bytes = new Uint8Array(await fs.readFile(file));
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  const pdf = await getDocumentProxy(bytes);
  expect(pdf.numPages).toBe(1);
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain('Recovery key for your Liaison vault');
  for (const group of key.split('-')) expect(text).toContain(group);
  expect(text).toMatch(/Created \d{2}\/\d{2}\/\d{4}/);
  expect(text).toContain('Where to keep it');
  expect(text).toContain(liaison.vaultDir);

  await continueToHome(page);
  for (const area of ['Home', 'Caseload', 'Service log', 'Billing', 'Consents', 'Providers', 'Referrals', 'Settings']) {
    await expect(page.getByRole('navigation').getByRole('button', { name: area, exact: true })).toBeVisible();
  }
  await expect(page.getByText('No students yet')).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('04-home-empty');
  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  await liaison.screenshot('05-area-not-yet');
});

test('lock, refuse a wrong passphrase without touching the vault, unlock', async ({ liaison }) => {
  const { page } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  await lockThroughUi(page);
  await expectAccessible(page);
  await liaison.screenshot('06-unlock');

  const before = await snapshot(liaison.vaultDir);
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('maple river lantern 43');
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByText('That passphrase does not open this vault. Check Caps Lock and try again.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Passphrase', exact: true })).toHaveValue('');
  await liaison.screenshot('07-unlock-wrong');
  expect(await snapshot(liaison.vaultDir)).toEqual(before);

  await unlockThroughUi(page, PASSPHRASE);
  // Ctrl+L locks from anywhere.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Unlock Liaison' })).toBeVisible();
  expect(liaison.locks).toEqual(['user', 'user']);
});

test('forgot passphrase: the recovery key opens the vault and sets a new passphrase', async ({ liaison }) => {
  const { page } = liaison;
  const key = await createVaultThroughUi(liaison);
  await continueToHome(page);
  await lockThroughUi(page);
  await page.getByRole('button', { name: 'Forgot passphrase?' }).click();
  await expect(page.getByRole('heading', { name: 'Open with your recovery key' })).toBeVisible();
  await expectAccessible(page);

  const wrongKey = (key[0] === '0' ? '1' : '0') + key.slice(1);
  await page.getByLabel('Recovery key').fill(wrongKey);
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('copper meadow violin 7');
  await page.getByRole('textbox', { name: 'Type it again', exact: true }).fill('copper meadow violin 7');
  await page.getByRole('button', { name: 'Open and set new passphrase' }).click();
  await expect(page.getByText('That recovery key does not open this vault. Check it against your recovery sheet.')).toBeVisible();
  await liaison.screenshot('08-recover-wrong-key');

  // Typed as a person might: small letters, spaces instead of dashes.
  await page.getByLabel('Recovery key').fill(key.toLowerCase().replaceAll('-', ' '));
  await page.getByRole('button', { name: 'Open and set new passphrase' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  await lockThroughUi(page);
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByText(/does not open this vault/)).toBeVisible();
  await unlockThroughUi(page, 'copper meadow violin 7');
});

test('change passphrase in Settings', async ({ liaison }) => {
  const { page } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Change passphrase' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill('not it at all');
  await page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('harbor thistle quartz 9');
  await page.getByRole('textbox', { name: 'Type it again', exact: true }).fill('harbor thistle quartz 9');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('The current passphrase is not right, so nothing was changed.')).toBeVisible();
  await liaison.screenshot('09-settings-wrong-current');

  await page.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed. Use the new one next time you unlock.')).toBeVisible();
  await liaison.screenshot('10-settings');

  await lockThroughUi(page);
  await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByText(/does not open this vault/)).toBeVisible();
  await unlockThroughUi(page, 'harbor thistle quartz 9');
});

test.describe('auto-lock', () => {
  // One "minute" of the setting lasts one second here, checked every 100 ms.
  test.use({ autoLock: { minuteMs: 1_000, checkEveryMs: 100 } });

  test('locks itself after the idle time set in Settings', async ({ liaison }) => {
    const { page } = liaison;
    await createVaultThroughUi(liaison);
    await continueToHome(page);
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const minutes = page.getByRole('textbox', { name: 'Lock after (minutes)' });
    await minutes.fill('3');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('Saved.')).toBeVisible();
    await expect(page.getByText('Locks after 3 min idle')).toBeVisible();
    // Keeps the vault open while she is active.
    for (let i = 0; i < 5; i++) {
      await page.mouse.move(100 + i * 10, 200);
      await page.waitForTimeout(400);
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    // Then, idle for longer than the setting: locked, and the window starts over.
    await expect(page.getByRole('heading', { name: 'Unlock Liaison' })).toBeVisible({ timeout: 8_000 });
    expect(liaison.locks).toEqual(['idle']);
    const settings = await liaison.api.call('settings:get', {});
    expect(settings.ok ? 'open' : settings.error.code).toBe('LOCKED');
  });
});

async function snapshot(dir: string): Promise<Record<string, { size: number; mtimeMs: number; sha: string }>> {
  const { createHash } = await import('node:crypto');
  const out: Record<string, { size: number; mtimeMs: number; sha: string }> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file);
    out[name] = { size: stat.size, mtimeMs: stat.mtimeMs, sha: createHash('sha256').update(await fs.readFile(file)).digest('hex') };
  }
  return out;
}
