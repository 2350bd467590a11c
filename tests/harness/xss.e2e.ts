/**
 * Stored text never runs as code: script-like payloads in every text field
 * render as literal text on every screen, nothing executes, nothing navigates.
 */
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi } from './flows.ts';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=2">',
  'javascript:window.__xss=3',
  '</style><script>window.__xss=4</script>',
  '"><iframe src="javascript:window.__xss=5">',
];

test('script payloads in stored text stay text on every screen', async ({ liaison }) => {
  const { page, api } = liaison;
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  const ok = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await ok(api.call('settings:set', { workerName: PAYLOADS[1]!, organizationName: PAYLOADS[3]! }));
  const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: PAYLOADS[0]!, legalLast: 'Vang', preferredName: PAYLOADS[4]!.slice(0, 100), dob: '2013-01-02', grade: '<b>7</b>' })));
  await ok(api.call('contacts:add', { studentId: id, contact: { firstName: PAYLOADS[1]!, lastName: 'Xiong', phone: PAYLOADS[2]!.slice(0, 40), email: null, preferredLanguage: PAYLOADS[3]!, relationship: PAYLOADS[4]!, legalAuthority: 'parent', courtOrderOnFile: false, noContact: true, noAccess: false, note: PAYLOADS[0]! } }));
  await ok(api.call('team:add', { studentId: id, member: { name: PAYLOADS[3]!, role: PAYLOADS[0]!, organization: PAYLOADS[2]!, phone: null, email: null } }));
  await ok(api.call('goals:add', { studentId: id, goal: PAYLOADS.join(' '), owner: PAYLOADS[1]!, dueOn: null }));
  await ok(api.call('notes:save', { studentId: id, occurredOn: '2026-11-02', regime: 'county', body: `payload ${PAYLOADS.join(' ')}`, sign: true }));

  // Start the window afresh so every screen reads what was stored.
  await page.reload();
  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await expect(page.getByText(PAYLOADS[0]!, { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: /Vang/ }).first().click();
  for (const tab of [/^Overview/, /^Notes/, 'Timeline', 'Programs', 'Household']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(150);
  }
  await liaison.screenshot('40-xss-household');
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Students, guardians and notes' }).fill('payload');
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue(PAYLOADS[1]!);

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(new URL(page.url()).pathname).toBe('/index.html');
  expect(await page.locator('iframe, script:not([type="module"])').count()).toBe(0);
});
