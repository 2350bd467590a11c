/**
 * The caseload as she uses it: import a roster, open a student, add a
 * guardian, enroll in CLTS, add a team member and a plan goal, write and sign
 * a note, add an addendum, see the deadline on Home, find the note by a word.
 */
import { addDays, format } from 'date-fns';
import { expect, test } from './harness.ts';
import { continueToHome, createVaultThroughUi, expectAccessible } from './flows.ts';

const ROSTER = [
  '"Student ID","Last Name","First Name","Middle Name","Birthdate","Grade","Building","Guardian Name","Home Phone"',
  '"100001","Vang","Mai","","3/14/2013","7","Arcadia Middle","Vang, Pa","715-555-0101"',
  '"100002","Vang","Kou","","9/2/2016","4","Arcadia Elementary","Vang, Pa","715-555-0101"',
  '"100003","Núñez","Sofía","","11/30/2010","10","Blair-Taylor High","Núñez, Rosa","715-555-0144"',
  '"100004","Smith, Jr.","Liam","","6/1/2012","8","Arcadia Middle","",""',
  '"100005","Lee","Pao","","13/45/2012","6","Arcadia Middle","",""',
].join('\r\n');

test('import a roster, work a student record, see the deadline at home, find the note', async ({ liaison }) => {
  const { page } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);

  // Signing needs her name: set it first.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Dana Olson, LCSW');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  // Import a roster.
  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await expect(page.getByText('No students yet')).toBeVisible();
  await liaison.screenshot('20-caseload-empty');
  await page.getByRole('button', { name: 'Import a roster' }).click();
  await page.locator('input[type=file]').setInputFiles({ name: 'skyward-export.csv', mimeType: 'text/csv', buffer: Buffer.from(ROSTER, 'utf8') });
  await page.getByRole('combobox', { name: 'Where it came from' }).click();
  await page.getByRole('option', { name: 'Skyward' }).click();
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByText('4 new')).toBeVisible();
  await expect(page.getByText('1 skipped')).toBeVisible();
  await expect(page.getByText(/13\/45\/2012/)).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('21-import-preview');
  await page.getByRole('button', { name: 'Import 4 students' }).click();
  await expect(page.getByText(/4 new students, 0 updated, 1 rows skipped, 3 schools added/)).toBeVisible();
  await page.getByRole('button', { name: 'Go to the caseload' }).click();
  await expect(page.getByText('4 students')).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('22-caseload-list');

  // Open a student.
  await page.getByRole('button', { name: 'Sofía Núñez' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sofía Núñez/ })).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('23-record-overview');

  // Household: the imported guardian is there; add another.
  await page.getByRole('tab', { name: 'Household' }).click();
  await expect(page.getByText('Rosa Núñez').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('textbox', { name: 'First name' }).fill('Miguel');
  await page.getByRole('textbox', { name: 'Last name' }).fill('Núñez');
  await page.getByRole('textbox', { name: 'Relationship' }).fill('Father');
  await page.getByRole('combobox', { name: 'Legal authority' }).click();
  await page.getByRole('option', { name: 'Parent' }).click();
  await page.getByRole('textbox', { name: 'Preferred language' }).fill('Spanish');
  await page.getByRole('button', { name: 'Add contact' }).last().click();
  await expect(page.getByText('Miguel Núñez').first()).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('24-record-household');

  // Programs: enroll in CLTS, referred 40 days ago: the eligibility decision is due in 5 days.
  const referral = format(addDays(new Date(), -40), 'yyyy-MM-dd');
  await page.getByRole('tab', { name: 'Programs' }).click();
  await page.getByRole('button', { name: 'Enroll in a program' }).click();
  await page.getByRole('combobox', { name: 'Program' }).click();
  await page.getByRole('option', { name: /^CLTS/ }).click();
  await page.getByRole('radio', { name: 'Referred' }).check();
  await page.getByLabel('Status date').fill(referral);
  await page.getByLabel('Referral date').fill(referral);
  await page.getByRole('button', { name: 'Enroll', exact: true }).click();
  await expect(page.getByText(/CLTS/).first()).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('25-record-programs');

  // Overview: a team member and a plan goal.
  await page.getByRole('tab', { name: /^Overview/ }).click();
  await page.getByRole('button', { name: 'Add team member' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Jordan Fox');
  await page.getByRole('textbox', { name: 'Role' }).fill('County CLTS worker');
  await page.getByRole('button', { name: 'Add to team' }).click();
  await expect(page.getByText('Jordan Fox').first()).toBeVisible();
  await page.getByRole('button', { name: 'Add goal' }).click();
  await page.getByRole('textbox', { name: 'Goal' }).fill('Attend school 4 of 5 days each week by March');
  await page.getByRole('textbox', { name: 'Owner' }).fill('Sofía and her father');
  await page.getByRole('button', { name: 'Add goal' }).last().click();
  await expect(page.getByText('Attend school 4 of 5 days each week by March').first()).toBeVisible();
  await expect(page.getByText('CLTS eligibility decision').first()).toBeVisible();
  await liaison.screenshot('26-record-overview-filled');

  // Notes: write, sign, add an addendum.
  await page.getByRole('tab', { name: /^Notes/ }).click();
  await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Home visit with father about the morning bus; agreed on a wake-up plan.');
  await page.getByRole('button', { name: 'Sign and save' }).click();
  await expect(page.getByText(/Signed by Dana Olson, LCSW/).first()).toBeVisible();
  // CLTS work belongs in the county case record: the form chose it once she enrolled the student.
  await expect(page.getByText('County case record').nth(1)).toBeVisible();
  await page.getByRole('button', { name: /Add addendum/ }).first().click();
  await page.getByRole('textbox', { name: 'Addendum' }).fill('Correction: her aunt was also present.');
  await page.getByRole('button', { name: 'Sign addendum' }).click();
  await expect(page.getByText('Correction: her aunt was also present.').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign addendum' })).toHaveCount(0);
  await expectAccessible(page);
  await liaison.screenshot('27-record-notes');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await liaison.screenshot('28-record-timeline');

  // Home shows the deadline; it opens the record.
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  const due = page.getByTestId('due-item').filter({ hasText: 'CLTS eligibility decision' });
  await expect(due).toBeVisible();
  await expect(due).toContainText('Due in 5 days');
  await expectAccessible(page);
  await liaison.screenshot('29-home-due-soon');

  // Find the note by a word in it.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Students, guardians and notes' }).fill('wake');
  await expect(page.getByRole('option').first()).toContainText('Sofía Núñez');
  await expectAccessible(page);
  await liaison.screenshot('30-search');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /^Notes/ })).toHaveAttribute('aria-selected', 'true');
  await liaison.screenshot('31-search-opened-note');
  await expect(page.getByText('Home visit with father about the morning bus; agreed on a wake-up plan.').first()).toBeVisible();
});

test('add a student by hand, with errors next to the fields', async ({ liaison }) => {
  const { page } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await page.getByRole('button', { name: 'Add a student' }).click();
  await page.getByRole('button', { name: 'Add student' }).click();
  await expect(page.getByText('Legal first name is required.')).toBeVisible();
  await expect(page.getByText('Legal last name is required.')).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('32-add-student-errors');
  await page.getByRole('textbox', { name: 'Legal first name' }).fill('Hnub');
  await page.getByRole('textbox', { name: 'Legal last name' }).fill('Yang');
  await page.getByLabel('Date of birth').fill('2015-02-11');
  await page.getByRole('textbox', { name: 'Grade' }).fill('5');
  await page.getByRole('checkbox', { name: 'IEP' }).check();
  await page.getByRole('button', { name: 'Add student' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Hnub Yang/ })).toBeVisible();
  await expect(page.getByText('IEP', { exact: true })).toBeVisible();
  await liaison.screenshot('33-new-student-record');
});
