/**
 * The referral packet sent to county intake (CLTS, CCS) or another provider:
 * a cover letter, the referral form, the consent that allows it, and the
 * chosen attachments, merged into one PDF whose every page carries the
 * confidentiality line and "Page i of n" counted across the packet.
 *
 * The caller has already limited the student's information (the sections)
 * and the attachments to what the consent covers for this recipient; this
 * file prints what it is given and adds nothing about the student of its own.
 *
 * Everything from the record is placed in text nodes as plain strings, so
 * nothing in it is read as markup. The cover and the form are rendered with
 * the frame's footer left blank (`footerStamped`): one stamp, drawn on the
 * merged file, numbers every page the same way, scans included.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { CONTENT_WIDTH, displayIsoDate } from './form-parts.ts';
import { COLORS, renderPdfWithPageCount, type PageFrame } from './pdf.ts';
import { MAX_PACKET_BYTES, loadFilePart, loadRenderedPart, mergeParts, type FileMime, type LoadedPart } from './referral-packet-merge.ts';

type Margins = [number, number, number, number];
export type Urgency = 'routine' | 'soon' | 'urgent';

export interface ReferralPacketData {
  organization: string;
  organizationAddress: string;
  preparedBy: string;
  /** YYYY-MM-DD */
  preparedOn: string;
  recipient: { name: string; address: string | null };
  referral: { reason: string; urgency: Urgency; expectedOutcome: string; program: string | null };
  student: {
    name: string;
    /** YYYY-MM-DD */
    dob: string | null;
    grade: string | null;
    school: string | null;
    guardians: { name: string; relationship: string; phone: string | null; language: string | null }[];
  };
  /** Sections of student information already limited by the caller to what the consent covers. */
  sections: { title: string; lines: string[] }[];
  /** What allows the disclosure, e.g. "Release ROI-2026-3E0111, signed 09/01/2026". */
  basis: string;
  consent: { kind: 'scan'; mime: FileMime; bytes: Uint8Array } | { kind: 'generated'; pdf: Uint8Array } | null;
  attachments: { title: string; category: string; mime: FileMime; bytes: Uint8Array }[];
  /** Stamped on every page of the merged file. */
  confidentiality: string;
  redisclosureNotice: string;
}

export interface ReferralPacket {
  bytes: Buffer;
  pages: number;
  /** Each part in order, with the packet page it starts on (1-based). */
  parts: { title: string; firstPage: number; pages: number }[];
}

export const REFERRAL_PACKET_FORM_ID = 'LIA-RP v1';
export const REFERRAL_PACKET_TITLE = 'Referral packet';
export const COVER_TITLE = 'Cover letter';
export const FORM_TITLE = 'Referral form';
export const CONSENT_TITLES = { scan: 'Signed consent (scanned copy)', generated: 'Signed consent' } as const;
export const REDISCLOSURE_HEADING = 'Notice to the recipient';

export const URGENCY_LABELS: Record<Urgency, string> = { routine: 'Routine', soon: 'Soon', urgent: 'Urgent' };
const URGENCY_SENTENCES: Record<Urgency, string> = {
  routine: 'This is a routine referral.',
  soon: 'Please contact the family soon.',
  urgent: 'This referral is urgent: please contact the family, and me, as soon as you can.',
};
const URGENCY_COLORS: Record<Urgency, string> = { routine: COLORS.ink, soon: '#8a5a00', urgent: '#a31515' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM-DD' → 'November 23, 2026', as a letter is dated. Anything else is printed as given. */
function letterDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${Number(match[3])}, ${match[1]}` : iso;
}

function pageRange(first: number, pages: number): string {
  return pages === 1 ? `page ${first}` : `pages ${first}–${first + pages - 1}`;
}

const HEADING = { bold: true, fontSize: 11.5, color: COLORS.accent } as const;
const BOX_LAYOUT = { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule };
const PLAIN_LAYOUT = { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 8, paddingTop: () => 2, paddingBottom: () => 2 };

/** A heading the frame never leaves alone at the foot of a page. */
function sectionHeading(text: string): Content {
  return { text, ...HEADING, margin: [0, 14, 0, 5], headlineLevel: 1 };
}

/** Text as typed, a paragraph for each line she started (blank lines only separate). */
function paragraphs(text: string, margin: Margins = [0, 0, 0, 4]): Content[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return (lines.length > 0 ? lines : ['—']).map((line) => ({ text: line, margin }));
}

function addressLines(address: string): Content[] {
  return address
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => ({ text: line }));
}

function studentLine(student: ReferralPacketData['student']): string {
  const dob = student.dob ? ` (date of birth ${displayIsoDate(student.dob)})` : '';
  const grade = student.grade ? `grade ${student.grade}` : null;
  const where = [grade, student.school].filter(Boolean).join(', ');
  return `${student.name}${dob}${where ? `, ${where}` : ''}`;
}

/* ---------- cover letter ---------- */

interface Enclosure {
  title: string;
  note: string | null;
  firstPage: number;
  pages: number;
}

function coverLetter(data: ReferralPacketData, enclosures: Enclosure[]): Content[] {
  const { referral, recipient, student } = data;
  const to = referral.program ? ` for ${referral.program}` : '';
  const enclosureRows: TableCell[][] = enclosures.map((e) => [
    { text: '•', color: COLORS.muted },
    { text: e.note ? [{ text: e.title }, { text: `  ${e.note}`, color: COLORS.muted, fontSize: 9 }] : e.title },
    { text: pageRange(e.firstPage, e.pages), alignment: 'right', noWrap: true },
  ]);
  return [
    { text: data.organization, fontSize: 13, bold: true, color: COLORS.accent },
    { stack: addressLines(data.organizationAddress), fontSize: 9, color: COLORS.muted, margin: [0, 2, 0, 6] },
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.8, lineColor: COLORS.accent }], margin: [0, 0, 0, 12] },
    { text: letterDate(data.preparedOn), margin: [0, 0, 0, 12] },
    { stack: [{ text: recipient.name }, ...(recipient.address ? addressLines(recipient.address) : [])], margin: [0, 0, 0, 12] },
    {
      text: [{ text: 'Re: ', bold: true }, { text: `Referral of ${student.name}${to}`, bold: true }],
      margin: [0, 0, 0, 2],
    },
    {
      text: [{ text: 'Urgency: ', color: COLORS.muted }, { text: URGENCY_LABELS[referral.urgency], bold: true, color: URGENCY_COLORS[referral.urgency] }],
      margin: [0, 0, 0, 12],
    },
    { text: `Dear ${recipient.name}:`, margin: [0, 0, 0, 8] },
    { text: `I am referring ${studentLine(student)}${to}. The reason for the referral:`, margin: [0, 0, 0, 4] },
    { stack: paragraphs(referral.reason), margin: [14, 0, 0, 6] },
    { text: URGENCY_SENTENCES[referral.urgency], margin: [0, 0, 0, 10] },
    { text: 'Enclosed:', margin: [0, 0, 0, 3] },
    { table: { widths: [10, '*', 'auto'], body: enclosureRows }, layout: PLAIN_LAYOUT, margin: [6, 0, 0, 10] },
    {
      text: [
        'The enclosed information is shared under ',
        { text: data.basis, bold: true },
        ', and is limited to what it allows. The notice to the recipient on the referral form explains how it may be shared further.',
      ],
      margin: [0, 0, 0, 8],
    },
    { text: 'Please contact me with any questions, and to let me know that you have received this referral.', margin: [0, 0, 0, 12] },
    // The sign-off stays together: never a signature alone at the top of a page.
    {
      stack: [
        { text: 'Sincerely,', margin: [0, 0, 0, 24] },
        { text: data.preparedBy },
        { text: data.organization, color: COLORS.muted, fontSize: 9.5 },
      ],
      unbreakable: true,
    },
  ];
}

/* ---------- referral form ---------- */

function labelled(label: string, value: string | null, size = 10.5, colSpan = 1): TableCell {
  return {
    colSpan,
    stack: [
      { text: label, fontSize: 8, color: COLORS.muted },
      { text: value || '—', fontSize: size, bold: Boolean(value), color: value ? COLORS.ink : COLORS.muted, margin: [0, 1, 0, 0] },
    ],
    margin: [6, 4, 6, 5],
  };
}

function referralForm(data: ReferralPacketData): Content[] {
  const { referral, student } = data;
  const guardianRows: TableCell[][] = student.guardians.map((g) => [
    { text: g.name, bold: true },
    { text: g.relationship || '—' },
    { text: g.phone || '—', noWrap: true },
    { text: g.language || '—' },
  ]);
  const guardians: Content =
    guardianRows.length > 0
      ? {
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['*', 100, 100, 90],
            body: [['Name', 'Relationship', 'Phone', 'Language'].map((h): TableCell => ({ text: h, bold: true, fontSize: 8.5, fillColor: '#e6ecf3' })), ...guardianRows],
          },
          layout: { ...BOX_LAYOUT, paddingTop: () => 3, paddingBottom: () => 3 },
          fontSize: 9.5,
        }
      : { text: 'No parent or guardian is listed.', italics: true, color: COLORS.muted };

  const sections = data.sections.flatMap((section): Content[] => [
    sectionHeading(section.title),
    section.lines.length > 0
      ? { ul: section.lines.map((line) => ({ text: line, margin: [0, 0, 0, 2] satisfies Margins })), fontSize: 10 }
      : { text: 'None recorded.', italics: true, color: COLORS.muted },
  ]);

  return [
    { text: data.organization, fontSize: 13, bold: true, color: COLORS.accent },
    { text: FORM_TITLE, fontSize: 17, bold: true, margin: [0, 4, 0, 2] },
    { text: `Prepared by ${data.preparedBy} on ${displayIsoDate(data.preparedOn)}`, fontSize: 9, color: COLORS.muted, margin: [0, 0, 0, 10] },
    {
      table: {
        widths: ['*', 150, 90],
        body: [
          [
            labelled('Referred to', [data.recipient.name, data.recipient.address].filter(Boolean).join('\n')),
            labelled('Program or service', referral.program),
            {
              stack: [
                { text: 'Urgency', fontSize: 8, color: COLORS.muted },
                { text: URGENCY_LABELS[referral.urgency], fontSize: 12, bold: true, color: URGENCY_COLORS[referral.urgency], margin: [0, 1, 0, 0] },
              ],
              margin: [6, 4, 6, 5],
            },
          ],
        ],
      },
      layout: BOX_LAYOUT,
      margin: [0, 0, 0, 12],
    },
    { text: 'Student', ...HEADING, margin: [0, 0, 0, 5] },
    {
      table: {
        widths: ['*', 90, 60],
        body: [
          [labelled('Name', student.name, 12), labelled('Date of birth', student.dob ? displayIsoDate(student.dob) : null), labelled('Grade', student.grade)],
          [labelled('School', student.school, 10.5, 3), '', ''],
        ],
      },
      layout: BOX_LAYOUT,
    },
    { text: 'Parents and guardians', ...HEADING, margin: [0, 14, 0, 5] },
    guardians,
    sectionHeading('Reason for referral'),
    ...paragraphs(referral.reason),
    sectionHeading('Expected outcome'),
    ...paragraphs(referral.expectedOutcome),
    {
      table: { widths: [72, '*'], body: [[{ text: 'Shared under', bold: true, color: COLORS.muted, fontSize: 9.5 }, { text: data.basis }]] },
      layout: PLAIN_LAYOUT,
      margin: [0, 10, 0, 0],
    },
    ...sections,
  ];
}

/* ---------- the packet ---------- */

function frameFor(data: ReferralPacketData, title: string, notice?: { title: string; text: string }): PageFrame {
  return {
    organization: data.organization,
    title,
    formId: REFERRAL_PACKET_FORM_ID,
    // Passed so the frame keeps room at the foot of each page for the stamp the merge draws there.
    confidentiality: data.confidentiality,
    about: data.student.name,
    footerStamped: true,
    ...(notice ? { lastPageNotice: notice } : {}),
  };
}

function checkSize(data: ReferralPacketData): void {
  const consent = data.consent ? (data.consent.kind === 'scan' ? data.consent.bytes : data.consent.pdf).byteLength : 0;
  const total = data.attachments.reduce((sum, a) => sum + a.bytes.byteLength, consent);
  if (total > MAX_PACKET_BYTES) {
    throw new Error(
      `The packet would be ${Math.ceil(total / (1024 * 1024))} MB, over the ${MAX_PACKET_BYTES / (1024 * 1024)} MB limit. Leave out an attachment or attach a smaller scan.`,
    );
  }
}

async function consentPart(consent: NonNullable<ReferralPacketData['consent']>): Promise<LoadedPart> {
  if (consent.kind === 'generated') return loadFilePart(CONSENT_TITLES.generated, 'The consent form', 'application/pdf', consent.pdf);
  return loadFilePart(CONSENT_TITLES.scan, 'The scanned consent', consent.mime, consent.bytes);
}

export async function referralPacket(data: ReferralPacketData): Promise<ReferralPacket> {
  checkSize(data);
  // Files first: a file that is not what it says is refused before anything is rendered.
  const consent = data.consent ? await consentPart(data.consent) : null;
  const attachments = await Promise.all(data.attachments.map((a) => loadFilePart(a.title, `The attachment "${a.title}"`, a.mime, a.bytes)));

  const notice = data.redisclosureNotice.trim();
  const form = await renderPdfWithPageCount(
    frameFor(data, FORM_TITLE, notice ? { title: REDISCLOSURE_HEADING, text: notice } : undefined),
    referralForm(data),
    { subject: FORM_TITLE },
  );
  const formPart = await loadRenderedPart(FORM_TITLE, form.bytes);
  const enclosed: { part: LoadedPart; note: string | null }[] = [
    { part: formPart, note: null },
    ...(consent ? [{ part: consent, note: null }] : []),
    ...attachments.map((part, i) => ({ part, note: data.attachments[i]?.category || null })),
  ];

  // The cover lists page ranges that depend on its own length: render, and again if it came out longer than assumed.
  let coverPages = 1;
  let cover = await renderCover(data, enclosed, coverPages);
  for (let tries = 0; cover.pages !== coverPages && tries < 3; tries++) {
    coverPages = cover.pages;
    cover = await renderCover(data, enclosed, coverPages);
  }
  if (cover.pages !== coverPages) throw new Error('The cover letter’s length would not settle; the packet was not made.');

  const parts = [await loadRenderedPart(COVER_TITLE, cover.bytes), ...enclosed.map((e) => e.part)];
  const bytes = await mergeParts(
    parts,
    { confidentiality: data.confidentiality, label: `${REFERRAL_PACKET_TITLE} · ${data.student.name}` },
    { title: REFERRAL_PACKET_TITLE, subject: 'Referral' },
    (page, pages) => `Page ${page} of ${pages}`,
  );
  if (bytes.byteLength > MAX_PACKET_BYTES) throw new Error(`The packet came to more than ${MAX_PACKET_BYTES / (1024 * 1024)} MB. Leave out an attachment or attach a smaller scan.`);

  let next = 1;
  const placed = parts.map((part) => {
    const entry = { title: part.title, firstPage: next, pages: part.pages };
    next += part.pages;
    return entry;
  });
  return { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages: next - 1, parts: placed };
}

async function renderCover(data: ReferralPacketData, enclosed: { part: LoadedPart; note: string | null }[], coverPages: number): Promise<{ bytes: Buffer; pages: number }> {
  let next = coverPages + 1;
  const enclosures = enclosed.map(({ part, note }): Enclosure => {
    const entry = { title: part.title, note, firstPage: next, pages: part.pages };
    next += part.pages;
    return entry;
  });
  return renderPdfWithPageCount(frameFor(data, COVER_TITLE), coverLetter(data, enclosures), { subject: COVER_TITLE });
}
