/**
 * Releases through the API: the live checklist per regime, who must sign,
 * signing recorded from the paper with the scan kept byte-identical inside
 * the vault, terms fixed once signed (at the database), revocation, and the
 * gate allowing only what a valid release covers.
 */
import { addDays, format, subYears } from 'date-fns';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import type { ChannelInput } from '../electron/shared/contract.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { makeTempDir, removeDir } from './helpers/files.ts';
import { fakePorts } from './helpers/ports.ts';
import { recoveryKeyHex } from './helpers/sqlcipher.ts';

let root: string;
let api: Api;
let recoveryKey: string;
let studentId: string;

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const today = iso(new Date());

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const complete: ChannelInput<'releases:save'>['draft'] = {
  discloser: 'county',
  recipients: [{ kind: 'party', name: 'Arcadia School District', contactId: null, providerId: null, address: '756 Raider Dr, Arcadia WI' }],
  purpose: 'Coordinate mental health supports at school',
  categories: ['mental_health_treatment', 'attendance'],
  otherDescription: null,
  expiry: { kind: 'date', on: iso(addDays(new Date(), 365)) },
  language: 'en',
  regimes: ['HIPAA', 'WI_51_30'],
};

beforeAll(async () => {
  root = makeTempDir('releases');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts({ exportDir: path.join(root, 'exports') }) });
  recoveryKey = (await ok(api.call('vault:create', { passphrase: 'release test passphrase' }))).recoveryKey;
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Trempealeau County DHS', organizationAddress: '36245 Main St, Whitehall WI 54773' }));
  // Fifteen today: a teen who signs for her own mental health records, with her mother.
  studentId = (await ok(api.call('students:create', blankStudent({ legalFirst: 'Mai', legalLast: 'Vang', dob: iso(subYears(new Date(), 15)) })))).id;
  await ok(
    api.call('contacts:add', {
      studentId,
      contact: { firstName: 'Pa', lastName: 'Vang', phone: null, email: null, preferredLanguage: 'Hmong', relationship: 'Mother', legalAuthority: 'parent', courtOrderOnFile: false, noContact: false, noAccess: false, note: null },
    }),
  );
});

afterAll(async () => {
  await api.dispose();
  removeDir(root);
});

describe('a release from draft to revoked', () => {
  let releaseId: string;

  it('lists what each regime still needs while she fills it in', async () => {
    const empty = await ok(api.call('releases:check', { studentId, draft: { ...complete, recipients: [], purpose: '', expiry: null } }));
    const hipaa = empty.gaps.find((g) => g.regime === 'HIPAA')!;
    expect(hipaa.missing.map((m) => m.message)).toEqual(expect.arrayContaining(['HIPAA needs an expiration date or event.']));
    expect(empty.printProblems.length).toBeGreaterThan(0);
    const full = await ok(api.call('releases:check', { studentId, draft: complete }));
    expect(full.gaps.every((g) => g.missing.length === 0)).toBe(true);
    expect(full.printProblems).toEqual([]);
    expect(full.age).toBe(15);
    expect(full.signers.map((s) => s.role).sort()).toEqual(['parent_or_guardian', 'student']);
  });

  it('saves a half-done draft and shows it as a draft', async () => {
    releaseId = (await ok(api.call('releases:save', { studentId, draft: { ...complete, purpose: '' } }))).id;
    await ok(api.call('releases:save', { id: releaseId, studentId, draft: complete }));
    const { releases } = await ok(api.call('releases:list', { studentId }));
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ id: releaseId, status: 'draft', purpose: complete.purpose, recipients: ['Arcadia School District'] });
    expect(releases[0]!.formId).toMatch(/^ROI-\d{4}-[0-9A-F]{6}$/);
  });

  it('refuses a signature before the form was printed, then records it with the scan', async () => {
    const signatures = [
      { role: 'student' as const, signedName: 'Mai Vang' },
      { role: 'parent_or_guardian' as const, signedName: 'Pa Vang' },
    ];
    const early = await api.call('releases:recordSignature', { id: releaseId, signedOn: today, effectiveFrom: null, copyGivenOn: today, signatures, scan: null });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/Print/) } });

    // Printing fixes the signature lines and saves the form for her to print.
    const printed = await ok(api.call('releases:print', { id: releaseId }));
    expect(printed.saved).toBe(true);
    expect(printed.fileName).toMatch(/^Release ROI-\d{4}-[0-9A-F]{6} \d{4}-\d{2}-\d{2}\.pdf$/);
    expect((await ok(api.call('releases:list', { studentId }))).releases[0]!.status).toBe('awaiting_signature');

    const onlyOne = await api.call('releases:recordSignature', { id: releaseId, signedOn: today, effectiveFrom: null, copyGivenOn: today, signatures: signatures.slice(0, 1), scan: null });
    expect(onlyOne).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'signatures' } });

    const notPdf = await api.call('releases:recordSignature', { id: releaseId, signedOn: today, effectiveFrom: null, copyGivenOn: today, signatures, scan: { fileName: 'scan.pdf', mime: 'application/pdf', base64: Buffer.from('hello').toString('base64') } });
    expect(notPdf).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'scan' } });

    // A 10-page-sized scan (random bytes behind a PDF header) round-trips byte-identical.
    const scanBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(600_000)]);
    await ok(api.call('releases:recordSignature', { id: releaseId, signedOn: today, effectiveFrom: null, copyGivenOn: today, signatures, scan: { fileName: 'signed.pdf', mime: 'application/pdf', base64: scanBytes.toString('base64') } }));
    const signed = await ok(api.call('releases:get', { id: releaseId }));
    expect(signed.summary.status).toBe('active');
    expect(signed.attachments).toHaveLength(1);
    expect(signed.attachments[0]!.bytes).toBe(scanBytes.length);
    const stored = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
    try {
      const row = stored.prepare('SELECT bytes FROM release_attachments').get() as { bytes: Buffer };
      expect(Buffer.compare(row.bytes, scanBytes)).toBe(0);
      // The terms of a signed release are fixed at the database, whatever the caller.
      expect(() => stored.prepare(`UPDATE releases SET purpose = 'Anything' WHERE id = ?`).run(releaseId)).toThrow(/signed release cannot be changed/);
      expect(() => stored.prepare(`DELETE FROM release_recipients WHERE release_id = ?`).run(releaseId)).toThrow(/signed release cannot be changed/);
      expect(() => stored.prepare(`DELETE FROM releases WHERE id = ?`).run(releaseId)).toThrow(/cannot be deleted/);
    } finally {
      stored.close();
    }
    expect(await api.call('releases:save', { id: releaseId, studentId, draft: complete })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    // She can open the signed copy: it leaves the vault only to the place she chooses, unchanged.
    const opened = await ok(api.call('releases:openSignedCopy', { attachmentId: signed.attachments[0]!.id }));
    expect(opened).toEqual({ saved: true, fileName: 'signed.pdf' });
    const { readFileSync } = await import('node:fs');
    expect(Buffer.compare(readFileSync(path.join(root, 'exports', 'signed.pdf')), scanBytes)).toBe(0);
  });

  it('a signed release’s end date is on the due-soon list when it comes near', async () => {
    const { items } = await ok(api.call('caseload:dueSoon', {}));
    // It ends in a year: not yet on the panel, but it is the record's deadline.
    expect(items.some((i) => i.kind === 'consent-expiry')).toBe(false);
    const record = await ok(api.call('students:get', { id: studentId }));
    expect(record.deadlines.find((d) => d.kind === 'consent-expiry')).toMatchObject({ dueOn: complete.expiry!.kind === 'date' ? complete.expiry!.on : '', bucket: 'later' });
  });

  it('the gate allows what the release covers and nothing else', async () => {
    const ask = (over: Partial<ChannelInput<'releases:gate'>>) =>
      ok(api.call('releases:gate', { studentId, recipient: { name: 'Arcadia School District', contactId: null, providerId: null, className: null }, purpose: complete.purpose, categories: ['attendance'], onDate: today, exception: null, ...over }));
    expect(await ask({})).toEqual({ allowed: true, basis: { kind: 'release', releaseId } });
    const wrongRecipient = await ask({ recipient: { name: 'Sunrise Counseling', contactId: null, providerId: null, className: null } });
    expect(wrongRecipient.allowed).toBe(false);
    const uncovered = await ask({ categories: ['attendance', 'aoda_treatment'] });
    expect(uncovered.allowed).toBe(false);
    if (!uncovered.allowed) expect(uncovered.reasons.join(' ')).toMatch(/alcohol and drug treatment records/);
    const emergency = await ask({ recipient: { name: 'Sunrise Counseling', contactId: null, providerId: null, className: null }, exception: { kind: 'health_safety_emergency', reason: 'Student disclosed a plan to harm herself today.' } });
    expect(emergency.allowed).toBe(true);
    const noReason = await ask({ exception: { kind: 'health_safety_emergency', reason: 'urgent' } });
    expect(noReason.allowed).toBe(false);
  });

  it('revocation stops disclosures from the day it was received', async () => {
    const tomorrow = iso(addDays(new Date(), 1));
    await ok(api.call('releases:revoke', { id: releaseId, receivedOn: tomorrow, method: 'oral', receivedBy: 'Dana Olson, LCSW' }));
    const gate = (onDate: string) =>
      ok(api.call('releases:gate', { studentId, recipient: { name: 'Arcadia School District', contactId: null, providerId: null, className: null }, purpose: complete.purpose, categories: ['attendance'], onDate, exception: null }));
    expect((await gate(today)).allowed).toBe(true);
    const after = await gate(tomorrow);
    expect(after.allowed).toBe(false);
    if (!after.allowed) expect(after.reasons.join(' ')).toMatch(/revoked/i);
    expect(await api.call('releases:revoke', { id: releaseId, receivedOn: today, method: 'written', receivedBy: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect((await ok(api.call('disclosures:list', { studentId }))).disclosures).toEqual([]);
  });
});
