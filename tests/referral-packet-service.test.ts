/**
 * Building a referral packet through the API: refused when one attachment's
 * record category is not covered (no file, no record), and when covered one
 * merged PDF of cover + form + the signed consent + a 20-page scanned
 * attachment, holding nothing outside the consent's categories, with its
 * disclosure recorded once.
 */
import { addDays, format, subYears } from 'date-fns';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type Api } from '../electron/services/api.ts';
import type { ChannelInput } from '../electron/shared/contract.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { readPdf } from './documents/pdf-text.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = iso(new Date());
const PURPOSE = 'Referral for counseling';

let root: string;
let exportDir: string;
let api: Api;
let studentId: string;
let referralId: string;

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function scannedPdf(pages: number, marker: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([612, 792]).drawText(`${marker} ${i}`, { x: 72, y: 700, size: 14, font });
  return Buffer.from(await doc.save());
}

const packet = (over: Partial<ChannelInput<'referrals:packet'>> = {}): ChannelInput<'referrals:packet'> => ({
  referralId,
  purpose: PURPOSE,
  categories: ['behavioral', 'screening_results'],
  exception: null,
  attachments: [],
  nameInFile: false,
  openAfterSave: false,
  ...over,
});

beforeAll(async () => {
  root = makeTempDir('referral-packet');
  exportDir = path.join(root, 'exports');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts({ exportDir }) });
  await ok(api.call('vault:create', { passphrase: 'referral packet passphrase' }));
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Arcadia School District', organizationAddress: '756 Raider Dr, Arcadia WI' }));
  studentId = (await ok(api.call('students:create', blankStudent({ legalFirst: 'Ánh', legalLast: 'Nguyễn', dob: iso(subYears(new Date(), 10)) })))).id;
  await ok(api.call('contacts:add', { studentId, contact: { firstName: 'Thị', lastName: 'Nguyễn', phone: '608-555-0101', email: null, preferredLanguage: 'Vietnamese', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null } }));
  await ok(api.call('notes:save', { studentId, occurredOn: today, regime: 'pupil', body: 'PUPIL-NOTE worries about recess.', sign: true }));
  await ok(api.call('notes:save', { studentId, occurredOn: today, regime: 'county', body: 'COUNTY-NOTE treatment details.', sign: true }));
  const { id: providerId } = await ok(
    api.call('providers:save', {
      fields: { kind: 'agency', name: 'Sunrise Counseling', services: ['Therapy'], ages: { min: 5, max: 18 }, languages: ['English', 'Vietnamese'], payment: ['medicaid'], delivery: ['school_in_person'], location: '12 Elm St, Arcadia WI', contacts: [], acceptingReferrals: true, waitlistWeeks: 2, medicaidProviderId: null, notes: '', lastVerifiedOn: today },
    }),
  );
  referralId = (await ok(api.call('referrals:save', { fields: { studentId, target: { providerId }, reason: 'Anxiety at school.', urgency: 'soon', expectedOutcome: 'Weekly counseling', followUpOn: null, outcomeNote: '' } }))).id;
  const { id: releaseId } = await ok(
    api.call('releases:save', {
      studentId,
      draft: { discloser: 'district', recipients: [{ kind: 'party', name: 'Sunrise Counseling', contactId: null, providerId, address: null }], purpose: PURPOSE, categories: ['behavioral', 'screening_results'], otherDescription: null, expiry: { kind: 'date', on: iso(addDays(new Date(), 180)) }, language: 'en', regimes: ['FERPA'] },
    }),
  );
  await ok(api.call('releases:print', { id: releaseId }));
  const scan = await scannedPdf(1, 'SIGNED-CONSENT');
  await ok(api.call('releases:recordSignature', { id: releaseId, signedOn: today, effectiveFrom: null, copyGivenOn: today, signatures: [{ role: 'parent_or_guardian', signedName: 'Thị Nguyễn' }], scan: { fileName: 'signed.pdf', mime: 'application/pdf', base64: scan.toString('base64') } }));
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

const packetsIn = async () => (existsSync(exportDir) ? (await fs.readdir(exportDir)).filter((f) => f.startsWith('Referral packet')) : []);

describe('referral packet', () => {
  it('is refused when one attachment’s category is not covered: no file, no record', async () => {
    const attendance = await scannedPdf(2, 'ATTENDANCE');
    const r = await api.call(
      'referrals:packet',
      packet({ categories: ['behavioral', 'screening_results', 'attendance'], attachments: [{ title: 'Attendance report', category: 'attendance', fileName: 'attendance.pdf', mime: 'application/pdf', base64: attendance.toString('base64') }] }),
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/^The packet was not built: .*attendance records/) } });
    expect(await packetsIn()).toEqual([]);
    expect((await ok(api.call('disclosures:list', { studentId }))).disclosures).toEqual([]);
  });

  it('merges cover, form, the signed consent and a 20-page scan into one packet, and records it once', async () => {
    const screening = await scannedPdf(20, 'SCREENING-PAGE');
    const out = await ok(api.call('referrals:packet', packet({ attachments: [{ title: 'Screening results', category: 'screening_results', fileName: 'screening.pdf', mime: 'application/pdf', base64: screening.toString('base64') }] })));
    expect(out.saved).toBe(true);
    expect(out.fileName).toBe(`Referral packet ${today}.pdf`);
    const { pages, text } = await readPdf(await fs.readFile(path.join(exportDir, out.fileName!)));
    expect(pages).toBe(out.pages);
    // Cover and form take at least a page each, the consent one, the scan twenty.
    expect(pages).toBeGreaterThanOrEqual(2 + 1 + 20);
    for (let i = 1; i <= 20; i++) expect(text).toContain(`SCREENING-PAGE ${i}`);
    expect(text).toContain('SIGNED-CONSENT 1');
    expect(text).toContain('PUPIL-NOTE');
    expect(text).toContain('Ánh Nguyễn');
    // Treatment records are outside the release: never in the packet.
    expect(text).not.toContain('COUNTY-NOTE');
    const { disclosures } = await ok(api.call('disclosures:list', { studentId }));
    expect(disclosures).toHaveLength(1);
    expect(disclosures[0]).toMatchObject({ recipient: 'Sunrise Counseling', purpose: PURPOSE, categories: ['behavioral', 'screening_results'] });
    expect(disclosures[0]!.documents.join(' ')).toMatch(/Screening results \(20 pages\)/);
  });
});
