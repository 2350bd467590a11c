/**
 * The service log as she uses it: Ctrl+N from anywhere, log a visit and watch
 * the units and "Billable" appear, sign it, find it in the month's list; see
 * why a hospital visit is not allowed; log a crisis call past midnight and get
 * two entries; add a signed correction; see the authorization's units used.
 */
import { addDays, format } from 'date-fns';
import type { Page } from '@playwright/test';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const shown = (isoDay: string) => `${isoDay.slice(5, 7)}/${isoDay.slice(8, 10)}/${isoDay.slice(0, 4)}`;

/** Picks an option in a Mantine select by typing part of it. */
async function choose(scope: ReturnType<Page['getByRole']>, page: Page, label: string, typed: string, option: RegExp | string) {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

/** Picks an option in a Mantine select that is not searchable. */
async function pick(scope: ReturnType<Page['getByRole']>, page: Page, label: string, option: RegExp | string) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('log with Ctrl+N, see the live units, sign, list, a refused place, past midnight, a correction', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  const ok = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const today = new Date();
  const todayIso = iso(today);
  const month = todayIso.slice(0, 7);
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Trempealeau County DHS', organizationAddress: '36245 Main St, Whitehall WI' }));
  const student = async (first: string, medicaidId: string) => {
    const { id } = await ok(api.call('students:create', blankStudent({ legalFirst: first, legalLast: 'Vang', dob: '2014-03-03', grade: '6', medicaidId })));
    await ok(api.call('enrollments:create', { studentId: id, program: 'CLTS', status: 'active', statusDate: iso(addDays(today, -60)), dates: { eligibilityDate: iso(addDays(today, -70)) } }));
    await ok(api.call('authorizations:save', { fields: { studentId: id, program: 'CLTS', number: `PA-${first}`, procedureCode: 'T1016', modifiers: [], unitsAuthorized: 40, startOn: iso(addDays(today, -60)), endOn: iso(addDays(today, 300)), diagnosisCode: 'F84.0', providerId: '123456' } }));
    return id;
  };
  const mai = await student('Mai', '1234567890');
  await student('Tou', '2234567890');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();

  // Ctrl+N from Home opens the entry form over the page.
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'Log a service' });
  await expect(dialog).toBeVisible();
  const panel = dialog.getByRole('region', { name: 'Units and billing' });
  await expect(panel.getByText(/fill in the student/)).toBeVisible();
  await choose(dialog, page, 'Student', 'Mai', /^Mai Vang/);
  await dialog.getByRole('textbox', { name: 'Start time', exact: true }).fill('09:00');
  await dialog.getByRole('textbox', { name: 'End time', exact: true }).fill('09:30');
  await pick(dialog, page, 'Activity', 'Home visit');
  await pick(dialog, page, 'Place of service', /^12 · Home/);
  await dialog.getByRole('textbox', { name: 'Persons present' }).fill('Mai, mother');
  await dialog.getByRole('textbox', { name: 'Narrative' }).fill('Home visit: reviewed the respite schedule with Mai and her mother.');
  await expect(panel.getByText('Billable', { exact: true })).toBeVisible();
  await expect(panel.getByText(/2 units · T1016/)).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Program', exact: true })).toHaveValue(/CLTS/);
  await expectAccessible(page);
  await liaison.screenshot('60-service-entry-billable');

  await dialog.getByRole('textbox', { name: 'Narrative' }).press('Control+Enter');
  await expect(dialog.getByText('Signed. 2 units, billable.')).toBeVisible();
  // Ready for the next entry with the same student.
  await expect(dialog.getByRole('combobox', { name: 'Student', exact: true })).toHaveValue(/^Mai Vang/);
  await expect(dialog.getByRole('textbox', { name: 'Narrative' })).toHaveValue('');
  await liaison.screenshot('61-service-entry-signed');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The month's list shows it.
  await page.getByRole('button', { name: 'Service log', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service log' })).toBeVisible();
  const row = page.getByRole('row', { name: /Mai Vang/ });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Signed', { exact: true })).toBeVisible();
  await expect(row.getByText('Billable')).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('62-service-log-list');
  await page.getByRole('button', { name: 'Previous month' }).click();
  await expect(page.getByText(/^No services logged in /)).toBeVisible();
  await liaison.screenshot('62b-service-log-empty-month');
  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(row).toHaveCount(1);

  // A hospital visit: the panel says why it cannot bill; kept as a draft.
  await page.getByRole('button', { name: 'Log a service' }).click();
  const form = page.getByRole('form', { name: 'Log a service' });
  await choose(form, page, 'Student', 'Tou', /^Tou Vang/);
  await form.getByRole('textbox', { name: 'Start time', exact: true }).fill('10:00');
  await form.getByRole('textbox', { name: 'End time', exact: true }).fill('10:45');
  await pick(form, page, 'Activity', 'Coordination');
  await choose(form, page, 'Place of service', '21', /^21 · Inpatient hospital/);
  const livePanel = page.getByRole('region', { name: 'Units and billing' });
  await expect(livePanel.getByText('Not billable', { exact: true })).toBeVisible();
  await expect(livePanel.getByText(/Place of service 21 \(inpatient hospital\) is not allowed for T1016/)).toBeVisible();
  await expect(livePanel.getByText('Stops billing:').first()).toBeVisible();
  await liaison.screenshot('63-service-entry-not-allowed');
  await form.getByRole('textbox', { name: 'Persons present' }).press('Control+s');
  await expect(page.getByText('Draft saved. Sign it when it is ready.')).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  const draftRow = page.getByRole('row', { name: /Tou Vang/ });
  await expect(draftRow.getByText('Draft', { exact: true })).toBeVisible();
  await expect(draftRow.getByText(/Not billable:/)).toBeVisible();

  // A draft opens in the form, and can be discarded (after a question).
  await page.getByRole('button', { name: `Open the draft of ${shown(todayIso)} for Tou Vang` }).click();
  const draftForm = page.getByRole('form', { name: `Draft of ${shown(todayIso)}` });
  await expect(draftForm.getByRole('combobox', { name: 'Place of service', exact: true })).toHaveValue(/^21 · /);
  page.once('dialog', (question) => void question.accept());
  await draftForm.getByRole('button', { name: 'Discard draft' }).click();
  await expect(page.getByText('Draft discarded.')).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByRole('row', { name: /Tou Vang/ })).toHaveCount(0);

  // A crisis call that ran past midnight becomes one entry per day.
  const first = `${month}-01`;
  await page.getByRole('button', { name: 'Log a service' }).click();
  await choose(form, page, 'Student', 'Mai', /^Mai Vang/);
  await form.getByRole('textbox', { name: 'Date of service', exact: true }).fill(first);
  await form.getByRole('textbox', { name: 'Start time', exact: true }).fill('23:30');
  await form.getByRole('textbox', { name: 'End time', exact: true }).fill('00:45');
  await expect(livePanel.getByText(/The end time 12:45 AM is before the start time 11:30 PM/)).toBeVisible();
  await form.getByRole('checkbox', { name: /Ended after midnight/ }).check();
  await pick(form, page, 'Activity', 'Crisis intervention');
  await pick(form, page, 'Contact mode', 'Phone');
  await pick(form, page, 'Place of service', /^12 · Home/);
  await form.getByRole('textbox', { name: 'Narrative' }).fill('Crisis call with mother after Mai left the house; safety plan reviewed.');
  await expect(livePanel.getByText(/saved as 2 entries, one for each day/)).toBeVisible();
  await liaison.screenshot('64-service-entry-past-midnight');
  await form.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(page.getByText(/^Signed as 2 entries, one for each day\./)).toBeVisible();
  await page.getByRole('button', { name: 'Close', exact: true }).click();
  const second = format(addDays(new Date(`${first}T12:00:00`), 1), 'yyyy-MM-dd');
  await expect(page.getByRole('button', { name: `Open the signed entry of ${shown(first)} for Mai Vang` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Open the signed entry of ${shown(second)} for Mai Vang` })).toBeVisible();

  // A correction to the home visit: it was at school.
  await page.getByRole('button', { name: `Open the signed entry of ${shown(todayIso)} for Mai Vang` }).first().click();
  await expect(page.getByRole('heading', { name: `Mai Vang · ${shown(todayIso)}` })).toBeVisible();
  await page.getByRole('button', { name: 'Add a correction' }).click();
  const correction = page.getByRole('form', { name: 'Add a correction' });
  await correction.getByRole('button', { name: 'Sign correction' }).click();
  await expect(correction.getByText('Choose at least one thing to change.')).toBeVisible();
  await correction.getByRole('checkbox', { name: 'Place of service' }).check();
  await choose(correction, page, 'Place of service', '03', /^03 · School/);
  await correction.getByRole('textbox', { name: 'Reason for the correction' }).fill('The visit was at school, not at home.');
  await expect(correction.getByText('Billable', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('65-service-correction-form');
  await correction.getByRole('button', { name: 'Sign correction' }).click();
  await expect(page.getByText('Correction signed and added to the entry.')).toBeVisible();
  await expect(page.getByText(/^Place of service: \d{2} · .+ → 03 · School$/)).toBeVisible();
  await expect(page.getByText(/Reason:.*The visit was at school/)).toBeVisible();
  await liaison.screenshot('66-service-entry-corrected');
  const { entries } = await ok(api.call('services:list', { studentId: mai, month }));
  expect(entries.find((e) => e.fields.date === todayIso && e.fields.activity === 'home_visit')?.fields.placeOfService).toBe('03');

  // On the student's record: the Services tab lists her entries and the authorization's units.
  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await page.getByRole('button', { name: 'Mai Vang' }).click();
  await page.getByRole('tab', { name: 'Services' }).click();
  await expect(page.getByRole('button', { name: `Open the signed entry of ${shown(first)}` })).toBeVisible();
  const units = entries.filter((e) => e.signedAt && e.assessment.billable).reduce((sum, e) => sum + e.assessment.units, 0);
  await expect(page.getByText(`${40 - units} units left of 40`)).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('67-student-services-tab');

  // A small CCS authorization: its units left carry a warning word.
  await page.getByRole('button', { name: 'Add authorization' }).click();
  const paForm = page.getByRole('form', { name: 'Add a prior authorization' });
  await paForm.getByText('CCS', { exact: true }).click();
  await paForm.getByRole('textbox', { name: 'Authorization number' }).fill('CCS-2026-114');
  await paForm.getByRole('textbox', { name: 'Modifiers' }).fill('hk');
  await paForm.getByRole('textbox', { name: 'Units authorized' }).fill('6');
  await paForm.getByRole('textbox', { name: 'Last day', exact: true }).fill(iso(addDays(today, 90)));
  await expect(paForm.getByRole('textbox', { name: 'Procedure code' })).toHaveValue('H2017');
  await liaison.screenshot('67b-authorization-form');
  await paForm.getByRole('button', { name: 'Add authorization' }).click();
  await expect(page.getByText('Authorization CCS-2026-114 added.')).toBeVisible();
  const paRow = page.getByRole('row', { name: /CCS-2026-114/ });
  await expect(paRow.getByText('H2017 HK')).toBeVisible();
  await expect(paRow.getByText('6 units left of 6')).toBeVisible();
  await expect(paRow.getByText('Running low')).toBeVisible();

  // Ctrl+N on her record starts with her; a group session divides the time among the students.
  await page.keyboard.press('Control+n');
  await expect(dialog.getByRole('combobox', { name: 'Student', exact: true })).toHaveValue(/^Mai Vang/);
  await dialog.getByRole('switch', { name: /Group session/ }).check();
  await choose(dialog, page, 'Students in the session', 'Tou', /^Tou Vang/);
  await dialog.getByText('Minutes only', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: 'Minutes only' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Minutes of service' }).fill('60');
  await pick(dialog, page, 'Activity', 'Team meeting');
  await dialog.getByRole('textbox', { name: 'Narrative' }).fill('IEP team meeting for both students; respite and school supports reviewed.');
  await expect(panel.getByText(/30 minutes each/)).toBeVisible();
  await expect(panel.getByText('Billable', { exact: true })).toHaveCount(2);
  await expectAccessible(page);
  await liaison.screenshot('68-service-group-session');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await expect(dialog.getByText(/^Signed as 2 entries, one for each student\. Mai Vang: 2 units, billable; Tou Vang: 2 units, billable\.$/)).toBeVisible();

  // Repeat the last entry, and keep a usual visit as a template.
  await dialog.getByRole('switch', { name: /Group session/ }).uncheck();
  await dialog.getByRole('button', { name: 'Repeat last entry' }).click();
  await expect(dialog.getByText(/^Filled in from the entry of/)).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Date of service', exact: true })).toHaveValue(todayIso);
  await expect(dialog.getByRole('combobox', { name: 'Activity', exact: true })).toHaveValue('Crisis intervention');
  await dialog.getByRole('button', { name: 'Save as template' }).click();
  await page.getByRole('textbox', { name: 'Template name' }).fill('Crisis call');
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(dialog.getByText('Template “Crisis call” saved.')).toBeVisible();
  const { templates } = await ok(api.call('services:templates', {}));
  expect(templates[0]).toMatchObject({ name: 'Crisis call', fields: { activity: 'crisis_intervention', contactMode: 'phone', placeOfService: '12' } });
  // What she filled in is not thrown away without asking.
  page.once('dialog', (question) => {
    expect(question.message()).toBe('Discard your unsaved changes?');
    void question.accept();
  });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(dialog).toBeHidden();
});
