/**
 * One page, in the style of the DPI model form M-5: the parent's one-time
 * written consent for the district to bill Medicaid (access the child's public
 * benefits) for IEP services, with the date of the annual written notice.
 *
 * Substance: 34 CFR 300.154(d)(2)(iv)–(v) (one-time consent after written
 * notice; refusal or withdrawal does not change the district's duty to provide
 * FAPE at no cost; no required enrollment, no out-of-pocket cost, no harm to
 * coverage) and 34 CFR 300.622 / 99.30 (consent to share the child's
 * information with the Medicaid agency, naming what, why and with whom).
 * Districts should compare this wording with the current DPI model form.
 */
import type { Content } from 'pdfmake/interfaces';
import { COLORS, renderPdf } from './pdf.ts';
import { CONTENT_WIDTH, checkItem, displayIsoDate, fieldLine, fill, heading, onLine } from './form-parts.ts';

export interface MedicaidConsentData {
  organization: string;
  formId: string;
  studentName: string;
  /** YYYY-MM-DD */
  studentDob: string | null;
  /** Printed on the name line; leave empty to write by hand. */
  parentName: string;
  /** YYYY-MM-DD: when the district gave the annual written notice. */
  annualNoticeDate: string;
  language: 'en' | 'es';
}

interface MedicaidConsentText {
  version: string;
  title: string;
  subtitle: string;
  confidentiality: string;
  student: string;
  dob: string;
  parent: string;
  /** "{date}" */
  notice: string;
  agreeHeading: string;
  points: string[];
  choiceHeading: string;
  give: string;
  refuse: string;
  signature: string;
  date: string;
  printedName: string;
}

const TEXT: Record<MedicaidConsentData['language'], MedicaidConsentText> = {
  en: {
    version: 'M-5-en-2026-11',
    title: 'Parent Consent to Bill Medicaid for IEP Services',
    subtitle: 'One-time consent to access public benefits (based on DPI model form M-5)',
    confidentiality: 'CONFIDENTIAL — Pupil record protected by FERPA and s. 118.125, Wis. Stats.',
    student: 'Student',
    dob: 'Date of birth',
    parent: 'Parent or guardian',
    notice: 'The district gave me its annual written notice about billing Medicaid for IEP services on {date}.',
    agreeHeading: 'What this consent means',
    points: [
      'The district may access my child’s public benefits (Wisconsin Medicaid, including BadgerCare Plus) to pay for the special education and related services in my child’s IEP.',
      'To bill Medicaid, the district may share my child’s name, date of birth, Medicaid ID number, and the IEP services provided (type, dates and length, and who provided them) with the Wisconsin Department of Health Services and its billing agent. It will share nothing else and use it for no other purpose.',
      'I do not have to sign up for Medicaid, and I will not pay any cost, deductible or co-pay for services the district bills to Medicaid. The district will not bill Medicaid if it would reduce my child’s lifetime coverage or other benefits, raise my premiums, or risk my child’s Medicaid or waiver eligibility.',
      'If I refuse or withdraw consent, my child’s right to a free appropriate public education does not change: the district must still provide every service in the IEP at no cost to me.',
      'I may withdraw this consent at any time by telling the district in writing. Withdrawal stops future billing; it does not undo bills already sent.',
      'This consent is given once. The district will not ask again unless the information it shares or the purpose changes, and it will send me a written notice every year.',
    ],
    choiceHeading: 'My decision (check one)',
    give: 'I give consent for the district to bill Medicaid for my child’s IEP services as described above.',
    refuse: 'I do not give consent.',
    signature: 'Signature of parent or guardian',
    date: 'Date',
    printedName: 'Printed name',
  },
  es: {
    version: 'M-5-es-2026-11',
    title: 'Consentimiento de los padres para facturar a Medicaid los servicios del IEP',
    subtitle: 'Consentimiento único para acceder a beneficios públicos (basado en el formulario modelo M-5 del DPI)',
    confidentiality: 'CONFIDENCIAL — Registro estudiantil protegido por FERPA y la sección 118.125 de los Estatutos de Wisconsin.',
    student: 'Estudiante',
    dob: 'Fecha de nacimiento',
    parent: 'Padre, madre o tutor',
    notice: 'El distrito me entregó su aviso anual por escrito sobre la facturación a Medicaid de los servicios del IEP el {date}.',
    agreeHeading: 'Qué significa este consentimiento',
    points: [
      'El distrito puede acceder a los beneficios públicos de mi hijo o hija (Medicaid de Wisconsin, incluido BadgerCare Plus) para pagar la educación especial y los servicios relacionados de su IEP.',
      'Para facturar a Medicaid, el distrito puede compartir el nombre, la fecha de nacimiento y el número de Medicaid de mi hijo o hija, y los servicios del IEP prestados (tipo, fechas, duración y quién los prestó), con el Departamento de Servicios de Salud de Wisconsin y su agente de facturación. No compartirá nada más ni lo usará para ningún otro fin.',
      'No tengo que inscribirme en Medicaid y no pagaré ningún costo, deducible ni copago por los servicios que el distrito facture a Medicaid. El distrito no facturará a Medicaid si eso reduce la cobertura de por vida u otros beneficios de mi hijo o hija, aumenta mis primas o pone en riesgo su elegibilidad para Medicaid o para un programa de exención (waiver).',
      'Si me niego a dar mi consentimiento o lo retiro, no cambia el derecho de mi hijo o hija a una educación pública gratuita y apropiada: el distrito debe seguir prestando todos los servicios del IEP sin costo para mí.',
      'Puedo retirar este consentimiento en cualquier momento avisando al distrito por escrito. El retiro detiene la facturación futura; no anula las facturas ya enviadas.',
      'Este consentimiento se da una sola vez. El distrito no lo volverá a pedir, salvo que cambie la información que comparte o el propósito, y me enviará un aviso por escrito cada año.',
    ],
    choiceHeading: 'Mi decisión (marque una opción)',
    give: 'Doy mi consentimiento para que el distrito facture a Medicaid los servicios del IEP de mi hijo o hija, según lo descrito arriba.',
    refuse: 'No doy mi consentimiento.',
    signature: 'Firma del padre, la madre o el tutor',
    date: 'Fecha',
    printedName: 'Nombre en letra de molde',
  },
};

export async function medicaidConsentForm(data: MedicaidConsentData): Promise<Buffer> {
  const t = TEXT[data.language];
  const label = (text: string): Content => ({ text, fontSize: 8, color: COLORS.muted });
  const value = (text: string): Content => ({ text: text || ' ', fontSize: 11.5, bold: true, margin: [0, 1, 0, 0] });
  const cell = (l: string, v: string): Content => ({ stack: [label(l), value(v)], margin: [6, 4, 6, 5] });
  const box = { hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => COLORS.rule, vLineColor: () => COLORS.rule };

  const content: Content[] = [
    { text: data.organization, fontSize: 13, bold: true, color: COLORS.accent },
    { text: t.title, fontSize: 15, bold: true, margin: [0, 4, 0, 2] },
    { text: t.subtitle, fontSize: 8.5, color: COLORS.muted, margin: [0, 0, 0, 8] },
    {
      table: {
        widths: ['*', 92, '*'],
        body: [[cell(t.student, data.studentName), cell(t.dob, data.studentDob ? displayIsoDate(data.studentDob) : ''), cell(t.parent, data.parentName)]],
      },
      layout: box,
      margin: [0, 0, 0, 8],
    },
    { text: fill(t.notice, { date: { text: displayIsoDate(data.annualNoticeDate), bold: true } }), margin: [0, 2, 0, 0] },
    heading(t.agreeHeading, [0, 8, 0, 4]),
    // Numbered by hand (not `ol`) so the number comes before its text when the PDF is read aloud or copied.
    ...t.points.map(
      (p, i): Content => ({
        columns: [
          { text: `${i + 1}.`, width: 14 },
          { text: p, width: '*' },
        ],
        fontSize: 9.5,
        lineHeight: 1.2,
        margin: [0, 0, 0, 3],
      }),
    ),
    heading(t.choiceHeading, [0, 6, 0, 4]),
    checkItem(t.give, false, [0, 2, 0, 4]),
    checkItem(t.refuse, false, [0, 0, 0, 2]),
    {
      stack: [
        { columns: [fieldLine(300, t.signature, undefined, 34), fieldLine(CONTENT_WIDTH - 300 - 46, t.date, undefined, 34)], columnGap: 46 },
        { columns: [fieldLine(300, t.printedName, data.parentName ? onLine(data.parentName, 26) : undefined, 26)], margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
      margin: [0, 6, 0, 0],
    },
  ];

  return renderPdf(
    { organization: data.organization, title: t.title, formId: `${data.formId} · ${t.version}`, confidentiality: t.confidentiality, language: data.language },
    content,
    { subject: t.title },
  );
}
