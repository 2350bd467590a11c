/**
 * Providers and referral packets:
 *
 *   - a referral packet with a 20-page scanned attachment (each page a JPEG
 *     photo of a page, about 2 MB in all), built, gated and saved with its
 *     disclosure through `referrals:packet`, median of 5 after a warm-up —
 *     target ≤ 1 s;
 *   - `providers:compare` of 20 evaluated providers, p95 of 50 calls after 5
 *     warm-ups — target ≤ 50 ms.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { createApi } from '../../electron/services/api.ts';
import type { Ports } from '../../electron/services/ports.ts';
import { DEFAULT_CHECKLIST_TEMPLATE, RATINGS } from '../../electron/shared/domain/providers/index.ts';
import type { ProviderFields } from '../../electron/shared/schemas/providers.ts';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { percentile } from './caseload.ts';
import { median, type Row } from './report.ts';

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** A grey JPEG of `bytes` size: a stand-in for a scanner's page (only its size and format matter to the merge). */
function jpegOf(bytes: number): Buffer {
  // SOI, a comment segment filled with noise, EOI: pdf-lib embeds JPEGs without decoding them, so it needs a readable header.
  const header = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x0c, 0xe4, 0x09, 0xf6, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  const chunks: Buffer[] = [header, sof];
  let left = bytes;
  while (left > 0) {
    const n = Math.min(60_000, left);
    chunks.push(Buffer.from([0xff, 0xfe, (n + 2) >> 8, (n + 2) & 0xff]), randomBytes(n));
    left -= n;
  }
  chunks.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(chunks);
}

async function scannedPdf(pages: number, perPage: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const img = await doc.embedJpg(jpegOf(perPage));
    doc.addPage([612, 792]).drawImage(img, { x: 0, y: 0, width: 612, height: 792 });
  }
  return Buffer.from(await doc.save());
}

const provider = (name: string): ProviderFields => ({
  kind: 'agency', name, services: ['Individual therapy'], ages: { min: 5, max: 18 }, languages: ['English'], payment: ['medicaid'], delivery: ['school_in_person'],
  location: 'Arcadia, WI', contacts: [], acceptingReferrals: true, waitlistWeeks: 2, medicaidProviderId: null, notes: '', lastVerifiedOn: '2026-11-01',
});

export async function benchProviders(opts: { tempDir(label: string): string; passphrase: string }): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = opts.tempDir('providers');
  const ports: Ports = {
    saveDocument: async (r) => ({ fileName: r.suggestedName }),
    chooseSaveLocation: async (r) => path.join(dir, `${Date.now()}-${Math.random().toString(16).slice(2)}-${r.suggestedName}`),
    chooseFolder: async () => dir,
    openInViewer: async () => undefined,
    idleMs: () => 0,
    onLocked: () => undefined,
  };
  const api = createApi({ vaultDir: path.join(dir, 'vault'), ports });
  try {
    await ok(api.call('vault:create', { passphrase: opts.passphrase }));
    await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Arcadia School District', organizationAddress: '756 Raider Dr, Arcadia WI' }));
    const { id: studentId } = await ok(api.call('students:create', blankStudent({ legalFirst: 'Ánh', legalLast: 'Nguyễn', dob: '2015-04-01' })));
    await ok(api.call('contacts:add', { studentId, contact: { firstName: 'Thị', lastName: 'Nguyễn', phone: null, email: null, preferredLanguage: 'Vietnamese', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null } }));

    // Twenty evaluated providers, ratings varied so the comparison sorts real differences.
    const ids: string[] = [];
    for (let p = 0; p < 20; p++) {
      const { id } = await ok(api.call('providers:save', { fields: provider(`Provider ${String(p + 1).padStart(2, '0')}`) }));
      ids.push(id);
      const ratings = DEFAULT_CHECKLIST_TEMPLATE.criteria.map((c, i) => {
        const rating = RATINGS[(p + i) % RATINGS.length]!;
        return { criterionKey: c.key, rating, evidence: rating === 'no_evidence' ? '' : 'Observed on the site visit.' };
      });
      await ok(api.call('evaluations:save', { providerId: id, ratings, completedBy: 'Dana Olson', completedOn: '2026-11-01', override: null }));
    }
    for (let i = 0; i < 5; i++) await ok(api.call('providers:compare', { providerIds: ids }));
    const compares: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      await ok(api.call('providers:compare', { providerIds: ids }));
      compares.push(performance.now() - t0);
    }
    const p95 = percentile(compares, 95);
    rows.push({ name: 'providers:compare, 20 evaluated providers, 50 calls', measured: `p95 ${p95.toFixed(1)} ms`, target: '≤ 50 ms', pass: p95 <= 50, detail: `p50 ${percentile(compares, 50).toFixed(1)} ms` });

    // The packet: a release covering the provider, with its scanned copy, and a 20-page scanned attachment.
    const { id: releaseId } = await ok(
      api.call('releases:save', {
        studentId,
        draft: { discloser: 'district', recipients: [{ kind: 'party', name: 'Provider 01', contactId: null, providerId: ids[0]!, address: null }], purpose: 'Referral for counseling', categories: ['behavioral', 'screening_results'], otherDescription: null, expiry: { kind: 'date', on: '2027-06-30' }, language: 'en', regimes: ['FERPA'] },
      }),
    );
    await ok(api.call('releases:print', { id: releaseId }));
    const consent = await scannedPdf(2, 150_000);
    await ok(api.call('releases:recordSignature', { id: releaseId, signedOn: '2026-11-23', effectiveFrom: null, copyGivenOn: null, signatures: [{ role: 'parent_or_guardian', signedName: 'Thị Nguyễn' }], scan: { fileName: 'signed.pdf', mime: 'application/pdf', base64: consent.toString('base64') } }));
    const { id: referralId } = await ok(api.call('referrals:save', { fields: { studentId, target: { providerId: ids[0]! }, reason: 'Anxiety at school.', urgency: 'soon', expectedOutcome: 'Weekly counseling', followUpOn: null, outcomeNote: '' } }));
    const scan = await scannedPdf(20, 100_000);
    const input = {
      referralId,
      purpose: 'Referral for counseling',
      categories: ['behavioral' as const, 'screening_results' as const],
      exception: null,
      attachments: [{ title: 'Screening results', category: 'screening_results' as const, fileName: 'screening.pdf', mime: 'application/pdf' as const, base64: scan.toString('base64') }],
      nameInFile: false,
      openAfterSave: false,
    };
    await ok(api.call('referrals:packet', input)); // warm: pdfmake, fonts and pdf-lib load once
    const builds: number[] = [];
    let pages = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      pages = (await ok(api.call('referrals:packet', input))).pages;
      builds.push(performance.now() - t0);
    }
    const m = median(builds);
    rows.push({
      name: `referral packet with a 20-page scanned attachment (${(scan.length / 1_048_576).toFixed(1)} MiB; ${pages} pages), gated and recorded, median of 5`,
      measured: `${(m / 1000).toFixed(2)} s`,
      target: '≤ 1.00 s',
      pass: m <= 1000,
      detail: builds.map((x) => `${x.toFixed(0)} ms`).join(', '),
    });
  } finally {
    await api.dispose();
  }
  return rows;
}
