/**
 * Signing a release on screen: the drawn PNG is kept byte-identical, anything
 * that is not a PNG is refused naming the signer, a complete release can be
 * signed without printing (its lines are fixed then, in the same
 * transaction), and the signed copy is generated as a PDF carrying each
 * drawing. Paper still needs the printed form; a mix of paper and screen is
 * refused.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { addDays, format, subYears } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection } from '../db/connection.ts';
import { DB_FILE } from '../db/vault.ts';
import { createApi, type Api } from '../electron/services/api.ts';
import type { ChannelInput } from '../electron/shared/contract.ts';
import { blankStudent } from '../electron/shared/schemas/students.ts';
import { readPdf } from './documents/pdf-text.ts';
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

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** What the pad exports: an RGBA PNG, transparent but for a dark stroke (a different curve per `seed`). */
function drawnPng(seed: number, width = 220, height = 60): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4, 0);
    for (let x = 0; x < width; x++) {
      const curve = height / 2 + Math.sin(x / (6 + seed)) * (height / 3);
      if (Math.abs(y - curve) < 2) row.set([0x14, 0x21, 0x3d, 0xff], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
}

const studentPng = drawnPng(1);
const parentPng = drawnPng(3);

function onScreen(over: Partial<ChannelInput<'releases:recordSignature'>> & { id: string }): ChannelInput<'releases:recordSignature'> {
  return {
    signedOn: today,
    effectiveFrom: null,
    copyGivenOn: today,
    signatures: [
      { role: 'student', signedName: 'Mai Vang', pngBase64: studentPng.toString('base64') },
      { role: 'parent_or_guardian', signedName: 'Pa Vang', pngBase64: parentPng.toString('base64') },
    ],
    scan: null,
    ...over,
  };
}

const newRelease = async (draft = complete) => (await ok(api.call('releases:save', { studentId, draft }))).id;

/** Reads the vault from outside the app (with the recovery key), to see exactly what was stored. */
function storedRows<T>(sql: string, ...params: unknown[]): T[] {
  const db = openConnection(path.join(root, 'vault', DB_FILE), Buffer.from(recoveryKeyHex(recoveryKey), 'hex'), { create: false });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  root = makeTempDir('releases-signature');
  api = createApi({ vaultDir: path.join(root, 'vault'), ports: fakePorts({ exportDir: path.join(root, 'exports') }) });
  recoveryKey = (await ok(api.call('vault:create', { passphrase: 'signature test passphrase' }))).recoveryKey;
  await ok(api.call('settings:set', { workerName: 'Dana Olson, LCSW', organizationName: 'Trempealeau County DHS', organizationAddress: '36245 Main St, Whitehall WI 54773' }));
  // Fifteen today: with mental health records she signs, and so does her mother.
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

describe('signing a release on screen', () => {
  it('signs a ready, never printed release: lines fixed, drawings kept byte-identical, a signed copy generated', async () => {
    const id = await newRelease();
    const before = await ok(api.call('releases:get', { id }));
    expect(before.summary.status).toBe('draft');
    expect(before.printedOn).toBeNull();
    expect(before.check.printProblems).toEqual([]);
    expect(storedRows('SELECT role FROM release_signers WHERE release_id = ?', id)).toEqual([]);

    await ok(api.call('releases:recordSignature', onScreen({ id })));

    const signed = await ok(api.call('releases:get', { id }));
    expect(signed.summary.status).toBe('active');
    expect(signed.summary.signedOn).toBe(today);
    // Signed without printing: it was never printed, and says so.
    expect(signed.printedOn).toBeNull();
    expect(signed.signatures).toEqual([
      { role: 'student', signedName: 'Mai Vang', onScreen: true },
      { role: 'parent_or_guardian', signedName: 'Pa Vang', onScreen: true },
    ]);
    // The lines were fixed at signing, as printing would have fixed them.
    const lines = storedRows<{ role: string; name: string | null }>('SELECT role, name FROM release_signers WHERE release_id = ? ORDER BY position', id);
    expect(lines.map((l) => l.role).sort()).toEqual(['parent_or_guardian', 'student']);
    expect(lines.find((l) => l.role === 'student')?.name).toBe('Mai Vang');

    const drawings = storedRows<{ role: string; signature_png: Buffer }>('SELECT role, signature_png FROM release_signatures WHERE release_id = ? ORDER BY position', id);
    expect(Buffer.compare(drawings.find((d) => d.role === 'student')!.signature_png, studentPng)).toBe(0);
    expect(Buffer.compare(drawings.find((d) => d.role === 'parent_or_guardian')!.signature_png, parentPng)).toBe(0);

    // The signed copy: one PDF on file, opened like a scan.
    expect(signed.attachments).toHaveLength(1);
    const attachment = signed.attachments[0]!;
    expect(attachment).toMatchObject({ mime: 'application/pdf', fileName: `Release ${signed.summary.formId} signed ${today}.pdf` });
    const opened = await ok(api.call('releases:openSignedCopy', { attachmentId: attachment.id }));
    expect(opened).toEqual({ saved: true, fileName: attachment.fileName });
    const file = path.join(root, 'exports', attachment.fileName);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(attachment.sha256);
    expect(attachment.bytes).toBe(pdf.length);

    // One embedded picture per drawing (pdfimages lists each alpha mask on its own row, as smask).
    const listed = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter((row) => row.trim());
    const images = listed.filter((row) => row.trim().split(/\s+/)[2] === 'image');
    expect(images.length).toBeGreaterThanOrEqual(2);
    const { text } = await readPdf(pdf);
    expect(text).toContain('Mai Vang');
    expect(text).toContain('Pa Vang');
    expect(text).toContain(signed.summary.formId);
    // Each drawn line is dated, and the copy given to the signer is recorded on the form.
    const shown = `${today.slice(5, 7)}/${today.slice(8, 10)}/${today.slice(0, 4)}`;
    expect(text.split(shown).length - 1).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(new RegExp(`given to the signer on ${shown.replace(/\//g, '\\/')} by`));
  });

  it('a printed release can be signed on screen too, on the lines fixed when it was printed', async () => {
    const id = await newRelease();
    await ok(api.call('releases:print', { id }));
    const printedLines = storedRows('SELECT id, role, name, why, position FROM release_signers WHERE release_id = ? ORDER BY position', id);
    await ok(api.call('releases:recordSignature', onScreen({ id })));
    expect(storedRows('SELECT id, role, name, why, position FROM release_signers WHERE release_id = ? ORDER BY position', id)).toEqual(printedLines);
    const signed = await ok(api.call('releases:get', { id }));
    expect(signed.summary.status).toBe('active');
    expect(signed.attachments.map((a) => a.mime)).toEqual(['application/pdf']);
  });

  it('refuses bytes that are not a PNG, naming the signer, and changes nothing', async () => {
    const id = await newRelease();
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('JFIF not a signature at all')]);
    const input = onScreen({ id });
    input.signatures[1] = { role: 'parent_or_guardian', signedName: 'Pa Vang', pngBase64: jpeg.toString('base64') };
    const refused = await api.call('releases:recordSignature', input);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'signatures.1.pngBase64', message: 'The signature drawn for the parent or guardian is not a PNG picture. Clear it and sign again.' },
    });
    const after = await ok(api.call('releases:get', { id }));
    expect(after.summary.status).toBe('draft');
    expect(after.attachments).toEqual([]);
    expect(storedRows('SELECT role FROM release_signers WHERE release_id = ?', id)).toEqual([]);
    expect(storedRows('SELECT role FROM release_signatures WHERE release_id = ?', id)).toEqual([]);
  });

  it('refuses a drawing that is not base64, or too large, at the boundary', async () => {
    const id = await newRelease();
    const garbled = onScreen({ id });
    garbled.signatures[0] = { role: 'student', signedName: 'Mai Vang', pngBase64: 'not base64!' };
    expect(await api.call('releases:recordSignature', garbled)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'signatures.0.pngBase64', message: 'The signature drawn for the student is not a picture Liaison can read. Clear it and sign again.' },
    });
    const huge = onScreen({ id });
    huge.signatures[0] = { role: 'student', signedName: 'Mai Vang', pngBase64: Buffer.concat([studentPng, Buffer.alloc(310 * 1024)]).toString('base64') };
    expect(await api.call('releases:recordSignature', huge)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'signatures.0.pngBase64', message: expect.stringMatching(/^The signature drawn for the student is larger than 300 KB\./) },
    });
  });

  it('refuses a PNG whose header is right but whose pixels are not, before the PDF builder sees it', async () => {
    const id = await newRelease();
    const head = drawnPng(2).subarray(0, 33); // the PNG signature and the IHDR chunk
    const end = pngChunk('IEND', Buffer.alloc(0));
    const badChecksum = pngChunk('IDAT', deflateSync(Buffer.alloc(10)));
    badChecksum.fill(0, badChecksum.length - 4);
    const broken = [
      Buffer.concat([head, pngChunk('IDAT', Buffer.from('these are not compressed pixels')), end]),
      Buffer.concat([head, pngChunk('IDAT', deflateSync(Buffer.alloc(30))), end]),
      Buffer.concat([head, badChecksum, end]),
      head,
    ];
    for (const png of broken) {
      const input = onScreen({ id });
      input.signatures[0] = { role: 'student', signedName: 'Mai Vang', pngBase64: png.toString('base64') };
      const refused = await api.call('releases:recordSignature', input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'signatures.0.pngBase64', message: expect.stringMatching(/^The signature drawn for the student is (damaged|cut short)\. Clear it and sign again\.$/) } });
    }
    expect((await ok(api.call('releases:get', { id }))).summary.status).toBe('draft');
  });

  it('still refuses paper signatures on a release that was never printed', async () => {
    const id = await newRelease();
    const paper = await api.call('releases:recordSignature', {
      id,
      signedOn: today,
      effectiveFrom: null,
      copyGivenOn: today,
      signatures: [
        { role: 'student', signedName: 'Mai Vang' },
        { role: 'parent_or_guardian', signedName: 'Pa Vang' },
      ],
      scan: null,
    });
    expect(paper).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/^Print the release for signature first/) } });
    expect((await ok(api.call('releases:get', { id }))).summary.status).toBe('draft');
  });

  it('refuses a mix of paper and screen with a plain message', async () => {
    const id = await newRelease();
    await ok(api.call('releases:print', { id }));
    const input = onScreen({ id });
    input.signatures[1] = { role: 'parent_or_guardian', signedName: 'Pa Vang' };
    expect(await api.call('releases:recordSignature', input)).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: 'signatures',
        message: 'Sign every line the same way: parent or guardian signed on paper and student on screen. Record them all on paper (print the form and attach the scan), or have everyone sign on screen.',
      },
    });
  });

  it('refuses an incomplete release, a missing line, and a drawing dated another day', async () => {
    const incomplete = await newRelease({ ...complete, purpose: '' });
    expect(await api.call('releases:recordSignature', onScreen({ id: incomplete }))).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/^The release is not complete, so it cannot be signed yet: /) },
    });
    expect(storedRows('SELECT role FROM release_signers WHERE release_id = ?', incomplete)).toEqual([]);

    const id = await newRelease();
    const onlyStudent = onScreen({ id });
    onlyStudent.signatures = onlyStudent.signatures.slice(0, 1);
    expect(await api.call('releases:recordSignature', onlyStudent)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'signatures', message: expect.stringMatching(/parent or guardian is missing/) } });
    expect(await api.call('releases:recordSignature', onScreen({ id, signedOn: iso(addDays(new Date(), -3)) }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'signedOn' } });
    expect((await ok(api.call('releases:get', { id }))).summary.status).toBe('draft');
  });

  it('audits the signing with the signed copy’s hash, never the drawing', async () => {
    const rows = storedRows<{ details: string }>(`SELECT details FROM audit_log WHERE action = 'release.signed'`);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const details = rows.map((r) => JSON.parse(r.details) as Record<string, unknown>);
    expect(details.every((d) => d.way === 'screen' && typeof d.signedCopy === 'string')).toBe(true);
    expect(rows.some((r) => r.details.includes(studentPng.toString('base64').slice(0, 40)))).toBe(false);
  });
});

