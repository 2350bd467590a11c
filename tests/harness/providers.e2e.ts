/**
 * Vetting and referring as she does it: add a provider, rate it on the
 * checklist while the verdict updates, compare it with two others (best
 * verdict first), refer a student to it from the record, mark the referral
 * sent and accepted, and see the provider's referral history count it.
 */
import type { Page } from '@playwright/test';
import type { ChannelInput } from '../../electron/shared/contract.ts';
import { DEFAULT_CHECKLIST_TEMPLATE, type Rating } from '../../electron/shared/domain/providers/index.ts';
import type { ProviderFields } from '../../electron/shared/schemas/providers.ts';
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
const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

const provider = (name: string): ProviderFields => ({
  kind: 'agency',
  name,
  services: ['Individual therapy'],
  ages: { min: 5, max: 18 },
  languages: ['English', 'Spanish'],
  payment: ['medicaid'],
  delivery: ['telehealth'],
  location: 'Arcadia, WI',
  contacts: [],
  acceptingReferrals: true,
  waitlistWeeks: 4,
  medicaidProviderId: null,
  notes: '',
  lastVerifiedOn: iso,
});

/** Every criterion rated: must-haves as given, nice-to-haves "No evidence". */
const ratings = (must: Rating): ChannelInput<'evaluations:save'>['ratings'] =>
  DEFAULT_CHECKLIST_TEMPLATE.criteria.map((c) => {
    const rating: Rating = c.kind === 'must' ? must : 'no_evidence';
    return { criterionKey: c.key, rating, evidence: rating === 'no_evidence' ? '' : 'From the intake call.' };
  });

async function openProviders(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Home', exact: true }).click();
  await page.getByRole('button', { name: 'Providers', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible();
}

test('providers: add, evaluate, compare, refer from the record, and follow the referral', async ({ liaison }) => {
  const { page, api } = liaison;
  await createVaultThroughUi(liaison);
  await continueToHome(page);
  await ok(api.call('settings:set', { workerName: 'Dana Olson' }));
  await ok(api.call('students:create', blankStudent({ legalFirst: 'Kou', legalLast: 'Xiong', dob: '2014-05-06' })));

  // An empty directory says what to do.
  await openProviders(page);
  await expect(page.getByText(/No providers yet/)).toBeVisible();
  await expectAccessible(page);

  // Add a provider through the form.
  await page.getByRole('button', { name: 'Add provider' }).click();
  const details = page.getByRole('form', { name: 'Provider details' });
  await details.getByRole('textbox', { name: 'Name', exact: true }).first().fill('Sunrise Counseling');
  await details.getByRole('textbox', { name: 'Services' }).fill('Individual therapy, family therapy');
  await details.getByRole('textbox', { name: 'Youngest age served' }).fill('5');
  await details.getByRole('textbox', { name: 'Oldest age served' }).fill('18');
  await details.getByRole('textbox', { name: 'Languages' }).fill('English, Hmong');
  await details.getByRole('checkbox', { name: 'Medicaid (BadgerCare)' }).check();
  await details.getByRole('checkbox', { name: 'Sliding-scale fee' }).check();
  await details.getByRole('checkbox', { name: 'At school, in person' }).check();
  await details.getByRole('textbox', { name: 'Location' }).fill('Whitehall, WI');
  await details.getByRole('textbox', { name: 'Waitlist (weeks)' }).fill('2');
  await details.getByRole('button', { name: 'Add a contact' }).click();
  const contact = details.getByRole('group', { name: 'Contact 1' });
  await contact.getByRole('textbox', { name: 'Name' }).fill('Maria Lopez');
  await contact.getByRole('textbox', { name: 'Role' }).fill('Intake coordinator');
  await contact.getByRole('textbox', { name: 'Phone' }).fill('608-555-0100');
  await details.getByRole('button', { name: 'Verified today' }).click();
  await expect(details.getByLabel('Last verified')).toHaveValue(iso);
  await expectAccessible(page);
  await liaison.screenshot('90-provider-add');
  await details.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sunrise Counseling added to the directory.' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sunrise Counseling' })).toBeVisible();
  await expect(page.getByText('No referrals sent yet.')).toBeVisible();

  // Evaluate: saving before rating shows the service's refusal.
  await page.getByRole('button', { name: 'Evaluate' }).click();
  const checklist = page.getByRole('form', { name: 'Evaluate Sunrise Counseling' });
  await expect(checklist.getByRole('textbox', { name: 'Completed by' })).toHaveValue('Dana Olson');
  await checklist.getByRole('button', { name: 'Save evaluation' }).click();
  await expect(checklist.getByRole('alert')).toContainText('The evaluation is not complete');
  const verdict = checklist.getByRole('region', { name: 'Verdict so far' });
  await expect(verdict).toContainText('Verdict so far: not yet');

  const rate = async (text: string, rating: string, evidence: string) => {
    const group = checklist.getByRole('group', { name: text, exact: true });
    await group.getByRole('radio', { name: rating, exact: true }).check();
    if (evidence) await group.getByRole('textbox', { name: 'Evidence' }).fill(evidence);
  };
  for (const c of DEFAULT_CHECKLIST_TEMPLATE.criteria.filter((x) => x.kind === 'must')) await rate(c.text, 'Agree', 'Confirmed on the site visit.');
  // Musts met, nice-to-haves not yet rated: they count as not met.
  await expect(verdict).toContainText('Verdict so far: Meets');
  for (const c of DEFAULT_CHECKLIST_TEMPLATE.criteria.filter((x) => x.kind === 'nice')) await rate(c.text, 'Strongly agree', 'Seen in their program description.');
  await expect(verdict).toContainText('Verdict so far: Exceeds');
  await expect(verdict).toContainText('12 of 12 rated');
  await expectAccessible(page);
  await liaison.screenshot('91-provider-evaluate');
  await checklist.getByRole('button', { name: 'Save evaluation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Evaluation saved: Exceeds.' })).toBeVisible();
  const evaluations = page.getByRole('list', { name: 'Evaluations, latest first' });
  await expect(evaluations).toContainText('Exceeds');
  await expect(evaluations).toContainText('by Dana Olson');
  await liaison.screenshot('92-provider-page');

  // Two more through the API, one that meets and one that does not.
  const river = await ok(api.call('providers:save', { fields: provider('River Valley Clinic') }));
  await ok(api.call('evaluations:save', { providerId: river.id, ratings: ratings('agree'), completedBy: 'Dana Olson', completedOn: iso, override: null }));
  const arbor = await ok(api.call('providers:save', { fields: provider('Arbor Family Services') }));
  await ok(api.call('evaluations:save', { providerId: arbor.id, ratings: ratings('disagree'), completedBy: 'Dana Olson', completedOn: iso, override: null }));

  await openProviders(page);
  const directory = page.getByRole('table', { name: 'Provider directory' });
  await expect(directory.getByRole('row')).toHaveCount(4);
  await expect(directory.getByRole('row').filter({ hasText: 'Sunrise Counseling' })).toContainText('Exceeds');
  await page.getByRole('textbox', { name: 'Search providers' }).fill('hmong');
  await expect(directory.getByRole('row')).toHaveCount(2);
  await page.getByRole('textbox', { name: 'Search providers' }).fill('');
  for (const name of ['Arbor Family Services', 'River Valley Clinic', 'Sunrise Counseling']) await directory.getByRole('checkbox', { name: `Compare ${name}` }).check();
  await expectAccessible(page);
  await liaison.screenshot('93-provider-directory');
  await page.getByRole('button', { name: 'Compare 3 providers' }).click();

  const compared = page.getByRole('table', { name: 'Providers compared on the checklist' });
  const headers = compared.getByRole('columnheader');
  await expect(headers).toHaveCount(4);
  await expect(headers.nth(1)).toContainText('Sunrise Counseling');
  await expect(headers.nth(1)).toContainText('Exceeds');
  await expect(headers.nth(2)).toContainText('River Valley Clinic');
  await expect(headers.nth(2)).toContainText('Meets');
  await expect(headers.nth(3)).toContainText('Arbor Family Services');
  await expect(headers.nth(3)).toContainText('Does not meet');
  await expect(compared.getByRole('row').nth(1)).toContainText('Must-have');
  await expectAccessible(page);
  await liaison.screenshot('94-provider-compare');

  // Refer the student from the record.
  await page.getByRole('button', { name: 'Caseload', exact: true }).click();
  await page.getByRole('button', { name: 'Kou Xiong' }).click();
  await page.getByRole('button', { name: 'Refer…' }).click();
  const form = page.getByRole('form', { name: 'Write a referral' });
  await form.getByRole('combobox', { name: 'Refer to' }).click();
  await page.getByRole('option', { name: 'Sunrise Counseling' }).click();
  await form.getByRole('textbox', { name: 'Reason for the referral' }).fill('Anxiety keeping him home two days a week; family asks for a Hmong-speaking therapist.');
  await form.getByText('Soon', { exact: true }).click();
  await expect(form.getByRole('radio', { name: 'Soon' })).toBeChecked();
  await form.getByRole('textbox', { name: 'Expected outcome' }).fill('Weekly therapy at school.');
  await expectAccessible(page);
  await liaison.screenshot('95-referral-form');
  await form.getByRole('button', { name: 'Save referral' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Referral to Sunrise Counseling saved as a draft.' })).toBeVisible();
  await page.getByRole('button', { name: 'Open Referrals' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Referrals' })).toBeVisible();
  const list = page.getByRole('table', { name: 'Referrals' });
  await expect(list.getByRole('row').filter({ hasText: 'Sunrise Counseling' })).toContainText('Draft');
  await expectAccessible(page);
  await liaison.screenshot('96-referrals-list');
  await list.getByRole('button', { name: 'Kou Xiong' }).click();

  await page.getByRole('button', { name: 'Mark sent' }).click();
  await page.getByRole('form', { name: 'Mark sent: date and follow-up' }).getByRole('button', { name: 'Save: Sent' }).click();
  await expect(page.getByText('Status: Sent')).toBeVisible();
  await expect(page.getByText(/Follow-up: Due /)).toBeVisible();
  await page.getByRole('button', { name: 'Accepted', exact: true }).click();
  const accept = page.getByRole('form', { name: 'Accepted: date and follow-up' });
  await accept.getByRole('textbox', { name: 'Outcome note' }).fill('First session booked at school.');
  await expectAccessible(page);
  await liaison.screenshot('97-referral-step');
  await accept.getByRole('button', { name: 'Save: Accepted' }).click();
  await expect(page.getByText('Status: Accepted')).toBeVisible();
  const history = page.getByRole('list', { name: 'Status history' });
  await expect(history).toContainText('Sent on');
  await expect(history).toContainText('Accepted on');
  await expect(page.getByText('First session booked at school.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Completed' })).toBeVisible();
  await expectAccessible(page);
  await liaison.screenshot('98-referral-page');

  // The provider's history counts it.
  await openProviders(page);
  await page.getByRole('button', { name: 'Sunrise Counseling' }).click();
  await expect(page.getByText('1 referral sent; 1 accepted (100%); answers in 0 days (median)')).toBeVisible();
});
