/**
 * Releases: building the release PDF (warm, as when she prints a second
 * release) and recording a signature with a 20 MB scanned copy, which is
 * decoded, checked and stored inside the encrypted vault in one transaction.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_RELEASE_TEMPLATES } from '../../electron/documents/release-templates.ts';
import { releaseForm } from '../../electron/documents/release-form.ts';
import { createApi } from '../../electron/services/api.ts';
import type { Ports } from '../../electron/services/ports.ts';
import { blankStudent } from '../../electron/shared/schemas/students.ts';
import { median, type Row } from './report.ts';

const ports: Ports = { saveDocument: async (r) => ({ fileName: r.suggestedName }), chooseSaveLocation: async () => null, chooseFolder: async () => null, openInViewer: async () => undefined, idleMs: () => 0, onLocked: () => undefined };

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export async function benchReleases(opts: { tempDir(label: string): string; passphrase: string }): Promise<Row[]> {
  const rows: Row[] = [];
  const data = {
    organization: 'Trempealeau County Department of Human Services',
    formId: 'ROI-2026-00BEEF',
    verificationCode: 'K7QF2M9D',
    student: { name: 'Nguyễn Thị Hằng', dob: '2011-03-04' },
    disclosers: ['the school district', 'county human services'],
    recipients: ['Sunrise Counseling, 12 Elm St, Arcadia WI'],
    purpose: 'Coordinate therapy and school supports',
    categories: [{ label: 'Mental health treatment records' }, { label: 'Alcohol and drug (AODA) treatment records' }, { label: 'Attendance records' }],
    expiry: { kind: 'date' as const, on: '2027-06-30' },
    regimes: ['FERPA', 'HIPAA', 'WI_51_30', 'WI_146_81', 'CFR42_PART2'] as const,
    revokeTo: { name: 'Dana Olson, LCSW', address: '36245 Main St, Whitehall, WI 54773' },
    signers: [{ caption: 'Student', name: 'Nguyễn Thị Hằng' }, { caption: 'Parent or guardian', name: 'Ntxhais Vaj', authorityLine: true }],
    preparedBy: 'Dana Olson, LCSW',
    preparedOn: '2026-11-23',
  };
  await releaseForm({ ...data, regimes: [...data.regimes] }, DEFAULT_RELEASE_TEMPLATES.en); // warm: fonts and pdfmake load once
  const builds: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await releaseForm({ ...data, regimes: [...data.regimes] }, DEFAULT_RELEASE_TEMPLATES.en);
    builds.push(performance.now() - t0);
  }
  const build = median(builds);
  rows.push({ name: 'release PDF (all five regimes, two signers), warm, median of 5', measured: `${build.toFixed(0)} ms`, target: '≤ 300 ms', pass: build <= 300, detail: builds.map((x) => `${x.toFixed(0)} ms`).join(', ') });

  const api = createApi({ vaultDir: path.join(opts.tempDir('releases'), 'vault'), ports });
  try {
    await ok(api.call('vault:create', { passphrase: opts.passphrase }));
    await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: data.organization, organizationAddress: data.revokeTo.address }));
    const { id: studentId } = await ok(api.call('students:create', blankStudent({ legalFirst: 'Mai', legalLast: 'Vang', dob: '2015-04-01' })));
    await ok(
      api.call('contacts:add', {
        studentId,
        contact: { firstName: 'Pa', lastName: 'Vang', phone: null, email: null, preferredLanguage: null, relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null },
      }),
    );
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(20 * 1024 * 1024)]).toString('base64');
    const attach: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { id } = await ok(
        api.call('releases:save', {
          studentId,
          draft: { discloser: 'district', recipients: [{ kind: 'party', name: 'Sunrise Counseling', contactId: null, providerId: null, address: null }], purpose: 'Referral', categories: ['attendance'], otherDescription: null, expiry: { kind: 'date', on: '2027-06-30' }, language: 'en', regimes: ['FERPA'] },
        }),
      );
      await ok(api.call('releases:print', { id }));
      const t0 = performance.now();
      await ok(api.call('releases:recordSignature', { id, signedOn: '2026-11-23', effectiveFrom: null, copyGivenOn: null, signatures: [{ role: 'parent_or_guardian', signedName: 'Pa Vang' }], scan: { fileName: 'signed.pdf', mime: 'application/pdf', base64: scan } }));
      attach.push(performance.now() - t0);
    }
    const m = median(attach);
    rows.push({ name: 'record a signature with a 20 MB scanned copy (stored in the vault), median of 3', measured: `${(m / 1000).toFixed(2)} s`, target: '≤ 1.00 s', pass: m <= 1000, detail: attach.map((x) => `${x.toFixed(0)} ms`).join(', ') });
  } finally {
    await api.dispose();
  }
  return rows;
}
