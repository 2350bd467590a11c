/**
 * The release of information (authorization / consent) a parent or student
 * signs: data in, PDF bytes out. The template's language decides every fixed
 * word; the data is printed exactly as given, as text.
 *
 * Which statements print:
 * - always: right to revoke and how, whether anything depends on signing,
 *   and the redisclosure statement(s) — HIPAA's "may no longer be protected"
 *   when HIPAA is chosen, the "may not share again without consent" one when
 *   FERPA, s. 51.30, s. 146.81 or Part 2 is chosen (or nothing is);
 * - FERPA: a copy of the records released on request; rights pass at 18;
 * - WI_51_30: the DHS 92.03(1) confidentiality statement to the recipient;
 * - CFR42_PART2: the § 2.31(a)(10) redisclosure statement and the § 2.32
 *   notice to the recipient.
 */
import type { Content, ContentText } from 'pdfmake/interfaces';
import { COLORS, renderPdf } from './pdf.ts';
import { CONTENT_WIDTH, checkItem, displayIsoDate, fieldLine, fill, heading, joinList, joinListBold, onLine, pngDataUrl } from './form-parts.ts';
import type { ReleaseRegime, ReleaseTemplate, Statement } from './release-templates.ts';
import { RELEASE_REGIMES } from './release-templates.ts';

export interface ReleaseFormData {
  /** Letterhead: district and/or county name. */
  organization: string;
  /** e.g. 'ROI-2026-0042'. */
  formId: string;
  /** Ties a scanned signed copy back to this record: printed as text and as a QR code. */
  verificationCode: string;
  student: { name: string; /** YYYY-MM-DD */ dob: string | null };
  /** e.g. ['Arcadia School District', 'Trempealeau County Department of Human Services']. */
  disclosers: string[];
  /** One line each: a named person or agency with address, or a class of parties. */
  recipients: string[];
  purpose: string;
  /** Already in the form's language. */
  categories: { label: string; note?: string }[];
  expiry: { kind: 'date'; /** YYYY-MM-DD */ on: string } | { kind: 'event'; event: string };
  regimes: ReleaseRegime[];
  /** Where a written revocation goes. */
  revokeTo: { name: string; address: string };
  signers: {
    /** e.g. 'Parent or legal guardian'. */
    caption: string;
    name?: string;
    /** Print an "Authority to sign for the student" line, for representatives. */
    authorityLine?: boolean;
  }[];
  /** The worker's name. */
  preparedBy: string;
  /** YYYY-MM-DD */
  preparedOn: string;
  /** On-screen signatures, printed over the signer's signature line. */
  signatureImages?: { signerIndex: number; png: Uint8Array }[];
  /** YYYY-MM-DD: the day the on-screen signatures were made, printed on their date lines. */
  signedOn?: string;
  /** When the signer was given a copy, and by whom (a copy signed on screen is printed after the fact). */
  copyGiven?: { on: string; by: string };
}

/** What the QR code holds: enough to find the record, nothing about the student. */
export function releaseQrPayload(data: Pick<ReleaseFormData, 'formId' | 'verificationCode'>): string {
  return `${data.formId}|${data.verificationCode}`;
}

const SIGNATURE_WIDTH = 300;
const DATE_WIDTH = 140;
const LINE_GAP = CONTENT_WIDTH - SIGNATURE_WIDTH - DATE_WIDTH;
const SIGNATURE_HEIGHT = 34;

type Inline = string | ContentText;

function paragraph(text: Inline[] | string, margin: [number, number, number, number] = [0, 0, 0, 6]): Content {
  return { text, margin };
}

function statement(s: Statement, values: Record<string, Inline | Inline[]> = {}): Content {
  return paragraph([{ text: `${s.lead} `, bold: true }, ...fill(s.text, values)]);
}

/** A heading kept on the same page as what follows it. */
function section(title: string, first: Content, ...rest: Content[]): Content[] {
  return [{ stack: [heading(title), first], unbreakable: true }, ...rest];
}

function boxedNotice(title: string, text: string): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: title, bold: true, fontSize: 9.5, margin: [0, 0, 0, 3] },
              { text, fontSize: 9, lineHeight: 1.2 },
            ],
            margin: [6, 5, 6, 5],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
    },
    margin: [0, 0, 0, 8],
    // Whole or not at all: a notice split over a page leaves a one-line widow (seen in the all-regimes form).
    unbreakable: true,
  };
}

function letterhead(data: ReleaseFormData, template: ReleaseTemplate, regimes: ReleaseRegime[]): Content {
  const laws = regimes.map((r) => template.lawNames[r]);
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: data.organization, fontSize: 13, bold: true, color: COLORS.accent },
          { text: template.title, fontSize: 17, bold: true, margin: [0, 6, 0, 4] },
          {
            text: [
              `${template.labels.form} ${data.formId}`,
              { text: '   ·   ', color: COLORS.rule },
              `${template.labels.version} ${template.version}`,
            ],
            fontSize: 9,
            color: COLORS.muted,
          },
          ...(laws.length > 0
            ? [{ text: fill(template.labels.regimesLine, { laws: joinList(laws, template.labels.and) }), fontSize: 8.5, color: COLORS.muted, margin: [0, 2, 0, 0] as [number, number, number, number] }]
            : []),
        ],
      },
      {
        width: 96,
        stack: [
          { qr: releaseQrPayload(data), fit: 64, eccLevel: 'M', alignment: 'right' },
          { text: template.labels.verificationCode, fontSize: 7, color: COLORS.muted, alignment: 'right', margin: [0, 2, 0, 0] },
          { text: data.verificationCode, fontSize: 8.5, bold: true, alignment: 'right' },
        ],
      },
    ],
    columnGap: 12,
    margin: [0, 0, 0, 10],
  };
}

function studentBlock(data: ReleaseFormData, template: ReleaseTemplate): Content {
  const label = (text: string): Content => ({ text, fontSize: 8, color: COLORS.muted });
  const value = (text: string): Content => ({ text: text || ' ', fontSize: 12, bold: true, margin: [0, 1, 0, 0] });
  return {
    table: {
      widths: ['*', 130],
      body: [
        [
          { stack: [label(template.labels.studentName), value(data.student.name)], margin: [6, 4, 6, 5] },
          { stack: [label(template.labels.dateOfBirth), value(data.student.dob ? displayIsoDate(data.student.dob) : '')], margin: [6, 4, 6, 5] },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
    },
    margin: [0, 0, 0, 4],
  };
}

function signatureBlock(signer: ReleaseFormData['signers'][number], template: ReleaseTemplate, image: Uint8Array | undefined, signedOn: string | undefined): Content {
  const caption = signer.caption ? `${template.signature.signature} — ${signer.caption}` : template.signature.signature;
  const overlay: Content | undefined = image
    ? { image: pngDataUrl(image), fit: [SIGNATURE_WIDTH - 20, SIGNATURE_HEIGHT - 2], relativePosition: { x: 6, y: 1 } }
    : undefined;
  const rows: Content[] = [
    {
      columns: [
        fieldLine(SIGNATURE_WIDTH, caption, overlay, SIGNATURE_HEIGHT),
        // A line signed on screen is dated on screen too: HIPAA and § 51.30 want the date of signing on the form.
        fieldLine(DATE_WIDTH, template.signature.date, image && signedOn ? onLine(displayIsoDate(signedOn), SIGNATURE_HEIGHT) : undefined, SIGNATURE_HEIGHT),
      ],
      columnGap: LINE_GAP,
    },
    { columns: [fieldLine(SIGNATURE_WIDTH, template.signature.printedName, signer.name ? onLine(signer.name, 26) : undefined, 26)], margin: [0, 4, 0, 0] },
  ];
  if (signer.authorityLine) rows.push({ columns: [fieldLine(CONTENT_WIDTH, template.signature.authority, undefined, 26)], margin: [0, 4, 0, 0] });
  return { stack: rows, unbreakable: true, margin: [0, 6, 0, 14] };
}

export async function releaseForm(data: ReleaseFormData, template: ReleaseTemplate): Promise<Buffer> {
  const regimes = RELEASE_REGIMES.filter((r) => data.regimes.includes(r));
  const has = (r: ReleaseRegime) => regimes.includes(r);
  const images = new Map<number, Uint8Array>();
  for (const { signerIndex, png } of data.signatureImages ?? []) {
    if (!Number.isInteger(signerIndex) || signerIndex < 0 || signerIndex >= Math.max(1, data.signers.length)) {
      throw new Error(`A signature image is for signer ${signerIndex + 1}, but the form has ${data.signers.length} signer(s).`);
    }
    images.set(signerIndex, png);
  }
  const t = template;

  // Authorization: who releases, about whom, to whom.
  const authorization = section(
    t.headings.authorization,
    paragraph(fill(t.authorize, { disclosers: joinListBold(data.disclosers, t.labels.and), student: { text: data.student.name, bold: true } })),
    { text: `${t.labels.recipients}:`, bold: true, margin: [0, 0, 0, 2] },
    { ul: data.recipients.map((r) => ({ text: r })), margin: [6, 0, 0, 4] },
  );

  const records = section(
    t.headings.records,
    { text: t.recordsIntro, color: COLORS.muted, fontSize: 9.5, margin: [0, 0, 0, 3] },
    ...data.categories.map((c) => checkItem(c.note ? [{ text: c.label }, { text: ` — ${c.note}`, color: COLORS.muted }] : [{ text: c.label }], true)),
  );

  const purpose = section(t.headings.purpose, paragraph(data.purpose));

  const period = section(
    t.headings.period,
    paragraph(
      data.expiry.kind === 'date'
        ? fill(t.expiry.date, { date: { text: displayIsoDate(data.expiry.on), bold: true } })
        : fill(t.expiry.event, { event: { text: data.expiry.event, bold: true } }),
    ),
  );

  const protectedLaws = regimes.filter((r) => r !== 'HIPAA').map((r) => t.lawNames[r]);
  const statements: Content[] = [
    statement(t.statements.revocation, { name: { text: data.revokeTo.name, bold: true }, address: data.revokeTo.address }),
    statement(t.statements.conditioning),
  ];
  if (has('HIPAA')) statements.push(statement(t.statements.redisclosureHipaa));
  if (protectedLaws.length > 0 || !has('HIPAA')) {
    statements.push(statement(t.statements.redisclosureProtected, { laws: joinList(protectedLaws.length > 0 ? protectedLaws : [t.lawNames.FERPA], t.labels.and) }));
  }
  if (has('FERPA')) statements.push(statement(t.statements.ferpa));
  if (has('CFR42_PART2')) statements.push(statement(t.statements.part2Redisclosure));
  const [firstStatement, ...moreStatements] = statements as [Content, ...Content[]];

  const notices: Content[] = [];
  if (has('WI_51_30')) notices.push(boxedNotice(t.dhs92.heading, t.dhs92.text));
  if (has('CFR42_PART2')) notices.push(boxedNotice(t.part2Notice.heading, t.part2Notice.text));

  const signers = data.signers.length > 0 ? data.signers : [{ caption: '' }];
  const blocks = signers.map((s, i) => signatureBlock(s, t, images.get(i), data.signedOn));
  const blank = (n: number) => '_'.repeat(n);
  const closing: Content[] = [
    {
      text: fill(t.signature.copyGiven, data.copyGiven ? { date: displayIsoDate(data.copyGiven.on), by: data.copyGiven.by } : { date: blank(14), by: blank(24) }),
      margin: [0, 0, 0, 10],
    },
    {
      text: [
        ...fill(t.labels.preparedBy, { name: data.preparedBy, date: displayIsoDate(data.preparedOn) }),
        '   ',
        `${t.labels.verificationCode}: ${data.verificationCode}`,
      ],
      fontSize: 8,
      color: COLORS.muted,
    },
  ];
  // The heading stays with the first signer, and the copy line with the last: neither is left alone on a page.
  const signatureHead: Content[] = [heading(t.headings.signatures, [0, 14, 0, 4]), { text: t.signature.intro, margin: [0, 0, 0, 4] }];
  const signatures: Content[] = blocks.map((block, i) => {
    const stack: Content[] = [...(i === 0 ? signatureHead : []), block, ...(i === blocks.length - 1 ? closing : [])];
    return stack.length === 1 ? block : { stack, unbreakable: true };
  });

  const content: Content[] = [
    letterhead(data, t, regimes),
    studentBlock(data, t),
    ...authorization,
    ...records,
    ...purpose,
    ...period,
    ...section(t.headings.statements, firstStatement, ...moreStatements),
    ...(notices.length > 0 ? section(t.headings.notices, notices[0] as Content, ...notices.slice(1)) : []),
    ...signatures,
  ];

  return renderPdf(
    { organization: data.organization, title: t.title, formId: `${data.formId} · ${t.version}`, confidentiality: t.confidentiality, language: t.language },
    content,
    { subject: t.title },
  );
}
