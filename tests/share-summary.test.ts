/**
 * Sharing a student summary: refused unless a signed release (or a legal
 * exception with its reason) covers the recipient, purpose and records; the
 * PDF holds only the covered parts of the record, never a draft; the file and
 * its record of disclosures are written together, once; the record of
 * disclosures prints.
 */
import { addDays, format, subYears } from 'date-fns';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../electron/services/api.ts';
import type { ChannelInput } from '../electron/shared/contract.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { readPdf } from './documents/pdf-text.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts, type FakePorts } from './helpers/ports.ts';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = iso(new Date());
const COUNTY = 'Trempealeau County DHS — CLTS intake';

let root: string;
let exportDir: string;
let ports: FakePorts;
let api: Api;
let studentId: string;

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const share = (over: Partial<ChannelInput<'disclosures:shareSummary'>> = {}): ChannelInput<'disclosures:shareSummary'> => ({
  studentId,
  recipient: { name: COUNTY, contactId: null, providerId: null, className: null },
  purpose: 'Coordinate CLTS services',
  categories: ['behavioral'],
  exception: null,
  nameInFile: false,
  openAfterSave: true,
  ...over,
});

beforeAll(async () => {
  root = makeTempDir('share-summary');
  exportDir = path.join(root, 'exports');
  ports = fakePorts({ exportDir });
  api = createApi({ vaultDir: path.join(root, 'vault'), ports });
  await ok(api.call('vault:create', { passphrase: 'share summary passphrase' }));
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Whitehall School District', organizationAddress: '19121 Hobson St, Whitehall WI 54773' }));
  studentId = (await ok(api.call('students:create', blankStudent({ legalFirst: 'Ánh', legalLast: 'Nguyễn', dob: iso(subYears(new Date(), 10)), iep: true })))).id;
  await ok(api.call('contacts:add', {
    studentId,
    contact: { firstName: 'Thị', lastName: 'Nguyễn', phone: null, email: null, preferredLanguage: 'Vietnamese', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null },
  }));
  await ok(api.call('notes:save', { studentId, occurredOn: today, regime: 'pupil', body: 'SIGNED-PUPIL-NOTE checked in after recess <img src=x onerror=alert(1)>', sign: true }));
  await ok(api.call('notes:save', { studentId, occurredOn: today, regime: 'pupil', body: 'DRAFT-PUPIL-NOTE not finished', sign: false }));
  await ok(api.call('notes:save', { studentId, occurredOn: today, regime: 'county', body: 'SIGNED-COUNTY-NOTE CCS team meeting', sign: true }));
  await ok(api.call('enrollments:create', { studentId, program: 'CCS', status: 'active', statusDate: today, dates: { referralDate: today } }));
  await ok(api.call('goals:add', { studentId, goal: 'PLAN-GOAL attend school four days a week', owner: null, dueOn: null }));

  // A release to the county for behavioral records only, printed and signed.
  const draft: ChannelInput<'releases:save'>['draft'] = {
    discloser: 'district',
    recipients: [{ kind: 'party', name: COUNTY, contactId: null, providerId: null, address: null }],
    purpose: 'Coordinate CLTS services',
    categories: ['behavioral'],
    otherDescription: null,
    expiry: { kind: 'date', on: iso(addDays(new Date(), 200)) },
    language: 'en',
    regimes: ['FERPA'],
  };
  const { id } = await ok(api.call('releases:save', { studentId, draft }));
  await ok(api.call('releases:print', { id }));
  await ok(api.call('releases:recordSignature', { id, signedOn: today, effectiveFrom: null, copyGivenOn: today, signatures: [{ role: 'parent_or_guardian', signedName: 'Thị Nguyễn' }], scan: null }));
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

const disclosures = async () => (await ok(api.call('disclosures:list', { studentId }))).disclosures;
const pdfsIn = async () => (existsSync(exportDir) ? (await fs.readdir(exportDir)).filter((f) => f.startsWith('Student summary')) : []);

describe('sharing a student summary', () => {
  it('is refused for records the release does not cover: no file, no record', async () => {
    const r = await api.call('disclosures:shareSummary', share({ categories: ['behavioral', 'mental_health_treatment'] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/^Not shared: .*mental health treatment records/) } });
    expect(await pdfsIn()).toEqual([]);
    expect(await disclosures()).toEqual([]);
  });

  it('is refused for a recipient the release does not name', async () => {
    const r = await api.call('disclosures:shareSummary', share({ recipient: { name: 'Dr. Someone Else', contactId: null, providerId: null, className: null } }));
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await disclosures()).toEqual([]);
  });

  it('shares only what the release covers, and records it once with the file', async () => {
    const out = await ok(api.call('disclosures:shareSummary', share()));
    expect(out.saved).toBe(true);
    // No student name in the file name unless she asks for it.
    expect(out.fileName).toBe(`Student summary ${today}.pdf`);
    const file = path.join(exportDir, out.fileName!);
    const { text, pages } = await readPdf(await fs.readFile(file));
    expect(pages).toBe(out.pages);
    expect(text).toContain('Ánh Nguyễn');
    expect(text).toContain('SIGNED-PUPIL-NOTE');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    for (const absent of ['DRAFT-PUPIL-NOTE', 'SIGNED-COUNTY-NOTE', 'PLAN-GOAL', 'CCS']) expect(text, `${absent} is outside the release`).not.toContain(absent);
    expect(ports.viewed).toEqual([file]);

    const list = await disclosures();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ recipient: COUNTY, purpose: 'Coordinate CLTS services', categories: ['behavioral'], documents: [`Student summary (${out.pages} ${out.pages === 1 ? 'page' : 'pages'})`], disclosedBy: 'Dana Olson, LCSW' });
    expect(list[0]!.basis).toMatch(/^Release ROI-/);
  });

  it('records nothing when she cancels the save dialog', async () => {
    const cancelling = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts() });
    // The same vault, unlocked through a second API whose save dialog is always cancelled.
    await api.call('vault:lock', {});
    await ok(cancelling.call('vault:unlock', { passphrase: 'share summary passphrase' }));
    const out = await ok(cancelling.call('disclosures:shareSummary', share()));
    expect(out).toMatchObject({ saved: false, fileName: null, disclosureId: null });
    expect((await ok(cancelling.call('disclosures:list', { studentId }))).disclosures).toHaveLength(1);
    await cancelling.call('vault:lock', {});
    await cancelling.dispose();
    await ok(api.call('vault:unlock', { passphrase: 'share summary passphrase' }));
  });

  it('under a legal exception, holds the covered treatment records and says on what basis', async () => {
    const out = await ok(
      api.call(
        'disclosures:shareSummary',
        share({
          recipient: { name: 'Mobile crisis team', contactId: null, providerId: null, className: null },
          purpose: 'Crisis response',
          categories: ['mental_health_treatment', 'iep_504'],
          exception: { kind: 'health_safety_emergency', reason: 'Student stated a plan to harm himself today' },
          nameInFile: true,
        }),
      ),
    );
    expect(out.fileName).toBe(`Summary for Mobile crisis team - Ánh Nguyễn ${today}.pdf`);
    const { text } = await readPdf(await fs.readFile(path.join(exportDir, out.fileName!)));
    for (const present of ['SIGNED-COUNTY-NOTE', 'PLAN-GOAL', 'CCS', 'Student stated a plan to harm himself today']) expect(text).toContain(present);
    expect(text).not.toContain('SIGNED-PUPIL-NOTE');
    const list = await disclosures();
    expect(list).toHaveLength(2);
    expect(list.find((d) => d.recipient === 'Mobile crisis team')!.basis).toMatch(/health_safety_emergency/);
  });

  it('prints the record of disclosures with every entry', async () => {
    const out = await ok(api.call('disclosures:print', { studentId }));
    expect(out.fileName).toBe(`Record of disclosures ${today}.pdf`);
    const { text } = await readPdf(await fs.readFile(path.join(exportDir, out.fileName!)));
    for (const present of [COUNTY, 'Mobile crisis team', 'Crisis response', 'Coordinate CLTS services', 'Ánh Nguyễn']) expect(text).toContain(present);
  });
});
