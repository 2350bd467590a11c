/**
 * The referral packet read back as a recipient would: one file whose pages
 * are the cover, the form, the consent and the attachments in order, every
 * page carrying the confidentiality line and its own "Page i of n"; a 20-page
 * scan merged intact, page for page; nothing about the student that the
 * caller did not pass in; names and HTML-looking text exactly as typed; and
 * files that are not what they claim refused with a plain sentence.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDocument,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFRawStream,
  StandardFonts,
  concatTransformationMatrix,
  degrees,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONSENT_TITLES,
  COVER_TITLE,
  FORM_TITLE,
  REDISCLOSURE_HEADING,
  REFERRAL_PACKET_TITLE,
  referralPacket,
  type ReferralPacket,
  type ReferralPacketData,
} from '../../electron/documents/referral-packet.ts';
import { jpegOrientation } from '../../electron/documents/referral-packet-merge.ts';
import { releaseForm } from '../../electron/documents/release-form.ts';
import { DEFAULT_RELEASE_TEMPLATES } from '../../electron/documents/release-templates.ts';
import { occurrences, readPdfPages } from './pdf-text.ts';
import { XSS, englishRelease, signaturePng } from './release-fixtures.ts';

const STUDENT = 'Nguyễn Thị Ánh';
const HMONG = 'Xiong Pa Houa Vang';
const CONFIDENTIAL =
  'CONFIDENTIAL — Pupil and client record protected by FERPA, s. 118.125 and s. 51.30, Wis. Stats., and DHS 92. Do not redisclose without written consent or as the law allows.';
const NOTICE = 'This information has been disclosed to you from records protected by federal and state confidentiality rules. You may not disclose it further without written consent.';
const SCAN_PAGES = 20;
const marker = (i: number) => `SCAN-MARKER-${String(i).padStart(2, '0')}`;

/** A 24×12 baseline JPEG (left half blue, right half paper), made once with an encoder. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk8BDg4OExETJhUVJk81LTVPT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT//AABEIAAwAGAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AMCvbOA67wF/y/8A/bP/ANmrgxv2fmdFDqdfXAdB5FXvHnnXeAv+X/8A7Z/+zVwY37PzOih1OvrgOg//2Q==',
  'base64',
);

/** The same JPEG with an EXIF block saying "turn a quarter clockwise to view" (orientation 6), as phones write. */
function withOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]));
}

/**
 * A scanned-like PDF: every page a full-page grayscale image of its own (form
 * lines to the very foot, where a stamp could cover them) and a marker text.
 */
async function scannedPdf(pages: number, text: (i: number) => string, rotate = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const [w, h] = [306, 396];
  for (let p = 1; p <= pages; p++) {
    const pixels = Buffer.alloc(w * h, 245);
    for (let line = 0; line < 30; line++) pixels.fill(40, (40 + line * 11) * w + 30, (40 + line * 11) * w + 30 + ((line * 37 + p * 13) % 240));
    pixels.fill(20, (h - 4) * w, h * w);
    const image = doc.context.register(
      doc.context.stream(deflateSync(pixels), { Type: 'XObject', Subtype: 'Image', Width: w, Height: h, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode' }),
    );
    const page = doc.addPage([612, 792]);
    const name = page.node.newXObject('Scan', image);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(612, 0, 0, 792, 0, 0), drawObject(name), popGraphicsState());
    page.drawText(text(p), { x: 72, y: 750, size: 14, font });
    if (rotate) page.setRotation(degrees(90));
  }
  return doc.save();
}

const INCLUDED = [
  { title: 'Education plans', lines: ['Individualized Education Program (IEP): yes, annual review due 02/10/2027', 'Section 504 plan: no'] },
  { title: 'Attendance', lines: ['2026–27 to date: 41 of 52 days present (79%)'] },
];
/** In the record but not covered by the consent: the caller leaves it out, and it must appear nowhere. */
const EXCLUDED = { title: 'Mental health treatment', lines: ['Diagnosis: generalized anxiety disorder; sertraline 50 mg'] };

function packetData(overrides: Partial<ReferralPacketData> = {}): ReferralPacketData {
  return {
    organization: 'Arcadia School District · Pupil Services',
    organizationAddress: '756 Raider Dr.\nArcadia, WI 54612',
    preparedBy: 'Kari Halvorson, School Social Worker',
    preparedOn: '2026-11-23',
    recipient: { name: 'Trempealeau County DHS, CLTS intake', address: '36245 Main St.\nWhitehall, WI 54773' },
    referral: {
      reason: `Needs daily help with self-care and safety at home. ${XSS}`,
      urgency: 'urgent',
      expectedOutcome: 'A functional screen within 30 days.',
      program: 'Children’s Long-Term Support (CLTS)',
    },
    student: {
      name: STUDENT,
      dob: '2012-03-14',
      grade: '8',
      school: 'Arcadia Middle School',
      guardians: [
        { name: 'Nguyễn Thị Lan', relationship: 'Mother', phone: '(608) 555-0142', language: 'Vietnamese' },
        { name: HMONG, relationship: 'Foster parent', phone: null, language: 'Hmong' },
      ],
    },
    sections: INCLUDED,
    basis: 'Release ROI-2026-3E0111, signed 09/01/2026',
    consent: null,
    attachments: [],
    confidentiality: CONFIDENTIAL,
    redisclosureNotice: NOTICE,
    ...overrides,
  };
}

/** A page's content streams, inflated and joined: its drawing operators as text. */
function pageContent(doc: PDFDocument, index: number): string {
  const contents = doc.getPage(index).node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  return streams
    .map((stream) => {
      if (!(stream instanceof PDFRawStream)) return '';
      const flate = stream.dict.get(PDFName.of('Filter'))?.toString() === '/FlateDecode';
      return Buffer.from(flate ? inflateSync(stream.contents) : stream.contents).toString('latin1');
    })
    .join('\n');
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const range = (first: number, pages: number) => (pages === 1 ? `page ${first}` : `pages ${first}–${first + pages - 1}`);

describe('referral packet', () => {
  let scan: Uint8Array;
  let consentScan: Uint8Array;
  let packet: ReferralPacket;
  let pages: string[];

  beforeAll(async () => {
    scan = await scannedPdf(SCAN_PAGES, marker);
    consentScan = await scannedPdf(2, (i) => `CONSENT-SCAN-${i}`);
    packet = await referralPacket(
      packetData({
        consent: { kind: 'scan', mime: 'application/pdf', bytes: consentScan },
        attachments: [
          { title: 'Attendance summary 2026–27', category: 'Attendance', mime: 'image/png', bytes: signaturePng(600, 300) },
          { title: 'Autism screening results', category: 'Screening results', mime: 'application/pdf', bytes: scan },
        ],
      }),
    );
    pages = (await readPdfPages(packet.bytes)).pages;
  });

  it('has as many pages as its parts: cover, form, consent, then each attachment', async () => {
    expect(packet.parts.map((p) => p.title)).toEqual([COVER_TITLE, FORM_TITLE, CONSENT_TITLES.scan, 'Attendance summary 2026–27', 'Autism screening results']);
    const [cover, form, consent, png, pdf] = packet.parts;
    expect(consent?.pages).toBe(2);
    expect(png?.pages).toBe(1);
    expect(pdf?.pages).toBe(SCAN_PAGES);
    expect(packet.pages).toBe(packet.parts.reduce((sum, p) => sum + p.pages, 0));
    expect(pages).toHaveLength(packet.pages);
    expect((await PDFDocument.load(packet.bytes)).getPageCount()).toBe(packet.pages);
    // Each part starts where the one before it ends.
    let next = 1;
    for (const part of packet.parts) {
      expect(part.firstPage).toBe(next);
      next += part.pages;
    }
    // The cover and form are whole documents of their own: every one of their pages says which it is.
    for (const [part, word] of [
      [cover, COVER_TITLE],
      [form, FORM_TITLE],
    ] as const) {
      for (let p = part?.firstPage ?? 0; p < (part?.firstPage ?? 0) + (part?.pages ?? 0); p++) expect(pages[p - 1]).toContain(`${REFERRAL_PACKET_TITLE} · ${STUDENT} · ${word}`);
    }
  });

  it('prints the confidentiality line and its own "Page i of n" on every page, and no other page number', () => {
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(CONFIDENTIAL);
      expect(occurrences(text, `Page ${i + 1} of ${packet.pages}`), `page ${i + 1}`).toBe(1);
      // The frame's own footer is left blank on the cover and form: one page number per page.
      expect(text.match(/Page \d+ of \d+/g), `page ${i + 1}`).toHaveLength(1);
      // A loose page can be filed again: it names the packet, the student and its part.
      expect(text, `page ${i + 1}`).toContain(`${REFERRAL_PACKET_TITLE} · ${STUDENT}`);
    });
  });

  it('merges the 20-page scan intact: every page, in order, with its image untouched', async () => {
    const part = packet.parts[4];
    expect(part).toBeDefined();
    if (!part) return;
    for (let i = 1; i <= SCAN_PAGES; i++) {
      const at = part.firstPage + i - 1;
      expect(pages[at - 1], `marker ${i}`).toContain(marker(i));
      pages.forEach((text, p) => {
        if (p !== at - 1) expect(text).not.toContain(marker(i));
      });
    }
    // The scanned images are copied, not redrawn: same size and the same compressed bytes as in the source.
    const source = await PDFDocument.load(scan);
    const merged = await PDFDocument.load(packet.bytes);
    const imageOf = (doc: PDFDocument, index: number) => {
      const xobjects = doc.getPage(index).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
      // pdf-lib named it "Scan-…" when the test drew it; copying keeps the names.
      const key = xobjects?.keys().find((name) => name.asString().startsWith('/Scan'));
      const image = key ? xobjects?.lookup(key) : undefined;
      if (!(image instanceof PDFRawStream)) throw new Error(`no scan image on page ${index + 1}`);
      return image;
    };
    for (let i = 0; i < SCAN_PAGES; i++) {
      const before = imageOf(source, i);
      const after = imageOf(merged, part.firstPage - 1 + i);
      expect(after.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber()).toBe(306);
      expect(Buffer.from(after.contents).equals(Buffer.from(before.contents))).toBe(true);
    }
  });

  it('lists the enclosures on the cover with the page ranges they really have', () => {
    const cover = pages.slice(0, packet.parts[0]?.pages ?? 1).join(' ');
    for (const part of packet.parts.slice(1)) {
      expect(cover).toMatch(new RegExp(`${escape(part.title)} (?:[^•]* )?${escape(range(part.firstPage, part.pages))}`));
    }
    expect(cover).toContain('Screening results');
    expect(cover).toContain('Release ROI-2026-3E0111, signed 09/01/2026');
    expect(cover).toContain('Urgent');
  });

  it('holds the student information it was given, and nothing the consent does not cover', async () => {
    const text = pages.join(' ');
    for (const section of INCLUDED) {
      expect(text).toContain(section.title);
      for (const line of section.lines) expect(text).toContain(line);
    }
    expect(text).not.toContain(EXCLUDED.title);
    expect(text).not.toContain('anxiety');
    expect(text).not.toContain('sertraline');

    // With no sections at all, the builder adds no category of its own: no health, diagnosis or plan wording.
    const bare = await referralPacket(packetData({ sections: [] }));
    const bareText = (await readPdfPages(bare.bytes)).pages.join(' ');
    for (const word of ['Education plans', 'Attendance', 'IEP', '504', 'Mental health', 'Diagnos', 'Medication', 'Substance', 'Alcohol', 'Psychiatric', 'Treatment', 'Behavior']) {
      expect(bareText, word).not.toContain(word);
    }
    expect(bare.parts.map((p) => p.title)).toEqual([COVER_TITLE, FORM_TITLE]);
  });

  it('prints Vietnamese and Hmong names, and HTML-looking text, exactly as typed, in the stamp too', () => {
    const form = pages.slice((packet.parts[1]?.firstPage ?? 2) - 1, (packet.parts[2]?.firstPage ?? 3) - 1).join(' ');
    expect(form).toContain(STUDENT);
    expect(form).toContain(HMONG);
    expect(form).toContain('Nguyễn Thị Lan');
    expect(form).toContain(XSS);
    expect(form).toContain(REDISCLOSURE_HEADING);
    expect(form).toContain(NOTICE);
    // The stamp on a copied scan page is drawn with the embedded Unicode font.
    expect(pages[packet.pages - 1]).toContain(`${REFERRAL_PACKET_TITLE} · ${STUDENT} · Autism screening results`);
  });

  it('refuses a file that is not what its type says, with a plain sentence', async () => {
    const png = signaturePng(20, 10);
    await expect(referralPacket(packetData({ attachments: [{ title: 'Attendance', category: 'Attendance', mime: 'image/jpeg', bytes: png }] }))).rejects.toThrow(
      'The attachment "Attendance" is not a JPEG image, though it is labelled as one.',
    );
    await expect(referralPacket(packetData({ consent: { kind: 'scan', mime: 'application/pdf', bytes: png } }))).rejects.toThrow(
      'The scanned consent is not a PDF file, though it is labelled as one.',
    );
    await expect(referralPacket(packetData({ attachments: [{ title: 'IEP', category: 'IEP/504 summary', mime: 'image/png', bytes: TINY_JPEG }] }))).rejects.toThrow(
      'is not a PNG image',
    );
  });

  it('refuses an encrypted PDF and a packet over 60 MB', async () => {
    const plain = Buffer.from(await (await PDFDocument.create()).save({ useObjectStreams: false })).toString('latin1');
    // An encryption dictionary in the trailer, as a password-protected file has.
    const at = plain.lastIndexOf('trailer');
    const encrypted = Buffer.from(`${plain.slice(0, at)}${plain.slice(at).replace('<<', '<<\n/Encrypt << /Filter /Standard /V 1 /R 2 /P -4 >>')}`, 'latin1');
    await expect(
      referralPacket(packetData({ attachments: [{ title: 'Screening', category: 'Screening results', mime: 'application/pdf', bytes: encrypted }] })),
    ).rejects.toThrow('The attachment "Screening" is a password-protected (encrypted) PDF');

    const huge = new Uint8Array(61 * 1024 * 1024);
    huge.set(Buffer.from('%PDF-1.7\n', 'latin1'));
    await expect(referralPacket(packetData({ attachments: [{ title: 'Scan', category: 'Screening results', mime: 'application/pdf', bytes: huge }] }))).rejects.toThrow(
      'over the 60 MB limit',
    );
  });

  it('puts a photo on a Letter page of its own, turned upright as its EXIF says, and never blown up past 1:1', async () => {
    const sideways = withOrientation(TINY_JPEG, 6);
    expect(jpegOrientation(TINY_JPEG)).toBe(1);
    expect(jpegOrientation(sideways)).toBe(6);
    const out = await referralPacket(
      packetData({
        attachments: [
          // A view into a larger buffer, as a Buffer from Node's pool is.
          { title: 'Photo as stored', category: 'Attendance', mime: 'image/jpeg', bytes: Buffer.concat([Buffer.alloc(100, 7), TINY_JPEG]).subarray(100) },
          { title: 'Photo taken sideways', category: 'Attendance', mime: 'image/jpeg', bytes: sideways },
        ],
      }),
    );
    const doc = await PDFDocument.load(out.bytes);
    const size = (index: number) => doc.getPage(index).getSize();
    expect(size(out.pages - 2)).toEqual({ width: 792, height: 612 });
    expect(size(out.pages - 1)).toEqual({ width: 612, height: 792 });
    const text = (await readPdfPages(out.bytes)).pages;
    expect(text[out.pages - 1]).toContain('Photo taken sideways');
    // 24 × 12 pixels are drawn 24 × 12 points: not blown up to fill the page.
    expect(pageContent(doc, out.pages - 2)).toContain('\n24 0 0 12 0 0 cm\n');
  });

  it('copies a generated consent, and stamps a page turned by /Rotate at the foot it is read from', async () => {
    const generated = await releaseForm(englishRelease(), DEFAULT_RELEASE_TEMPLATES.en);
    const turned = await scannedPdf(1, () => 'TURNED-PAGE', true);
    const out = await referralPacket(
      packetData({ consent: { kind: 'generated', pdf: generated }, attachments: [{ title: 'Turned', category: 'Attendance', mime: 'application/pdf', bytes: turned }] }),
    );
    const releasePages = (await PDFDocument.load(generated)).getPageCount();
    expect(out.parts[2]).toEqual({ title: CONSENT_TITLES.generated, firstPage: out.parts[1] ? out.parts[1].firstPage + out.parts[1].pages : 0, pages: releasePages });
    const text = (await readPdfPages(out.bytes)).pages;
    const last = text[out.pages - 1] ?? '';
    expect(last).toContain('TURNED-PAGE');
    expect(last).toContain(CONFIDENTIAL);
    expect(last).toContain(`Page ${out.pages} of ${out.pages}`);
    expect((await PDFDocument.load(out.bytes)).getPage(out.pages - 1).getRotation().angle).toBe(90);
  });
});
